import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { measureSteal } from './steal.ts';
import type { BenchResult } from './types.ts';

/**
 * `npm run bench [-- name …]`: runs the benchmarks (all, or the named ones) one after another, each in its own
 * process (chDB allows one data directory per process, and a benchmark must not inherit another's heap), and
 * prints each metric beside its baseline (bench/baseline.json, the numbers quoted in the README).
 * `--update-baseline` writes the new numbers there.
 */
const BENCHES: Record<string, () => Promise<BenchResult>> = {
  writer: async () => (await import('./writer.ts')).benchWriter(),
  clients: async () => (await import('./clients.ts')).benchClients(),
  sync: async () => (await import('./sync.ts')).benchSync(),
  queries: async () => (await import('./queries.ts')).benchQueries(),
  ui: async () => (await import('./ui.ts')).benchUi(),
  live: async () => (await import('./live.ts')).benchLive(),
  hostile: async () => (await import('./hostile.ts')).benchHostile(),
  start: async () => (await import('./start.ts')).benchStart(),
  'ui-bytes': async () => (await import('./ui-bytes.ts')).benchUiBytes(),
  sim: async () => (await import('./sim.ts')).benchSim(),
};

const RESULT_PREFIX = 'BENCH_RESULT ';
const args = process.argv.slice(2);

if (args[0] === '--child') {
  // One benchmark in this process; the result goes to the parent as the last line of stdout.
  const bench = BENCHES[args[1] ?? ''];
  if (!bench) process.exit(2);
  const { result, stealPct } = await measureSteal(bench);
  if (stealPct !== null) result.metrics.cpu_steal_pct = stealPct;
  process.stdout.write(`\n${RESULT_PREFIX}${JSON.stringify(result)}\n`);
  process.exit(0);
}

const update = args.includes('--update-baseline');
const names = args.filter((a) => !a.startsWith('--'));
const selected = names.length > 0 ? names : Object.keys(BENCHES);
const baselineUrl = new URL('./baseline.json', import.meta.url);
const baseline = ((): Record<string, Record<string, number>> => {
  try {
    return JSON.parse(readFileSync(baselineUrl, 'utf8')) as Record<string, Record<string, number>>;
  } catch {
    return {};
  }
})();

let failed = false;
for (const name of selected) {
  if (!BENCHES[name]) {
    process.stderr.write(`unknown benchmark '${name}' (benchmarks: ${Object.keys(BENCHES).join(', ')})\n`);
    process.exit(2);
  }
  process.stdout.write(`\n== ${name}\n`);
  const child = spawnSync(process.execPath, [fileURLToPath(new URL('../bin/run-ts.js', import.meta.url)), fileURLToPath(import.meta.url), '--child', name], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = child.stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
  if (child.status !== 0 || !line) {
    process.stdout.write(child.stdout);
    process.stderr.write(`benchmark ${name} failed (exit ${child.status})\n`);
    failed = true;
    continue;
  }
  const result = JSON.parse(line.slice(RESULT_PREFIX.length)) as BenchResult;
  for (const [metric, value] of Object.entries(result.metrics)) {
    const before = baseline[name]?.[metric];
    const beside = before === undefined ? '' : `   (baseline ${round(before)})`;
    process.stdout.write(`  ${metric.padEnd(40)} ${String(round(value)).padStart(12)}${beside}\n`);
  }
  if (result.notes) process.stdout.write(`  ${result.notes.replaceAll('\n', '\n  ')}\n`);
  if (update) baseline[name] = result.metrics;
}
if (update) writeFileSync(baselineUrl, JSON.stringify(baseline, null, 2) + '\n');
process.exit(failed ? 1 : 0);

function round(v: number): number {
  return Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 100) / 100;
}
