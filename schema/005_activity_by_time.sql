-- wallet_activity ordered by time, for the queries that filter on a time window across all wallets: the Whale
-- Activity pane (newest trades ≥ $500 of the last 24 h) and the "whale trades 24h" stats card. The table's own
-- ORDER BY (proxy_wallet, timestamp, …) serves the per-wallet view but makes a 24 h window of every wallet read
-- the whole table (6.4 M of 10 M rows in bench/ui). With this projection the optimizer reads the window's
-- granules only, in reverse order, and stops at the LIMIT (bench/queries: whale activity ~1 s → ~15 ms).
-- Cost, measured on 10 M rows: +1.65 GiB on disk (the table itself is 1.38 GiB: rows sorted by time compress
-- less), roughly twice the write work per insert, and a one-off rewrite when a filled store migrates
-- (~35 s per 10 M rows; synchronous so the first refresh after start-up already uses it).
-- A projection, unlike a second table fed by a materialized view, is kept consistent by ClickHouse itself:
-- same insert (and deduplication), same merges, same TTL.
ALTER TABLE wallet_activity ADD PROJECTION IF NOT EXISTS by_time (SELECT * ORDER BY timestamp);

ALTER TABLE wallet_activity MATERIALIZE PROJECTION by_time SETTINGS mutations_sync = 1;
