/**
 * The command-line surface: every flag, its config key, whether it takes a value, and the environment variable
 * that sets it when the flag is absent. `--help` is generated from this table, so help never lies.
 */
export interface FlagSpec {
  flag: string;
  key: string;
  takesValue: boolean;
  env?: string;
  help: string;
  /** For boolean flags: the value the flag sets (false for `--no-…`). */
  sets?: boolean;
  /** Commands the flag applies to; absent = all. */
  commands?: readonly string[];
}

export const FLAGS: readonly FlagSpec[] = [
  { flag: 'demo', key: 'demo', takesValue: false, env: 'WHALETOP_DEMO', help: 'run against the built-in offline simulator' },
  { flag: 'headless', key: 'headless', takesValue: false, help: 'no UI: jobs, live feed and /health only' },
  { flag: 'once', key: 'once', takesValue: false, help: 'with --headless: run every sync job once and exit' },
  { flag: 'data-dir', key: 'dataDir', takesValue: true, env: 'WHALETOP_DATA_DIR', help: 'embedded store directory (default ~/.local/share/whaletop; with --demo, ~/.local/share/whaletop-demo)' },
  { flag: 'clickhouse-url', key: 'clickhouseUrl', takesValue: true, env: 'CLICKHOUSE_URL', help: 'use a ClickHouse server over HTTP instead of the embedded engine' },
  { flag: 'clickhouse-user', key: 'clickhouseUser', takesValue: true, env: 'CLICKHOUSE_USER', help: 'server user (default: default)' },
  { flag: 'clickhouse-password', key: 'clickhousePassword', takesValue: true, env: 'CLICKHOUSE_PASSWORD', help: 'server password' },
  { flag: 'clickhouse-database', key: 'clickhouseDatabase', takesValue: true, env: 'CLICKHOUSE_DATABASE', help: 'server database (default: whaletop)' },
  { flag: 'log-file', key: 'logFile', takesValue: true, env: 'WHALETOP_LOG_FILE', help: 'JSON-lines log (default <data-dir>/whaletop.log)' },
  { flag: 'log-level', key: 'logLevel', takesValue: true, env: 'WHALETOP_LOG_LEVEL', help: 'debug | info | warn | error (default info)' },
  { flag: 'health-port', key: 'healthPort', takesValue: true, env: 'WHALETOP_HEALTH_PORT', help: '/health port on the health host, 0 disables (default 8080)' },
  { flag: 'health-host', key: 'healthHost', takesValue: true, env: 'WHALETOP_HEALTH_HOST', help: 'address /health binds to (default 127.0.0.1)' },
  { flag: 'refresh', key: 'refresh', takesValue: true, env: 'WHALETOP_REFRESH', help: 'UI refresh interval in seconds (default 5)' },
  { flag: 'no-color', key: 'color', takesValue: false, sets: false, help: 'monochrome screen (NO_COLOR is honoured too)' },
  { flag: 'no-mouse', key: 'mouse', takesValue: false, sets: false, help: 'no mouse reporting (the terminal keeps its own selection)' },
  { flag: 'data-api-url', key: 'dataApiUrl', takesValue: true, env: 'POLYMARKET_DATA_API_URL', help: 'Data API base URL' },
  { flag: 'gamma-url', key: 'gammaUrl', takesValue: true, env: 'POLYMARKET_GAMMA_URL', help: 'Gamma API base URL' },
  { flag: 'clob-url', key: 'clobUrl', takesValue: true, env: 'POLYMARKET_CLOB_URL', help: 'CLOB REST base URL' },
  { flag: 'ws-url', key: 'wsUrl', takesValue: true, env: 'POLYMARKET_WS_URL', help: 'CLOB market WebSocket URL' },
  { flag: 'rate-fraction', key: 'rateFraction', takesValue: true, env: 'WHALETOP_RATE_FRACTION', help: 'share of each published rate limit to use (default 0.5)' },
  { flag: 'writer-flush-ms', key: 'writerFlushMs', takesValue: true, env: 'WHALETOP_WRITER_FLUSH_MS', help: 'longest the writer holds rows before inserting them, ms (default 2000)' },
  { flag: 'request-timeout', key: 'requestTimeoutMs', takesValue: true, env: 'WHALETOP_REQUEST_TIMEOUT_MS', help: 'HTTP timeout in ms (default 15000)' },
  { flag: 'leaderboard-max', key: 'leaderboardMaxResults', takesValue: true, env: 'LEADERBOARD_MAX_RESULTS', help: 'entries per leaderboard board (default 200)' },
  { flag: 'holder-top-markets', key: 'holderSyncTopMarkets', takesValue: true, env: 'HOLDER_SYNC_TOP_MARKETS', help: 'markets whose holders are synced (default 50)' },
  { flag: 'tracked-max', key: 'trackedWalletMax', takesValue: true, env: 'TRACKED_WALLET_MAX', help: 'wallets per position-sync cycle (default 500)' },
  { flag: 'profile-batch', key: 'profileBatchSize', takesValue: true, env: 'PROFILE_BATCH_SIZE', help: 'profiles enriched per run (default 20)' },
  { flag: 'market-sync-cron', key: 'marketSyncCron', takesValue: true, env: 'MARKET_SYNC_CRON', help: "market-sync schedule (default '*/10 * * * *')" },
  { flag: 'leaderboard-sync-cron', key: 'leaderboardSyncCron', takesValue: true, env: 'LEADERBOARD_SYNC_CRON', help: "leaderboard-sync schedule (default '0 * * * *')" },
  { flag: 'holder-sync-cron', key: 'holderSyncCron', takesValue: true, env: 'HOLDER_SYNC_CRON', help: "holder-sync schedule (default '*/15 * * * *')" },
  { flag: 'position-sync-cron', key: 'positionSyncCron', takesValue: true, env: 'POSITION_SYNC_CRON', help: "position-sync schedule (default '*/5 * * * *')" },
  { flag: 'profile-enricher-cron', key: 'profileEnricherCron', takesValue: true, env: 'PROFILE_ENRICHER_CRON', help: "profile-enricher schedule (default '*/10 * * * *')" },
  { flag: 'closed-position-sync-cron', key: 'closedPositionSyncCron', takesValue: true, env: 'CLOSED_POSITION_SYNC_CRON', help: "closed-position-sync schedule (default '*/15 * * * *')" },
  { flag: 'resolution-sync-cron', key: 'resolutionSyncCron', takesValue: true, env: 'RESOLUTION_SYNC_CRON', help: "resolution-sync schedule (default '*/10 * * * *')" },
  { flag: 'wallet-scores-cron', key: 'walletScoresCron', takesValue: true, env: 'WALLET_SCORES_CRON', help: "wallet-scores schedule (default '* * * * *')" },
  { flag: 'no-live', key: 'live', takesValue: false, sets: false, help: 'do not start the WebSocket feed and live signals' },
  { flag: 'watchlist-max', key: 'watchlistMaxMarkets', takesValue: true, env: 'WATCHLIST_MAX_MARKETS', help: 'markets watched by the live feed (default 100)' },
  { flag: 'elite-min-grade', key: 'eliteMinGrade', takesValue: true, env: 'WHALETOP_ELITE_MIN_GRADE', help: 'live signals: lowest wallet grade that counts as elite (S, A, B, C, D, F; default A)' },
  { flag: 'alert-bell', key: 'alertBell', takesValue: false, env: 'WHALETOP_ALERT_BELL', help: 'ring the terminal bell on every alert sent' },
  { flag: 'alert-webhook', key: 'alertWebhook', takesValue: true, env: 'WHALETOP_ALERT_WEBHOOK', help: 'POST every alert sent as JSON to this URL (redirects never followed)' },
  { flag: 'alert-min-confidence', key: 'alertMinConfidence', takesValue: true, env: 'WHALETOP_ALERT_MIN_CONFIDENCE', help: 'lowest signal confidence that alerts: LOW | MEDIUM | HIGH (default HIGH)' },
  { flag: 'alert-categories', key: 'alertCategories', takesValue: true, env: 'WHALETOP_ALERT_CATEGORIES', help: 'comma list of market categories that alert (default: all)' },
  { flag: 'alert-min-trade', key: 'alertMinTrade', takesValue: true, env: 'WHALETOP_ALERT_MIN_TRADE', help: "smallest followed wallet's trade that alerts, USDC (default 0)" },
  { flag: 'alert-quiet', key: 'alertQuiet', takesValue: true, env: 'WHALETOP_ALERT_QUIET', help: 'quiet period per wallet and market after an alert, seconds (default 600)' },
  { flag: 'alerts', key: 'followAlerts', takesValue: true, help: "follow: this wallet's trade alerts on | off", commands: ['follow'] },
  { flag: 'min-trade', key: 'followMinTrade', takesValue: true, help: "follow: this wallet's minimum trade size for an alert, USDC", commands: ['follow'] },
  { flag: 'quiet', key: 'followQuiet', takesValue: true, help: "follow: this wallet's quiet period per market, seconds", commands: ['follow'] },
  { flag: 'port', key: 'simPort', takesValue: true, env: 'WHALETOP_SIM_PORT', help: 'sim: port to listen on (default: any free port)', commands: ['sim'] },
  { flag: 'seed', key: 'seed', takesValue: true, env: 'WHALETOP_SIM_SEED', help: 'sim/demo: world seed (default 1)' },
  { flag: 'speed', key: 'speed', takesValue: true, env: 'WHALETOP_SIM_SPEED', help: 'sim/demo: world clock speed-up (default 1)' },
  { flag: 'wallets', key: 'simWallets', takesValue: true, env: 'WHALETOP_SIM_WALLETS', help: 'sim/demo: wallets in the world (default 3000)' },
  { flag: 'markets', key: 'simMarkets', takesValue: true, env: 'WHALETOP_SIM_MARKETS', help: 'sim/demo: markets in the world (default 300)' },
  { flag: 'history-days', key: 'simHistoryDays', takesValue: true, env: 'WHALETOP_SIM_HISTORY_DAYS', help: 'sim/demo: days of history before now (default 30; e.g. 365)' },
  { flag: 'history-trades', key: 'simHistoryTrades', takesValue: true, env: 'WHALETOP_SIM_HISTORY_TRADES', help: 'sim/demo: trades over that history (default 100000, scaled up with --history-days)' },
  { flag: 'hostile', key: 'hostile', takesValue: false, help: 'sim/demo: mix hostile strings into names and titles' },
  { flag: 'latency', key: 'faultLatencyMs', takesValue: true, help: 'sim/demo fault: added latency per response, ms' },
  { flag: 'jitter', key: 'faultJitterMs', takesValue: true, help: 'sim/demo fault: extra random latency, ms' },
  { flag: 'fail-429', key: 'fault429', takesValue: true, help: 'sim/demo fault: fraction of requests answered 429' },
  { flag: 'retry-after', key: 'faultRetryAfter', takesValue: true, help: "sim/demo fault: Retry-After seconds on those 429s, or 'none'" },
  { flag: 'fail-5xx', key: 'fault5xx', takesValue: true, help: 'sim/demo fault: fraction of requests answered 503' },
  { flag: 'hang', key: 'faultHang', takesValue: true, help: 'sim/demo fault: fraction of requests never answered' },
  { flag: 'malformed', key: 'faultMalformed', takesValue: true, help: 'sim/demo fault: fraction of records malformed' },
  { flag: 'fault-paths', key: 'faultPaths', takesValue: true, help: 'sim/demo fault: only these comma-separated path prefixes (e.g. /positions)' },
  { flag: 'enforce-rate-limits', key: 'enforceRateLimits', takesValue: false, help: 'sim/demo: answer 429 past the published rate limits' },
  { flag: 'ws-drop-every', key: 'wsDropEveryMs', takesValue: true, help: 'sim/demo fault: close every WebSocket every N ms' },
  { flag: 'ws-freeze', key: 'wsFreeze', takesValue: false, help: 'sim/demo fault: WebSocket data stops, PONG goes on' },
  { flag: 'top', key: 'backfillTop', takesValue: true, help: 'backfill: the top N wallets of the priority queue', commands: ['backfill'] },
  { flag: 'wallets', key: 'backfillWallets', takesValue: true, help: "backfill: wallets from FILE (one per line), or '-' for stdin", commands: ['backfill'] },
  { flag: 'max-wallets', key: 'backfillMaxWallets', takesValue: true, help: 'backfill: at most N wallets', commands: ['backfill'] },
  { flag: 'since', key: 'backfillSince', takesValue: true, help: 'backfill: history from DATE (YYYY-MM-DD, UTC) on; default all', commands: ['backfill'] },
  { flag: 'dry-run', key: 'dryRun', takesValue: false, help: 'backfill: print the plan (wallets, requests, time) and write nothing', commands: ['backfill'] },
  { flag: 'resume', key: 'resume', takesValue: false, help: 'backfill: skip wallets an earlier backfill finished', commands: ['backfill'] },
  { flag: 'backfill-concurrency', key: 'backfillConcurrency', takesValue: true, help: 'backfill: wallets in flight (default 24)', commands: ['backfill'] },
  { flag: 'json', key: 'queryFormat', takesValue: false, help: 'query, score: print JSON', commands: ['query', 'score'] },
  { flag: 'csv', key: 'queryFormat', takesValue: false, help: 'query: print CSV', commands: ['query'] },
  { flag: 'limit', key: 'limit', takesValue: true, help: 'query: at most N rows', commands: ['query'] },
];
