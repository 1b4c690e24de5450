import type { Store } from '../types.ts';
import { ACTIVITY_FIELDS, type WhaleActivityRow } from './activity.ts';
import { CURRENT_POSITIONS, jsonObject, num, onCurrentBoard, toMs, type JsonField } from './sql.ts';

/** A wallet's public profile (the Phase 2 spec's TraderProfile); absent fields are ''. */
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

/** One open position (the Phase 2 spec's WalletPosition, camelCase). */
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
  /** Newest activity rows (default 30), whatever their age: wallet_activity keeps a year (TTL). */
  activityLimit?: number;
}

const PERIOD_ORDER = ['DAY', 'WEEK', 'MONTH', 'ALL'];

const PROFILE_FIELDS: readonly JsonField[] = [
  ['name', 'String', 'argMax(name, updated_at)'],
  ['pseudonym', 'String', 'argMax(pseudonym, updated_at)'],
  ['bio', 'String', 'argMax(bio, updated_at)'],
  ['xUsername', 'String', 'argMax(x_username, updated_at)'],
  ['verified', 'UInt8', 'argMax(verified_badge, updated_at)'],
  ['firstSeenAt', 'Float64', toMs('min(first_seen_at)')],
];

const RANK_FIELDS: readonly JsonField[] = [
  ['category', 'String', 'category'],
  ['period', 'String', 'time_period'],
  ['orderBy', 'String', 'order_by'],
  ['rank', 'UInt32', 'rank'],
  ['pnl', 'Float64', 'pnl'],
  ['volume', 'Float64', 'volume'],
  ['snapshotAt', 'Float64', toMs('snapshot_time')],
  ['userName', 'String', 'user_name'],
  ['current', 'Bool', onCurrentBoard('category', 'time_period', 'order_by')],
];

// Totals cover every open position, not only the rows the table shows (a whale can hold hundreds): window
// aggregates over the whole set, computed before the LIMIT, so one scan serves both.
const POSITION_FIELDS: readonly JsonField[] = [
  ['conditionId', 'String', 'condition_id'],
  ['title', 'String', 'title'],
  ['slug', 'String', 'market_slug'],
  ['outcome', 'String', 'outcome'],
  ['size', 'Float64', 'size'],
  ['avgPrice', 'Float64', 'avg_price'],
  ['curPrice', 'Float64', 'cur_price'],
  ['value', 'Float64', 'current_value'],
  ['cashPnl', 'Float64', 'cash_pnl'],
  ['percentPnl', 'Float64', 'percent_pnl'],
  ['realizedPnl', 'Float64', 'realized_pnl'],
  ['updatedAt', 'Float64', toMs('updated_at')],
  ['totalPositions', 'UInt32', 'count() OVER ()'],
  ['totalValue', 'Float64', 'sum(current_value) OVER ()'],
  ['totalCashPnl', 'Float64', 'sum(cash_pnl) OVER ()'],
];

/**
 * The wallet view's four row sets in one statement, each row a JSON object tagged with its section. The embedded
 * engine runs parameterised statements one at a time, each paying milliseconds of planning however small its
 * table: as four statements (and a join for the boards' latest sync, now the board_latest dictionary) the view
 * took 48 ms at p50 on bench/queries' store, as this one 31 ms. UNION ALL keeps no order across or within
 * branches, so the caller sorts each section by the same keys as the branch's ORDER BY … LIMIT.
 */
const WALLET_SQL = `
  SELECT 'profile' AS section, ${jsonObject(PROFILE_FIELDS)} AS row
  FROM trader_profiles WHERE proxy_wallet = {wallet:String} GROUP BY proxy_wallet
  UNION ALL
  SELECT 'rank', ${jsonObject(RANK_FIELDS)}
  FROM trader_rankings FINAL WHERE proxy_wallet = {wallet:String}
  UNION ALL
  SELECT 'position', row FROM (
    SELECT ${jsonObject(POSITION_FIELDS)} AS row
    FROM (${CURRENT_POSITIONS})
    ORDER BY current_value DESC, condition_id, outcome
    LIMIT {positionsLimit:UInt32})
  UNION ALL
  SELECT 'activity', row FROM (
    SELECT ${jsonObject([...ACTIVITY_FIELDS, ['fillSeq', 'UInt16', 'fill_seq']])} AS row
    FROM wallet_activity
    WHERE proxy_wallet = {wallet:String}
    ORDER BY timestamp DESC, transaction_hash, fill_seq
    LIMIT {activityLimit:UInt32})
  -- wallet_activity's by_time projection never serves one wallet, but the planner would weigh it (every mark of
  -- the table) on each run.
  SETTINGS optimize_use_projections = 0`;

type Section = 'profile' | 'rank' | 'position' | 'activity';
type RawRank = Omit<RankEntry, 'current'> & { current: boolean; userName: string };
type RawPosition = PositionRow & { totalPositions: number | string; totalValue: number; totalCashPnl: number };
type RawActivity = Omit<WhaleActivityRow, 'wallet' | 'name'> & { fillSeq: number };

/** a before b by the keys in order; a key is [value of a, value of b, 1 ascending | -1 descending]. */
function byKeys(...keys: [string | number | boolean, string | number | boolean, 1 | -1][]): number {
  for (const [a, b, dir] of keys) if (a !== b) return (a < b ? -1 : 1) * dir;
  return 0;
}

/**
 * Profile, ranks across boards, open positions by value, recent activity and PnL by period of one wallet, in one
 * statement (see {@link WALLET_SQL}).
 */
export async function getTraderProfile(store: Store, params: TraderParams, signal?: AbortSignal): Promise<TraderDetail> {
  const wallet = params.wallet.toLowerCase();
  const rows = await store.query<{ section: Section; row: string }>(WALLET_SQL, {
    wallet,
    allWallets: 0,
    wallets: [wallet],
    positionsLimit: params.positionsLimit ?? 50,
    activityLimit: params.activityLimit ?? 30,
  }, signal);
  const section = <T>(name: Section): T[] => rows.filter((r) => r.section === name).map((r) => JSON.parse(r.row) as T);
  const rawProfile = section<Omit<ProfileInfo, 'wallet' | 'verified'> & { verified: number }>('profile')[0];
  const profile: ProfileInfo | null = rawProfile
    ? { wallet, ...rawProfile, verified: Number(rawProfile.verified) === 1 }
    : null;
  const rawRanks = section<RawRank>('rank').sort((a, b) =>
    byKeys([a.current, b.current, -1], [a.rank, b.rank, 1], [a.category, b.category, 1], [a.period, b.period, 1], [a.orderBy, b.orderBy, 1]),
  );
  const positionRows = section<RawPosition>('position').sort((a, b) =>
    byKeys([a.value, b.value, -1], [a.conditionId, b.conditionId, 1], [a.outcome, b.outcome, 1]),
  );
  const positions: PositionRow[] = positionRows.map(
    ({ totalPositions: _n, totalValue: _v, totalCashPnl: _p, ...position }) => position,
  );
  const ranks: RankEntry[] = rawRanks.map(({ userName: _userName, ...r }) => ({ ...r, rank: Number(r.rank) }));
  const pnlByPeriod = PERIOD_ORDER.flatMap((period) => {
    const entry = ranks.find((r) => r.category === 'OVERALL' && r.period === period);
    return entry ? [{ period, pnl: entry.pnl, volume: entry.volume }] : [];
  });
  const boardName = rawRanks.find((r) => r.userName.trim() !== '')?.userName ?? '';
  const name = [profile?.name, boardName, profile?.pseudonym].find((n) => n !== undefined && n.trim() !== '') ?? '';
  const activity: WhaleActivityRow[] = section<RawActivity>('activity')
    .sort((a, b) => byKeys([a.at, b.at, -1], [a.transactionHash, b.transactionHash, 1], [a.fillSeq, b.fillSeq, 1]))
    .map(({ fillSeq: _fillSeq, ...a }) => ({ wallet, name, ...a }));
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
