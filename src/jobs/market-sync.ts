/**
 * market-sync (spec: every 10 min, and once at start): active markets from Gamma into `markets`, ranked by
 * volume. The ranking feeds holder-sync (through {@link MarketRanking}, backed by the table itself).
 */
import { marketRow } from '../store/row-mappers.ts';
import { GAMMA_CAPS } from '../polymarket/gamma.ts';
import { fetchComplete, pagesFor, type SyncDeps } from './deps.ts';
import type { JobContext, JobDefinition } from './scheduler.ts';

/** Job name. */
export const MARKET_SYNC = 'market-sync';

/** The market-sync job. */
export function marketSyncJob(deps: SyncDeps): JobDefinition {
  return {
    name: MARKET_SYNC,
    schedule: deps.options.schedules[MARKET_SYNC],
    timeoutMs: deps.options.timeoutsMs[MARKET_SYNC],
    runAtStart: true,
    run: (ctx) => runMarketSync(deps, ctx),
  };
}

/** One run: read up to `marketSyncMax` active markets, write them, publish the volume ranking. */
export async function runMarketSync(deps: SyncDeps, ctx: JobContext): Promise<void> {
  const { polymarket, writer, options, clock } = deps;
  const fetchedAt = clock.now();
  const page = await fetchComplete(
    () => polymarket.gamma.marketsAll({ active: true, closed: false, order: 'volumeNum', ascending: false }, options.marketSyncMax, ctx.signal),
    options.incompleteRefetches,
    ctx,
    'gamma /markets',
  );
  ctx.counters.pages += pagesFor(page.items.length + page.rejected, GAMMA_CAPS.listLimit);
  const byCondition = new Map(page.items.filter((m) => m.conditionId !== '').map((m) => [m.conditionId, m]));
  const markets = [...byCondition.values()].sort((a, b) => b.volume - a.volume);
  if (markets.length > 0) {
    await writer.writeAsync('markets', markets.map((m) => marketRow(m, fetchedAt)));
    await writer.flush();
  }
  ctx.counters.rows += markets.length;
  deps.marketRanking.conditionIds = markets.filter((m) => m.active && !m.closed).map((m) => m.conditionId);
  deps.marketRanking.at = fetchedAt;
  ctx.logger.info('markets synced', { markets: markets.length });
}
