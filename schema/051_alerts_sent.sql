-- Every alert whaletop sent (issue 14, "Alerts become tunable"): a followed wallet's trade or a live signal, after
-- the alert policy (minimum confidence, categories, per-wallet on/off, minimum trade size, quiet period per wallet
-- and market) let it through. The Alerts view lists them; the quiet period is checked against them at start, so
-- a restart does not re-fire what was just sent. `channels` says where it went (bell, webhook); `webhook_status`
-- is the HTTP status, 0 when the webhook is off or failed (its error in `webhook_error`).
CREATE TABLE IF NOT EXISTS alerts_sent
(
    alert_id           String,                           -- the trade id or signal id it is about
    kind               Enum8('trade' = 1, 'signal' = 2),
    wallet_address     String DEFAULT '',
    wallet_name        String DEFAULT '',
    market_id          String DEFAULT '',
    question           String DEFAULT '',
    category           LowCardinality(String) DEFAULT '',
    side               LowCardinality(String) DEFAULT '',
    outcome            String DEFAULT '',
    size_usd           Float64 DEFAULT 0,
    price              Float64 DEFAULT 0,
    confidence         LowCardinality(String) DEFAULT '',
    summary            String DEFAULT '',
    channels           Array(LowCardinality(String)) DEFAULT [],
    webhook_status     UInt16 DEFAULT 0,
    webhook_error      String DEFAULT '',
    sent_at            DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(sent_at)
PARTITION BY toYYYYMM(sent_at)
ORDER BY (alert_id, kind)
TTL toDateTime(sent_at) + INTERVAL 180 DAY DELETE
SETTINGS non_replicated_deduplication_window = 1000;
