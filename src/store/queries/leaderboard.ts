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
  /** The wallet's grade over every market (issue 13): '' below the minimum sample or not scored yet. */
  grade: string;
  /** Its shrunk omega; null when not scored yet. */
  omega: number | null;
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

interface RawRow extends Omit<LeaderboardRow, 'verified' | 'omega'> {
  omega: number;
  scored: number;
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
    `SELECT board.*, s.grade AS grade, s.omega_shrunk AS omega, s.scored AS scored FROM (
     SELECT proxy_wallet AS wallet, user_name AS name, profile_image AS profileImage, rank,
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
     LIMIT {limit:UInt32}
     ) AS board
     LEFT JOIN (
       SELECT proxy_wallet, grade, omega_shrunk, 1 AS scored FROM wallet_scores FINAL
       WHERE category = 'OVERALL' AND proxy_wallet IN (
         SELECT proxy_wallet FROM trader_rankings
         WHERE category = {category:String} AND time_period = {period:String} AND order_by = {orderBy:String})
     ) AS s ON s.proxy_wallet = board.wallet
     ORDER BY board.rank`,
    bound,
    signal,
  );
  return rows.map(({ scored, ...r }) => ({
    ...r,
    rank: Number(r.rank),
    verified: Number(r.verified) === 1,
    omega: Number(scored) === 1 ? r.omega : null,
  }));
}
