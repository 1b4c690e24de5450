import { DEFAULT_MOMENTUM_CONFIG } from './momentum.ts';

/**
 * Every tunable of the live feed, flat so a partial override (config file, tests) can change one value.
 * Times in ms, prices in [0, 1], velocities in cents per minute.
 */
export interface LiveOptions {
  // WebSocket (POLYMARKET_API.md §4)
  pingIntervalMs: number;
  /** A socket whose tokens send no data for this long is rebuilt (liveness by data, not by PONG). */
  livenessTimeoutMs: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  /** Asset ids per subscribe/unsubscribe frame. */
  subscribeChunkSize: number;
  /** Tokens per socket (Polymarket sends no snapshots above ~500). */
  maxTokensPerConnection: number;
  connectSpacingMs: number;
  maxPayloadBytes: number;
  handshakeTimeoutMs: number;
  /** Mids of books with a wider spread are not momentum samples. */
  maxSpreadForMomentum: number;

  // Snapshots
  snapshotIntervalMs: number;
  /** Levels summed into bid_volume/ask_volume (≤ 0: all). */
  snapshotDepthLevels: number;
  /** How often the snapshot/outcome ticker looks at the clock (real time). */
  tickMs: number;

  // Momentum (see DEFAULT_MOMENTUM_CONFIG for the reasoning behind the numbers)
  velocityWindowMs: number;
  maxReferenceAgeMs: number;
  minVelocityCentsPerMin: number;
  strongVelocityCentsPerMin: number;
  minVolumeSurge: number;
  volumeBaselineMs: number;

  // Signals
  /** An elite trade within this distance of a move (either side) confirms it. */
  eliteWindowMs: number;
  /**
   * |velocity| that fires when an elite trade in the same direction confirms the move (simulator random walk p99:
   * 2 ¢/min; a burst's first fill moves 1–2 ticks, so 2 ¢/min plus the elite fill signals after one or two fills).
   */
  eliteMinVelocityCentsPerMin: number;
  /**
   * Smallest elite trade (USD) that confirms a move. Below it the trade is still attributed and stored, but a
   * HIGH signal needs money behind it: in the demo, $40–$200 elite fills coinciding with two-tick random-walk
   * moves fired several HIGH signals a minute; the simulator's bursts are $4K–$15K fills.
   */
  eliteMinTradeUsd: number;
  /** One signal per market per cooldown. */
  signalCooldownMs: number;
  /** Per-market evaluation throttle on trades/mid changes. */
  evaluateEveryMs: number;
  /** On start, resume outcome tracking of signals this recent. */
  outcomeResumeLookbackMs: number;

  // Attribution (Data API /trades)
  attributionPollMs: number;
  attributionMarketsPerRequest: number;
  attributionPageSize: number;
  attributionMaxPages: number;
  attributionLookbackMs: number;

  // Watchlist
  watchlistRefreshMs: number;
  eliteCategory: string;
  eliteTimePeriod: string;
  eliteOrderBy: string;
  eliteTopN: number;
  recentTradeMs: number;
  topVolumeMarkets: number;
  maxWatchedMarkets: number;

  // Alerts (off by default)
  alertBell: boolean;
  alertWebhookUrl: string;
  alertWebhookTimeoutMs: number;
  /** Lowest signal confidence that alerts (`--alert-min-confidence`). */
  minConfidence: 'LOW' | 'MEDIUM' | 'HIGH';
  /** Market categories that alert, upper-case; empty = all (`--alert-categories`). */
  categories: string[];
  /** Smallest followed-wallet trade that alerts, USDC (`--alert-min-trade`). */
  minTradeUsd: number;
  /** Quiet period per wallet and market after an alert, ms (`--alert-quiet`, seconds). */
  quietMs: number;
}

/** Defaults from the issue and POLYMARKET_API.md. */
export const DEFAULT_LIVE_OPTIONS: Readonly<LiveOptions> = Object.freeze({
  pingIntervalMs: 10_000,
  livenessTimeoutMs: 30_000,
  backoffBaseMs: 500,
  backoffCapMs: 30_000,
  subscribeChunkSize: 100,
  maxTokensPerConnection: 400,
  connectSpacingMs: 250,
  maxPayloadBytes: 16 * 1024 * 1024,
  handshakeTimeoutMs: 10_000,
  maxSpreadForMomentum: 0.1,

  snapshotIntervalMs: 10_000,
  snapshotDepthLevels: 10,
  tickMs: 200,

  velocityWindowMs: DEFAULT_MOMENTUM_CONFIG.windowMs,
  maxReferenceAgeMs: DEFAULT_MOMENTUM_CONFIG.maxReferenceAgeMs,
  minVelocityCentsPerMin: DEFAULT_MOMENTUM_CONFIG.minVelocityCentsPerMin,
  strongVelocityCentsPerMin: DEFAULT_MOMENTUM_CONFIG.strongVelocityCentsPerMin,
  minVolumeSurge: DEFAULT_MOMENTUM_CONFIG.minVolumeSurge,
  volumeBaselineMs: DEFAULT_MOMENTUM_CONFIG.volumeBaselineMs,

  eliteWindowMs: 120_000,
  eliteMinVelocityCentsPerMin: 2,
  eliteMinTradeUsd: 1_000,
  signalCooldownMs: 5 * 60_000,
  evaluateEveryMs: 1_000,
  outcomeResumeLookbackMs: 30 * 60_000,

  attributionPollMs: 5_000,
  attributionMarketsPerRequest: 20,
  attributionPageSize: 500,
  attributionMaxPages: 3,
  attributionLookbackMs: 10 * 60_000,

  // Short, so a market the trader pins with `w` in the TUI (a row in watchlist_markets) is subscribed within
  // seconds; a refresh is a handful of small queries. Sync jobs landing also trigger one (src/commands/run.ts).
  watchlistRefreshMs: 20_000,
  eliteCategory: 'OVERALL',
  eliteTimePeriod: 'ALL',
  eliteOrderBy: 'PNL',
  eliteTopN: 50,
  recentTradeMs: 3 * 24 * 3_600_000,
  topVolumeMarkets: 25,
  maxWatchedMarkets: 100,

  alertBell: false,
  alertWebhookUrl: '',
  alertWebhookTimeoutMs: 5_000,
  // HIGH only, as before alerts were tunable; the quiet period is whalewatch's lesson (one wallet re-firing on one
  // market made 14 % of its pushes): ten minutes per (wallet, market).
  minConfidence: 'HIGH',
  categories: [],
  minTradeUsd: 0,
  quietMs: 10 * 60_000,
});
