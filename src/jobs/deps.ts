/**
 * What every sync job gets from {@link createSyncJobs}: the store, the writer, the clients, the durable sync
 * state, the options and the market ranking shared by market-sync and holder-sync.
 */
import type { Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/log.ts';
import type { Polymarket } from '../polymarket/index.ts';
import type { Page, TokenHolders } from '../polymarket/types.ts';
import type { RowWriter } from '../store/writer.ts';
import type { Store } from '../store/types.ts';
import type { SyncOptions } from './options.ts';
import type { JobContext } from './scheduler.ts';
import type { SyncState } from './sync-state.ts';

/**
 * Active condition ids by volume (descending) from the latest market-sync of this process. Only a cache of the
 * `markets` table: holder-sync falls back to the table when it is empty (after a restart).
 */
export interface MarketRanking {
  conditionIds: string[];
  /** When market-sync produced it (epoch ms); 0 = never in this process. */
  at: number;
}

/** Dependencies of the job functions. */
export interface SyncDeps {
  store: Store;
  /** This job's own handle (BatchedWriter.producer): its flush() answers for its rows only. */
  writer: RowWriter;
  polymarket: Polymarket;
  logger: Logger;
  clock: Clock;
  state: SyncState;
  options: SyncOptions;
  marketRanking: MarketRanking;
}

/**
 * How repeated answers are merged by {@link fetchComplete}. Records are compared by their full content and
 * counted as a multiset (several identical fills are legitimate).
 */
export interface RecordMerger<T> {
  /** Records held by an answer. */
  count(items: readonly T[]): number;
  /**
   * The records seen in at least two answers, each as often as its second-highest multiplicity. Requiring a
   * second sighting filters out a record corrupted in a way the client's validation tolerates (it appears in
   * one answer only), while a record dropped by validation in one answer is still seen in the others.
   */
  agreed(answers: readonly (readonly T[])[]): T[];
  /**
   * When the answers never add up to a complete one, return the merge (if it holds more than the best single
   * answer) instead of that answer. For mergers whose records cannot carry tolerated damage (see activityMerger).
   */
  keepMergeWhenIncomplete?: boolean;
}

function multiplicities<T>(items: readonly T[]): Map<string, { item: T; n: number }> {
  const counts = new Map<string, { item: T; n: number }>();
  for (const item of items) {
    const key = JSON.stringify(item);
    const seen = counts.get(key);
    if (seen) seen.n += 1;
    else counts.set(key, { item, n: 1 });
  }
  return counts;
}

function agreedRecords<T>(answers: readonly (readonly T[])[]): T[] {
  const perAnswer = answers.map(multiplicities);
  const keys = new Map<string, T>();
  for (const m of perAnswer) for (const [key, { item }] of m) if (!keys.has(key)) keys.set(key, item);
  const out: T[] = [];
  for (const [key, item] of keys) {
    const ns = perAnswer.map((m) => m.get(key)?.n ?? 0).sort((a, b) => b - a);
    for (let i = 0; i < (ns[1] ?? 0); i++) out.push(item);
  }
  return out;
}

/** Merger of flat record lists. */
export function flatMerger<T>(): RecordMerger<T> {
  return { count: (items) => items.length, agreed: agreedRecords };
}

/** Merger of `/holders` answers: groups by token, holders agreed per token. */
export const holdersMerger: RecordMerger<TokenHolders> = {
  count: (groups) => groups.reduce((n, g) => n + g.holders.length, 0),
  agreed: (answers) => {
    const tokens = [...new Set(answers.flatMap((groups) => groups.map((g) => g.token)))];
    return tokens.map((token) => ({
      token,
      holders: agreedRecords(answers.map((groups) => groups.find((g) => g.token === token)?.holders ?? [])),
    }));
  },
};

/**
 * Fetches an answer; while it holds records rejected by validation, fetches it again (at most `extraAttempts`
 * more times) and merges the attempts by agreement (see {@link RecordMerger.agreed}). Records the client drops
 * would be silent gaps; upstream corruption is per response, so other attempts return those records intact.
 * The merge is complete once it holds as many records as the latest answer had in total (valid + rejected): it
 * is then returned with `rejected: 0`. Otherwise the most complete single answer is returned, `rejected` being
 * how many records it misses, and the caller must treat it as incomplete. `ctx.counters.rejected` gets that
 * final shortfall.
 */
export async function fetchComplete<T>(
  fetch: () => Promise<Page<T>>,
  extraAttempts: number,
  ctx: JobContext,
  what: string,
  merger: RecordMerger<T> = flatMerger<T>(),
): Promise<Page<T>> {
  const first = await fetch();
  const complete = (page: Page<T>): Page<T> => {
    ctx.counters.received += merger.count(page.items);
    return page;
  };
  if (first.rejected === 0) return complete(first);
  const answers: T[][] = [first.items];
  let best = first;
  let expected = merger.count(first.items) + first.rejected;
  let merged: T[] = first.items;
  for (let attempt = 0; attempt < extraAttempts; attempt++) {
    ctx.signal.throwIfAborted();
    ctx.logger.debug('incomplete answer; fetching again', { what, rejected: best.rejected, attempt: attempt + 1 });
    const again = await fetch();
    if (again.rejected === 0) return complete(again);
    if (again.rejected < best.rejected) best = again;
    answers.push(again.items);
    expected = merger.count(again.items) + again.rejected;
    merged = merger.agreed(answers);
    if (merger.count(merged) >= expected) return complete({ items: merged, rejected: 0 });
  }
  if (merger.keepMergeWhenIncomplete && merger.count(merged) > merger.count(best.items)) {
    best = { items: merged, rejected: Math.max(1, expected - merger.count(merged)) };
  }
  ctx.logger.warn('answer still incomplete after refetches', { what, rejected: best.rejected });
  ctx.counters.rejected += best.rejected;
  ctx.counters.received += merger.count(best.items) + best.rejected;
  return best;
}

/** Requests behind a paginated answer of `received` records at `pageSize` per page (at least one). */
export function pagesFor(received: number, pageSize: number): number {
  return Math.max(1, Math.ceil(received / pageSize));
}

/**
 * Summarises per-item failures of a run. Returns null when nothing failed. Throws (so the run ends 'error') when
 * every attempted item failed; otherwise the run stays 'ok' with the summary as its partial error.
 */
export function summariseFailures(noun: string, attempted: number, failures: readonly { item: string; error: string }[]): string | null {
  if (failures.length === 0) return null;
  const sample = failures
    .slice(0, 3)
    .map((f) => `${f.item}: ${f.error}`)
    .join('; ');
  const summary = `${failures.length}/${attempted} ${noun} failed (${sample}${failures.length > 3 ? '; …' : ''})`;
  if (failures.length >= attempted) throw new Error(summary);
  return summary;
}
