/**
 * Tuning of the sync engine. Defaults are the Phase 2 spec's (README, Decisions; intervals, LEADERBOARD_MAX_RESULTS,
 * HOLDER_SYNC_TOP_MARKETS, TRACKED_WALLET_MAX, PROFILE_BATCH_SIZE); the rest is ours and explained per field.
 */
import type { Config } from '../config/index.ts';

/** The sync jobs, in dependency order (market-sync feeds holder-sync; both discovery jobs feed the rest; the wallet-intelligence jobs of issue 13 last). */
export const SYNC_JOB_NAMES = [
  'market-sync',
  'leaderboard-sync',
  'holder-sync',
  'position-sync',
  'profile-enricher',
  'closed-position-sync',
  'resolution-sync',
  'wallet-scores',
] as const;
/** One sync job's name. */
export type SyncJobName = (typeof SYNC_JOB_NAMES)[number];

/** Everything configurable about the sync jobs. Durations in ms unless the name says otherwise. */
export interface SyncOptions {
  /** croner patterns per job. */
  schedules: Record<SyncJobName, string>;
  /** Run timeouts per job; each is below the job's period so a stuck run never eats the next one. */
  timeoutsMs: Record<SyncJobName, number>;
  /** Ranks read per leaderboard board (category × period × order). Spec: LEADERBOARD_MAX_RESULTS. */
  leaderboardMaxResults: number;
  /** Markets (by volume) whose holders are read. Spec: HOLDER_SYNC_TOP_MARKETS. */
  holderSyncTopMarkets: number;
  /** Holders per outcome token (the API caps this at 20). */
  holdersPerToken: number;
  /** Wallets whose positions and activity are polled per run. Spec: TRACKED_WALLET_MAX. */
  trackedWalletMax: number;
  /** Profiles fetched per run. Spec: PROFILE_BATCH_SIZE. */
  profileBatchSize: number;
  /** Active markets read from Gamma per market-sync run (by volume, descending). */
  marketSyncMax: number;
  /** How far back a wallet's first activity sync reaches, days. */
  activityLookbackDays: number;
  /**
   * Each activity fetch starts this many seconds before the wallet's watermark, so fills indexed late (with a
   * timestamp a little in the past) are still picked up; rows already stored are skipped by natural key.
   */
  activityOverlapSeconds: number;
  /** Positions read per wallet (the API pages 500 at a time). */
  positionsMaxPerWallet: number;
  /** Requests in flight per job. The clients' sliding-window limiters set the pace; this only has to cover latency. */
  concurrency: number;
  /** Wallets per acknowledged activity insert (and watermark update) in position-sync. */
  commitBatchWallets: number;
  /**
   * A response with records dropped by validation is incomplete: it is fetched again up to this many extra
   * times; if it stays incomplete its valid records are kept but nothing downstream treats it as complete
   * (watermarks do not advance, positions are not tombstoned).
   */
  incompleteRefetches: number;
  /** Closed positions read per wallet per closed-position-sync run, newest first (50 per page). */
  closedPositionsMaxPerWallet: number;
  /** Markets asked about per resolution-sync run (100 per Gamma request). */
  resolutionSyncMax: number;
  /** Every this many wallet-scores runs is a full recompute (fresh prior, every wallet's age); the rest are incremental. */
  walletScoresFullEvery: number;
  /** A wallet last synced longer ago than this is due again (the queue's depth counts these), ms. */
  queueStaleAfterMs: number;
  /** position-sync keeps taking batches of due wallets from the queue until this much time has passed, ms. */
  positionSyncDrainMs: number;
  /**
   * Markets per holder-sync run beyond the `holderSyncTopMarkets` by volume scanned every run: the ones scanned
   * longest ago (never first). A full pass over M active markets takes ceil((M − top) / this) runs.
   */
  holderRotationMarkets: number;
  /**
   * Also read each scanned market's recent trades (`/trades?market=`, up to `marketTradesMax` newest fills) to
   * discover holders below /holders' top 20 per outcome.
   */
  marketTradesMax: number;
  /**
   * Later rounds, within one leaderboard-sync run, for boards whose page failed after the client's retries: one
   * failed page must not drop a board (and with it the elite watchlist) for a whole hourly cycle.
   */
  leaderboardLateRounds: number;
  /** Pause before the first late round, ms; doubles each round (a rate limit needs time to cool down). */
  leaderboardLateDelayMs: number;
}

/** The defaults. */
export const DEFAULT_SYNC_OPTIONS: SyncOptions = {
  schedules: {
    'market-sync': '*/10 * * * *',
    'leaderboard-sync': '0 * * * *',
    'holder-sync': '*/15 * * * *',
    'position-sync': '*/5 * * * *',
    'profile-enricher': '*/10 * * * *',
    'closed-position-sync': '*/15 * * * *',
    'resolution-sync': '*/10 * * * *',
    'wallet-scores': '* * * * *',
  },
  timeoutsMs: {
    'market-sync': 5 * 60_000,
    'leaderboard-sync': 30 * 60_000,
    'holder-sync': 10 * 60_000,
    'position-sync': (4 * 60 + 30) * 1000,
    'profile-enricher': 5 * 60_000,
    'closed-position-sync': 14 * 60_000,
    'resolution-sync': 9 * 60_000,
    'wallet-scores': 55_000,
  },
  leaderboardMaxResults: 200,
  holderSyncTopMarkets: 50,
  holdersPerToken: 20,
  trackedWalletMax: 500,
  profileBatchSize: 20,
  // Every active market: read by volume windows (polymarket/market-walk.ts), never by deep offset.
  marketSyncMax: 100_000,
  activityLookbackDays: 7,
  activityOverlapSeconds: 60,
  positionsMaxPerWallet: 1000,
  concurrency: 24,
  commitBatchWallets: 50,
  incompleteRefetches: 3,
  closedPositionsMaxPerWallet: 200,
  resolutionSyncMax: 1000,
  walletScoresFullEvery: 60,
  queueStaleAfterMs: 60 * 60_000,
  positionSyncDrainMs: 3 * 60_000 + 30_000,
  holderRotationMarkets: 2000,
  marketTradesMax: 13_000,
  leaderboardLateRounds: 3,
  leaderboardLateDelayMs: 15_000,
};

/** Merges partial options over the defaults (schedules and timeouts per key). */
export function resolveSyncOptions(partial: Partial<SyncOptions> = {}): SyncOptions {
  return {
    ...DEFAULT_SYNC_OPTIONS,
    ...partial,
    schedules: { ...DEFAULT_SYNC_OPTIONS.schedules, ...partial.schedules },
    timeoutsMs: { ...DEFAULT_SYNC_OPTIONS.timeoutsMs, ...partial.timeoutsMs },
  };
}

/** The options a command line sets (the rest keep their defaults). */
export function syncOptionsFromConfig(config: Config): Partial<SyncOptions> {
  return {
    leaderboardMaxResults: config.leaderboardMaxResults,
    holderSyncTopMarkets: config.holderSyncTopMarkets,
    trackedWalletMax: config.trackedWalletMax,
    profileBatchSize: config.profileBatchSize,
    schedules: {
      ...DEFAULT_SYNC_OPTIONS.schedules,
      'market-sync': config.marketSyncCron,
      'leaderboard-sync': config.leaderboardSyncCron,
      'holder-sync': config.holderSyncCron,
      'position-sync': config.positionSyncCron,
      'profile-enricher': config.profileEnricherCron,
      'closed-position-sync': config.closedPositionSyncCron,
      'resolution-sync': config.resolutionSyncCron,
      'wallet-scores': config.walletScoresCron,
    },
  };
}
