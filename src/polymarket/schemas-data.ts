import { z } from 'zod';
import type {
  Activity,
  ClosedPosition,
  Holder,
  LeaderboardEntry,
  PortfolioValue,
  Position,
  TokenHolders,
  Trade,
} from './types.ts';
import {
  conditionId,
  dateOrNull,
  flag,
  integer,
  numberOr,
  text,
  tokenId,
  unixSecondsToMs,
  wallet,
  wireNumber,
} from './wire.ts';

/**
 * Per-record zod schemas of the Data API v1 (POLYMARKET_API.md §1), each mapping one wire record to its domain
 * type. Unknown fields are stripped (tolerated), wallets lower-cased, unix seconds turned into ms.
 */

/** `/v1/leaderboard` row: `rank` is a string on the wire, `vol` becomes `volume`. */
export const leaderboardEntrySchema: z.ZodType<LeaderboardEntry> = z
  .object({
    rank: integer,
    proxyWallet: wallet,
    userName: text,
    xUsername: text,
    verifiedBadge: flag,
    profileImage: text,
    // The ranking metrics are the point of the row: a record without them is malformed, not zero.
    pnl: wireNumber,
    vol: wireNumber,
  })
  .transform((r) => ({
    rank: r.rank,
    wallet: r.proxyWallet,
    userName: r.userName,
    xUsername: r.xUsername,
    verifiedBadge: r.verifiedBadge,
    profileImage: r.profileImage,
    pnl: r.pnl,
    volume: r.vol,
  }));

/** `/positions` row; `endDate` is a date-only or RFC 3339 string. */
export const positionSchema: z.ZodType<Position> = z
  .object({
    proxyWallet: wallet,
    conditionId,
    asset: tokenId,
    outcome: text,
    outcomeIndex: integer,
    size: wireNumber,
    avgPrice: numberOr(0),
    initialValue: numberOr(0),
    currentValue: numberOr(0),
    curPrice: numberOr(0),
    cashPnl: numberOr(0),
    percentPnl: numberOr(0),
    realizedPnl: numberOr(0),
    title: text,
    slug: text,
    eventSlug: text,
    endDate: dateOrNull,
  })
  .transform(({ proxyWallet, ...r }) => ({ wallet: proxyWallet, ...r }));

/** `/closed-positions` row; `timestamp` unix seconds → ms. */
export const closedPositionSchema: z.ZodType<ClosedPosition> = z
  .object({
    proxyWallet: wallet,
    conditionId,
    asset: tokenId,
    outcome: text,
    outcomeIndex: integer,
    avgPrice: numberOr(0),
    totalBought: numberOr(0),
    realizedPnl: numberOr(0),
    curPrice: numberOr(0),
    title: text,
    slug: text,
    timestamp: unixSecondsToMs,
  })
  .transform(({ proxyWallet, ...r }) => ({ wallet: proxyWallet, ...r }));

const activityRecordSchema = z
  .object({
    proxyWallet: wallet,
    // Required (non-empty, checked above) on TRADE rows; '' on some other types.
    conditionId: z.union([conditionId, z.literal('')]).nullish().transform((v) => v ?? ''),
    asset: z.union([tokenId, z.literal('')]).nullish().transform((v) => v ?? ''),
    type: z.string().min(1),
    side: z.enum(['BUY', 'SELL', '']).nullish().transform((v) => v ?? ''),
    outcome: text,
    // Some non-trade rows omit it; 999 is the API's own "no outcome" sentinel.
    outcomeIndex: integer.nullish().transform((v) => v ?? 999),
    size: numberOr(0),
    usdcSize: numberOr(0),
    price: numberOr(0),
    transactionHash: text,
    title: text,
    slug: text,
    timestamp: unixSecondsToMs,
    name: text,
    pseudonym: text,
  })
  .transform(({ proxyWallet, ...r }) => ({ wallet: proxyWallet, ...r }));

/**
 * What an activity row cannot live without, per type (issue 12 item 4). A TRADE is a fill: its token, market,
 * side, size, price and USDC amount are its meaning and most of its natural key (jobs/activity-keys.ts). Every
 * other type moves a size of something. A missing or null value of these is damage, never "none": Polymarket
 * writes "" and 0 for the fields a type does not use (side "" and price 0 on REDEEM/SPLIT/MERGE rows), so a
 * default here would store a phantom row (asset '' under a key that the intact record, fetched later, does not
 * match — the same fill twice) or a row no per-market pane can find (condition_id '').
 */
const REQUIRED_BY_TYPE: { readonly trade: readonly string[]; readonly every: readonly string[] } = {
  trade: ['asset', 'conditionId', 'side', 'size', 'price', 'usdcSize'],
  // The natural key's fields and the market and amount of any row: present (possibly "" / 0), so a damaged copy
  // is refused, never stored re-keyed or with a zero amount.
  every: ['size', 'asset', 'conditionId', 'side', 'price', 'usdcSize', 'transactionHash'],
};

/** Rejects a record missing a field its type requires, before the defaults of the record schema could hide it. */
const requiredFieldsPresent = z.unknown().superRefine((raw, ctx) => {
  if (typeof raw !== 'object' || raw === null) return;
  const record = raw as Record<string, unknown>;
  const isTrade = record.type === 'TRADE';
  for (const field of REQUIRED_BY_TYPE.every) {
    if (record[field] === undefined || record[field] === null) {
      ctx.addIssue({ code: 'custom', path: [field], message: `${String(record.type)} row without ${field}` });
    }
  }
  if (!isTrade) return;
  for (const field of REQUIRED_BY_TYPE.trade) {
    const value = record[field];
    if (value === undefined || value === null || value === '') {
      ctx.addIssue({ code: 'custom', path: [field], message: `TRADE row without ${field}` });
    }
  }
});

/**
 * `/activity` row. Non-trade rows: `side: ''`, `price: 0`, and some carry `asset: ''` / `conditionId: ''` or no
 * outcome. The fields a record cannot live without are checked first ({@link REQUIRED_BY_TYPE}): a TRADE with
 * a missing token, market, side, size, price or USDC size, or any row without its size, is rejected (and the
 * sync treats its answer as incomplete: it is fetched again and the watermark stays before it).
 */
export const activitySchema: z.ZodType<Activity> = requiredFieldsPresent.pipe(activityRecordSchema);

/** One holder inside a `/holders` token group. */
export const holderSchema: z.ZodType<Holder> = z
  .object({
    proxyWallet: wallet,
    pseudonym: text,
    name: text,
    profileImage: text,
    outcomeIndex: integer,
    amount: wireNumber,
    verified: flag,
  })
  .transform(({ proxyWallet, ...r }) => ({ wallet: proxyWallet, ...r }));

/**
 * The envelope of one `/holders` token group. Holders are left unparsed here so that the client validates each
 * one on its own (a bad holder is dropped and counted, its siblings kept).
 */
export const tokenHoldersEnvelopeSchema = z.object({
  token: tokenId,
  holders: z.array(z.unknown()),
});

/** A fully parsed `/holders` group (every holder must pass); for callers that parse whole groups. */
export const tokenHoldersSchema: z.ZodType<TokenHolders> = z.object({
  token: tokenId,
  holders: z.array(holderSchema),
});

/** `/trades` row; `outcomeIndex` may be the sentinel 999 and is kept. */
export const tradeSchema: z.ZodType<Trade> = z
  .object({
    proxyWallet: wallet,
    side: z.enum(['BUY', 'SELL']),
    asset: tokenId,
    conditionId,
    size: wireNumber,
    price: wireNumber,
    timestamp: unixSecondsToMs,
    title: text,
    slug: text,
    outcome: text,
    outcomeIndex: integer,
    transactionHash: text,
    name: text,
    pseudonym: text,
  })
  .transform(({ proxyWallet, ...r }) => ({ wallet: proxyWallet, ...r }));

/** `/value` element: `{user, value}`. */
export const portfolioValueSchema: z.ZodType<PortfolioValue> = z
  .object({ user: wallet, value: wireNumber })
  .transform((r) => ({ wallet: r.user, value: r.value }));

/**
 * Data API **v2** `/v2/trades` envelope (`{data, pagination}`, snake_case). whaletop does not call v2; this schema
 * exists so the recorded v2 fixture is checked and the shape is documented. Rows map to the same {@link Trade}.
 */
export const v2TradesEnvelopeSchema = z.object({
  data: z.array(z.unknown()),
  pagination: z
    .object({ has_more: flag, next_cursor: z.string().nullish() })
    .loose()
    .optional(),
});

/** One Data API v2 trade row → {@link Trade}. */
export const v2TradeSchema: z.ZodType<Trade> = z
  .object({
    proxy_wallet: wallet,
    side: z.enum(['BUY', 'SELL']),
    token_id: tokenId,
    condition_id: conditionId,
    size: wireNumber,
    price: wireNumber,
    timestamp: unixSecondsToMs,
    title: text,
    slug: text,
    outcome: text,
    outcome_index: integer,
    transaction_hash: text,
    name: text,
    pseudonym: text,
  })
  .transform((r) => ({
    wallet: r.proxy_wallet,
    side: r.side,
    asset: r.token_id,
    conditionId: r.condition_id,
    size: r.size,
    price: r.price,
    timestamp: r.timestamp,
    title: r.title,
    slug: r.slug,
    outcome: r.outcome,
    outcomeIndex: r.outcome_index,
    transactionHash: r.transaction_hash,
    name: r.name,
    pseudonym: r.pseudonym,
  }));
