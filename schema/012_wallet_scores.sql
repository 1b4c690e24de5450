-- Wallet intelligence (issue 13): the metrics of src/store/metrics/, one row per (wallet, category), category
-- 'OVERALL' for all markets together. Written by the wallet-scores job: a full recompute, or only the wallets
-- marked in wallet_score_dirty since the last run (a new trade does not recompute the world). The newest
-- computation of a key wins. grade is '' below the minimum sample (the UI shows "—").
CREATE TABLE IF NOT EXISTS wallet_scores
(
    proxy_wallet       String,
    category           LowCardinality(String),
    settled_markets    UInt32,
    wins               UInt32,
    win_rate           Float64,
    realized_pnl       Float64,
    gains              Float64,
    losses             Float64,
    settled_stake      Float64,
    omega_raw          Float64,
    omega_shrunk       Float64,
    roi                Float64,
    volume             Float64,
    trades             UInt32,
    avg_bet            Float64,
    max_bet            Float64,
    markets_traded     UInt32,
    first_seen         DateTime64(3, 'UTC'),
    last_seen          DateTime64(3, 'UTC'),
    buy_share          Float64,     -- share of traded volume that is buying
    first_outcome_share Float64,    -- share of bought volume on outcome 0 (Yes)
    two_sided_share    Float64,     -- share of traded markets where both outcomes were bought
    grade              LowCardinality(String),
    whale_score        Float64,
    insider_score      Float64,
    insider_fresh      Float64,     -- each insider factor in [0, 1]; see src/store/metrics/scores.ts
    insider_few_markets Float64,
    insider_concentration Float64,
    insider_niche      Float64,
    insider_timing     Float64,
    labels             Array(LowCardinality(String)),
    computed_at        DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(computed_at)
ORDER BY (proxy_wallet, category)
SETTINGS index_granularity = 8192, non_replicated_deduplication_window = 1000;

-- The population prior of the shrinkage (gain and loss per dollar staked over every wallet above the minimum
-- sample), written by each full recompute and read by the incremental ones, so an incremental run scores with
-- the same prior as the last full run.
CREATE TABLE IF NOT EXISTS wallet_score_prior
(
    category           LowCardinality(String),
    gain_rate          Float64,
    loss_rate          Float64,
    wallets            UInt32,
    computed_at        DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(computed_at)
ORDER BY (category)
SETTINGS non_replicated_deduplication_window = 1000;

-- Wallets whose inputs changed: every insert into wallet_activity, closed_positions or wallet_positions marks its
-- wallets here (materialized views below). The incremental run scores the wallets marked since its watermark.
CREATE TABLE IF NOT EXISTS wallet_score_dirty
(
    proxy_wallet       String,
    marked_at          DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = MergeTree
ORDER BY (marked_at, proxy_wallet)
TTL toDateTime(marked_at) + INTERVAL 7 DAY DELETE;

CREATE MATERIALIZED VIEW IF NOT EXISTS wallet_score_dirty_activity TO wallet_score_dirty AS
SELECT DISTINCT proxy_wallet, now64(3) AS marked_at FROM wallet_activity;

CREATE MATERIALIZED VIEW IF NOT EXISTS wallet_score_dirty_closed TO wallet_score_dirty AS
SELECT DISTINCT proxy_wallet, now64(3) AS marked_at FROM closed_positions;

CREATE MATERIALIZED VIEW IF NOT EXISTS wallet_score_dirty_positions TO wallet_score_dirty AS
SELECT DISTINCT proxy_wallet, now64(3) AS marked_at FROM wallet_positions;
