import type { Simulator } from '../../src/sim/index.ts';
import type { Store } from '../../src/store/types.ts';

/**
 * Activity rows by natural key — wallet, tx, asset, side, size, price, timestamp — plus the values a pane reads
 * (market, type, USDC), as a multiset of strings: the simulator's truth and the store's rows compared the same way.
 */
export type KeyCounts = Map<string, number>;

function add(m: KeyCounts, k: string): void {
  m.set(k, (m.get(k) ?? 0) + 1);
}

function key(w: string, tx: string, asset: string, cond: string, type: string, side: string, size: number, price: number, usdc: number, tsMs: number): string {
  return [w, tx, asset, cond, type, side, size, price, usdc.toFixed(6), tsMs].join('|');
}

/** The simulator's activity of `wallets` with timestamp ≥ `fromSec` (unix seconds). */
export function truthActivity(sim: Simulator, wallets: readonly string[], fromSec: number): KeyCounts {
  const out: KeyCounts = new Map();
  for (const w of wallets) {
    for (const r of sim.world.activityOf(w)) {
      if (Number(r.timestamp) < fromSec) continue;
      add(out, key(w, String(r.transactionHash), String(r.asset), String(r.conditionId), String(r.type), String(r.side), Number(r.size), Number(r.price), Number(r.usdcSize), Number(r.timestamp) * 1000));
    }
  }
  return out;
}

/** The stored activity of `wallets`, keyed like {@link truthActivity}. */
export async function storedActivity(store: Store, wallets: readonly string[]): Promise<KeyCounts> {
  const rows = await store.query<{ w: string; tx: string; a: string; c: string; t: string; s: string; size: number; price: number; usdc: number; ts: string }>(
    `SELECT proxy_wallet AS w, transaction_hash AS tx, asset AS a, condition_id AS c, activity_type AS t, side AS s, size, price,
            usdc_size AS usdc, toUnixTimestamp64Milli(timestamp) AS ts
     FROM wallet_activity WHERE proxy_wallet IN {wallets:Array(String)}`,
    { wallets },
  );
  const out: KeyCounts = new Map();
  for (const r of rows) add(out, key(r.w, r.tx, r.a, r.c, r.t, r.s, Number(r.size), Number(r.price), Number(r.usdc), Number(r.ts)));
  return out;
}

/** Keys in `a` more often than in `b`, with the surplus (missing = diff(truth, stored), extra = diff(stored, truth)). */
export function surplus(a: KeyCounts, b: KeyCounts): string[] {
  const out: string[] = [];
  for (const [k, n] of a) for (let i = b.get(k) ?? 0; i < n; i++) out.push(k);
  return out;
}
