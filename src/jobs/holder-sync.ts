/**
 * holder-sync (spec: every 15 min): top holders of the `holderSyncTopMarkets` markets with the highest volume
 * into market_holders; holders join the tracked set (discovered_via = holders). Markets are fetched
 * concurrently (the spec slept 0.15 s between markets).
 */
import { holderRow } from '../store/row-mappers.ts';
import { readTopMarketsByVolume } from '../store/queries/markets.ts';
import { fetchComplete, holdersMerger, summariseFailures, type SyncDeps } from './deps.ts';
import { errorMessage } from '../lib/error-message.ts';
import { mapPool } from './pool.ts';
import type { JobContext, JobDefinition } from './scheduler.ts';

/** Job name. */
export const HOLDER_SYNC = 'holder-sync';

/** The holder-sync job. */
export function holderSyncJob(deps: SyncDeps): JobDefinition {
  return {
    name: HOLDER_SYNC,
    schedule: deps.options.schedules[HOLDER_SYNC],
    timeoutMs: deps.options.timeoutsMs[HOLDER_SYNC],
    runAtStart: false,
    run: (ctx) => runHolderSync(deps, ctx),
  };
}

/**
 * One run. All rows of one run share a snapshot_time. A market that fails is counted and skipped ('ok' with a
 * partial error); the run fails only if every market does.
 */
export async function runHolderSync(deps: SyncDeps, ctx: JobContext): Promise<void> {
  const { polymarket, writer, options, state, clock, store } = deps;
  await state.ensureLoaded(ctx.signal);
  const top = options.holderSyncTopMarkets;
  const markets =
    deps.marketRanking.at > 0 ? deps.marketRanking.conditionIds.slice(0, top) : await readTopMarketsByVolume(store, top, ctx.signal);
  if (markets.length === 0) {
    ctx.logger.info('no markets to read holders of (market-sync has not run yet)');
    return;
  }
  const snapshotTime = clock.now();
  const wallets = new Set<string>();
  const outcomes = await mapPool(
    markets,
    options.concurrency,
    async (conditionId) => {
      const page = await fetchComplete(
        () => polymarket.data.holders(conditionId, options.holdersPerToken, ctx.signal),
        options.incompleteRefetches,
        ctx,
        `holders ${conditionId}`,
        holdersMerger,
      );
      ctx.counters.pages += 1;
      const rows = page.items.flatMap((group) =>
        group.holders.map((h) => holderRow(h, { conditionId, tokenId: group.token, snapshotTime })),
      );
      if (rows.length > 0) await writer.writeAsync('market_holders', rows);
      ctx.counters.rows += rows.length;
      for (const group of page.items) for (const h of group.holders) if (h.wallet !== '') wallets.add(h.wallet);
    },
    ctx.signal,
  );
  ctx.signal.throwIfAborted();
  await writer.flush();
  const added = await state.addTracked(wallets, 'holders', ctx.signal);
  const failures = outcomes.flatMap((o, i) => (o.ok ? [] : [{ item: markets[i] ?? String(i), error: errorMessage(o.error) }]));
  ctx.logger.info('holders synced', { markets: markets.length, failed: failures.length, wallets: wallets.size, newlyTracked: added });
  const partial = summariseFailures('markets', markets.length, failures);
  if (partial) ctx.setPartialError(partial);
}
