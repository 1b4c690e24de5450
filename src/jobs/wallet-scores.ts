/**
 * wallet-scores (issue 13): keeps wallet_scores current. Every run is incremental (only the wallets whose trades,
 * positions or closed positions arrived since the last run, and the wallets of markets resolved since), except
 * the first one on a store and every `walletScoresFullEvery`-th, which recompute every wallet and refresh the
 * population prior (and every wallet's age). The SQL is in src/store/metrics/pipeline.ts.
 */
import { lastScoresComputedAt, recomputeWalletScores } from '../store/metrics/pipeline.ts';
import type { SyncDeps } from './deps.ts';
import type { JobContext, JobDefinition } from './scheduler.ts';

/** Job name. */
export const WALLET_SCORES = 'wallet-scores';

/** The wallet-scores job. */
export function walletScoresJob(deps: SyncDeps): JobDefinition {
  let runs = 0;
  return {
    name: WALLET_SCORES,
    schedule: deps.options.schedules[WALLET_SCORES],
    timeoutMs: deps.options.timeoutsMs[WALLET_SCORES],
    runAtStart: true,
    run: async (ctx) => {
      await runWalletScores(deps, ctx, runs % Math.max(deps.options.walletScoresFullEvery, 1) === 0);
      runs++;
    },
  };
}

/** One run: full when asked or when the store has no scores yet, else incremental since the newest scores. */
export async function runWalletScores(deps: SyncDeps, ctx: JobContext, full: boolean): Promise<void> {
  const since = await lastScoresComputedAt(deps.store, ctx.signal);
  const mode = full || since === null ? 'full' : 'incremental';
  const result = await recomputeWalletScores(deps.store, {
    mode,
    ...(since !== null ? { since } : {}),
    now: deps.clock.now(),
    signal: ctx.signal,
  });
  ctx.counters.rows += result.rows;
  ctx.logger.info('wallet scores computed', { ...result });
}
