-- The five wallet tables of the Phase 2 spec (README, Decisions), as specified there.
-- Deviations, each forced by real data (docs/POLYMARKET_API.md §0):
--   * outcome_index is UInt16, not UInt8: the Data API uses 999 as a sentinel on /activity TRADE rows and
--     global /trades rows, which UInt8 would silently wrap to 231.
--   * every DateTime64 is pinned to UTC: the Data API sends unix seconds, Gamma sends RFC 3339 / Postgres-style
--     strings; the writer converts both to UTC before insert, so the column must not depend on the server zone.
--   * wallet_activity carries fill_seq: one transaction can settle several fills that share every visible field
--     (tx hash, asset, side, size, price, timestamp), and the Data API gives no log index. fill_seq numbers such
--     identical fills 0, 1, 2… in the order the API returned them, so the natural key stays unique.
--   * wallet_activity sets non_replicated_deduplication_window so a retried insert (same
--     insert_deduplication_token) never lands twice.

CREATE TABLE IF NOT EXISTS trader_rankings
(
    proxy_wallet       String,
    user_name          String DEFAULT '',
    profile_image      String DEFAULT '' CODEC(ZSTD(3)),
    rank               UInt32,
    category           LowCardinality(String),
    time_period        LowCardinality(String),
    order_by           LowCardinality(String),
    pnl                Float64 DEFAULT 0,
    volume             Float64 DEFAULT 0,
    verified_badge     UInt8 DEFAULT 0,
    x_username         String DEFAULT '',
    snapshot_time      DateTime64(3, 'UTC') DEFAULT now64(3),
    INDEX wallet_idx proxy_wallet TYPE bloom_filter GRANULARITY 4,
    INDEX category_idx category TYPE set(20) GRANULARITY 4
)
ENGINE = ReplacingMergeTree(snapshot_time)
ORDER BY (proxy_wallet, category, time_period, order_by)
SETTINGS index_granularity = 8192, non_replicated_deduplication_window = 1000;

CREATE TABLE IF NOT EXISTS market_holders
(
    condition_id       LowCardinality(String),
    token_id           String DEFAULT '',
    proxy_wallet       String,
    pseudonym          String DEFAULT '',
    profile_image      String DEFAULT '' CODEC(ZSTD(3)),
    outcome_index      UInt16 DEFAULT 0,
    amount             Float64 DEFAULT 0,
    snapshot_time      DateTime64(3, 'UTC') DEFAULT now64(3),
    INDEX condition_idx condition_id TYPE bloom_filter GRANULARITY 4,
    INDEX wallet_idx proxy_wallet TYPE bloom_filter GRANULARITY 4
)
ENGINE = ReplacingMergeTree(snapshot_time)
ORDER BY (condition_id, proxy_wallet, outcome_index)
SETTINGS index_granularity = 8192, non_replicated_deduplication_window = 1000;

CREATE TABLE IF NOT EXISTS wallet_positions
(
    proxy_wallet       String,
    condition_id       LowCardinality(String),
    asset              String DEFAULT '',
    outcome            LowCardinality(String),
    outcome_index      UInt16 DEFAULT 0,
    size               Float64 DEFAULT 0,
    avg_price          Float64 DEFAULT 0,
    initial_value      Float64 DEFAULT 0,
    current_value      Float64 DEFAULT 0,
    cur_price          Float64 DEFAULT 0,
    cash_pnl           Float64 DEFAULT 0,
    percent_pnl        Float64 DEFAULT 0,
    realized_pnl       Float64 DEFAULT 0,
    title              String DEFAULT '',
    market_slug        String DEFAULT '',
    end_date           DateTime64(3, 'UTC') DEFAULT toDateTime64('2099-01-01', 3, 'UTC'),
    updated_at         DateTime64(3, 'UTC') DEFAULT now64(3),
    INDEX wallet_idx proxy_wallet TYPE bloom_filter GRANULARITY 4,
    INDEX condition_idx condition_id TYPE bloom_filter GRANULARITY 4
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY (proxy_wallet, condition_id, outcome)
SETTINGS index_granularity = 8192, non_replicated_deduplication_window = 1000;

CREATE TABLE IF NOT EXISTS wallet_activity
(
    proxy_wallet       String,
    condition_id       LowCardinality(String),
    asset              String DEFAULT '',
    activity_type      LowCardinality(String),
    side               LowCardinality(String) DEFAULT '',
    outcome            LowCardinality(String) DEFAULT '',
    outcome_index      UInt16 DEFAULT 0,
    size               Float64 DEFAULT 0,
    usdc_size          Float64 DEFAULT 0,
    price              Float64 DEFAULT 0,
    transaction_hash   String DEFAULT '',
    fill_seq           UInt16 DEFAULT 0,
    title              String DEFAULT '',
    market_slug        String DEFAULT '',
    timestamp          DateTime64(3, 'UTC') CODEC(DoubleDelta, LZ4),
    ts_date            Date MATERIALIZED toDate(timestamp),
    INDEX wallet_idx proxy_wallet TYPE bloom_filter GRANULARITY 4,
    INDEX condition_idx condition_id TYPE bloom_filter GRANULARITY 4,
    INDEX tx_idx transaction_hash TYPE bloom_filter GRANULARITY 4,
    INDEX type_idx activity_type TYPE set(10) GRANULARITY 4
)
ENGINE = MergeTree()
PARTITION BY toYYYYMM(timestamp)
ORDER BY (proxy_wallet, timestamp, condition_id)
TTL toDateTime(timestamp) + INTERVAL 1 YEAR DELETE
SETTINGS index_granularity = 8192, non_replicated_deduplication_window = 1000;

CREATE TABLE IF NOT EXISTS trader_profiles
(
    proxy_wallet       String,
    pseudonym          String DEFAULT '',
    name               String DEFAULT '',
    bio                String DEFAULT '' CODEC(ZSTD(3)),
    profile_image      String DEFAULT '' CODEC(ZSTD(3)),
    x_username         String DEFAULT '',
    verified_badge     UInt8 DEFAULT 0,
    display_username_public UInt8 DEFAULT 0,
    profile_created_at DateTime64(3, 'UTC') DEFAULT toDateTime64('1970-01-01', 3, 'UTC'),
    discovered_via     LowCardinality(String) DEFAULT '',
    first_seen_at      DateTime64(3, 'UTC') DEFAULT now64(3),
    updated_at         DateTime64(3, 'UTC') DEFAULT now64(3),
    INDEX pseudonym_idx pseudonym TYPE tokenbf_v1(1024, 3, 0) GRANULARITY 4,
    INDEX x_idx x_username TYPE bloom_filter GRANULARITY 4
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY (proxy_wallet)
SETTINGS index_granularity = 8192, non_replicated_deduplication_window = 1000;
