-- board_latest: the newest snapshot time of every leaderboard (category, period, order), held in memory by
-- ClickHouse. A leaderboard row is current when it is within a sync span of its board's newest snapshot
-- (src/store/queries/sql.ts); the panes read that newest time with dictGet inside their own statement instead of
-- a subquery that groups the whole table on every refresh: on the embedded engine that subquery was ~5 ms of the
-- wallet view and of each leaderboard statement (bench/queries).
-- Freshness: the store reloads it after rows land in trader_rankings and before the insert resolves
-- (src/store/dictionaries.ts); LIFETIME is the backstop for rows written by another process (a shared server).
CREATE VIEW IF NOT EXISTS board_latest_source AS
SELECT category, time_period, order_by, max(snapshot_time) AS latest
FROM trader_rankings
GROUP BY category, time_period, order_by;

CREATE DICTIONARY IF NOT EXISTS board_latest
(
    category    String,
    time_period String,
    order_by    String,
    latest      DateTime64(3, 'UTC')
)
PRIMARY KEY category, time_period, order_by
SOURCE(CLICKHOUSE(TABLE 'board_latest_source'))
LIFETIME(MIN 30 MAX 60)
LAYOUT(COMPLEX_KEY_HASHED());
