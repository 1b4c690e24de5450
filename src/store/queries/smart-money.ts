import type { Store } from '../types.ts';
import { CURRENT_BOARD_WALLETS, CURRENT_POSITIONS, walletName } from './sql.ts';

/** Positions of top-ranked wallets in one market outcome, summed (the Phase 2 spec's SmartMoneyPosition, grouped). */
export interface SmartMoneyRow {
  conditionId: string;
  title: string;
  slug: string;
  outcome: string;
  /** How many top wallets hold this outcome. */
  wallets: number;
  /** Best board rank among them. */
  bestRank: number;
  /** The best-ranked holder and their name ('' when unknown). */
  topWallet: string;
  topName: string;
  size: number;
  /** Current value, USD. */
  value: number;
  /** Unrealised PnL, USD. */
  cashPnl: number;
  /** cashPnl / initial value, in percent. */
  percentPnl: number;
  curPrice: number;
}

/** Filters of {@link getSmartMoneyPositions}. */
export interface SmartMoneyParams {
  /** Board that defines "top" (default OVERALL / ALL / PNL). */
  category?: string;
  period?: string;
  orderBy?: string;
  /** Wallets ranked at most this are smart money (default 100). */
  topRank?: number;
  /** Smallest position value counted, USD (default 100, as the spec). */
  minValue?: number;
  limit?: number;
}

/** Markets/outcomes held by the board's top wallets, largest total value first. */
export async function getSmartMoneyPositions(store: Store, params: SmartMoneyParams = {}, signal?: AbortSignal): Promise<SmartMoneyRow[]> {
  const rows = await store.query<SmartMoneyRow>(
    `SELECT condition_id AS conditionId, any(title) AS title, any(market_slug) AS slug, outcome,
            toUInt32(count()) AS wallets, min(board.boardRank) AS bestRank, argMin(p.proxy_wallet, board.boardRank) AS topWallet,
            ${walletName('topWallet')} AS topName,
            sum(size) AS size, sum(current_value) AS value, sum(cash_pnl) AS cashPnl,
            if(sum(initial_value) > 0, sum(cash_pnl) / sum(initial_value) * 100, 0) AS percentPnl,
            argMax(cur_price, updated_at) AS curPrice
     FROM (${CURRENT_POSITIONS}) AS p
     INNER JOIN (${CURRENT_BOARD_WALLETS}) AS board ON p.proxy_wallet = board.proxy_wallet
     WHERE current_value >= {minValue:Float64}
     GROUP BY condition_id, outcome
     ORDER BY value DESC, conditionId, outcome
     LIMIT {limit:UInt32}`,
    {
      category: params.category ?? 'OVERALL',
      period: params.period ?? 'ALL',
      orderBy: params.orderBy ?? 'PNL',
      topRank: params.topRank ?? 100,
      minValue: params.minValue ?? 100,
      limit: params.limit ?? 50,
      allWallets: 1,
      wallets: [],
    },
    signal,
  );
  return rows.map((r) => ({ ...r, bestRank: Number(r.bestRank) }));
}
