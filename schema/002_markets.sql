-- Active markets from Gamma /markets. One row per condition id; the newest updated_at wins.
-- Gamma sends outcomes and clobTokenIds as JSON arrays inside a string; they are decoded before insert and
-- stored as arrays. Token ids are 75–78 digit decimal strings (uint256), so String, never a number type.
CREATE TABLE IF NOT EXISTS markets
(
    condition_id       String,
    gamma_id           String DEFAULT '',
    question           String DEFAULT '',
    slug               String DEFAULT '',
    event_slug         String DEFAULT '',
    category           LowCardinality(String) DEFAULT '',
    tags               Array(String) DEFAULT [],
    outcomes           Array(String) DEFAULT [],
    outcome_prices     Array(Float64) DEFAULT [],
    clob_token_ids     Array(String) DEFAULT [],
    volume             Float64 DEFAULT 0,
    volume_24hr        Float64 DEFAULT 0,
    liquidity          Float64 DEFAULT 0,
    active             UInt8 DEFAULT 1,
    closed             UInt8 DEFAULT 0,
    end_date           Nullable(DateTime64(3, 'UTC')),
    updated_at         DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY (condition_id)
SETTINGS index_granularity = 8192, non_replicated_deduplication_window = 1000;
