-- Live-signal tables of the CASCADIAN plan (README, Decisions), adapted to real data:
--   * market_id is the condition id (0x + 64 hex) and token_id the outcome's CLOB token (77-digit decimal
--     string); the plan's side Enum8('YES','NO') cannot describe multi-outcome markets, so the outcome label
--     and index are stored instead.
--   * prices are Float64 in [0, 1]: the plan's Decimal(10,6) adds nothing for display and costs conversions.
--   * timestamps are DateTime64(3, 'UTC'): WS frames carry unix milliseconds.
--   * elite_trade_attributions keys trades by (tx hash, asset, side, size, price, timestamp) via trade_id.
--   * fired_signals carries the outcome columns (price 5 and 15 min later, whether the direction was right);
--     outcomes are written as a newer version of the row (ReplacingMergeTree on updated_at).

CREATE TABLE IF NOT EXISTS price_snapshots_10s
(
    market_id          String,
    token_id           String,
    outcome            LowCardinality(String) DEFAULT '',
    timestamp          DateTime64(3, 'UTC'),
    mid_price          Float64,
    best_bid           Float64,
    best_ask           Float64,
    spread_bps         UInt16,
    bid_volume         Float64 DEFAULT 0,
    ask_volume         Float64 DEFAULT 0,
    traded_volume      Float64 DEFAULT 0,
    snapshot_source    Enum8('websocket' = 1, 'api' = 2) DEFAULT 'websocket',
    created_at         DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = MergeTree()
PARTITION BY toYYYYMM(timestamp)
ORDER BY (market_id, token_id, timestamp)
TTL toDateTime(timestamp) + INTERVAL 90 DAY DELETE
SETTINGS index_granularity = 8192, non_replicated_deduplication_window = 1000;

CREATE TABLE IF NOT EXISTS elite_trade_attributions
(
    trade_id           String,
    market_id          String,
    token_id           String DEFAULT '',
    wallet_address     String,
    wallet_name        String DEFAULT '',
    wallet_rank        UInt32 DEFAULT 0,
    side               Enum8('BUY' = 1, 'SELL' = 2),
    outcome            LowCardinality(String) DEFAULT '',
    size               Float64 DEFAULT 0,
    size_usd           Float64 DEFAULT 0,
    price              Float64 DEFAULT 0,
    transaction_hash   String DEFAULT '',
    is_elite           Bool,
    is_watched         Bool DEFAULT false,
    elite_score        Nullable(Float64),
    timestamp          DateTime64(3, 'UTC'),
    created_at         DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(created_at)
PARTITION BY toYYYYMM(timestamp)
ORDER BY (market_id, timestamp, wallet_address, trade_id)
SETTINGS index_granularity = 8192, non_replicated_deduplication_window = 1000;

CREATE TABLE IF NOT EXISTS fired_signals
(
    signal_id              UUID,
    market_id              String,
    market_slug            String DEFAULT '',
    question               String DEFAULT '',
    token_id               String DEFAULT '',
    outcome                LowCardinality(String) DEFAULT '',
    signal_type            Enum8('ELITE_MOMENTUM' = 1, 'MOMENTUM_ONLY' = 2),
    direction              Enum8('UP' = 1, 'DOWN' = 2),
    momentum_velocity      Float64,           -- cents per minute over the velocity window
    momentum_acceleration  Float64,           -- cents per minute per minute
    volume_surge           Float64 DEFAULT 0, -- traded volume / recent average
    elite_wallet_address   Nullable(String),
    elite_wallet_name      Nullable(String),
    elite_rank             Nullable(UInt32),
    elite_score            Nullable(Float64),
    elite_side             Nullable(Enum8('BUY' = 1, 'SELL' = 2)),
    elite_size_usd         Nullable(Float64),
    confidence             Enum8('LOW' = 1, 'MEDIUM' = 2, 'HIGH' = 3),
    entry_window           String,
    price_at_signal        Float64,
    timestamp              DateTime64(3, 'UTC'),
    price_after_5m         Nullable(Float64),
    price_after_15m        Nullable(Float64),
    direction_correct_5m   Nullable(Bool),
    direction_correct_15m  Nullable(Bool),
    user_action            Nullable(Enum8('IGNORED' = 1, 'VIEWED' = 2, 'TRADED' = 3)),
    user_entry_price       Nullable(Float64),
    user_entry_time        Nullable(DateTime64(3, 'UTC')),
    signal_pnl             Nullable(Float64),
    updated_at             DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(updated_at)
PARTITION BY toYYYYMM(timestamp)
ORDER BY (market_id, timestamp, signal_id)
SETTINGS index_granularity = 8192, non_replicated_deduplication_window = 1000;
