-- Older price history of each outcome token from CLOB /prices-history (issue 15: the market chart's 1 w and all
-- ranges reach back before the live feed's price_snapshots_10s). One row per (token, time); a refetch replaces it.
CREATE TABLE IF NOT EXISTS price_history
(
    market_id          String,
    token_id           String,
    timestamp          DateTime64(3, 'UTC'),
    price              Float64,
    fetched_at         DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(fetched_at)
PARTITION BY toYYYYMM(timestamp)
ORDER BY (market_id, token_id, timestamp)
SETTINGS index_granularity = 8192;

-- Markets the trader opened whose holders or history the store lacks: the UI writes a request here, the
-- market-fill job fetches and marks it done. The UI never calls the network itself.
CREATE TABLE IF NOT EXISTS market_fill_requests
(
    market_id          String,
    requested_at       DateTime64(3, 'UTC'),
    done_at            Nullable(DateTime64(3, 'UTC')),
    error              String DEFAULT '',
    updated_at         DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY market_id
SETTINGS index_granularity = 8192;
