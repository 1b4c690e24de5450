import type { Store } from '../types.ts';
import { CURRENT_POSITIONS } from './sql.ts';

/** Buckets of the wallet's PnL line (the chart resamples them to its width). */
export const PNL_BUCKETS = 240;

/** What the wallet view's PnL chart and category bars draw. */
export interface WalletPnl {
  /** Epoch ms of the first bucket's start and of the right edge. */
  from: number;
  to: number;
  /**
   * Cumulative net cash of the stored activity per bucket (sells, redeems, merges and rewards in, buys and splits
   * out), plus the open positions' current value at the last bucket: where it ends is the wallet's PnL on the
   * activity the store holds. null before the first activity.
   */
  cash: (number | null)[];
  openValue: number;
  /** Open value by market category, largest first. */
  categories: { category: string; value: number }[];
  /** Activity rows the line is built from. */
  activities: number;
  /** Latest live mid (last hour) of each held outcome, keyed `conditionId|outcome`, with its time (epoch ms). */
  mids: Record<string, { mid: number; at: number }>;
}

/**
 * The wallet's PnL over time from its stored activity (wallet_activity: the sync keeps a year) and its open
 * positions, in two statements: the bucketed cash flows, and the open value by category.
 */
export async function getWalletPnl(store: Store, params: { wallet: string; now: number }, signal?: AbortSignal): Promise<WalletPnl> {
  const { wallet, now } = params;
  const [flows, categories, mids] = await Promise.all([
    store.query<{ first: number; bucket: number; net: number; n: number }>(
      `WITH (SELECT toUnixTimestamp64Milli(min(timestamp)) FROM wallet_activity WHERE proxy_wallet = {wallet:String}) AS first,
            greatest(1, intDiv({now:Int64} - first, {buckets:Int64}) + 1) AS step
       SELECT first, toUInt32(intDiv(toUnixTimestamp64Milli(timestamp) - first, step)) AS bucket,
              sum(multiIf(activity_type = 'TRADE' AND side = 'BUY', -usdc_size, activity_type = 'SPLIT', -usdc_size,
                          activity_type IN ('TRADE', 'REDEEM', 'MERGE', 'REWARD', 'CONVERSION'), usdc_size, 0)) AS net,
              toUInt32(count()) AS n
       FROM wallet_activity WHERE proxy_wallet = {wallet:String}
       GROUP BY first, bucket ORDER BY bucket`,
      { wallet, now, buckets: PNL_BUCKETS },
      signal,
    ),
    store.query<{ category: string; value: number }>(
      `SELECT if(m.category = '', 'uncategorised', m.category) AS category, sum(p.current_value) AS value
       FROM (${CURRENT_POSITIONS}) AS p
       LEFT JOIN (SELECT condition_id, argMax(category, updated_at) AS category FROM markets GROUP BY condition_id) AS m
         ON m.condition_id = p.condition_id
       GROUP BY category HAVING value > 0 ORDER BY value DESC LIMIT 8`,
      { allWallets: 0, wallets: [wallet] },
      signal,
    ),
    store.query<{ key: string; mid: number; at: number }>(
      `SELECT concat(market_id, '|', outcome) AS key, argMax(mid_price, timestamp) AS mid, toFloat64(toUnixTimestamp64Milli(max(timestamp))) AS at
       FROM price_snapshots_10s
       WHERE timestamp >= fromUnixTimestamp64Milli({from:Int64}, 'UTC')
         AND (market_id, outcome) IN (SELECT condition_id, outcome FROM (${CURRENT_POSITIONS}))
       GROUP BY key`,
      { allWallets: 0, wallets: [wallet], from: now - 3_600_000 },
      signal,
    ),
  ]);
  const openValue = categories.reduce((s, c) => s + c.value, 0);
  const first = flows[0]?.first ?? now;
  const cash = new Array<number | null>(PNL_BUCKETS).fill(null);
  let running = 0;
  let at = 0;
  for (const f of flows) {
    const b = Math.min(PNL_BUCKETS - 1, Number(f.bucket));
    for (; at < b; at++) if (at > 0 && cash[at - 1] !== null) cash[at] = running;
    running += f.net;
    cash[b] = running;
    at = b + 1;
  }
  for (; at < PNL_BUCKETS; at++) if (cash[at - 1] !== null) cash[at] = running;
  if (flows.length > 0) cash[PNL_BUCKETS - 1] = running + openValue;
  return {
    from: first,
    to: now,
    cash,
    openValue,
    categories,
    activities: flows.reduce((s, f) => s + Number(f.n), 0),
    mids: Object.fromEntries(mids.map((m) => [m.key, { mid: m.mid, at: m.at }])),
  };
}
