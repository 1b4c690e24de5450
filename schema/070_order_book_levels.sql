-- The top levels of each watched token's order book, one set per 10 s snapshot boundary (issue 15: the market
-- view draws the live book from the store; components never read the feed). Kept a day: the view shows the
-- newest set, older sets only explain what the book looked like around a signal.
CREATE TABLE IF NOT EXISTS order_book_levels
(
    market_id          String,
    token_id           String,
    timestamp          DateTime64(3, 'UTC'),
    side               Enum8('BID' = 1, 'ASK' = 2),
    level              UInt8,
    price              Float64,
    size               Float64
)
ENGINE = MergeTree()
PARTITION BY toYYYYMMDD(timestamp)
ORDER BY (market_id, token_id, timestamp, side, level)
TTL toDateTime(timestamp) + INTERVAL 1 DAY DELETE
SETTINGS index_granularity = 8192;
