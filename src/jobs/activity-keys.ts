/**
 * Natural keys of wallet_activity rows, and the read of the keys already stored. The spec de-duplicated by
 * "newer than the last timestamp seen", which drops every later fill sharing the watermark second. Here a row is
 * identified by (wallet, transaction hash, asset, side, size, price, timestamp) plus fill_seq, which numbers
 * fills identical in all of those 0, 1, 2… in API order (schema/001_whale_tables.sql); a fetch only inserts the
 * keys the store does not hold yet.
 */
import type { Activity } from '../polymarket/types.ts';
import { readActivityKeysSince } from '../store/queries/activity-keys.ts';
import type { Store } from '../store/types.ts';
import type { RecordMerger } from './deps.ts';

/** The natural key of a row without fill_seq. `timestampMs` is epoch ms. */
function baseKey(wallet: string, tx: string, asset: string, side: string, size: number, price: number, timestampMs: number): string {
  return `${wallet}|${tx}|${asset}|${side}|${size}|${price}|${timestampMs}`;
}

/** The full natural key (with fill_seq) of a row. */
export function activityKey(wallet: string, a: Pick<Activity, 'transactionHash' | 'asset' | 'side' | 'size' | 'price' | 'timestamp'>, fillSeq: number): string {
  return `${baseKey(wallet, a.transactionHash, a.asset, a.side, a.size, a.price, a.timestamp)}#${fillSeq}`;
}

/**
 * Merges repeated `/activity` answers by natural key: a row is kept if ANY answer held it, as often as the answer
 * that held it most often (identical fills of one transaction). The activity schema requires every field of the
 * natural key and every field a damaged copy could differ in that matters here (schemas-data.ts), so a row that
 * passed validation is intact and one sighting is enough; keying by natural key (not full content) keeps a copy
 * damaged in an unchecked field (a title) from becoming a second fill. An incomplete merge is still kept: it
 * holds more rows than any one answer, and the watermark does not move until an answer is complete.
 */
export const activityMerger: RecordMerger<Activity> = {
  count: (items) => items.length,
  keepMergeWhenIncomplete: true,
  agreed: (answers) => {
    const best = new Map<string, { item: Activity; n: number }>();
    for (const answer of answers) {
      const here = new Map<string, { item: Activity; n: number }>();
      for (const a of answer) {
        const k = baseKey(a.wallet, a.transactionHash, a.asset, a.side, a.size, a.price, a.timestamp);
        const seen = here.get(k);
        if (seen) seen.n++;
        else here.set(k, { item: a, n: 1 });
      }
      for (const [k, v] of here) if ((best.get(k)?.n ?? 0) < v.n) best.set(k, { item: best.get(k)?.item ?? v.item, n: v.n });
    }
    const out: Activity[] = [];
    for (const { item, n } of best.values()) for (let i = 0; i < n; i++) out.push(item);
    return out.sort((x, y) => x.timestamp - y.timestamp);
  },
};

/** An activity with its fill_seq and full natural key. */
export interface KeyedActivity {
  activity: Activity;
  fillSeq: number;
  key: string;
}

/**
 * Numbers fills of `wallet` identical in every natural-key field 0, 1, 2… in input order and returns their keys.
 * The input must be the complete set of rows for each second it covers (a fetch from a start second to now is).
 */
export function keyActivities(wallet: string, activities: readonly Activity[]): KeyedActivity[] {
  const seen = new Map<string, number>();
  return activities.map((activity) => {
    const base = baseKey(wallet, activity.transactionHash, activity.asset, activity.side, activity.size, activity.price, activity.timestamp);
    const fillSeq = seen.get(base) ?? 0;
    seen.set(base, fillSeq + 1);
    return { activity, fillSeq, key: `${base}#${fillSeq}` };
  });
}

/** Natural keys stored for `wallets` at timestamps ≥ `fromMs` (epoch ms). */
export async function readStoredActivityKeys(
  store: Store,
  wallets: readonly string[],
  fromMs: number,
  signal?: AbortSignal,
): Promise<Set<string>> {
  const rows = await readActivityKeysSince(store, wallets, fromMs, signal);
  return new Set(rows.map((r) => `${baseKey(r.wallet, r.transactionHash, r.asset, r.side, r.size, r.price, r.timestampMs)}#${r.fillSeq}`));
}
