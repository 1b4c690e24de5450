-- Closed positions from the Data API's /closed-positions (issue 13): one row per (wallet, market, outcome) the
-- wallet has sold out of or redeemed, with the realised PnL Polymarket computed. The newest fetch wins.
-- Real traffic: total_bought is in shares (not USDC), so the stake of a leg is total_bought × avg_price.
CREATE TABLE IF NOT EXISTS closed_positions
(
    proxy_wallet       String,
    condition_id       String,
    asset              String DEFAULT '',
    outcome            LowCardinality(String) DEFAULT '',
    outcome_index      UInt16 DEFAULT 0,
    avg_price          Float64 DEFAULT 0,
    total_bought       Float64 DEFAULT 0,   -- shares
    realized_pnl       Float64 DEFAULT 0,
    cur_price          Float64 DEFAULT 0,
    title              String DEFAULT '',
    market_slug        String DEFAULT '',
    closed_at          DateTime64(3, 'UTC'),
    updated_at         DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY (proxy_wallet, condition_id, outcome_index)
SETTINGS index_granularity = 8192, non_replicated_deduplication_window = 1000;
