import type { Store } from '../types.ts';
import { CURRENT_HOLDERS, toMs, walletName } from './sql.ts';

/** One holder of one outcome of a market (the Phase 2 spec's MarketHolder and its top-holders columns). */
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

/** A holder row as stored, with the wallet's name, before the outcome label is attached. */
export interface RawHolderRow {
  conditionId: string;
  wallet: string;
  /** The wallet's name ('' when unknown). */
  name: string;
  pseudonym: string;
  outcomeIndex: number;
  amount: number;
  snapshotAt: number;
}

/** The holder rows of {@link getTopHolders} without outcome labels (one statement). */
export function queryTopHolders(store: Store, params: TopHoldersParams): Promise<RawHolderRow[]> {
  const perOutcome = params.perOutcome ?? 0;
  return store.query<RawHolderRow>(
    `SELECT condition_id AS conditionId, proxy_wallet AS wallet, ${walletName('proxy_wallet')} AS name, pseudonym, outcome_index AS outcomeIndex,
            amount, ${toMs('snapshot_time')} AS snapshotAt
     FROM (${CURRENT_HOLDERS})
     ORDER BY ${perOutcome > 0 ? 'outcome_index ASC, ' : ''}amount DESC, proxy_wallet
     ${perOutcome > 0 ? 'LIMIT {perOutcome:UInt32} BY outcome_index' : 'LIMIT {limit:UInt32}'}`,
    { conditionId: params.conditionId, limit: params.limit ?? 20, perOutcome },
  );
}

/** A {@link HolderRow} from its stored row and the market's outcome labels. */
export function toHolderRow(r: RawHolderRow, outcomes: readonly string[]): HolderRow {
  return {
    conditionId: r.conditionId,
    wallet: r.wallet,
    name: r.name || r.pseudonym,
    outcomeIndex: Number(r.outcomeIndex),
    outcome: outcomes[Number(r.outcomeIndex)] ?? `#${r.outcomeIndex}`,
    amount: r.amount,
    snapshotAt: r.snapshotAt,
  };
}

/** Largest current holders of a market (its latest holder snapshot only). */
export async function getTopHolders(store: Store, params: TopHoldersParams): Promise<HolderRow[]> {
  const [rows, markets] = await Promise.all([
    queryTopHolders(store, params),
    store.query<{ outcomes: string[] }>(
      `SELECT argMax(outcomes, updated_at) AS outcomes FROM markets WHERE condition_id = {conditionId:String}`,
      { conditionId: params.conditionId },
    ),
  ]);
  const outcomes = markets[0]?.outcomes ?? [];
  return rows.map((r) => toHolderRow(r, outcomes));
}
