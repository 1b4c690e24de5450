import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { silentLogger } from '../src/lib/log.ts';
import { chTime, openStore } from '../src/store/client.ts';
import { migrate } from '../src/store/migrate.ts';
import { ROW_VALIDATORS } from '../src/store/rows.ts';
import type { Row, Store } from '../src/store/types.ts';
import { BatchedWriter } from '../src/store/writer.ts';
import type { BenchResult } from './types.ts';

/**
 * Batched-writer throughput into embedded wallet_activity: ROWS realistic rows (2,000 wallets, 300 markets,
 * 66-char tx hashes, titles, last-30-day timestamps) pushed through `writeAsync` (validation on, backpressure at
 * the default 100k buffered rows), timed until `flush()` resolves. Run once per batch size. Peak RSS is the whole
 * process (chDB's engine included): sampled every 20 ms and `resourceUsage().maxRSS`.
 */
const ROWS = 500_000;
const CHUNK = 5_000;
const BATCH_SIZES = [1_000, 10_000];

/** A small deterministic PRNG (mulberry32) so every run writes the same rows. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (random: () => number, length: number): string =>
  Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');

function rowFactory(seed: number): (i: number) => Row {
  const random = prng(seed);
  const wallets = Array.from({ length: 2_000 }, () => `0x${hex(random, 40)}`);
  const markets = Array.from({ length: 300 }, (_, i) => ({
    conditionId: `0x${hex(random, 64)}`,
    asset: Array.from({ length: 77 }, () => Math.floor(random() * 10)).join(''),
    title: `Will market number ${i} resolve YES before the end of the season?`,
    slug: `market-number-${i}-resolves-yes`,
  }));
  // Distinct tx hashes without 64 random draws per row: a pooled prefix plus the row number.
  const hashPrefixes = Array.from({ length: 4_096 }, () => `0x${hex(random, 56)}`);
  const now = Date.now();
  return (i) => {
    const market = markets[Math.floor(random() * markets.length)]!;
    const size = Math.round(random() * 10_000 * 100) / 100;
    const price = Math.round(random() * 1000) / 1000;
    return {
      proxy_wallet: wallets[Math.floor(random() * wallets.length)]!,
      condition_id: market.conditionId,
      asset: market.asset,
      activity_type: 'TRADE',
      side: random() < 0.5 ? 'BUY' : 'SELL',
      outcome: random() < 0.5 ? 'Yes' : 'No',
      outcome_index: random() < 0.5 ? 0 : 1,
      size,
      usdc_size: Math.round(size * price * 100) / 100,
      price,
      transaction_hash: `${hashPrefixes[i % hashPrefixes.length]}${i.toString(16).padStart(8, '0')}`,
      fill_seq: 0,
      title: market.title,
      market_slug: market.slug,
      timestamp: chTime(now - Math.floor(random() * 30 * 86_400_000) - (i % 1000)),
    };
  };
}

async function runOnce(store: Store, maxRows: number, sampleRss: () => void): Promise<number> {
  await store.command('TRUNCATE TABLE wallet_activity');
  const writer = new BatchedWriter(store, { logger: silentLogger, maxRows, validators: ROW_VALIDATORS });
  const make = rowFactory(42);
  const started = performance.now();
  for (let done = 0; done < ROWS; done += CHUNK) {
    const chunk = Array.from({ length: Math.min(CHUNK, ROWS - done) }, (_, i) => make(done + i));
    await writer.writeAsync('wallet_activity', chunk);
    sampleRss();
  }
  await writer.close();
  const seconds = (performance.now() - started) / 1000;
  const [counted] = await store.query<{ n: string }>('SELECT count() AS n FROM wallet_activity');
  const stats = writer.stats();
  if (Number(counted?.n) !== ROWS || stats.dropped !== 0 || stats.rejected !== 0) {
    throw new Error(`bench wrote ${counted?.n} rows (dropped ${stats.dropped}, rejected ${stats.rejected}), expected ${ROWS}`);
  }
  return ROWS / seconds;
}

/** Runs the writer benchmark (see the module comment) and returns rows/s per batch size and peak RSS. */
export async function benchWriter(): Promise<BenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'whaletop-bench-writer-'));
  const store = await openStore({ kind: 'embedded', dataDir }, silentLogger);
  let peakRss = process.memoryUsage().rss;
  const sampleRss = (): void => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  };
  const sampler = setInterval(sampleRss, 20);
  try {
    await migrate(store, silentLogger);
    const metrics: Record<string, number> = {};
    for (const maxRows of BATCH_SIZES) {
      metrics[`rows_per_s_batch_${maxRows}`] = Math.round(await runOnce(store, maxRows, sampleRss));
    }
    sampleRss();
    metrics.peak_rss_mb = Math.round(peakRss / 1_048_576);
    metrics.max_rss_mb = Math.round(process.resourceUsage().maxRSS / 1024);
    return {
      name: 'writer',
      metrics,
      notes: `${ROWS} wallet_activity rows via writeAsync (validated), embedded chDB, per batch size; RSS is the whole process`,
    };
  } finally {
    clearInterval(sampler);
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchWriter();
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
