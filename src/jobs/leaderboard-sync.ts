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
import { sleepOn, systemTimers } from '../lib/clock.ts';
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
 * How far one board's paging got: the pages fetched so far (ranks in order) and where the next page starts. A
 * page that fails after the client's retries leaves the progress where it was, so a later round of the same run
 * resumes at that page instead of dropping the board (issue 12 item 12).
 */
interface BoardProgress {
  entries: LeaderboardEntry[];
  nextOffset: number;
  done: boolean;
  /** Whole-board refetches spent on torn boards. */
  refetches: number;
}

function freshProgress(): BoardProgress {
  return { entries: [], nextOffset: 0, done: false, refetches: 0 };
}

/**
 * Ranks 1..`leaderboardMaxResults` of one board, page by page (50 per page), resuming `progress`. Each page is
 * made complete on its own (see fetchComplete), so a record rejected on one page never shifts or hides ranks of
 * another. Resolves with the whole board; throws (progress kept) when a page fails.
 */
async function fetchBoard(deps: SyncDeps, ctx: JobContext, board: LeaderboardQuery, progress: BoardProgress): Promise<LeaderboardEntry[]> {
  // A live ranking moves while it is paged: a wallet that climbed between two pages comes back twice, and the
  // store (one row per wallet and board) would keep 199 of 200 ranks. Such a torn board is fetched again.
  for (;;) {
    await fetchRemainingPages(deps, ctx, board, progress);
    const entries = progress.entries;
    if (new Set(entries.map((e) => e.wallet)).size === entries.length || progress.refetches >= deps.options.incompleteRefetches) return entries;
    progress.refetches += 1;
    ctx.logger.debug('board moved while paged; fetching it again', { board, attempt: progress.refetches });
    Object.assign(progress, { entries: [], nextOffset: 0, done: false });
  }
}

async function fetchRemainingPages(deps: SyncDeps, ctx: JobContext, board: LeaderboardQuery, progress: BoardProgress): Promise<void> {
  const { polymarket, options } = deps;
  const max = Math.min(options.leaderboardMaxResults, DATA_CAPS.leaderboardMaxOffset + DATA_CAPS.leaderboardLimit);
  while (!progress.done && progress.nextOffset < max) {
    const offset = progress.nextOffset;
    const limit = Math.min(DATA_CAPS.leaderboardLimit, max - offset);
    const page = await fetchComplete(
      () => polymarket.data.leaderboard({ ...board, limit, offset }, ctx.signal),
      options.incompleteRefetches,
      ctx,
      `leaderboard ${board.category}/${board.timePeriod}/${board.orderBy} @${offset}`,
    );
    ctx.counters.pages += 1;
    progress.entries.push(...page.items.filter((e) => e.rank >= 1 && e.rank <= max));
    progress.nextOffset = offset + limit;
    if (page.items.length + page.rejected < limit) progress.done = true;
  }
  progress.done = true;
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
 * One run. Every row of one run carries the same snapshot_time, so readers can select the latest sweep. Boards
 * are fetched concurrently; a board whose page failed after the client's retries is tried again, from that page,
 * in up to `leaderboardLateRounds` later rounds of the same run, each after a pause (`leaderboardLateDelayMs`,
 * doubling) that lets a rate limit cool down. A board is written only once complete. What still fails is counted
 * and the others are kept ('ok' with a partial error); the run fails only if every board does.
 */
export async function runLeaderboardSync(deps: SyncDeps, ctx: JobContext, boards = allLeaderboards()): Promise<void> {
  const { writer, options, state, clock } = deps;
  await state.ensureLoaded(ctx.signal);
  const snapshotTime = clock.now();
  const wallets = new Set<string>();
  const progress = boards.map(freshProgress);
  const lastError = new Map<number, unknown>();
  let pending = boards.map((_, i) => i);
  let anySucceeded = false;
  for (let round = 0; round <= options.leaderboardLateRounds && pending.length > 0; round++) {
    if (round > 0) {
      // Nothing answered at all (host down, a storm): the run's error is the news, and waiting only delays it.
      if (!anySucceeded) break;
      ctx.logger.info('leaderboards failed; trying them again in this run', { boards: pending.length, round });
      await sleepOn(systemTimers, options.leaderboardLateDelayMs * 2 ** (round - 1), ctx.signal);
    }
    const outcomes = await mapPool(
      pending,
      options.concurrency,
      async (i) => {
        const board = boards[i] as LeaderboardQuery;
        const entries = await fetchBoard(deps, ctx, board, progress[i] as BoardProgress);
        const rows = entries.map((entry) => leaderboardRow(entry, { ...board, snapshotTime }));
        if (rows.length > 0) await writer.writeAsync('trader_rankings', rows);
        ctx.counters.rows += rows.length;
        for (const entry of entries) if (entry.wallet !== '') wallets.add(entry.wallet);
      },
      ctx.signal,
    );
    ctx.signal.throwIfAborted();
    const failed: number[] = [];
    outcomes.forEach((o, k) => {
      const i = pending[k] as number;
      if (o.ok) {
        anySucceeded = true;
        lastError.delete(i);
      } else {
        lastError.set(i, o.error);
        failed.push(i);
      }
    });
    pending = failed;
  }
  await writer.flush();
  const added = await state.addTracked(wallets, 'leaderboard', ctx.signal);
  const failures = pending.map((i) => {
    const b = boards[i];
    return { item: b ? `${b.category}/${b.timePeriod}/${b.orderBy}` : String(i), error: errorMessage(lastError.get(i)) };
  });
  ctx.logger.info('leaderboards synced', { boards: boards.length, failed: failures.length, wallets: wallets.size, newlyTracked: added });
  const partial = summariseFailures('boards', boards.length, failures);
  if (partial) ctx.setPartialError(partial);
}
