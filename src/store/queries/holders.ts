import type { Store } from '../types.ts';
import { lookupNames, nameOf } from './names.ts';
import { CURRENT_HOLDERS, toMs } from './sql.ts';

/** One holder of one outcome of a market (seed §7 MarketHolder + §11.2 columns). */
export interface HolderRow {
  conditionId: string;
  wallet: string;
  /** Profile or leaderboard name, else the holder pseudonym, else ''. */
  name: string;
  outcomeIndex: number;
  /** Outcome label from the market ('Yes'/'No'/…); `#<index>` when the market is unknown. */
  outcome: string;
  /** Shares held. */
  amount: number;
  /** Epoch ms of the holder snapshot. */
  snapshotAt: number;
}

/** Filters of {@link getTopHolders}. */
export interface TopHoldersParams {
  conditionId: string;
  /** Total rows (default 20), largest first. Ignored when `perOutcome` is set. */
  limit?: number;
  /** Rows per outcome instead: the top N holders of each outcome, grouped by outcome. */
  perOutcome?: number;
}

interface RawRow {
  conditionId: string;
  wallet: string;
  pseudonym: string;
  outcomeIndex: number;
  amount: number;
  snapshotAt: number;
}

/** Largest current holders of a market (its latest holder snapshot only). */
export async function getTopHolders(store: Store, params: TopHoldersParams): Promise<HolderRow[]> {
  const perOutcome = params.perOutcome ?? 0;
  const [rows, markets] = await Promise.all([
    store.query<RawRow>(
      `SELECT condition_id AS conditionId, proxy_wallet AS wallet, pseudonym, outcome_index AS outcomeIndex,
              amount, ${toMs('snapshot_time')} AS snapshotAt
       FROM (${CURRENT_HOLDERS})
       ORDER BY ${perOutcome > 0 ? 'outcome_index ASC, ' : ''}amount DESC, proxy_wallet
       ${perOutcome > 0 ? 'LIMIT {perOutcome:UInt32} BY outcome_index' : 'LIMIT {limit:UInt32}'}`,
      { conditionId: params.conditionId, limit: params.limit ?? 20, perOutcome },
    ),
    store.query<{ outcomes: string[] }>(
      `SELECT argMax(outcomes, updated_at) AS outcomes FROM markets WHERE condition_id = {conditionId:String}`,
      { conditionId: params.conditionId },
    ),
  ]);
  const outcomes = markets[0]?.outcomes ?? [];
  const names = await lookupNames(store, rows.map((r) => r.wallet));
  return rows.map((r) => ({
    conditionId: r.conditionId,
    wallet: r.wallet,
    name: nameOf(names, r.wallet) || r.pseudonym,
    outcomeIndex: Number(r.outcomeIndex),
    outcome: outcomes[Number(r.outcomeIndex)] ?? `#${r.outcomeIndex}`,
    amount: r.amount,
    snapshotAt: r.snapshotAt,
  }));
}
