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
import { readWalletQueue } from './wallet-queue.ts';
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
 * The next batch a run polls, in queue order (jobs/wallet-queue.ts): followed wallets first (synced every cycle,
 * tracked or not, never cut by `trackedWalletMax`), then the tracked wallets by priority, up to
 * `trackedWalletMax` in all. `exclude` are wallets this run already synced; with `dueOnly` only wallets the
 * queue considers due (never synced, or stale) are taken.
 */
export async function walletsToPoll(
  deps: SyncDeps,
  signal?: AbortSignal,
  opts: { exclude?: ReadonlySet<string>; dueOnly?: boolean } = {},
): Promise<string[]> {
  await deps.state.refresh(signal);
  const queue = await readWalletQueue(deps.store, deps.state.tracked().values(), deps.clock.now(), deps.options.queueStaleAfterMs, signal);
  const out: string[] = [];
  let others = 0;
  for (const input of queue.ordered) {
    if (opts.exclude?.has(input.wallet)) continue;
    if (opts.dueOnly && !queue.isDue(input)) continue;
    if (input.followed) out.push(input.wallet);
    else if (out.length < deps.options.trackedWalletMax) {
      out.push(input.wallet);
      others++;
    }
  }
  deps.logger.debug('queue batch', { wallets: out.length, others });
  return out;
}

/**
 * One run (see the module comment for the outcome contract). The run takes a first batch from the queue, then
 * keeps taking batches of due wallets (never synced or stale) until none is left or `positionSyncDrainMs` has
 * passed: continuous processing instead of "the same ≤ 500 every cycle".
 */
export async function runPositionSync(deps: SyncDeps, ctx: JobContext): Promise<void> {
  const started = deps.clock.now();
  const done = new Set<string>();
  const failures: { item: string; error: string }[] = [];
  let attempted = 0;
  let inserted = 0;
  for (let batchNo = 0; ; batchNo++) {
    const wallets = await walletsToPoll(deps, ctx.signal, { exclude: done, dueOnly: batchNo > 0 });
    if (wallets.length === 0) {
      if (batchNo === 0) ctx.logger.info('no tracked wallets yet');
      break;
    }
    const result = await syncWalletBatch(deps, ctx, wallets);
    for (const w of wallets) done.add(w);
    attempted += wallets.length;
    inserted += result.inserted;
    failures.push(...result.failures);
    // A batch where every wallet failed means the API is down: stop draining, the next run retries.
    if (result.failures.length >= wallets.length) break;
    if (deps.clock.now() - started >= deps.options.positionSyncDrainMs) break;
  }
  if (attempted === 0) return;
  ctx.logger.info('positions synced', { wallets: attempted, failed: failures.length, activityInserted: inserted });
  const partial = summariseFailures('wallets', attempted, failures);
  if (partial) ctx.setPartialError(partial);
}

/** Positions and activity of one batch of wallets; failures per wallet. */
async function syncWalletBatch(
  deps: SyncDeps,
  ctx: JobContext,
  wallets: readonly string[],
): Promise<{ inserted: number; failures: { item: string; error: string }[] }> {
  const { polymarket, options, state, clock } = deps;
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
  return { inserted, failures };
}
