import { z } from 'zod';

/**
 * Row validators, one per table, mirroring schema/*.sql column by column: a column with a DEFAULT (or Nullable
 * without one) is optional, the others are required; unknown keys are rejected (a typo must not silently drop a
 * value). DateTime64 columns take {@link chTime} strings, UInt columns integers in range, Float64 finite numbers,
 * Enum columns one of their labels. The writer runs these before anything is sent.
 *
 * The mappers from Polymarket domain types to these rows live in ./row-mappers.ts.
 */

/** `'YYYY-MM-DD hh:mm:ss.SSS'` — the output of `chTime(ms)`. */
export const CH_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$/;

const str = z.string();
const time = z.string().regex(CH_TIME, 'not a chTime string (YYYY-MM-DD hh:mm:ss.SSS)');
/** zod 4's number() already rejects NaN and ±Infinity (which ClickHouse JSON input cannot carry). */
const f64 = z.number();
const uint = (bits: 8 | 16 | 32) => z.int().min(0).max(2 ** bits - 1);
/** UInt64 as a safe integer or a decimal string (JSON cannot carry all 64 bits as a number). */
const u64 = z.union([z.int().min(0).max(Number.MAX_SAFE_INTEGER), z.string().regex(/^\d{1,20}$/)]);
const i32 = z.int().min(-(2 ** 31)).max(2 ** 31 - 1);
const flag01 = z.union([z.literal(0), z.literal(1)]);
const uuid = z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'not a UUID');
const side = z.enum(['BUY', 'SELL']);

/** trader_rankings: one leaderboard row per (wallet, category, period, order), newest snapshot wins. */
export const traderRankingRowSchema = z.strictObject({
  proxy_wallet: str,
  user_name: str.optional(),
  profile_image: str.optional(),
  rank: uint(32),
  category: str,
  time_period: str,
  order_by: str,
  pnl: f64.optional(),
  volume: f64.optional(),
  verified_badge: flag01.optional(),
  x_username: str.optional(),
  snapshot_time: time.optional(),
});

/** market_holders: top holders of each outcome token of a market. */
export const marketHolderRowSchema = z.strictObject({
  condition_id: str,
  token_id: str.optional(),
  proxy_wallet: str,
  pseudonym: str.optional(),
  profile_image: str.optional(),
  outcome_index: uint(16).optional(),
  amount: f64.optional(),
  snapshot_time: time.optional(),
});

/** wallet_positions: open positions of tracked wallets. */
export const walletPositionRowSchema = z.strictObject({
  proxy_wallet: str,
  condition_id: str,
  asset: str.optional(),
  outcome: str,
  outcome_index: uint(16).optional(),
  size: f64.optional(),
  avg_price: f64.optional(),
  initial_value: f64.optional(),
  current_value: f64.optional(),
  cur_price: f64.optional(),
  cash_pnl: f64.optional(),
  percent_pnl: f64.optional(),
  realized_pnl: f64.optional(),
  title: str.optional(),
  market_slug: str.optional(),
  end_date: time.optional(),
  updated_at: time.optional(),
});

/** wallet_activity: trades, splits, merges, redeems… (ts_date is MATERIALIZED, never sent). */
export const walletActivityRowSchema = z.strictObject({
  proxy_wallet: str,
  condition_id: str,
  asset: str.optional(),
  activity_type: str,
  side: z.enum(['BUY', 'SELL', '']).optional(),
  outcome: str.optional(),
  outcome_index: uint(16).optional(),
  size: f64.optional(),
  usdc_size: f64.optional(),
  price: f64.optional(),
  transaction_hash: str.optional(),
  fill_seq: uint(16).optional(),
  title: str.optional(),
  market_slug: str.optional(),
  timestamp: time,
});

/** trader_profiles: Gamma public profiles of tracked wallets. */
export const traderProfileRowSchema = z.strictObject({
  proxy_wallet: str,
  pseudonym: str.optional(),
  name: str.optional(),
  bio: str.optional(),
  profile_image: str.optional(),
  x_username: str.optional(),
  verified_badge: flag01.optional(),
  display_username_public: flag01.optional(),
  profile_created_at: time.optional(),
  discovered_via: str.optional(),
  first_seen_at: time.optional(),
  updated_at: time.optional(),
});

/** markets: Gamma markets, one row per condition id. */
export const marketRowSchema = z.strictObject({
  condition_id: str,
  gamma_id: str.optional(),
  question: str.optional(),
  slug: str.optional(),
  event_slug: str.optional(),
  category: str.optional(),
  tags: z.array(str).optional(),
  outcomes: z.array(str).optional(),
  outcome_prices: z.array(f64).optional(),
  clob_token_ids: z.array(str).optional(),
  volume: f64.optional(),
  volume_24hr: f64.optional(),
  liquidity: f64.optional(),
  active: flag01.optional(),
  closed: flag01.optional(),
  end_date: time.nullable().optional(),
  updated_at: time.optional(),
});

/** price_snapshots_10s: one row per token per 10 s bucket. */
export const priceSnapshotRowSchema = z.strictObject({
  market_id: str,
  token_id: str,
  outcome: str.optional(),
  timestamp: time,
  mid_price: f64,
  best_bid: f64,
  best_ask: f64,
  spread_bps: uint(16),
  bid_volume: f64.optional(),
  ask_volume: f64.optional(),
  traded_volume: f64.optional(),
  snapshot_source: z.enum(['websocket', 'api']).optional(),
  created_at: time.optional(),
});

/** elite_trade_attributions: trades attributed to wallets (elite or watched). */
export const eliteTradeAttributionRowSchema = z.strictObject({
  trade_id: str,
  market_id: str,
  token_id: str.optional(),
  wallet_address: str,
  wallet_name: str.optional(),
  wallet_rank: uint(32).optional(),
  side,
  outcome: str.optional(),
  size: f64.optional(),
  size_usd: f64.optional(),
  price: f64.optional(),
  transaction_hash: str.optional(),
  is_elite: z.boolean(),
  is_watched: z.boolean().optional(),
  elite_score: f64.nullable().optional(),
  timestamp: time,
  created_at: time.optional(),
});

const nullableF64 = f64.nullable().optional();

/** fired_signals: one row per signal; outcomes arrive later as a newer version (same signal_id). */
export const firedSignalRowSchema = z.strictObject({
  signal_id: uuid,
  market_id: str,
  market_slug: str.optional(),
  question: str.optional(),
  token_id: str.optional(),
  outcome: str.optional(),
  signal_type: z.enum(['ELITE_MOMENTUM', 'MOMENTUM_ONLY']),
  direction: z.enum(['UP', 'DOWN']),
  momentum_velocity: f64,
  momentum_acceleration: f64,
  volume_surge: f64.optional(),
  elite_wallet_address: str.nullable().optional(),
  elite_wallet_name: str.nullable().optional(),
  elite_rank: uint(32).nullable().optional(),
  elite_score: nullableF64,
  elite_side: side.nullable().optional(),
  elite_size_usd: nullableF64,
  confidence: z.enum(['LOW', 'MEDIUM', 'HIGH']),
  entry_window: str,
  price_at_signal: f64,
  timestamp: time,
  price_after_5m: nullableF64,
  price_after_15m: nullableF64,
  direction_correct_5m: z.boolean().nullable().optional(),
  direction_correct_15m: z.boolean().nullable().optional(),
  user_action: z.enum(['IGNORED', 'VIEWED', 'TRADED']).nullable().optional(),
  user_entry_price: nullableF64,
  user_entry_time: time.nullable().optional(),
  signal_pnl: nullableF64,
  updated_at: time.optional(),
});

/** job_runs: one row at start (finished null, status running) and a newer version at the end. */
export const jobRunRowSchema = z.strictObject({
  run_id: uuid,
  job: str,
  started: time,
  finished: time.nullable().optional(),
  status: z.enum(['running', 'ok', 'error', 'timeout', 'aborted']),
  rows: u64.optional(),
  pages: uint(32).optional(),
  rejected: uint(32).optional(),
  error: str.optional(),
  version: u64,
});

/** sync_state: (scope, key) → value watermarks; a deletion is a newer row with deleted = 1. */
export const syncStateRowSchema = z.strictObject({
  scope: str,
  key: str,
  value: str.optional(),
  deleted: flag01.optional(),
  updated_at: time.optional(),
});

/** watchlist_markets: markets the live feed follows. */
export const watchlistMarketRowSchema = z.strictObject({
  market_id: str,
  market_slug: str.optional(),
  question: str.optional(),
  category: str.optional(),
  token_ids: z.array(str).optional(),
  outcomes: z.array(str).optional(),
  auto_added: flag01.optional(),
  auto_added_reason: str.optional(),
  priority: i32.optional(),
  removed: flag01.optional(),
  created_at: time.optional(),
  updated_at: time.optional(),
});

/** watchlist_wallets: wallets whose trades are attributed and signalled. */
export const watchlistWalletRowSchema = z.strictObject({
  wallet_address: str,
  label: str.optional(),
  best_rank: uint(32).optional(),
  elite_score: nullableF64,
  category: str.optional(),
  auto_added: flag01.optional(),
  auto_added_reason: str.optional(),
  last_trade_detected_at: time.nullable().optional(),
  total_signals_generated: uint(32).optional(),
  removed: flag01.optional(),
  created_at: time.optional(),
  updated_at: time.optional(),
});

/** wallet_sync_metadata: per-wallet bookkeeping of position/activity sync. */
export const walletSyncMetadataRowSchema = z.strictObject({
  proxy_wallet: str,
  last_position_sync: time.nullable().optional(),
  last_activity_sync: time.nullable().optional(),
  positions_count: uint(32).optional(),
  activity_count: u64.optional(),
  last_error: str.optional(),
  updated_at: time.optional(),
});

/** closed_positions: one row per (wallet, market, outcome) closed by sale or redemption (schema/010). */
export const closedPositionRowSchema = z.strictObject({
  proxy_wallet: str,
  condition_id: str,
  asset: str.optional(),
  outcome: str.optional(),
  outcome_index: uint(16).optional(),
  avg_price: f64.optional(),
  total_bought: f64.optional(),
  realized_pnl: f64.optional(),
  cur_price: f64.optional(),
  title: str.optional(),
  market_slug: str.optional(),
  closed_at: time,
  updated_at: time.optional(),
});

/** market_resolutions: how a market resolved, per outcome payout (schema/011). */
export const marketResolutionRowSchema = z.strictObject({
  condition_id: str,
  winning_index: z.int().min(-1).max(32_767).optional(),
  payouts: z.array(f64),
  resolved_at: time,
  source: z.enum(['gamma', 'ws']).optional(),
  updated_at: time.optional(),
});

/** followed_wallets (schema/050): one version per follow change; the newest wins. */
export const followedWalletRowSchema = z.strictObject({
  wallet_address: str.regex(/^0x[0-9a-f]{40}$/, 'not a lower-case wallet address'),
  label: str.optional(),
  followed: flag01.optional(),
  alerts_enabled: flag01.optional(),
  min_trade_usd: f64.min(0).optional(),
  quiet_seconds: i32.min(-1).optional(),
  followed_at: time.optional(),
  updated_at: time.optional(),
});

/** alerts_sent (schema/051): every alert sent. */
export const alertSentRowSchema = z.strictObject({
  alert_id: str,
  kind: z.enum(['trade', 'signal']),
  wallet_address: str.optional(),
  wallet_name: str.optional(),
  market_id: str.optional(),
  question: str.optional(),
  category: str.optional(),
  side: str.optional(),
  outcome: str.optional(),
  size_usd: f64.optional(),
  price: f64.optional(),
  confidence: str.optional(),
  summary: str.optional(),
  channels: z.array(str).optional(),
  webhook_status: uint(16).optional(),
  webhook_error: str.optional(),
  sent_at: time.optional(),
});

/** holder_scans: when holder-sync last read a market's holders and recent trades (schema/040_coverage.sql). */
export const holderScanRowSchema = z.strictObject({
  condition_id: str,
  scanned_at: time,
  holders: uint(32).optional(),
  traders: uint(32).optional(),
});

/** backfill_checkpoints: one wallet's backfill outcome; the newest row per wallet wins. */
export const backfillCheckpointRowSchema = z.strictObject({
  proxy_wallet: str,
  status: z.enum(['done', 'failed']),
  since_sec: z.int().optional(),
  activity_rows: u64.optional(),
  closed_rows: uint(32).optional(),
  requests: uint(32).optional(),
  error: str.optional(),
  finished_at: time,
});

/** wallet_closed_positions: /closed-positions history by (wallet, market, token). */
export const walletClosedPositionRowSchema = z.strictObject({
  proxy_wallet: str,
  condition_id: str,
  asset: str,
  outcome: str.optional(),
  outcome_index: uint(16).optional(),
  avg_price: f64.optional(),
  total_bought: f64.optional(),
  realized_pnl: f64.optional(),
  cur_price: f64.optional(),
  title: str.optional(),
  market_slug: str.optional(),
  closed_at: time,
  updated_at: time,
});

/** Validators by table name, for `new BatchedWriter(store, { validators: ROW_VALIDATORS })`. */
export const ROW_VALIDATORS = {
  trader_rankings: traderRankingRowSchema,
  market_holders: marketHolderRowSchema,
  wallet_positions: walletPositionRowSchema,
  wallet_activity: walletActivityRowSchema,
  trader_profiles: traderProfileRowSchema,
  markets: marketRowSchema,
  price_snapshots_10s: priceSnapshotRowSchema,
  elite_trade_attributions: eliteTradeAttributionRowSchema,
  fired_signals: firedSignalRowSchema,
  job_runs: jobRunRowSchema,
  sync_state: syncStateRowSchema,
  watchlist_markets: watchlistMarketRowSchema,
  watchlist_wallets: watchlistWalletRowSchema,
  wallet_sync_metadata: walletSyncMetadataRowSchema,
  closed_positions: closedPositionRowSchema,
  market_resolutions: marketResolutionRowSchema,
  followed_wallets: followedWalletRowSchema,
  alerts_sent: alertSentRowSchema,
  holder_scans: holderScanRowSchema,
  backfill_checkpoints: backfillCheckpointRowSchema,
  wallet_closed_positions: walletClosedPositionRowSchema,
} as const;

/** A table that has a row validator. */
export type TableName = keyof typeof ROW_VALIDATORS;

/** The row type of a table, as its validator accepts it. */
export type RowOf<T extends TableName> = z.input<(typeof ROW_VALIDATORS)[T]>;

/** Alias of {@link ROW_VALIDATORS} (the name the composition root imports). */
export const rowValidators = ROW_VALIDATORS;
