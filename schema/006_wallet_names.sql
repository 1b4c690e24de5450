-- wallet_names: the display name of every wallet the store has seen on a leaderboard or enriched with a profile
-- (profile name, else its newest leaderboard user name, else its pseudonym; '' when none is known), held in
-- memory by ClickHouse. The panes read it with dictGetOrDefault inside their own statement instead of running a
-- second statement that joins trader_profiles and trader_rankings: on the embedded engine, which runs one
-- statement at a time, that look-up was 12-19 ms of every refresh (bench/queries).
-- Freshness: the store reloads it after rows land in either source table (src/store/dictionaries.ts); LIFETIME
-- is the backstop for rows written by another process (a shared server).
CREATE VIEW IF NOT EXISTS wallet_names_source AS
SELECT proxy_wallet,
       multiIf(notEmpty(trimBoth(p.name)), p.name,
               notEmpty(trimBoth(b.user_name)), b.user_name,
               notEmpty(trimBoth(p.pseudonym)), p.pseudonym,
               '') AS name
FROM (
    SELECT proxy_wallet, argMax(user_name, snapshot_time) AS user_name
    FROM trader_rankings GROUP BY proxy_wallet
) AS b
FULL OUTER JOIN (
    SELECT proxy_wallet, argMax(name, updated_at) AS name, argMax(pseudonym, updated_at) AS pseudonym
    FROM trader_profiles GROUP BY proxy_wallet
) AS p USING (proxy_wallet);

CREATE DICTIONARY IF NOT EXISTS wallet_names
(
    proxy_wallet String,
    name         String DEFAULT ''
)
PRIMARY KEY proxy_wallet
SOURCE(CLICKHOUSE(TABLE 'wallet_names_source'))
LIFETIME(MIN 30 MAX 60)
LAYOUT(COMPLEX_KEY_HASHED());
