/**
 * Sync throughput: wall time of a leaderboard sweep (80 boards × 200 ranks) and of 500-wallet position cycles,
 * against the simulator with 100 ms latency and the published rate limits enforced server-side, beside the
 * spec's sequential design (bench/sync-sequential.ts) on the same simulator, and beside the floor set by the
 * budget: requests ÷ configured rate, per rate-limit lane (the slowest lane bounds the cycle).
 *
 * The jobs write to an in-memory no-op store: this measures the API side (ClickHouse is measured in
 * bench/writer.ts), and keeps this bench free of chDB's one-data-dir-per-process rule when run with the others.
 *
 * Standalone: `node bin/run-ts.js bench/sync.ts`.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createSyncJobs } from '../src/jobs/index.ts';
import { allLeaderboards } from '../src/jobs/leaderboard-sync.ts';
import { Scheduler } from '../src/jobs/scheduler.ts';
import { silentLogger } from '../src/lib/log.ts';
import { createPolymarket } from '../src/polymarket/index.ts';
import { budgetFor, LIMIT_WINDOW_MS } from '../src/polymarket/limits.ts';
import { startSimulator, type Simulator } from '../src/sim/index.ts';
import type { Store } from '../src/store/types.ts';
import { BatchedWriter } from '../src/store/writer.ts';
import { sequentialLeaderboards, sequentialPositions } from './sync-sequential.ts';
import type { BenchResult } from './types.ts';

const RATE_FRACTION = 0.5;
const LATENCY_MS = 100;
const SEQUENTIAL_BOARDS = 8;
const SEQUENTIAL_WALLETS = 50;

/** A Store that accepts everything and knows nothing (queries return no rows). */
function nullStore(): Store {
  return {
    kind: 'embedded',
    description: 'bench null store',
    client: null as never,
    insert: async () => {},
    query: async () => [],
    command: async () => {},
    ping: async () => true,
    close: async () => {},
  };
}

/** Requests the simulator served since `before`, split into rate-limit lanes of the Data API. */
function lanes(sim: Simulator, before: Record<string, number>): { data: number; positions: number } {
  const after = sim.stats().byPath;
  let data = 0;
  let positions = 0;
  for (const [path, n] of Object.entries(after)) {
    const delta = n - (before[path] ?? 0);
    if (!path.startsWith('/data-api')) continue;
    data += delta;
    if (path.endsWith('/positions')) positions += delta;
  }
  return { data, positions };
}

/** Floor of the wall time in seconds: each lane's requests ÷ its configured rate; the slowest lane wins. */
function budgetFloorSeconds(requests: { data: number; positions: number }): number {
  const perSecond = (key: string): number => budgetFor(key, RATE_FRACTION) / (LIMIT_WINDOW_MS / 1000);
  return Math.max(requests.data / perSecond('data'), requests.positions / perSecond('data:/positions'));
}

/** Runs the benchmark (about 3 minutes). */
export async function benchSync(): Promise<BenchResult> {
  const sim = await startSimulator({ seed: 11, manualClock: true, burstEveryMs: 0, latencyMs: LATENCY_MS, enforceRateLimits: true });
  const polymarket = createPolymarket({
    dataApiUrl: sim.urls.dataApi,
    gammaUrl: sim.urls.gamma,
    clobUrl: sim.urls.clob,
    rateFraction: RATE_FRACTION,
    logger: silentLogger,
  });
  const store = nullStore();
  const writer = new BatchedWriter(store, { logger: silentLogger });
  const scheduler = new Scheduler({ store, logger: silentLogger });
  const clock = { now: () => sim.now() };
  for (const job of createSyncJobs({ store, writer, polymarket, logger: silentLogger, clock })) scheduler.add(job);

  try {
    const timed = async (job: string) => {
      const before = { ...sim.stats().byPath };
      const started = performance.now();
      const result = await scheduler.runOnce(job);
      const seconds = (performance.now() - started) / 1000;
      if (result.status !== 'ok' || result.error) throw new Error(`${job} ${result.status}: ${result.error ?? ''}`);
      const requests = lanes(sim, before);
      return { seconds, requests, floor: budgetFloorSeconds(requests) };
    };

    const leaderboard = await timed('leaderboard-sync');
    const firstCycle = await timed('position-sync');
    const steadyCycle = await timed('position-sync');
    const retries = polymarket.stats().retries;

    const boards = allLeaderboards().slice(0, SEQUENTIAL_BOARDS);
    const seqBoards = await sequentialLeaderboards(sim.urls.dataApi, boards);
    const wallets = [...new Set(allLeaderboards().flatMap((b) => sim.world.leaderboard(b).slice(0, 200).map((r) => r.proxyWallet)))].slice(
      0,
      SEQUENTIAL_WALLETS,
    );
    const seqWallets = await sequentialPositions(sim.urls.dataApi, wallets);
    const seqLeaderboardSeconds = (seqBoards.ms / 1000) * (80 / SEQUENTIAL_BOARDS);
    const seqPositionSeconds = (seqWallets.ms / 1000) * (500 / SEQUENTIAL_WALLETS);

    return {
      name: 'sync',
      metrics: {
        leaderboard_sweep_s: round(leaderboard.seconds),
        leaderboard_requests: leaderboard.requests.data,
        leaderboard_budget_floor_s: round(leaderboard.floor),
        leaderboard_sequential_spec_s: round(seqLeaderboardSeconds),
        leaderboard_speedup_x: round(seqLeaderboardSeconds / leaderboard.seconds),
        position_cycle_first_s: round(firstCycle.seconds),
        position_cycle_first_requests: firstCycle.requests.data,
        position_cycle_first_budget_floor_s: round(firstCycle.floor),
        position_cycle_steady_s: round(steadyCycle.seconds),
        position_cycle_steady_requests: steadyCycle.requests.data,
        position_cycle_steady_budget_floor_s: round(steadyCycle.floor),
        position_cycle_sequential_spec_s: round(seqPositionSeconds),
        position_speedup_x: round(seqPositionSeconds / steadyCycle.seconds),
        client_retries: retries,
        sequential_failed_requests: seqBoards.failures + seqWallets.failures,
      },
      notes:
        `simulator: 3000 wallets, ${LATENCY_MS} ms latency, published limits enforced server-side; clients at ${RATE_FRACTION} of ` +
        `the published limits; jobs write to a no-op store. Budget floor = requests ÷ configured rate of the slowest lane ` +
        `(/positions: ${budgetFor('data:/positions', RATE_FRACTION)}/10 s, Data API: ${budgetFor('data', RATE_FRACTION)}/10 s). ` +
        `The spec's sequential design ran on a sample (${SEQUENTIAL_BOARDS} boards, ${SEQUENTIAL_WALLETS} wallets) and is ` +
        `extrapolated linearly to 80 boards / 500 wallets. The first position cycle reads ${7} days of activity per wallet; ` +
        `the steady cycle reads from the watermarks (what the spec's 5-minute cycle does, with its 100-row cap).`,
    };
  } finally {
    await scheduler.stop();
    await writer.close();
    await polymarket.close();
    await sim.stop();
  }
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const result = await benchSync();
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
}
