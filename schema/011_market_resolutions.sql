-- How each market resolved (issue 13), from Gamma (closed = true with outcomePrices of 1 and 0) or the WS
-- market_resolved frame. payouts[i] is what one share of outcome i pays (1 for the winner, 0 for a loser; a
-- 50-50 resolution pays 0.5 each). One row per market; the newest answer wins.
CREATE TABLE IF NOT EXISTS market_resolutions
(
    condition_id       String,
    winning_index      Int16 DEFAULT -1,      -- -1: no single winner (split payout)
    payouts            Array(Float64),
    resolved_at        DateTime64(3, 'UTC'),
    source             LowCardinality(String) DEFAULT 'gamma',
    updated_at         DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY (condition_id)
SETTINGS index_granularity = 8192, non_replicated_deduplication_window = 1000;
