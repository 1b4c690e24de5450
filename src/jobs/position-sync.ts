/**
 * position-sync (spec: every 5 min): positions and activity of up to `trackedWalletMax` tracked wallets
 * (prioritised by leaderboard rank) into wallet_positions and wallet_activity.
 *
 * Unlike the spec (one wallet at a time, 0.1 s sleeps, the last 100 activities filtered by "newer than the last
 * timestamp" held in memory), wallets are fetched concurrently through the rate-limited clients, each wallet's
 * activity is read completely from its durable watermark (minus an overlap) to now, and rows are de-duplicated
 * by natural key (see activity-keys.ts and position-commit.ts).
 *
 * Outcome contract: a wallet whose fetch or commit fails is counted and the run goes on. The run is 'ok' when
 * at least one wallet succeeded (with "k/n wallets failed: …" as its partial error) and 'error' when every
 * wallet failed. A wallet that failed keeps its watermark, so the next run catches up without a gap.
 */
import { DATA_CAPS } from '../polymarket/data-api.ts';
import { fetchComplete, pagesFor, summariseFailures, type SyncDeps } from './deps.ts';
import { errorMessage } from '../lib/error-message.ts';
import { activityMerger } from './activity-keys.ts';
import { mapPool } from './pool.ts';
import { commitWallets, type WalletFetch } from './position-commit.ts';
import { prioritiseWallets } from './priority.ts';
import { listFollowedWallets } from '../store/state/followed-wallets.ts';
import type { JobContext, JobDefinition } from './scheduler.ts';

/** Job name. */
export const POSITION_SYNC = 'position-sync';

/** The position-sync job. */
export function positionSyncJob(deps: SyncDeps): JobDefinition {
  return {
    name: POSITION_SYNC,
    schedule: deps.options.schedules[POSITION_SYNC],
    timeoutMs: deps.options.timeoutsMs[POSITION_SYNC],
    runAtStart: false,
    run: (ctx) => runPositionSync(deps, ctx),
  };
}

/**
 * The wallets a run will poll, in priority order: every followed wallet first (synced every cycle, tracked or
 * not, never cut by `trackedWalletMax`), then the tracked wallets by priority up to `trackedWalletMax` in all.
 */
export async function walletsToPoll(deps: SyncDeps, signal?: AbortSignal): Promise<string[]> {
  await deps.state.refresh(signal);
  const [followed, ordered] = await Promise.all([
    listFollowedWallets(deps.store, signal),
    prioritiseWallets(deps.store, deps.state.tracked().values(), signal),
  ]);
  const first = followed.map((f) => f.wallet);
  const firstSet = new Set(first);
  const rest = ordered.filter((w) => !firstSet.has(w)).slice(0, Math.max(0, deps.options.trackedWalletMax - first.length));
  return [...first, ...rest];
}

/**
 * One run (see the module comment for the outcome contract). `only`: these wallets instead of the queue (the
 * on-demand fetch of one wallet, jobs/wallet-fetch.ts).
 */
export async function runPositionSync(deps: SyncDeps, ctx: JobContext, only?: readonly string[]): Promise<void> {
  const { polymarket, options, state, clock } = deps;
  if (only) await state.ensureLoaded(ctx.signal);
  const wallets = only ? [...only] : await walletsToPoll(deps, ctx.signal);
  if (wallets.length === 0) {
    ctx.logger.info('no tracked wallets yet');
    return;
  }
  const nowSec = Math.floor(clock.now() / 1000);
  const lookbackStart = nowSec - Math.round(options.activityLookbackDays * 86_400);
  const failures: { item: string; error: string }[] = [];
  let pending: WalletFetch[] = [];
  let commits: Promise<void> = Promise.resolve();
  let inserted = 0;

  const commit = (batch: WalletFetch[]): void => {
    commits = commits.then(async () => {
      if (ctx.signal.aborted) return;
      try {
        const result = await commitWallets(deps, batch, ctx.signal);
        inserted += result.activityInserted;
        ctx.counters.rows += result.activityInserted + result.positionRows;
        ctx.logger.debug('wallets committed', { wallets: batch.length, ...result });
      } catch (err) {
        for (const f of batch) failures.push({ item: f.wallet, error: `commit: ${errorMessage(err)}` });
        ctx.logger.warn('commit failed', { wallets: batch.length, err });
      }
    });
  };

  const outcomes = await mapPool(
    wallets,
    options.concurrency,
    async (wallet) => {
      const watermark = state.activityWatermark(wallet);
      const fromSec = watermark === undefined ? lookbackStart : watermark - options.activityOverlapSeconds;
      const [positions, activity] = await Promise.all([
        fetchComplete(
          () => polymarket.data.positionsAll(wallet, options.positionsMaxPerWallet, ctx.signal),
          options.incompleteRefetches,
          ctx,
          `positions ${wallet}`,
        ),
        fetchComplete(
          () => polymarket.data.activitySince(wallet, fromSec, ctx.signal),
          options.incompleteRefetches,
          ctx,
          `activity ${wallet}`,
          activityMerger,
        ),
      ]);
      ctx.counters.pages +=
        pagesFor(positions.items.length + positions.rejected, DATA_CAPS.positionsLimit) +
        pagesFor(activity.items.length + activity.rejected, DATA_CAPS.activityLimit);
      pending.push({
        wallet,
        fromSec,
        positions: positions.items,
        positionsRejected: positions.rejected,
        activity: activity.items,
        activityRejected: activity.rejected,
      });
      if (pending.length >= options.commitBatchWallets) {
        commit(pending);
        pending = [];
      }
    },
    ctx.signal,
  );
  if (!ctx.signal.aborted && pending.length > 0) commit(pending);
  await commits;
  ctx.signal.throwIfAborted();

  outcomes.forEach((o, i) => {
    if (!o.ok) failures.push({ item: wallets[i] ?? String(i), error: errorMessage(o.error) });
  });
  ctx.logger.info('positions synced', { wallets: wallets.length, failed: failures.length, activityInserted: inserted });
  const partial = summariseFailures('wallets', wallets.length, failures);
  if (partial) ctx.setPartialError(partial);
}
