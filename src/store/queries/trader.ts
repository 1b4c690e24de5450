import type { Store } from '../types.ts';
import { getWhaleActivity, type WhaleActivityRow } from './activity.ts';
import { BOARD_SYNC_SPAN_MINUTES, CURRENT_POSITIONS, num, toMs } from './sql.ts';

/** A wallet's public profile (seed §7 TraderProfile); absent fields are ''. */
export interface ProfileInfo {
  wallet: string;
  name: string;
  pseudonym: string;
  bio: string;
  xUsername: string;
  verified: boolean;
  /** Epoch ms; 0 when unknown. */
  firstSeenAt: number;
}

/** The wallet's rank on one board. */
export interface RankEntry {
  category: string;
  period: string;
  orderBy: string;
  rank: number;
  pnl: number;
  volume: number;
  snapshotAt: number;
  /** false when the wallet's row is older than the board's latest sync (it fell off). */
  current: boolean;
}

/** One open position (seed §7 WalletPosition, camelCase). */
export interface PositionRow {
  conditionId: string;
  title: string;
  slug: string;
  outcome: string;
  size: number;
  avgPrice: number;
  curPrice: number;
  value: number;
  cashPnl: number;
  percentPnl: number;
  realizedPnl: number;
  updatedAt: number;
}

/** PnL and volume of one period (from the OVERALL boards). */
export interface PeriodPnl {
  period: string;
  pnl: number;
  volume: number;
}

/** Everything the wallet view shows. */
export interface TraderDetail {
  wallet: string;
  /** Best known name ('' when none). */
  name: string;
  profile: ProfileInfo | null;
  ranks: RankEntry[];
  positions: PositionRow[];
  activity: WhaleActivityRow[];
  pnlByPeriod: PeriodPnl[];
  totals: { positions: number; value: number; cashPnl: number };
}

/** Options of {@link getTraderProfile}. */
export interface TraderParams {
  wallet: string;
  positionsLimit?: number;
  activityLimit?: number;
  now?: number;
}

/** Totals over all the wallet's open positions, repeated on every position row. */
interface TotalsColumns {
  totalPositions: number | string;
  totalValue: number;
  totalCashPnl: number;
}

const PERIOD_ORDER = ['DAY', 'WEEK', 'MONTH', 'ALL'];

interface RawProfile extends Omit<ProfileInfo, 'verified'> {
  verified: number;
  found: number;
}

/**
 * Profile, ranks across boards, open positions by value, recent activity and PnL by period of one wallet, in four
 * statements (the embedded engine runs one at a time, so each one saved is latency saved).
 */
export async function getTraderProfile(store: Store, params: TraderParams): Promise<TraderDetail> {
  const wallet = params.wallet.toLowerCase();
  const [profiles, rawRanks, positionRows, activity] = await Promise.all([
    store.query<RawProfile>(
      `SELECT proxy_wallet AS wallet, argMax(name, updated_at) AS name, argMax(pseudonym, updated_at) AS pseudonym,
              argMax(bio, updated_at) AS bio, argMax(x_username, updated_at) AS xUsername,
              argMax(verified_badge, updated_at) AS verified, ${toMs('min(first_seen_at)')} AS firstSeenAt,
              toUInt8(1) AS found
       FROM trader_profiles WHERE proxy_wallet = {wallet:String} GROUP BY proxy_wallet`,
      { wallet },
    ),
    store.query<Omit<RankEntry, 'current'> & { current: number; userName: string }>(
      `SELECT r.category AS category, r.time_period AS period, r.order_by AS orderBy, r.rank AS rank, r.pnl AS pnl,
              r.volume AS volume, ${toMs('r.snapshot_time')} AS snapshotAt, r.user_name AS userName,
              r.snapshot_time >= b.latest - INTERVAL ${BOARD_SYNC_SPAN_MINUTES} MINUTE AS current
       FROM (SELECT * FROM trader_rankings FINAL WHERE proxy_wallet = {wallet:String}) AS r
       INNER JOIN (
         SELECT category, time_period, order_by, max(snapshot_time) AS latest
         FROM trader_rankings GROUP BY category, time_period, order_by
       ) AS b ON r.category = b.category AND r.time_period = b.time_period AND r.order_by = b.order_by
       ORDER BY current DESC, rank ASC, category, period, orderBy`,
      { wallet },
    ),
    // Totals cover every open position, not only the rows the table shows (a whale can hold hundreds): window
    // aggregates over the whole set, computed before the LIMIT, so one scan serves both.
    store.query<PositionRow & TotalsColumns>(
      `SELECT condition_id AS conditionId, title, market_slug AS slug, outcome, size, avg_price AS avgPrice,
              cur_price AS curPrice, current_value AS value, cash_pnl AS cashPnl, percent_pnl AS percentPnl,
              realized_pnl AS realizedPnl, ${toMs('updated_at')} AS updatedAt,
              count() OVER () AS totalPositions, sum(current_value) OVER () AS totalValue,
              sum(cash_pnl) OVER () AS totalCashPnl
       FROM (${CURRENT_POSITIONS})
       ORDER BY current_value DESC, condition_id, outcome
       LIMIT {limit:UInt32}`,
      { allWallets: 0, wallets: [wallet], limit: params.positionsLimit ?? 50 },
    ),
    getWhaleActivity(store, {
      wallet,
      minUsd: 0,
      windowHours: 24 * 366,
      limit: params.activityLimit ?? 30,
      ...(params.now === undefined ? {} : { now: params.now }),
    }),
  ]);
  const positions: PositionRow[] = positionRows.map(
    ({ totalPositions: _n, totalValue: _v, totalCashPnl: _p, ...position }) => position,
  );
  const raw = profiles[0];
  const profile: ProfileInfo | null =
    raw && Number(raw.found) === 1
      ? {
          wallet: raw.wallet,
          name: raw.name,
          pseudonym: raw.pseudonym,
          bio: raw.bio,
          xUsername: raw.xUsername,
          verified: Number(raw.verified) === 1,
          firstSeenAt: raw.firstSeenAt,
        }
      : null;
  const ranks: RankEntry[] = rawRanks.map(({ userName: _userName, ...r }) => ({
    ...r,
    rank: Number(r.rank),
    current: Number(r.current) === 1 || (r.current as unknown) === true,
  }));
  const pnlByPeriod = PERIOD_ORDER.flatMap((period) => {
    const entry = ranks.find((r) => r.category === 'OVERALL' && r.period === period);
    return entry ? [{ period, pnl: entry.pnl, volume: entry.volume }] : [];
  });
  const boardName = rawRanks.find((r) => r.userName.trim() !== '')?.userName ?? '';
  const name = [profile?.name, boardName, profile?.pseudonym].find((n) => n !== undefined && n.trim() !== '') ?? '';
  return {
    wallet,
    name,
    profile,
    ranks,
    positions,
    activity,
    pnlByPeriod,
    totals: {
      positions: num(positionRows[0]?.totalPositions),
      value: num(positionRows[0]?.totalValue),
      cashPnl: num(positionRows[0]?.totalCashPnl),
    },
  };
}
