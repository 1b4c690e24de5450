/**
 * closed-position-sync (issue 13): the newest closed positions (sold out or redeemed, with Polymarket's realised
 * PnL) of the wallets position-sync polls, into closed_positions. The metrics read every wallet's settled markets
 * from here; the table keeps one row per (wallet, market, outcome), so fetching a position again only refreshes it.
 *
 * Each run reads up to `closedPositionsMaxPerWallet` per wallet, newest first (the API pages 50 at a time), so a
 * wallet's recent settlements arrive every run and older ones once, on the first runs.
 */
import { DATA_CAPS } from '../polymarket/data-api.ts';
import { collectPages } from '../polymarket/paginate.ts';
import { closedPositionRow } from '../store/row-mappers.ts';
import { errorMessage } from '../lib/error-message.ts';
import { fetchComplete, pagesFor, summariseFailures, type SyncDeps } from './deps.ts';
import { mapPool } from './pool.ts';
import { walletsToPoll } from './position-sync.ts';
import type { JobContext, JobDefinition } from './scheduler.ts';

/** Job name. */
export const CLOSED_POSITION_SYNC = 'closed-position-sync';

/** The closed-position-sync job. */
export function closedPositionSyncJob(deps: SyncDeps): JobDefinition {
  return {
    name: CLOSED_POSITION_SYNC,
    schedule: deps.options.schedules[CLOSED_POSITION_SYNC],
    timeoutMs: deps.options.timeoutsMs[CLOSED_POSITION_SYNC],
    runAtStart: false,
    run: (ctx) => runClosedPositionSync(deps, ctx),
  };
}

/** One run: every polled wallet's newest closed positions; a wallet that fails is counted and the run goes on. */
export async function runClosedPositionSync(deps: SyncDeps, ctx: JobContext): Promise<void> {
  const { polymarket, options, writer, clock } = deps;
  const wallets = await walletsToPoll(deps, ctx.signal);
  if (wallets.length === 0) {
    ctx.logger.info('no tracked wallets yet');
    return;
  }
  const failures: { item: string; error: string }[] = [];
  const outcomes = await mapPool(
    wallets,
    options.concurrency,
    async (wallet) => {
      const page = await fetchComplete(
        () =>
          collectPages(
            (offset, limit) =>
              polymarket.data.closedPositions(wallet, { offset, limit, sortBy: 'TIMESTAMP', sortDirection: 'DESC' }, ctx.signal),
            { pageSize: DATA_CAPS.closedPositionsLimit, maxOffset: DATA_CAPS.activityMaxOffset, max: options.closedPositionsMaxPerWallet },
          ),
        options.incompleteRefetches,
        ctx,
        `closed-positions ${wallet}`,
      );
      ctx.counters.pages += pagesFor(page.items.length + page.rejected, DATA_CAPS.closedPositionsLimit);
      if (page.items.length === 0) return;
      const fetchedAt = clock.now();
      await writer.writeAsync('closed_positions', page.items.map((p) => closedPositionRow(p, fetchedAt)));
      ctx.counters.rows += page.items.length;
    },
    ctx.signal,
  );
  await writer.flush();
  ctx.signal.throwIfAborted();
  outcomes.forEach((o, i) => {
    if (!o.ok) failures.push({ item: wallets[i] ?? String(i), error: errorMessage(o.error) });
  });
  ctx.logger.info('closed positions synced', { wallets: wallets.length, failed: failures.length });
  const partial = summariseFailures('wallets', wallets.length, failures);
  if (partial) ctx.setPartialError(partial);
}
