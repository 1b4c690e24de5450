/**
 * market-fill: answers the market view's requests (store/state/market-fill.ts) for a market the store knows too
 * little about: its top holders (Data API /holders) and its older prices (CLOB /prices-history, hourly points of
 * each outcome token). Runs every few seconds and does nothing when nothing is pending, so a market opened in the
 * UI fills within seconds without the UI touching the network.
 */
import { holderRow } from '../store/row-mappers.ts';
import { getMarketDetail } from '../store/queries/market.ts';
import { markMarketFilled, pendingMarketFills } from '../store/state/market-fill.ts';
import { chTime } from '../store/time.ts';
import { errorMessage } from '../lib/error-message.ts';
import type { SyncDeps } from './deps.ts';
import type { JobContext, JobDefinition } from './scheduler.ts';

/** Job name. */
export const MARKET_FILL = 'market-fill';

/** Requests answered per run (each is a few requests; a burst of opened markets waits a run or two). */
const REQUESTS_PER_RUN = 3;
/** Minutes per /prices-history point: hourly covers a week in 168 points and a year in under 9,000. */
const HISTORY_FIDELITY_MINUTES = 60;

/** The market-fill job (every 10 s; a no-op run costs one query). */
export function marketFillJob(deps: Pick<SyncDeps, 'store' | 'writer' | 'polymarket' | 'clock'>): JobDefinition {
  return { name: MARKET_FILL, schedule: '*/10 * * * * *', timeoutMs: 60_000, runAtStart: false, run: (ctx) => runMarketFill(deps, ctx) };
}

/** One run: the oldest pending requests, each marked done (with its error, if any) whatever happens. */
export async function runMarketFill(deps: Pick<SyncDeps, 'store' | 'writer' | 'polymarket' | 'clock'>, ctx: JobContext): Promise<void> {
  const { store, writer, polymarket, clock } = deps;
  const pending = await pendingMarketFills(store, REQUESTS_PER_RUN, ctx.signal);
  const failures: string[] = [];
  for (const request of pending) {
    let error = '';
    try {
      const snapshotTime = clock.now();
      const holders = await polymarket.data.holders(request.marketId, undefined, ctx.signal);
      ctx.counters.pages += 1;
      const holderRows = holders.items.flatMap((g) => g.holders.map((h) => holderRow(h, { conditionId: request.marketId, tokenId: g.token, snapshotTime })));
      if (holderRows.length > 0) await writer.writeAsync('market_holders', holderRows);
      const detail = await getMarketDetail(store, { conditionId: request.marketId, now: snapshotTime }, ctx.signal);
      let historyRows = 0;
      for (const o of detail.outcomes) {
        if (!o.tokenId) continue;
        const page = await polymarket.clob.pricesHistory({ market: o.tokenId, interval: 'max', fidelity: HISTORY_FIDELITY_MINUTES }, ctx.signal);
        ctx.counters.pages += 1;
        const rows = page.items.map((p) => ({ market_id: request.marketId, token_id: o.tokenId, timestamp: chTime(p.t * 1000), price: p.p, fetched_at: chTime(snapshotTime) }));
        if (rows.length > 0) await writer.writeAsync('price_history', rows);
        historyRows += rows.length;
      }
      await writer.flush();
      ctx.counters.rows += holderRows.length + historyRows;
    } catch (err) {
      ctx.signal.throwIfAborted();
      error = errorMessage(err);
      failures.push(`${request.marketId}: ${error}`);
    }
    await markMarketFilled(store, request.marketId, request.requestedAt, clock.now(), error);
  }
  if (failures.length > 0) ctx.setPartialError(`${failures.length}/${pending.length} markets failed: ${failures[0]}`);
}
