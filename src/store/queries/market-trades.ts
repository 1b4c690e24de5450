import type { Store } from '../types.ts';
import { ACTIVITY_FIELDS, type WhaleActivityRow } from './activity.ts';
import { selectList, walletName } from './sql.ts';

/**
 * The newest trades in `conditionId` by the wallets the store tracks (wallet_activity), with their names, newest
 * first. Reads through the condition_id bloom filter; `limit` defaults to 30.
 */
export function getMarketTrades(store: Store, params: { conditionId: string; limit?: number }, signal?: AbortSignal): Promise<WhaleActivityRow[]> {
  return store.query<WhaleActivityRow>(
    `SELECT proxy_wallet AS wallet, ${walletName('proxy_wallet')} AS name, ${selectList(ACTIVITY_FIELDS)}
     FROM wallet_activity
     WHERE condition_id = {conditionId:String} AND activity_type = 'TRADE'
     ORDER BY timestamp DESC, proxy_wallet, transaction_hash, fill_seq
     LIMIT {limit:UInt32}`,
    { conditionId: params.conditionId, limit: params.limit ?? 30 },
    signal,
  );
}
