-- Wallets the trader follows (issue 14, "Following a wallet"), with each one's alert settings.
-- One row per change: ReplacingMergeTree(updated_at), so the newest row of a wallet is its state; an unfollow is a
-- newer row with followed = 0 (the settings stay, so a re-follow keeps them). Written by `w` in the TUI and by
-- `whaletop follow` / `unfollow`; read by the sync queue (followed first), the live watchlist and the alerter.
CREATE TABLE IF NOT EXISTS followed_wallets
(
    wallet_address     String,                       -- lower-case 0x + 40 hex
    label              String DEFAULT '',            -- the name shown when it was followed (sanitised)
    followed           UInt8 DEFAULT 1,              -- 0 = unfollowed
    alerts_enabled     UInt8 DEFAULT 1,              -- per-wallet on/off for trade alerts
    min_trade_usd      Float64 DEFAULT 0,            -- a trade below this (USDC) raises no alert; 0 = every trade
    quiet_seconds      Int32 DEFAULT -1,             -- per wallet and market; -1 = the global --alert-quiet default
    followed_at        DateTime64(3, 'UTC') DEFAULT now64(3),
    updated_at         DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY (wallet_address)
SETTINGS non_replicated_deduplication_window = 1000;

-- Pin = follow (one concept): a wallet the trader pinned with `w` before this migration is followed.
INSERT INTO followed_wallets (wallet_address, label, followed, followed_at, updated_at)
SELECT lower(wallet_address), label, 1, created_at, updated_at
FROM watchlist_wallets FINAL
WHERE auto_added = 0 AND removed = 0;
