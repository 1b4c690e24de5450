import type { Store } from '../types.ts';

/**
 * A stored open position (size > 0), in wallet_positions' own columns (numbers as numbers; `end_date` epoch ms),
 * so a caller can write a newer version of the row from it.
 */
export interface StoredOpenPosition {
  proxy_wallet: string;
  condition_id: string;
  asset: string;
  outcome: string;
  outcome_index: number;
  avg_price: number;
  initial_value: number;
  cur_price: number;
  cash_pnl: number;
  percent_pnl: number;
  realized_pnl: number;
  title: string;
  market_slug: string;
  end_date: number;
}

const NUMERIC = ['outcome_index', 'avg_price', 'initial_value', 'cur_price', 'cash_pnl', 'percent_pnl', 'realized_pnl', 'end_date'] as const;

/** The positions stored as open for `wallets` (position-sync compares them with what the API still lists). */
export async function readOpenPositions(store: Store, wallets: readonly string[], signal?: AbortSignal): Promise<StoredOpenPosition[]> {
  if (wallets.length === 0) return [];
  const rows = await store.query<StoredOpenPosition>(
    `SELECT proxy_wallet, condition_id, asset, outcome, outcome_index, avg_price, initial_value, cur_price, cash_pnl,
            percent_pnl, realized_pnl, title, market_slug, toUnixTimestamp64Milli(end_date) AS end_date
     FROM wallet_positions FINAL
     WHERE proxy_wallet IN {wallets:Array(String)} AND size > 0`,
    { wallets },
    signal,
  );
  for (const row of rows) for (const column of NUMERIC) row[column] = Number(row[column]);
  return rows;
}
