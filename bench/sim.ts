/**
 * bench/sim: how long the simulator takes to build a world (markets, wallets, planted truth, the whole history up
 * to now), for the demo's default world and for long histories. `npm run bench -- sim`; `SIM_BENCH_SIZES` picks
 * the worlds (`wallets x markets x days`, comma-separated, e.g. `2000x300x365`).
 *
 * The history is generated eagerly (every later answer is then O(page)), so this is also the time from
 * `npm run demo` to a simulator that answers; the demo's default world is the first size.
 */
import { startSimulator } from '../src/sim/index.ts';
import { worldTruth } from '../src/sim/truth.ts';
import type { BenchResult } from './types.ts';

const DEFAULT_SIZES = '3000x300x30,2000x300x365,20000x2000x365';

function parseSizes(spec: string): { wallets: number; markets: number; days: number }[] {
  return spec.split(',').map((s) => {
    const [wallets, markets, days] = s.trim().split('x').map(Number);
    if (!wallets || !markets || !days) throw new Error(`SIM_BENCH_SIZES: '${s}' is not wallets x markets x days`);
    return { wallets, markets, days };
  });
}

/** Builds each world once (a manual clock, so only generation is timed) and reports wall and CPU time. */
export async function benchSim(): Promise<BenchResult> {
  const metrics: Record<string, number> = {};
  const notes: string[] = [];
  for (const size of parseSizes(process.env.SIM_BENCH_SIZES ?? DEFAULT_SIZES)) {
    const key = `${size.wallets}x${size.markets}x${size.days}d`;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const sim = await startSimulator({ seed: 1, manualClock: true, walletCount: size.wallets, marketCount: size.markets, historyDays: size.days });
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const truth = worldTruth(sim.world);
    const e = sim.world.core;
    metrics[`${key}_build_ms`] = wallMs;
    metrics[`${key}_build_cpu_ms`] = (cpu.user + cpu.system) / 1000;
    metrics[`${key}_activity_rows`] = e.acts.length;
    metrics[`${key}_resolved_markets`] = truth.resolutions.length;
    metrics[`${key}_heap_mb`] = process.memoryUsage().heapUsed / 1024 / 1024;
    const perWallet = e.wallets.map((w) => new Set(w.acts.map((i) => e.acts[i]!.marketIdx).filter((m) => e.markets[m]!.closed)).size);
    const settled10 = perWallet.filter((n) => n >= 10).length;
    notes.push(`${key}: ${e.acts.length} activity rows, ${truth.resolutions.length} resolved markets, ${settled10} wallets with ≥ 10 settled markets`);
    await sim.stop();
  }
  return { name: 'sim', metrics, notes: notes.join('\n') };
}
