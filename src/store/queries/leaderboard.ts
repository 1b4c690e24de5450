import type { Store } from '../types.ts';
import { onCurrentBoard, toMs } from './sql.ts';

/** One row of a leaderboard (the Phase 2 spec's TraderRanking, camelCase). */
export interface LeaderboardRow {
  wallet: string;
  name: string;
  profileImage: string;
  rank: number;
  category: string;
  period: string;
  orderBy: string;
  pnl: number;
  volume: number;
  verified: boolean;
  xUsername: string;
  /** Epoch ms of the snapshot the row comes from. */
  snapshotAt: number;
}

/** Filters of {@link getLeaderboard}. */
export interface LeaderboardParams {
  category?: string;
  period?: string;
  orderBy?: string;
  limit?: number;
  /** Case-insensitive substring of the name or X handle, or a wallet prefix; '' for all. */
  search?: string;
}

interface RawRow extends Omit<LeaderboardRow, 'verified'> {
  verified: number;
}

/**
 * The current board for (category, period, orderBy), best rank first. Rows of wallets that fell off the board
 * (older than the board's latest sync) are excluded, and one row per rank is kept.
 */
export async function getLeaderboard(store: Store, params: LeaderboardParams = {}, signal?: AbortSignal): Promise<LeaderboardRow[]> {
  const bound = {
    category: params.category ?? 'OVERALL',
    period: params.period ?? 'ALL',
    orderBy: params.orderBy ?? 'PNL',
    limit: params.limit ?? 50,
    search: (params.search ?? '').trim(),
  };
  const rows = await store.query<RawRow>(
    `SELECT proxy_wallet AS wallet, user_name AS name, profile_image AS profileImage, rank,
            category, time_period AS period, order_by AS orderBy, pnl, volume,
            verified_badge AS verified, x_username AS xUsername, ${toMs('snapshot_time')} AS snapshotAt
     FROM trader_rankings FINAL
     WHERE category = {category:String} AND time_period = {period:String} AND order_by = {orderBy:String}
       AND ${onCurrentBoard('{category:String}', '{period:String}', '{orderBy:String}')}
       AND ({search:String} = ''
            OR positionCaseInsensitiveUTF8(user_name, {search:String}) > 0
            OR positionCaseInsensitiveUTF8(x_username, {search:String}) > 0
            OR startsWith(proxy_wallet, lower({search:String})))
     ORDER BY rank ASC, snapshot_time DESC
     LIMIT 1 BY rank
     LIMIT {limit:UInt32}`,
    bound,
    signal,
  );
  return rows.map((r) => ({ ...r, rank: Number(r.rank), verified: Number(r.verified) === 1 }));
}
