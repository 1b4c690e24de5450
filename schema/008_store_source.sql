-- Where a store's data came from: Polymarket itself ('live') or the built-in simulator ('demo'). The first run of
-- whaletop on a store records it; a later run with the other source refuses to start (src/store/source.ts), so
-- simulated wallets never show up labelled as live (issue 11, defect 2). One row in practice; the oldest wins.
CREATE TABLE IF NOT EXISTS store_source
(
    source      LowCardinality(String),
    claimed_at  DateTime64(3, 'UTC'),
    -- What whaletop saw when it claimed the store: 'empty', or 'had data' for a store written before sources were
    -- recorded (it cannot tell demo rows from live ones, and takes the store for the source that opened it).
    note        String DEFAULT ''
)
ENGINE = MergeTree
ORDER BY claimed_at
SETTINGS non_replicated_deduplication_window = 100;
