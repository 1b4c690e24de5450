import { chTime } from '../time.ts';
import type { Store } from '../types.ts';

/** The natural-key columns of one stored wallet_activity row (schema/001); `timestampMs` is epoch ms. */
export interface StoredActivityKey {
  wallet: string;
  transactionHash: string;
  asset: string;
  side: string;
  size: number;
  price: number;
  timestampMs: number;
  fillSeq: number;
}

interface StoredKeyRow {
  proxy_wallet: string;
  transaction_hash: string;
  asset: string;
  side: string;
  size: number;
  price: number;
  ts: string | number;
  fill_seq: number;
}

/** The natural keys of the activity stored for `wallets` at timestamps ≥ `fromMs` (epoch ms). */
export async function readActivityKeysSince(
  store: Store,
  wallets: readonly string[],
  fromMs: number,
  signal?: AbortSignal,
): Promise<StoredActivityKey[]> {
  if (wallets.length === 0) return [];
  const rows = await store.query<StoredKeyRow>(
    `SELECT proxy_wallet, transaction_hash, asset, side, size, price,
            toUnixTimestamp64Milli(timestamp) AS ts, fill_seq
     FROM wallet_activity
     WHERE proxy_wallet IN {wallets:Array(String)} AND timestamp >= {from:DateTime64(3, 'UTC')}`,
    { wallets, from: chTime(Math.max(0, fromMs)) },
    signal,
  );
  return rows.map((r) => ({
    wallet: r.proxy_wallet,
    transactionHash: r.transaction_hash,
    asset: r.asset,
    side: r.side,
    size: Number(r.size),
    price: Number(r.price),
    timestampMs: Number(r.ts),
    fillSeq: Number(r.fill_seq),
  }));
}
