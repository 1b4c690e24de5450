-- Durable state of the sync engine and the live feed, so that a restart (or kill -9) loses nothing.
-- Every table keeps a deduplication window so a retried writer batch (same insert_deduplication_token) lands once.

-- One row per job run: written at start (finished NULL) and again at the end (newer version wins).
CREATE TABLE IF NOT EXISTS job_runs
(
    run_id             UUID,
    job                LowCardinality(String),
    started            DateTime64(3, 'UTC'),
    finished           Nullable(DateTime64(3, 'UTC')),
    status             Enum8('running' = 1, 'ok' = 2, 'error' = 3, 'timeout' = 4, 'aborted' = 5),
    rows               UInt64 DEFAULT 0,
    pages              UInt32 DEFAULT 0,
    rejected           UInt32 DEFAULT 0,
    error              String DEFAULT '',
    version            UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(started)
ORDER BY (job, started, run_id)
TTL toDateTime(started) + INTERVAL 90 DAY DELETE
SETTINGS non_replicated_deduplication_window = 1000;

-- Key/value watermarks: (scope, key) → value. Scopes in use:
--   tracked_wallet   key = wallet, value = discovered_via ('leaderboard' | 'holders' | 'manual')
--   enriched_wallet  key = wallet, value = 'profile' | 'no_profile'
--   activity_wm      key = wallet, value = newest acknowledged activity timestamp (unix seconds)
--   trades_wm        key = condition id, value = newest acknowledged /trades timestamp (unix seconds)
-- A deleted entry is a newer row with deleted = 1.
CREATE TABLE IF NOT EXISTS sync_state
(
    scope              LowCardinality(String),
    key                String,
    value              String DEFAULT '',
    deleted            UInt8 DEFAULT 0,
    updated_at         DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY (scope, key)
SETTINGS non_replicated_deduplication_window = 1000;

CREATE TABLE IF NOT EXISTS watchlist_markets
(
    market_id          String,             -- condition id
    market_slug        String DEFAULT '',
    question           String DEFAULT '',
    category           LowCardinality(String) DEFAULT '',
    token_ids          Array(String) DEFAULT [],
    outcomes           Array(String) DEFAULT [],
    auto_added         UInt8 DEFAULT 1,    -- 0 = added by the trader: never auto-removed
    auto_added_reason  String DEFAULT '',
    priority           Int32 DEFAULT 0,
    removed            UInt8 DEFAULT 0,    -- a removal is a newer row with removed = 1
    created_at         DateTime64(3, 'UTC') DEFAULT now64(3),
    updated_at         DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY (market_id)
SETTINGS non_replicated_deduplication_window = 1000;

CREATE TABLE IF NOT EXISTS watchlist_wallets
(
    wallet_address     String,
    label              String DEFAULT '',
    best_rank          UInt32 DEFAULT 0,
    elite_score        Nullable(Float64),
    category           LowCardinality(String) DEFAULT '',
    auto_added         UInt8 DEFAULT 1,
    auto_added_reason  String DEFAULT '',
    last_trade_detected_at Nullable(DateTime64(3, 'UTC')),
    total_signals_generated UInt32 DEFAULT 0,
    removed            UInt8 DEFAULT 0,
    created_at         DateTime64(3, 'UTC') DEFAULT now64(3),
    updated_at         DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY (wallet_address)
SETTINGS non_replicated_deduplication_window = 1000;

-- Per-wallet sync bookkeeping for position-sync: last success, counts, last error.
CREATE TABLE IF NOT EXISTS wallet_sync_metadata
(
    proxy_wallet       String,
    last_position_sync Nullable(DateTime64(3, 'UTC')),
    last_activity_sync Nullable(DateTime64(3, 'UTC')),
    positions_count    UInt32 DEFAULT 0,
    activity_count     UInt64 DEFAULT 0,
    last_error         String DEFAULT '',
    updated_at         DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY (proxy_wallet)
SETTINGS non_replicated_deduplication_window = 1000;
