/**
 * resolution-sync (issue 13): how the markets our wallets traded resolved, from Gamma (`closed = true`, then
 * `outcomePrices` of 1 and 0), into market_resolutions; the closed market itself goes into `markets` too, so its
 * category stays known after market-sync (active markets only) stops seeing it. The WS `market_resolved` frame
 * writes the same table from the live feed.
 *
 * Each run asks about the markets past their end date that still lack a resolution, longest overdue first, in
 * batches of Gamma's page size; a market Gamma calls closed but not yet settled (prices still trading) is asked
 * about again next run.
 */
import { GAMMA_CAPS } from '../polymarket/gamma.ts';
import { listMarketsAwaitingResolution } from '../store/metrics/inputs.ts';
import { marketRow, resolutionOfMarket, resolutionRow } from '../store/row-mappers.ts';
import { errorMessage } from '../lib/error-message.ts';
import { fetchComplete, pagesFor, summariseFailures, type SyncDeps } from './deps.ts';
import { mapPool } from './pool.ts';
import type { JobContext, JobDefinition } from './scheduler.ts';

/** Job name. */
export const RESOLUTION_SYNC = 'resolution-sync';

/** The resolution-sync job. */
export function resolutionSyncJob(deps: SyncDeps): JobDefinition {
  return {
    name: RESOLUTION_SYNC,
    schedule: deps.options.schedules[RESOLUTION_SYNC],
    timeoutMs: deps.options.timeoutsMs[RESOLUTION_SYNC],
    runAtStart: true,
    run: (ctx) => runResolutionSync(deps, ctx),
  };
}

/** One run (see the module comment). */
export async function runResolutionSync(deps: SyncDeps, ctx: JobContext): Promise<void> {
  const { polymarket, writer, options, clock, store } = deps;
  const now = clock.now();
  const due = await listMarketsAwaitingResolution(store, { now, limit: options.resolutionSyncMax }, ctx.signal);
  if (due.length === 0) return;
  const batches: string[][] = [];
  for (let i = 0; i < due.length; i += GAMMA_CAPS.listLimit) batches.push(due.slice(i, i + GAMMA_CAPS.listLimit));
  const failures: { item: string; error: string }[] = [];
  let resolved = 0;
  const outcomes = await mapPool(
    batches,
    Math.min(options.concurrency, 4),
    async (ids) => {
      const page = await fetchComplete(
        () => polymarket.gamma.markets({ conditionIds: ids, closed: true, limit: ids.length }, ctx.signal),
        options.incompleteRefetches,
        ctx,
        'gamma /markets closed',
      );
      ctx.counters.pages += pagesFor(page.items.length + page.rejected, GAMMA_CAPS.listLimit);
      const fetchedAt = clock.now();
      const resolutions = page.items.flatMap((m) => {
        const r = resolutionOfMarket(m, fetchedAt);
        return r ? [r] : [];
      });
      if (page.items.length > 0) await writer.writeAsync('markets', page.items.map((m) => marketRow(m, fetchedAt)));
      if (resolutions.length > 0) await writer.writeAsync('market_resolutions', resolutions.map((r) => resolutionRow(r, fetchedAt)));
      resolved += resolutions.length;
      ctx.counters.rows += page.items.length + resolutions.length;
    },
    ctx.signal,
  );
  await writer.flush();
  ctx.signal.throwIfAborted();
  outcomes.forEach((o, i) => {
    if (!o.ok) failures.push({ item: `batch ${i}`, error: errorMessage(o.error) });
  });
  ctx.logger.info('resolutions synced', { asked: due.length, resolved });
  const partial = summariseFailures('batches', batches.length, failures);
  if (partial) ctx.setPartialError(partial);
}
