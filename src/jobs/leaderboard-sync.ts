/**
 * leaderboard-sync (spec: hourly, and once at start): every board — 11 categories (the documented ten and ESPORTS) × 4 periods × 2 orderings —
 * up to `leaderboardMaxResults` ranks each, into trader_rankings. Every wallet seen joins the tracked set
 * (discovered_via = leaderboard). Boards are fetched concurrently; the clients' rate gates set the pace (the
 * spec slept 0.2 s between boards instead).
 */
import { LEADERBOARD_CATEGORIES, LEADERBOARD_ORDERS, LEADERBOARD_PERIODS, type LeaderboardEntry } from '../polymarket/types.ts';
import type { LeaderboardQuery } from '../polymarket/data-api.ts';
import { DATA_CAPS } from '../polymarket/data-api.ts';
import { leaderboardRow } from '../store/row-mappers.ts';
import { fetchComplete, summariseFailures, type SyncDeps } from './deps.ts';
import { errorMessage } from '../lib/error-message.ts';
import { mapPool } from './pool.ts';
import type { JobContext, JobDefinition } from './scheduler.ts';

/** Job name. */
export const LEADERBOARD_SYNC = 'leaderboard-sync';

/** All 88 boards (11 categories × 4 periods × 2 orders), in a stable order. */
export function allLeaderboards(): LeaderboardQuery[] {
  return LEADERBOARD_CATEGORIES.flatMap((category) =>
    LEADERBOARD_PERIODS.flatMap((timePeriod) => LEADERBOARD_ORDERS.map((orderBy) => ({ category, timePeriod, orderBy }))),
  );
}

/**
 * Ranks 1..`leaderboardMaxResults` of one board, page by page (50 per page). Each page is made complete on its
 * own (see fetchComplete), so a record rejected on one page never shifts or hides ranks of another.
 */
async function fetchBoard(deps: SyncDeps, ctx: JobContext, board: LeaderboardQuery): Promise<LeaderboardEntry[]> {
  // A live ranking moves while it is paged: a wallet that climbed between two pages comes back twice, and the
  // store (one row per wallet and board) would keep 199 of 200 ranks. Such a torn board is fetched again.
  let entries: LeaderboardEntry[] = [];
  for (let attempt = 0; attempt <= deps.options.incompleteRefetches; attempt++) {
    entries = await fetchBoardOnce(deps, ctx, board);
    if (new Set(entries.map((e) => e.wallet)).size === entries.length) return entries;
    ctx.logger.debug('board moved while paged; fetching it again', { board, attempt: attempt + 1 });
  }
  return entries;
}

async function fetchBoardOnce(deps: SyncDeps, ctx: JobContext, board: LeaderboardQuery): Promise<LeaderboardEntry[]> {
  const { polymarket, options } = deps;
  const max = Math.min(options.leaderboardMaxResults, DATA_CAPS.leaderboardMaxOffset + DATA_CAPS.leaderboardLimit);
  const entries: LeaderboardEntry[] = [];
  for (let offset = 0; offset < max; offset += DATA_CAPS.leaderboardLimit) {
    const limit = Math.min(DATA_CAPS.leaderboardLimit, max - offset);
    const page = await fetchComplete(
      () => polymarket.data.leaderboard({ ...board, limit, offset }, ctx.signal),
      options.incompleteRefetches,
      ctx,
      `leaderboard ${board.category}/${board.timePeriod}/${board.orderBy} @${offset}`,
    );
    ctx.counters.pages += 1;
    entries.push(...page.items.filter((e) => e.rank >= 1 && e.rank <= max));
    if (page.items.length + page.rejected < limit) break;
  }
  return entries;
}

/** The leaderboard-sync job. */
export function leaderboardSyncJob(deps: SyncDeps): JobDefinition {
  return {
    name: LEADERBOARD_SYNC,
    schedule: deps.options.schedules[LEADERBOARD_SYNC],
    timeoutMs: deps.options.timeoutsMs[LEADERBOARD_SYNC],
    runAtStart: true,
    run: (ctx) => runLeaderboardSync(deps, ctx),
  };
}

/**
 * One run. Every row of one run carries the same snapshot_time, so readers can select the latest sweep. A board
 * that fails is counted and the others are kept ('ok' with a partial error); the run fails only if all do.
 */
export async function runLeaderboardSync(deps: SyncDeps, ctx: JobContext, boards = allLeaderboards()): Promise<void> {
  const { writer, options, state, clock } = deps;
  await state.ensureLoaded(ctx.signal);
  const snapshotTime = clock.now();
  const wallets = new Set<string>();
  const outcomes = await mapPool(
    boards,
    options.concurrency,
    async (board) => {
      const entries = await fetchBoard(deps, ctx, board);
      const rows = entries.map((entry) => leaderboardRow(entry, { ...board, snapshotTime }));
      if (rows.length > 0) await writer.writeAsync('trader_rankings', rows);
      ctx.counters.rows += rows.length;
      for (const entry of entries) if (entry.wallet !== '') wallets.add(entry.wallet);
    },
    ctx.signal,
  );
  ctx.signal.throwIfAborted();
  await writer.flush();
  const added = await state.addTracked(wallets, 'leaderboard', ctx.signal);
  const failures = outcomes.flatMap((o, i) => {
    if (o.ok) return [];
    const b = boards[i];
    return [{ item: b ? `${b.category}/${b.timePeriod}/${b.orderBy}` : String(i), error: errorMessage(o.error) }];
  });
  ctx.logger.info('leaderboards synced', { boards: boards.length, failed: failures.length, wallets: wallets.size, newlyTracked: added });
  const partial = summariseFailures('boards', boards.length, failures);
  if (partial) ctx.setPartialError(partial);
}
