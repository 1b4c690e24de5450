/**
 * Backfill (bulk wallet sync seed: "backfill every wallet's trades with checkpoints and resume, then sync
 * incrementally"): a wallet's whole activity history from `sinceSec` on, and its closed positions, concurrently
 * through the rate-limited clients.
 *
 * Exactness under kill -9: per wallet, (1) the full history is fetched, (2) only the activity rows whose natural
 * key the store does not hold are inserted (acknowledged; jobs/activity-keys.ts), (3) closed positions are
 * written to a table keyed by their natural key (a rewrite replaces), (4) only then a 'done' checkpoint is
 * inserted. A kill anywhere leaves the wallet without 'done'; `--resume` does it again and steps 2–3 keep it from
 * duplicating anything. `/activity` offsets are capped (5,000 in the newer docs; the client stays at 3,000), so
 * the history is walked by start-time windows (polymarket/activity-walk.ts), each with its own offset budget.
 */
import { createHash } from 'node:crypto';
import { errorMessage } from '../lib/error-message.ts';
import type { Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/log.ts';
import { activitySince } from '../polymarket/activity-walk.ts';
import { DATA_CAPS } from '../polymarket/data-api.ts';
import { budgetFor, LIMIT_WINDOW_MS } from '../polymarket/limits.ts';
import type { Polymarket } from '../polymarket/index.ts';
import type { ClosedPosition } from '../polymarket/types.ts';
import { readActivityCounts, readBackfillCheckpoints } from '../store/queries/coverage.ts';
import { activityRow } from '../store/row-mappers.ts';
import { chTime } from '../store/time.ts';
import type { Row, Store } from '../store/types.ts';
import { keyActivities, readStoredActivityKeys } from './activity-keys.ts';
import { mapPool } from './pool.ts';

/** Largest offset /closed-positions accepts (POLYMARKET_API.md §1.3). */
const CLOSED_MAX_OFFSET = 100_000;
/** Most activity rows read for one wallet (a guard against a runaway walk). */
const MAX_ACTIVITY_PER_WALLET = 2_000_000;

/** What a backfill will do. */
export interface BackfillPlan {
  wallets: string[];
  /** Wallets left out because a checkpoint says they are done (with --resume). */
  alreadyDone: number;
  sinceSec: number;
  /** Estimated requests per lane: activity (Data API general limit) and closed positions (own limit). */
  estimatedRequests: { activity: number; closedPositions: number };
  /** Requests per second each lane may make at the configured rate fraction. */
  laneRates: { activity: number; closedPositions: number };
  /** Estimated duration at the budget, seconds (the slower lane decides). */
  estimatedSeconds: number;
}

/** Inputs of {@link planBackfill}. */
export interface PlanOptions {
  sinceSec: number;
  resume: boolean;
  maxWallets?: number;
  rateFraction: number;
}

/**
 * The plan: `candidates` (in priority order), minus wallets done at this `since` or earlier when resuming, capped
 * at `maxWallets`; request estimates from what the store already holds of each wallet (one page per 500 stored
 * rows, at least one; closed positions assumed one page) — a lower bound for wallets never seen.
 */
export async function planBackfill(store: Store, candidates: readonly string[], opts: PlanOptions, signal?: AbortSignal): Promise<BackfillPlan> {
  const unique = [...new Set(candidates)];
  let wallets = unique;
  let alreadyDone = 0;
  if (opts.resume) {
    const checkpoints = await readBackfillCheckpoints(store, signal);
    wallets = unique.filter((w) => {
      const c = checkpoints.get(w);
      const done = c !== undefined && c.status === 'done' && c.sinceSec <= opts.sinceSec;
      if (done) alreadyDone++;
      return !done;
    });
  }
  if (opts.maxWallets !== undefined) wallets = wallets.slice(0, opts.maxWallets);
  const counts = await readActivityCounts(store, wallets, signal);
  let activity = 0;
  for (const w of wallets) activity += Math.max(1, Math.ceil((counts.get(w) ?? 0) / DATA_CAPS.activityLimit));
  const closedPositions = wallets.length;
  const laneRates = backfillLaneRates(opts.rateFraction);
  const estimatedSeconds = Math.max(activity / laneRates.activity, closedPositions / laneRates.closedPositions);
  return { wallets, alreadyDone, sinceSec: opts.sinceSec, estimatedRequests: { activity, closedPositions }, laneRates, estimatedSeconds };
}

/** Requests per second of the two backfill lanes at `rateFraction` of the published limits. */
export function backfillLaneRates(rateFraction: number): { activity: number; closedPositions: number } {
  const perSecond = (key: string): number => budgetFor(key, rateFraction) / (LIMIT_WINDOW_MS / 1000);
  return { activity: perSecond('data'), closedPositions: perSecond('data:/closed-positions') };
}

/** Progress of a running backfill. */
export interface BackfillProgress {
  total: number;
  done: number;
  failed: number;
  /** Activity rows inserted + closed positions written. */
  rows: number;
  requests: { activity: number; closedPositions: number };
  elapsedMs: number;
  /** Remaining time at the rate so far; null until a wallet finished. */
  etaMs: number | null;
}

/** Dependencies of {@link runBackfill}. */
export interface BackfillDeps {
  store: Store;
  polymarket: Polymarket;
  logger: Logger;
  clock: Clock;
  /**
   * Waited on before every request (the monitor's background backfill passes a limiter holding its share of
   * the budget, so live jobs keep the rest); the clients' own limiters apply in any case.
   */
  beforeRequest?: (lane: 'activity' | 'closed-positions', signal: AbortSignal) => Promise<void>;
}

/** Options of {@link runBackfill}. */
export interface RunBackfillOptions {
  concurrency: number;
  signal: AbortSignal;
  onProgress?: (p: BackfillProgress) => void;
}

/** What one wallet's backfill wrote. */
interface WalletOutcome {
  activityRows: number;
  closedRows: number;
  requests: { activity: number; closedPositions: number };
}

/** Runs a plan. Resolves with the final progress; a failed wallet gets a 'failed' checkpoint and the run goes on. */
export async function runBackfill(deps: BackfillDeps, plan: BackfillPlan, opts: RunBackfillOptions): Promise<BackfillProgress> {
  const started = deps.clock.now();
  const progress: BackfillProgress = {
    total: plan.wallets.length,
    done: 0,
    failed: 0,
    rows: 0,
    requests: { activity: 0, closedPositions: 0 },
    elapsedMs: 0,
    etaMs: null,
  };
  const report = (): void => {
    progress.elapsedMs = deps.clock.now() - started;
    const finished = progress.done + progress.failed;
    progress.etaMs = finished > 0 ? Math.round((progress.elapsedMs / finished) * (progress.total - finished)) : null;
    opts.onProgress?.({ ...progress, requests: { ...progress.requests } });
  };
  await mapPool(
    plan.wallets,
    opts.concurrency,
    async (wallet) => {
      try {
        const out = await backfillWallet(deps, wallet, plan.sinceSec, opts.signal, progress.requests);
        progress.done++;
        progress.rows += out.activityRows + out.closedRows;
      } catch (err) {
        if (opts.signal.aborted) throw err;
        progress.failed++;
        deps.logger.warn('backfill of a wallet failed', { wallet, err });
        await writeCheckpoint(deps, wallet, plan.sinceSec, 'failed', { activityRows: 0, closedRows: 0, requests: { activity: 0, closedPositions: 0 } }, errorMessage(err)).catch(
          () => {},
        );
      }
      report();
    },
    opts.signal,
  );
  report();
  return progress;
}

async function backfillWallet(
  deps: BackfillDeps,
  wallet: string,
  sinceSec: number,
  signal: AbortSignal,
  totals: { activity: number; closedPositions: number },
): Promise<WalletOutcome> {
  const { polymarket, store } = deps;
  const requests = { activity: 0, closedPositions: 0 };
  const activity = await activitySince(
    async (q) => {
      await deps.beforeRequest?.('activity', signal);
      requests.activity++;
      totals.activity++;
      return polymarket.data.activity(wallet, q, signal);
    },
    sinceSec,
    { pageSize: DATA_CAPS.activityLimit, maxOffset: DATA_CAPS.activityMaxOffset, maxRecords: MAX_ACTIVITY_PER_WALLET },
  );
  if (activity.rejected > 0) throw new Error(`${activity.rejected} malformed activity records (the wallet is retried on --resume)`);
  const closed: ClosedPosition[] = [];
  for (let offset = 0; offset <= CLOSED_MAX_OFFSET; ) {
    await deps.beforeRequest?.('closed-positions', signal);
    requests.closedPositions++;
    totals.closedPositions++;
    const page = await polymarket.data.closedPositions(wallet, { offset, limit: DATA_CAPS.closedPositionsLimit, sortBy: 'TIMESTAMP', sortDirection: 'ASC' }, signal);
    if (page.rejected > 0) throw new Error(`${page.rejected} malformed closed positions (the wallet is retried on --resume)`);
    closed.push(...page.items);
    if (page.items.length < DATA_CAPS.closedPositionsLimit) break;
    offset += page.items.length;
  }

  const inWindow = activity.items.filter((a) => a.timestamp >= sinceSec * 1000);
  const stored = await readStoredActivityKeys(store, [wallet], sinceSec * 1000, signal);
  const missing: Row[] = [];
  const keys: string[] = [];
  for (const k of keyActivities(wallet, inWindow)) {
    if (stored.has(k.key)) continue;
    missing.push({ ...activityRow(k.activity, k.fillSeq), proxy_wallet: wallet });
    keys.push(k.key);
  }
  for (let i = 0; i < missing.length; i += 20_000) {
    const token = createHash('sha1').update(keys.slice(i, i + 20_000).join('\n')).digest('hex');
    await store.insert('wallet_activity', missing.slice(i, i + 20_000), { dedupToken: `backfill-${token}`, signal });
  }
  const now = deps.clock.now();
  const closedRows = [...new Map(closed.map((c) => [`${c.conditionId}|${c.asset}`, c])).values()].map((c) => closedPositionRow(wallet, c, now));
  if (closedRows.length > 0) await store.insert('wallet_closed_positions', closedRows, { signal });
  const outcome = { activityRows: missing.length, closedRows: closedRows.length, requests };
  await writeCheckpoint(deps, wallet, sinceSec, 'done', outcome, '');
  return outcome;
}

function closedPositionRow(wallet: string, c: ClosedPosition, now: number): Row {
  return {
    proxy_wallet: wallet,
    condition_id: c.conditionId,
    asset: c.asset,
    outcome: c.outcome,
    outcome_index: c.outcomeIndex,
    avg_price: c.avgPrice,
    total_bought: c.totalBought,
    realized_pnl: c.realizedPnl,
    cur_price: c.curPrice,
    title: c.title,
    market_slug: c.slug,
    closed_at: chTime(c.timestamp),
    updated_at: chTime(now),
  };
}

async function writeCheckpoint(deps: BackfillDeps, wallet: string, sinceSec: number, status: 'done' | 'failed', out: WalletOutcome, error: string): Promise<void> {
  await deps.store.insert('backfill_checkpoints', [
    {
      proxy_wallet: wallet,
      status,
      since_sec: sinceSec,
      activity_rows: out.activityRows,
      closed_rows: out.closedRows,
      requests: out.requests.activity + out.requests.closedPositions,
      error: error.slice(0, 500),
      finished_at: chTime(deps.clock.now()),
    },
  ]);
}
