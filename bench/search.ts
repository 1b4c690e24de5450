import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../src/lib/log.ts';
import { openStore } from '../src/store/client.ts';
import { migrate } from '../src/store/migrate.ts';
import { searchStore } from '../src/store/queries/search.ts';
import { chTime } from '../src/store/time.ts';
import type { Row } from '../src/store/types.ts';
import type { BenchResult } from './types.ts';

/**
 * bench/search: the global search (issue 14) at 1 M wallets and 100 k markets. Wallets go in as trader_profiles
 * rows and markets as markets rows, so the materialized views fill search_index as they do in use. Then each kind
 * of search runs ≥ 30 times, sequentially: a name fragment, an address prefix, a one-word and a two-word market
 * title search. `<kind>_p95_ms` is one searchStore call. Target (issue 14): p95 ≤ 50 ms.
 * WHALETOP_BENCH_SEARCH_WALLETS / _MARKETS override the sizes (small while developing).
 */
const WALLETS = Number(process.env.WHALETOP_BENCH_SEARCH_WALLETS ?? 1_000_000);
const MARKETS = Number(process.env.WHALETOP_BENCH_SEARCH_MARKETS ?? 100_000);
const RUNS = 30;
const BATCH = 50_000;

const ADJECTIVES = ['gleaming', 'quiet', 'rapid', 'sleepy', 'bold', 'lucky', 'amber', 'frozen', 'silent', 'wild', 'clever', 'gentle'];
const ANIMALS = ['otter', 'badger', 'falcon', 'walrus', 'heron', 'lynx', 'marmot', 'gecko', 'puffin', 'bison', 'koala', 'ibis'];
const TOPICS = ['election', 'bitcoin', 'fed', 'rates', 'world cup', 'oscars', 'inflation', 'senate', 'ethereum', 'hurricane', 'tariffs', 'playoffs'];
const pick = <T,>(list: readonly T[], i: number): T => list[i % list.length]!;

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

/** Runs bench/search. */
export async function benchSearch(): Promise<BenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'whaletop-bench-search-'));
  const store = await openStore({ kind: 'embedded', dataDir }, silentLogger);
  try {
    await migrate(store, silentLogger);
    const t = chTime(Date.now());
    const fillStart = performance.now();
    let probeAddress = '';
    for (let from = 0; from < WALLETS; from += BATCH) {
      const rows: Row[] = [];
      for (let i = from; i < Math.min(WALLETS, from + BATCH); i++) {
        const address = `0x${randomBytes(20).toString('hex')}`;
        if (i === Math.floor(WALLETS / 2)) probeAddress = address;
        const pseudonym = `${pick(ADJECTIVES, i)}-${pick(ANIMALS, Math.floor(i / 12))}-${i}`;
        rows.push({ proxy_wallet: address, pseudonym, name: i % 3 === 0 ? `trader${i}` : '', updated_at: t });
      }
      await store.insert('trader_profiles', rows);
    }
    for (let from = 0; from < MARKETS; from += BATCH) {
      const rows: Row[] = [];
      for (let i = from; i < Math.min(MARKETS, from + BATCH); i++) {
        const topic = pick(TOPICS, i);
        rows.push({ condition_id: `0x${randomBytes(32).toString('hex')}`, question: `Will the ${topic} question number ${i} resolve yes by ${2026 + (i % 5)}?`, slug: `${topic.replace(' ', '-')}-${i}`, updated_at: t });
      }
      await store.insert('markets', rows);
    }
    const fillMs = performance.now() - fillStart;
    const searches: Record<string, string> = {
      name_fragment: `trader${Math.floor(WALLETS / 3) * 3 - 3}`.slice(0, 10),
      pseudonym_fragment: 'walrus-9',
      address_prefix: probeAddress.slice(0, 8),
      market_word: 'hurricane',
      market_two_words: 'senate 2028',
    };
    const metrics: Record<string, number> = { wallets: WALLETS, markets: MARKETS, fill_s: Math.round(fillMs / 100) / 10 };
    const notes: string[] = [];
    for (const [kind, text] of Object.entries(searches)) {
      await searchStore(store, text);
      const times: number[] = [];
      let hits = 0;
      for (let r = 0; r < RUNS; r++) {
        const start = performance.now();
        hits = (await searchStore(store, text)).length;
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      metrics[`${kind}_p50_ms`] = Math.round(percentile(times, 0.5) * 10) / 10;
      metrics[`${kind}_p95_ms`] = Math.round(percentile(times, 0.95) * 10) / 10;
      notes.push(`${kind} '${text}': ${hits} hits`);
    }
    return { name: 'search', metrics, notes: notes.join('; ') };
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
