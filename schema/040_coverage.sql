-- Coverage (issue 14): the holder-discovery rotation, the backfill checkpoints and closed-position history.

-- One row per market whose holders and recent trades holder-sync has read: the rotation reads the oldest first.
-- A market with no holders still gets a row, so it is not rescanned every run ahead of the others.
CREATE TABLE IF NOT EXISTS holder_scans
(
    condition_id       String,
    scanned_at         DateTime64(3, 'UTC'),
    holders            UInt32 DEFAULT 0,
    traders            UInt32 DEFAULT 0
)
ENGINE = ReplacingMergeTree(scanned_at)
ORDER BY (condition_id)
SETTINGS non_replicated_deduplication_window = 1000;

-- A wallet's backfill is 'done' once its whole history from since_sec on is stored (rows acknowledged first);
-- `whaletop backfill --resume` skips those. 'failed' rows are retried. The newest row per wallet wins.
CREATE TABLE IF NOT EXISTS backfill_checkpoints
(
    proxy_wallet       String,
    status             Enum8('done' = 1, 'failed' = 2),
    since_sec          Int64 DEFAULT 0,
    activity_rows      UInt64 DEFAULT 0,
    closed_rows        UInt32 DEFAULT 0,
    requests           UInt32 DEFAULT 0,
    error              String DEFAULT '',
    finished_at        DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(finished_at)
ORDER BY (proxy_wallet)
SETTINGS non_replicated_deduplication_window = 1000;

-- /closed-positions history. Keyed by its natural key (wallet, market, outcome token), so writing a wallet's
-- history again replaces rather than duplicates (read with FINAL).
CREATE TABLE IF NOT EXISTS wallet_closed_positions
(
    proxy_wallet       String,
    condition_id       String,
    asset              String,
    outcome            String DEFAULT '',
    outcome_index      UInt16 DEFAULT 0,
    avg_price          Float64 DEFAULT 0,
    total_bought       Float64 DEFAULT 0,
    realized_pnl       Float64 DEFAULT 0,
    cur_price          Float64 DEFAULT 0,
    title              String DEFAULT '',
    market_slug        String DEFAULT '',
    closed_at          DateTime64(3, 'UTC'),
    updated_at         DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY (proxy_wallet, condition_id, asset)
SETTINGS non_replicated_deduplication_window = 1000;
