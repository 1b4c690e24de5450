/**
 * The sync engine's entry point for the composition root:
 *
 *   const jobs = createSyncJobs({ store, writer, polymarket, logger, options });
 *   const scheduler = new Scheduler({ store, logger });
 *   for (const job of jobs) scheduler.add(job);
 *   scheduler.start();            // or: await scheduler.runAllOnce()  (--once)
 *   …
 *   await scheduler.stop();       // then writer.close(), store.close()
 */
import { systemClock, type Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/log.ts';
import type { Polymarket } from '../polymarket/index.ts';
import type { BatchedWriter } from '../store/writer.ts';
import type { Store } from '../store/types.ts';
import type { SyncDeps } from './deps.ts';
import { holderSyncJob } from './holder-sync.ts';
import { leaderboardSyncJob } from './leaderboard-sync.ts';
import { marketSyncJob } from './market-sync.ts';
import { resolveSyncOptions, type SyncJobName, type SyncOptions } from './options.ts';
import { positionSyncJob } from './position-sync.ts';
import { profileEnricherJob } from './profile-enricher.ts';
import { closedPositionSyncJob } from './closed-position-sync.ts';
import { resolutionSyncJob } from './resolution-sync.ts';
import { walletScoresJob } from './wallet-scores.ts';
import type { JobDefinition } from './scheduler.ts';
import { SyncState } from './sync-state.ts';

export { DEFAULT_SYNC_OPTIONS, SYNC_JOB_NAMES, resolveSyncOptions } from './options.ts';
export type { SyncJobName, SyncOptions } from './options.ts';
export { Scheduler } from './scheduler.ts';
export type { JobContext, JobCounters, JobDefinition, JobRunResult, SchedulerOptions } from './scheduler.ts';
export { SyncState } from './sync-state.ts';

/** Dependencies of {@link createSyncJobs}. */
export interface SyncJobDeps {
  store: Store;
  writer: BatchedWriter;
  polymarket: Polymarket;
  options?: Partial<SyncOptions>;
  logger: Logger;
  clock?: Clock;
  /** Share one SyncState with other readers (e.g. /health); created here when omitted. */
  state?: SyncState;
}

/**
 * The five sync jobs, in dependency order (market-sync, leaderboard-sync, holder-sync, position-sync,
 * profile-enricher), sharing one durable {@link SyncState}.
 */
export function createSyncJobs(deps: SyncJobDeps): JobDefinition[] {
  const clock = deps.clock ?? systemClock;
  const shared: SyncDeps = {
    store: deps.store,
    writer: deps.writer.producer('sync'),
    polymarket: deps.polymarket,
    logger: deps.logger,
    clock,
    state: deps.state ?? new SyncState(deps.store, clock),
    options: resolveSyncOptions(deps.options),
    marketRanking: { conditionIds: [], at: 0 },
  };
  // Each job writes through its own handle, so a batch another producer lost never fails its commit.
  const own = (name: SyncJobName): SyncDeps => ({ ...shared, writer: deps.writer.producer(name) });
  const jobs = [
    marketSyncJob(own('market-sync')),
    leaderboardSyncJob(own('leaderboard-sync')),
    holderSyncJob(own('holder-sync')),
    positionSyncJob(own('position-sync')),
    profileEnricherJob(own('profile-enricher')),
    closedPositionSyncJob(own('closed-position-sync')),
    resolutionSyncJob(own('resolution-sync')),
    walletScoresJob(own('wallet-scores')),
  ];
  return jobs.map((job) => ({ ...job, after: START_PREREQUISITES[job.name as SyncJobName] }));
}

/**
 * What each job needs from the others on a fresh store (see JobDefinition.after): holder-sync reads the markets
 * market-sync ranks; position-sync and profile-enricher read the wallets the leaderboards discover.
 */
const START_PREREQUISITES: Readonly<Record<SyncJobName, readonly string[]>> = {
  'market-sync': [],
  'leaderboard-sync': [],
  'holder-sync': ['market-sync'],
  'position-sync': ['leaderboard-sync'],
  'profile-enricher': ['leaderboard-sync'],
  'closed-position-sync': ['leaderboard-sync'],
  'resolution-sync': ['market-sync'],
  'wallet-scores': ['resolution-sync'],
};
