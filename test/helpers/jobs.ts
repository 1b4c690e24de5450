import type { Logger } from '../../src/lib/log.ts';
import { silentLogger } from '../../src/lib/log.ts';
import { createSyncJobs, type SyncOptions } from '../../src/jobs/index.ts';
import { Scheduler } from '../../src/jobs/scheduler.ts';
import { createPolymarket, type Polymarket } from '../../src/polymarket/index.ts';
import type { Simulator } from '../../src/sim/index.ts';
import { ROW_VALIDATORS } from '../../src/store/rows.ts';
import type { Store } from '../../src/store/types.ts';
import { BatchedWriter } from '../../src/store/writer.ts';

/** The world of the jobs tests: small enough to sync in seconds, big enough for 500 tracked wallets. */
export const JOBS_WORLD = { seed: 7, marketCount: 120, walletCount: 900, historyTrades: 30_000, historyDays: 30 } as const;

/** A sync engine wired to a simulator: clients (rate gates opened wide), writer, scheduler with the five jobs. */
export interface SyncRig {
  polymarket: Polymarket;
  writer: BatchedWriter;
  scheduler: Scheduler;
  close(): Promise<void>;
}

/** Builds a {@link SyncRig}. The jobs' clock is the simulator's world clock (manual in tests). */
export function syncRig(
  store: Store,
  sim: Simulator,
  opts: { options?: Partial<SyncOptions>; logger?: Logger; timeoutMs?: number; maxRetries?: number; rateFraction?: number; shippedRetries?: boolean } = {},
): SyncRig {
  const logger = opts.logger ?? silentLogger;
  const polymarket = createPolymarket({
    dataApiUrl: sim.urls.dataApi,
    gammaUrl: sim.urls.gamma,
    clobUrl: sim.urls.clob,
    rateFraction: opts.rateFraction ?? 1000,
    logger,
    // Fast backoff unless the test is about the shipped retry policy.
    ...(opts.shippedRetries ? {} : { backoffBaseMs: 5, backoffCapMs: 50 }),
    ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
    ...(opts.maxRetries !== undefined ? { maxRetries: opts.maxRetries } : {}),
  });
  const writer = new BatchedWriter(store, { logger, validators: ROW_VALIDATORS, retryBaseMs: 5, retryCapMs: 50 });
  const clock = { now: () => sim.now() };
  // Run records use the wall clock (job_runs has a 90-day TTL; the manual world clock is months in the past).
  const scheduler = new Scheduler({ store, logger });
  for (const job of createSyncJobs({ store, writer, polymarket, logger, clock, ...(opts.options ? { options: opts.options } : {}) })) {
    scheduler.add(job);
  }
  return {
    polymarket,
    writer,
    scheduler,
    close: async () => {
      await scheduler.stop();
      await writer.close();
      await polymarket.close();
    },
  };
}

/** The simulator's activity of `wallet` with timestamp ≥ `fromSec`: count and USDC sum (wire rows). */
export function worldActivity(sim: Simulator, wallet: string, fromSec: number): { count: number; usdc: number } {
  const rows = sim.world.activityOf(wallet).filter((r) => Number(r.timestamp) >= fromSec);
  return { count: rows.length, usdc: rows.reduce((s, r) => s + Number(r.usdcSize), 0) };
}
