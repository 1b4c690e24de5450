import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { silentLogger } from '../src/lib/log.ts';
import { openStore } from '../src/store/client.ts';
import { migrate } from '../src/store/migrate.ts';
import {
  getLeaderboard,
  getMarketDetail,
  getPositionConcentration,
  getSignalHitRate,
  getSignals,
  getSmartMoneyPositions,
  getTraderProfile,
  getWhaleActivity,
  getWhalesOverview,
} from '../src/store/queries/index.ts';
import type { Store } from '../src/store/types.ts';
import { ACTIVITY_ROWS as WALLET_ACTIVITY_ROWS } from '../src/ui/views/Wallet/index.tsx';
import type { BenchResult } from './types.ts';
import { timedStore } from './timed-store.ts';
import { bulkActivity, syncFromSimulator } from './ui-fill.ts';

/**
 * bench/queries: the dashboard's query functions alone (no React, no Ink) over the same store as bench/ui — a sim
 * sync of 200 tracked wallets plus 10 M bulk wallet_activity rows — with the exact arguments the panes pass.
 *   - `<query>_p50_ms` / `_p95_ms`: one call of the function (all its SQL statements), sequential, ≥ 30 runs.
 *   - `round_<pane>_p95_ms`: what one UI refresh waits for before the pane is drawn — the pane's slices started
 *     together, as the App does (the stats cards' statement runs after them, measured alone as `overview`).
 * The notes list every SQL statement by p95 (the time a statement waited behind another one in a round counts).
 * WHALETOP_BENCH_QUERIES_DIR keeps the filled store in that directory and reuses it on the next run (filled only
 * when wallet_activity is empty), so a query change can be measured without the ~2 min fill; migrations are
 * applied each time, so a new one is measured on the existing data. WHALETOP_BENCH_QUERIES_ROWS overrides 10 M.
 */
const ACTIVITY_ROWS = Number(process.env.WHALETOP_BENCH_QUERIES_ROWS ?? 10_000_000);
const TRACKED_WALLETS = 200;
const RUNS = Number(process.env.WHALETOP_BENCH_QUERIES_RUNS ?? 30);
const WARMUP = 2;

interface Timing {
  sql: string;
  ms: number;
}


function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round1 = (v: number) => Math.round(v * 10) / 10;
const oneLine = (sql: string) => sql.replace(/\s+/g, ' ').trim();

async function fill(store: Store): Promise<string> {
  const [row] = await store.query<{ n: string }>('SELECT count() AS n FROM wallet_activity');
  if (Number(row?.n ?? 0) > 0) return `reused store (${row?.n} wallet_activity rows)`;
  const t0 = performance.now();
  await syncFromSimulator(store, TRACKED_WALLETS);
  await bulkActivity(store, ACTIVITY_ROWS);
  return `filled in ${Math.round((performance.now() - t0) / 1000)} s`;
}

/** Runs the benchmark; see the module comment. */
export async function benchQueries(): Promise<BenchResult> {
  const keep = process.env.WHALETOP_BENCH_QUERIES_DIR;
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'whaletop-bench-queries-'));
  const store = await openStore({ kind: 'embedded', dataDir: dir }, silentLogger);
  try {
    const tm = performance.now();
    await migrate(store, silentLogger);
    const migrateMs = performance.now() - tm;
    const filled = await fill(store);
    const [count] = await store.query<{ n: string }>('SELECT count() AS n FROM wallet_activity');
    const measured = await measure(store);
    return {
      name: 'queries',
      metrics: { ...measured.metrics, activity_rows: Number(count?.n ?? 0), migrate_ms: Math.round(migrateMs) },
      notes: `${filled}\n${measured.notes}`,
    };
  } finally {
    await store.close();
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

type Run = (store: Store) => Promise<unknown>;

async function measure(store: Store): Promise<{ metrics: Record<string, number>; notes: string }> {
  const now = () => Date.now();
  // The rows the bench/ui keys open: the leaderboard's first wallet, the concentration pane's first market.
  const [top] = await getLeaderboard(store, { limit: 1 });
  const [market] = await getPositionConcentration(store, { limit: 1 });
  const wallet = top?.wallet ?? '';
  const conditionId = market?.conditionId ?? '';

  // Exactly the calls of src/ui (App.tsx overview, panes/*/index.ts, views/*/index.tsx).
  const calls: Record<string, Run> = {
    overview: (s) => getWhalesOverview(s, { now: now() }),
    leaderboard: (s) => getLeaderboard(s, { category: 'OVERALL', period: 'ALL', orderBy: 'PNL', limit: 200 }),
    whale_activity: (s) => getWhaleActivity(s, { limit: 200, now: now() }),
    smart_money: (s) => getSmartMoneyPositions(s, { limit: 200 }),
    concentration: (s) => getPositionConcentration(s, { limit: 100 }),
    signals: (s) => getSignals(s, { limit: 200, now: now() }),
    signal_hit_rate: (s) => getSignalHitRate(s),
    wallet_view: (s) => getTraderProfile(s, { wallet, activityLimit: WALLET_ACTIVITY_ROWS }),
    market_view: (s) => getMarketDetail(s, { conditionId, now: now() }),
  };
  const rounds: Record<string, string[]> = {
    leaderboard: ['leaderboard'],
    whale_activity: ['whale_activity'],
    smart_money: ['smart_money'],
    concentration: ['concentration'],
    live_signals: ['signals', 'signal_hit_rate'],
    wallet_view: ['wallet_view'],
    market_view: ['market_view'],
  };

  const metrics: Record<string, number> = {};
  const bySql = new Map<string, number[]>();
  const sample = async (run: Run): Promise<number[]> => {
    const times: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const timings: Timing[] = [];
      const s = timedStore(store, ({ sql, ms }) => timings.push({ sql, ms }));
      const start = performance.now();
      await run(s);
      const ms = performance.now() - start;
      if (i < WARMUP) continue;
      times.push(ms);
      for (const t of timings) {
        const key = oneLine(t.sql);
        bySql.set(key, [...(bySql.get(key) ?? []), t.ms]);
      }
    }
    return times;
  };
  for (const [name, run] of Object.entries(calls)) {
    const times = await sample(run);
    metrics[`${name}_p50_ms`] = round1(percentile(times, 50));
    metrics[`${name}_p95_ms`] = round1(percentile(times, 95));
  }
  const all: number[] = [];
  for (const [pane, slices] of Object.entries(rounds)) {
    const times = await sample((s) => Promise.all(slices.map((k) => calls[k]!(s))));
    metrics[`round_${pane}_p95_ms`] = round1(percentile(times, 95));
    all.push(...times);
  }
  metrics.round_p50_ms = round1(percentile(all, 50));
  metrics.round_p95_ms = round1(percentile(all, 95));

  const sqlStats = [...bySql.entries()]
    .map(([sql, ms]) => ({ sql, n: ms.length, p50: percentile(ms, 50), p95: percentile(ms, 95) }))
    .sort((a, b) => b.p95 - a.p95);
  const notes = [
    `wallet view: ${wallet}, market view: ${conditionId}`,
    'SQL statements by p95 (ms, in calls and rounds):',
    ...sqlStats.map((s) => `  p50 ${round1(s.p50)} p95 ${round1(s.p95)} ×${s.n}  ${s.sql.slice(0, 150)}${s.sql.length > 150 ? '…' : ''}`),
  ].join('\n');
  return { metrics, notes };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchQueries();
  process.stdout.write(`${JSON.stringify(result.metrics, null, 2)}\n${result.notes ?? ''}\n`);
}
