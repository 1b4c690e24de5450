import { readFileSync, writeFileSync } from 'node:fs';
import type { BenchResult } from './types.ts';

/**
 * `npm run bench [-- name …]`: runs the benchmarks (all, or the named ones) one after another in this process and
 * prints each metric beside its baseline (bench/baseline.json, the numbers quoted in the README).
 * `--update-baseline` writes the new numbers there.
 */
const BENCHES: Record<string, () => Promise<BenchResult>> = {
  writer: async () => (await import('./writer.ts')).benchWriter(),
  clients: async () => (await import('./clients.ts')).benchClients(),
  sync: async () => (await import('./sync.ts')).benchSync(),
  ui: async () => (await import('./ui.ts')).benchUi(),
  queries: async () => (await import('./queries.ts')).benchQueries(),
  live: async () => (await import('./live.ts')).benchLive(),
};

const args = process.argv.slice(2);
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

for (const name of selected) {
  const bench = BENCHES[name];
  if (!bench) {
    process.stderr.write(`unknown benchmark '${name}' (benchmarks: ${Object.keys(BENCHES).join(', ')})\n`);
    process.exit(2);
  }
  process.stdout.write(`\n== ${name}\n`);
  const result = await bench();
  for (const [metric, value] of Object.entries(result.metrics)) {
    const before = baseline[name]?.[metric];
    const beside = before === undefined ? '' : `   (baseline ${round(before)})`;
    process.stdout.write(`  ${metric.padEnd(36)} ${String(round(value)).padStart(12)}${beside}\n`);
  }
  if (result.notes) process.stdout.write(`  ${result.notes.replaceAll('\n', '\n  ')}\n`);
  if (update) baseline[name] = result.metrics;
}
if (update) writeFileSync(baselineUrl, JSON.stringify(baseline, null, 2) + '\n');

function round(v: number): number {
  return Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 100) / 100;
}
