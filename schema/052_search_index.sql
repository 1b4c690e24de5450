-- Global search (issue 14, "Search"): one row per (kind, key, source) with the lower-case text a search matches,
-- filled by materialized views from every table that names a wallet or a market, so no job needs to know about it.
-- A wallet is found by address prefix (the primary key: `key` is the lower-case address, so a prefix is a range
-- read) or by a fragment of its name / pseudonym / leaderboard user name (`terms`, an ngram bloom filter: a fragment
-- of 3+ characters skips the granules that cannot hold it). A market is found by the words of its title (tokens
-- of `terms`, same index). ReplacingMergeTree(updated_at): the newest text of a source wins.
CREATE TABLE IF NOT EXISTS search_index
(
    kind               Enum8('wallet' = 1, 'market' = 2),
    key                String,                          -- lower-case address, or condition id
    source             LowCardinality(String),          -- profile | leaderboard | holder | market
    label              String DEFAULT '',               -- what a result shows (name, or the market's question)
    terms              String DEFAULT '',               -- lower-case text matched by a search
    updated_at         DateTime64(3, 'UTC') DEFAULT now64(3),
    INDEX terms_ngram terms TYPE ngrambf_v1(3, 65536, 2, 0) GRANULARITY 1
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY (kind, key, source)
SETTINGS index_granularity = 2048, non_replicated_deduplication_window = 1000;

CREATE MATERIALIZED VIEW IF NOT EXISTS search_from_profiles TO search_index AS
SELECT 'wallet' AS kind, lower(proxy_wallet) AS key, 'profile' AS source,
       if(notEmpty(trimBoth(name)), name, pseudonym) AS label,
       lower(concat(name, ' ', pseudonym, ' ', x_username)) AS terms, updated_at
FROM trader_profiles;

CREATE MATERIALIZED VIEW IF NOT EXISTS search_from_rankings TO search_index AS
SELECT 'wallet' AS kind, lower(proxy_wallet) AS key, 'leaderboard' AS source, user_name AS label,
       lower(user_name) AS terms, snapshot_time AS updated_at
FROM trader_rankings;

CREATE MATERIALIZED VIEW IF NOT EXISTS search_from_holders TO search_index AS
SELECT 'wallet' AS kind, lower(proxy_wallet) AS key, 'holder' AS source, pseudonym AS label,
       lower(pseudonym) AS terms, snapshot_time AS updated_at
FROM market_holders;

CREATE MATERIALIZED VIEW IF NOT EXISTS search_from_markets TO search_index AS
SELECT 'market' AS kind, lower(condition_id) AS key, 'market' AS source, question AS label,
       lower(concat(question, ' ', replaceAll(slug, '-', ' '), ' ', event_slug)) AS terms, updated_at
FROM markets;

-- Rows stored before this migration: the views only see new inserts.
INSERT INTO search_index (kind, key, source, label, terms, updated_at)
SELECT 'wallet', lower(proxy_wallet), 'profile', if(notEmpty(trimBoth(name)), name, pseudonym),
       lower(concat(name, ' ', pseudonym, ' ', x_username)), updated_at
FROM trader_profiles FINAL;

INSERT INTO search_index (kind, key, source, label, terms, updated_at)
SELECT 'wallet', lower(proxy_wallet), 'leaderboard', argMax(user_name, snapshot_time), lower(argMax(user_name, snapshot_time)), max(snapshot_time)
FROM trader_rankings GROUP BY proxy_wallet;

INSERT INTO search_index (kind, key, source, label, terms, updated_at)
SELECT 'wallet', lower(proxy_wallet), 'holder', argMax(pseudonym, snapshot_time), lower(argMax(pseudonym, snapshot_time)), max(snapshot_time)
FROM market_holders GROUP BY proxy_wallet;

INSERT INTO search_index (kind, key, source, label, terms, updated_at)
SELECT 'market', lower(condition_id), 'market', question, lower(concat(question, ' ', replaceAll(slug, '-', ' '), ' ', event_slug)), updated_at
FROM markets FINAL;
