import type { Store } from '../types.ts';
import { CURRENT_HOLDERS, walletName } from './sql.ts';

/** How concentrated a market's holdings are (the Phase 2 spec's PositionConcentration, camelCase). */
export interface ConcentrationRow {
  conditionId: string;
  question: string;
  slug: string;
  /** Holder rows in the latest snapshot (a wallet holding two outcomes counts twice). */
  holders: number;
  /** Shares held by those holders. */
  totalAmount: number;
  top5Amount: number;
  /** top5Amount / totalAmount, a fraction in [0, 1]. */
  top5Share: number;
  topWallet: string;
  topName: string;
  topAmount: number;
}

/** Filters of {@link getPositionConcentration}. */
export interface ConcentrationParams {
  limit?: number;
  /** Markets with fewer holder rows are left out (default 3, as the spec). */
  minHolders?: number;
  /** One market only ('' for all). */
  conditionId?: string;
}

/**
 * Markets by top-5 holder share, most concentrated first, from each market's latest holder snapshot, with the top
 * holder's name (one statement).
 */
export function getPositionConcentration(store: Store, params: ConcentrationParams = {}, signal?: AbortSignal): Promise<ConcentrationRow[]> {
  return store.query<ConcentrationRow>(
    `SELECT h.conditionId AS conditionId, m.question AS question, m.slug AS slug, h.holders AS holders,
            h.totalAmount AS totalAmount, h.top5Amount AS top5Amount,
            h.top5Amount / greatest(h.totalAmount, 0.01) AS top5Share,
            h.topWallet AS topWallet, ${walletName('h.topWallet')} AS topName, h.topAmount AS topAmount
     FROM (
       SELECT condition_id AS conditionId, toUInt32(count()) AS holders, sum(amount) AS totalAmount,
              arraySum(arraySlice(arrayReverseSort(groupArray(amount)), 1, 5)) AS top5Amount,
              argMax(proxy_wallet, amount) AS topWallet, max(amount) AS topAmount
       FROM (${CURRENT_HOLDERS})
       GROUP BY condition_id
       HAVING holders >= {minHolders:UInt32}
     ) AS h
     LEFT JOIN (
       SELECT condition_id, argMax(question, updated_at) AS question, argMax(slug, updated_at) AS slug
       FROM markets GROUP BY condition_id
     ) AS m ON h.conditionId = m.condition_id
     ORDER BY top5Share DESC, conditionId
     LIMIT {limit:UInt32}`,
    { limit: params.limit ?? 30, minHolders: params.minHolders ?? 3, conditionId: params.conditionId ?? '' },
    signal,
  );
}
