import type {
  Activity,
  ClosedPosition,
  Holder,
  LeaderboardEntry,
  Market,
  Position,
  PublicProfile,
  Trade,
} from '../polymarket/types.ts';
import { chTime } from './time.ts';
import type { RowOf } from './rows.ts';

/**
 * Domain type → table row. Pure functions shared by the sync jobs, the live feed and the contract tests, so the
 * mapping from Polymarket's shapes to schema/*.sql columns exists exactly once. All times are epoch ms in and
 * {@link chTime} strings out.
 */

const bit = (b: boolean): 0 | 1 => (b ? 1 : 0);

/** Which leaderboard a ranking row came from, and when it was taken (ms). */
export interface LeaderboardContext {
  category: string;
  timePeriod: string;
  orderBy: string;
  snapshotTime: number;
}

/** trader_rankings row of one leaderboard entry. */
export function leaderboardRow(entry: LeaderboardEntry, ctx: LeaderboardContext): RowOf<'trader_rankings'> {
  return {
    proxy_wallet: entry.wallet,
    user_name: entry.userName,
    profile_image: entry.profileImage,
    rank: entry.rank,
    category: ctx.category,
    time_period: ctx.timePeriod,
    order_by: ctx.orderBy,
    pnl: entry.pnl,
    volume: entry.volume,
    verified_badge: bit(entry.verifiedBadge),
    x_username: entry.xUsername,
    snapshot_time: chTime(ctx.snapshotTime),
  };
}

/** The market and outcome token a holder row belongs to, and the snapshot time (ms). */
export interface HolderContext {
  conditionId: string;
  tokenId: string;
  snapshotTime: number;
}

/** market_holders row of one holder of one outcome token. The pseudonym falls back to the chosen name. */
export function holderRow(holder: Holder, ctx: HolderContext): RowOf<'market_holders'> {
  return {
    condition_id: ctx.conditionId,
    token_id: ctx.tokenId,
    proxy_wallet: holder.wallet,
    pseudonym: holder.pseudonym || holder.name,
    profile_image: holder.profileImage,
    outcome_index: holder.outcomeIndex,
    amount: holder.amount,
    snapshot_time: chTime(ctx.snapshotTime),
  };
}

/** wallet_positions row; `updatedAt` (ms) is the version (newest wins). A null endDate keeps the 2099 default. */
export function positionRow(p: Position, updatedAt: number): RowOf<'wallet_positions'> {
  return {
    proxy_wallet: p.wallet,
    condition_id: p.conditionId,
    asset: p.asset,
    outcome: p.outcome,
    outcome_index: p.outcomeIndex,
    size: p.size,
    avg_price: p.avgPrice,
    initial_value: p.initialValue,
    current_value: p.currentValue,
    cur_price: p.curPrice,
    cash_pnl: p.cashPnl,
    percent_pnl: p.percentPnl,
    realized_pnl: p.realizedPnl,
    title: p.title,
    market_slug: p.slug,
    ...(p.endDate !== null ? { end_date: chTime(p.endDate) } : {}),
    updated_at: chTime(updatedAt),
  };
}

/** wallet_activity row. `fillSeq` numbers identical fills of one transaction (see {@link fillSequence}). */
export function activityRow(a: Activity, fillSeq: number): RowOf<'wallet_activity'> {
  return {
    proxy_wallet: a.wallet,
    condition_id: a.conditionId,
    asset: a.asset,
    activity_type: a.type,
    side: a.side,
    outcome: a.outcome,
    outcome_index: a.outcomeIndex,
    size: a.size,
    usdc_size: a.usdcSize,
    price: a.price,
    transaction_hash: a.transactionHash,
    fill_seq: fillSeq,
    title: a.title,
    market_slug: a.slug,
    timestamp: chTime(a.timestamp),
  };
}

/**
 * The natural key of an activity row without fill_seq: (wallet, transaction hash, asset, side, size, price,
 * timestamp), as schema/001_whale_tables.sql defines it and jobs/activity-keys.ts reads it back from the store.
 */
function activityIdentity(a: Activity): string {
  return [a.wallet, a.transactionHash, a.asset, a.side, a.size, a.price, a.timestamp].join('|');
}

/**
 * fill_seq of each activity, in input order: the n-th activity identical in every visible field to earlier ones
 * gets n (0 for the first). The API gives no log index, so this keeps several identical fills of one transaction
 * apart. Stable only if the same page is fetched in the same order, which the API does for one transaction.
 */
export function fillSequence(activities: readonly Activity[]): number[] {
  const seen = new Map<string, number>();
  return activities.map((a) => {
    const key = activityIdentity(a);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return n;
  });
}

/** wallet_activity rows of a page of activities, fill_seq assigned by {@link fillSequence}. */
export function activityRows(activities: readonly Activity[]): RowOf<'wallet_activity'>[] {
  const seqs = fillSequence(activities);
  return activities.map((a, i) => activityRow(a, seqs[i] ?? 0));
}

/** How a profile row was found, and when it was fetched (ms). */
export interface ProfileContext {
  /** 'leaderboard' | 'holders' | 'manual' …; '' when unknown. */
  discoveredVia?: string;
  updatedAt: number;
}

/** trader_profiles row. first_seen_at is left to its default (insert time). */
export function profileRow(p: PublicProfile, ctx: ProfileContext): RowOf<'trader_profiles'> {
  return {
    proxy_wallet: p.wallet,
    pseudonym: p.pseudonym,
    name: p.name,
    bio: p.bio,
    profile_image: p.profileImage,
    x_username: p.xUsername,
    verified_badge: bit(p.verifiedBadge),
    display_username_public: bit(p.displayUsernamePublic),
    ...(p.createdAt !== null ? { profile_created_at: chTime(p.createdAt) } : {}),
    ...(ctx.discoveredVia !== undefined ? { discovered_via: ctx.discoveredVia } : {}),
    updated_at: chTime(ctx.updatedAt),
  };
}

/** markets row. The version is Gamma's `updatedAt`, or `fetchedAt` (ms) when Gamma sent none. */
export function marketRow(m: Market, fetchedAt: number): RowOf<'markets'> {
  return {
    condition_id: m.conditionId,
    gamma_id: m.gammaId,
    question: m.question,
    slug: m.slug,
    event_slug: m.eventSlug,
    category: m.category,
    tags: m.tags,
    outcomes: m.outcomes,
    outcome_prices: m.outcomePrices,
    clob_token_ids: m.clobTokenIds,
    volume: m.volume,
    volume_24hr: m.volume24hr,
    liquidity: m.liquidity,
    active: bit(m.active),
    closed: bit(m.closed),
    end_date: m.endDate !== null ? chTime(m.endDate) : null,
    updated_at: chTime(m.updatedAt ?? fetchedAt),
  };
}

/**
 * The natural key of a fill: `txHash:asset:side:size:price:timestampMs`. Trades carry no id, and one
 * transaction can hold several fills, so every visible field takes part.
 */
export function tradeId(t: Trade): string {
  return [t.transactionHash, t.asset, t.side, t.size, t.price, t.timestamp].join(':');
}

/** What the attribution knows about the trading wallet. */
export interface AttributionContext {
  isElite: boolean;
  isWatched?: boolean;
  /** Leaderboard rank, 0 when unranked. */
  walletRank?: number;
  eliteScore?: number | null;
  /** Defaults to the trade's pseudonym or name. */
  walletName?: string;
}

/** elite_trade_attributions row of one fill. size_usd = size × price. */
export function tradeAttributionRow(t: Trade, ctx: AttributionContext): RowOf<'elite_trade_attributions'> {
  return {
    trade_id: tradeId(t),
    market_id: t.conditionId,
    token_id: t.asset,
    wallet_address: t.wallet,
    wallet_name: ctx.walletName ?? (t.pseudonym || t.name),
    wallet_rank: ctx.walletRank ?? 0,
    side: t.side,
    outcome: t.outcome,
    size: t.size,
    size_usd: t.size * t.price,
    price: t.price,
    transaction_hash: t.transactionHash,
    is_elite: ctx.isElite,
    is_watched: ctx.isWatched ?? false,
    elite_score: ctx.eliteScore ?? null,
    timestamp: chTime(t.timestamp),
  };
}

/** closed_positions row. `totalBought` is in shares (real traffic), kept as such; the stake is shares × avgPrice. */
export function closedPositionRow(p: ClosedPosition, fetchedAt: number): RowOf<'closed_positions'> {
  return {
    proxy_wallet: p.wallet.toLowerCase(),
    condition_id: p.conditionId,
    asset: p.asset,
    outcome: p.outcome,
    outcome_index: p.outcomeIndex,
    avg_price: p.avgPrice,
    total_bought: p.totalBought,
    realized_pnl: p.realizedPnl,
    cur_price: p.curPrice,
    title: p.title,
    market_slug: p.slug,
    closed_at: chTime(p.timestamp),
    updated_at: chTime(fetchedAt),
  };
}

/** How a market resolved: per-outcome payouts (1 winner / 0 loser, or a split) and when. */
export interface Resolution {
  conditionId: string;
  payouts: number[];
  resolvedAt: number;
  source: 'gamma' | 'ws';
}

/**
 * The resolution of a closed Gamma market, or null while it is not settled: Gamma flips `closed` before the
 * oracle settles, and until then outcomePrices are still trading prices (neither 0 nor 1). resolvedAt is the
 * market's end date (Gamma's Market carries no closedTime here), or `fetchedAt` when it has none or it lies ahead.
 */
export function resolutionOfMarket(m: Market, fetchedAt: number): Resolution | null {
  if (!m.closed || m.conditionId === '' || m.outcomePrices.length < 2) return null;
  const sum = m.outcomePrices.reduce((a, b) => a + b, 0);
  const settled = m.outcomePrices.every((p) => p === 0 || p === 1 || p === 0.5) && Math.abs(sum - 1) < 1e-9;
  if (!settled) return null;
  const resolvedAt = m.endDate !== null && m.endDate <= fetchedAt ? m.endDate : fetchedAt;
  return { conditionId: m.conditionId, payouts: m.outcomePrices, resolvedAt, source: 'gamma' };
}

/** market_resolutions row. winning_index is -1 for a split payout. */
export function resolutionRow(r: Resolution, updatedAt: number): RowOf<'market_resolutions'> {
  const winner = r.payouts.indexOf(1);
  return {
    condition_id: r.conditionId,
    winning_index: winner,
    payouts: r.payouts,
    resolved_at: chTime(r.resolvedAt),
    source: r.source,
    updated_at: chTime(updatedAt),
  };
}
