/**
 * market-sync (spec: every 10 min, and once at start): active markets from Gamma into `markets`, ranked by
 * volume. The ranking feeds holder-sync (through {@link MarketRanking}, backed by the table itself).
 */
import { marketRow } from '../store/row-mappers.ts';
import { fetchComplete, type SyncDeps } from './deps.ts';
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

/** One run: read every active market (up to `marketSyncMax`) by volume windows (polymarket/market-walk.ts), write them, publish the volume ranking. */
export async function runMarketSync(deps: SyncDeps, ctx: JobContext): Promise<void> {
  const { polymarket, writer, options, clock } = deps;
  const fetchedAt = clock.now();
  let requests = 0;
  let unreachable = false;
  const page = await fetchComplete(
    async () => {
      const walked = await polymarket.gamma.activeMarketsByVolume(options.marketSyncMax, ctx.signal);
      requests += walked.requests;
      unreachable ||= walked.unreachable;
      return walked;
    },
    options.incompleteRefetches,
    ctx,
    'gamma /markets',
  );
  ctx.counters.pages += requests;
  if (unreachable) ctx.logger.warn('more markets share one volume than a window reaches; some are not listed');
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
