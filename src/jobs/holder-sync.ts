/**
 * holder-sync (spec: every 15 min): top holders of every active market, in rotation (holder-rotation.ts: the
 * `holderSyncTopMarkets` by volume every run plus the `holderRotationMarkets` scanned longest ago), into
 * market_holders, and the wallets of each market's newest fills; both join the tracked set (discovered_via =
 * holders / trades). Each scan is recorded in holder_scans. Markets are fetched concurrently.
 */
import { holderRow } from '../store/row-mappers.ts';
import { readMarketScanStates } from '../store/queries/coverage.ts';
import { chTime } from '../store/time.ts';
import { DATA_CAPS } from '../polymarket/data-api.ts';
import { marketsForHolderScan } from './holder-rotation.ts';
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
  const markets = marketsForHolderScan(await readMarketScanStates(store, ctx.signal), options.holderSyncTopMarkets, options.holderRotationMarkets);
  if (markets.length === 0) {
    ctx.logger.info('no markets to read holders of (market-sync has not run yet)');
    return;
  }
  const snapshotTime = clock.now();
  const holderWallets = new Set<string>();
  const traderWallets = new Set<string>();
  const scans: { condition_id: string; scanned_at: string; holders: number; traders: number }[] = [];
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
      let holders = 0;
      for (const group of page.items) for (const h of group.holders) if (h.wallet !== '') {
        holderWallets.add(h.wallet);
        holders++;
      }
      const traders = options.marketTradesMax > 0 ? await marketTraders(deps, ctx, conditionId) : new Set<string>();
      for (const w of traders) traderWallets.add(w);
      scans.push({ condition_id: conditionId, scanned_at: chTime(snapshotTime), holders, traders: traders.size });
    },
    ctx.signal,
  );
  ctx.signal.throwIfAborted();
  if (scans.length > 0) await writer.writeAsync('holder_scans', scans);
  await writer.flush();
  const added = (await state.addTracked(holderWallets, 'holders', ctx.signal)) + (await state.addTracked(traderWallets, 'trades', ctx.signal));
  const failures = outcomes.flatMap((o, i) => (o.ok ? [] : [{ item: markets[i] ?? String(i), error: errorMessage(o.error) }]));
  ctx.logger.info('holders synced', {
    markets: markets.length,
    failed: failures.length,
    holders: holderWallets.size,
    traders: traderWallets.size,
    newlyTracked: added,
  });
  const partial = summariseFailures('markets', markets.length, failures);
  if (partial) ctx.setPartialError(partial);
}

/**
 * Wallets among a market's newest fills (up to `marketTradesMax`): /holders lists only the top 20 per outcome,
 * and whoever holds a position bought it in a fill. /trades has no time window, so the reach is
 * limit + the offset cap (10,000 + 3,000 newest fills per market); older-only holders are found through the
 * leaderboards, /holders or their other markets.
 */
async function marketTraders(deps: SyncDeps, ctx: JobContext, conditionId: string): Promise<Set<string>> {
  const { polymarket, options } = deps;
  const wallets = new Set<string>();
  const limit = Math.min(DATA_CAPS.tradesLimit, options.marketTradesMax);
  for (const offset of [0, DATA_CAPS.tradesMaxOffset]) {
    const page = await polymarket.data.trades({ market: conditionId, takerOnly: false, limit, offset }, ctx.signal);
    ctx.counters.pages += 1;
    for (const t of page.items) if (t.wallet !== '') wallets.add(t.wallet);
    if (page.items.length + page.rejected < limit || options.marketTradesMax <= limit) break;
  }
  return wallets;
}
