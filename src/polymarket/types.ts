/**
 * Domain types of the Polymarket clients: the contract between the clients and everything that uses them.
 * Conventions: camelCase; money, prices and sizes are `number`; every timestamp is epoch **milliseconds**
 * unless the field says otherwise; token ids, condition ids and wallets are strings; wallets are lower-case.
 */

/**
 * Leaderboard categories accepted by `/v1/leaderboard` (POLYMARKET_API.md §1.1): the documented ten, and ESPORTS,
 * which the documented enum lacks but live traffic was seen requesting (`category=esports`); the category is sent
 * upper-case like the others (the API is reported to take either case).
 */
export const LEADERBOARD_CATEGORIES = [
  'OVERALL',
  'POLITICS',
  'SPORTS',
  'CRYPTO',
  'CULTURE',
  'MENTIONS',
  'WEATHER',
  'ECONOMICS',
  'TECH',
  'FINANCE',
  'ESPORTS',
] as const;
/** One leaderboard category. */
export type LeaderboardCategory = (typeof LEADERBOARD_CATEGORIES)[number];

/** Leaderboard time periods (the API's default is DAY). */
export const LEADERBOARD_PERIODS = ['DAY', 'WEEK', 'MONTH', 'ALL'] as const;
/** One leaderboard time period. */
export type LeaderboardPeriod = (typeof LEADERBOARD_PERIODS)[number];

/** Leaderboard orderings: by profit or by volume. */
export const LEADERBOARD_ORDERS = ['PNL', 'VOL'] as const;
/** One leaderboard ordering. */
export type LeaderboardOrder = (typeof LEADERBOARD_ORDERS)[number];

/** One row of `/v1/leaderboard`. `rank` arrives as a string and is parsed; `volume` is the wire's `vol`. */
export interface LeaderboardEntry {
  rank: number;
  wallet: string;
  userName: string;
  xUsername: string;
  verifiedBadge: boolean;
  profileImage: string;
  pnl: number;
  volume: number;
}

/** One open position from `/positions`. `endDate` is ms (from a date-only or RFC 3339 string) or null. */
export interface Position {
  wallet: string;
  conditionId: string;
  asset: string;
  outcome: string;
  outcomeIndex: number;
  size: number;
  avgPrice: number;
  initialValue: number;
  currentValue: number;
  curPrice: number;
  cashPnl: number;
  percentPnl: number;
  realizedPnl: number;
  title: string;
  slug: string;
  eventSlug: string;
  endDate: number | null;
}

/** One closed position from `/closed-positions`; `timestamp` in ms (the wire sends unix seconds). */
export interface ClosedPosition {
  wallet: string;
  conditionId: string;
  asset: string;
  outcome: string;
  outcomeIndex: number;
  avgPrice: number;
  totalBought: number;
  realizedPnl: number;
  curPrice: number;
  title: string;
  slug: string;
  timestamp: number;
}

/** Known `/activity` types; the API adds new ones over time, so any string is accepted. */
export type ActivityType = 'TRADE' | 'SPLIT' | 'MERGE' | 'REDEEM' | 'REWARD' | 'CONVERSION' | 'MAKER_REBATE' | (string & {});

/**
 * One `/activity` row. Non-trade rows have `side: ''` and `price: 0`. `outcomeIndex` may be the sentinel 999
 * (kept as is: never use it as an array index). `timestamp` in ms.
 */
export interface Activity {
  wallet: string;
  conditionId: string;
  asset: string;
  type: ActivityType;
  side: 'BUY' | 'SELL' | '';
  outcome: string;
  outcomeIndex: number;
  size: number;
  usdcSize: number;
  price: number;
  transactionHash: string;
  title: string;
  slug: string;
  timestamp: number;
  name: string;
  pseudonym: string;
}

/** One holder of one outcome token (`/holders`). */
export interface Holder {
  wallet: string;
  pseudonym: string;
  name: string;
  profileImage: string;
  outcomeIndex: number;
  amount: number;
  verified: boolean;
}

/** The top holders of one outcome token. */
export interface TokenHolders {
  token: string;
  holders: Holder[];
}

/** One fill from `/trades`; `outcomeIndex` may be 999 (sentinel); `timestamp` in ms. */
export interface Trade {
  wallet: string;
  side: 'BUY' | 'SELL';
  asset: string;
  conditionId: string;
  size: number;
  price: number;
  timestamp: number;
  title: string;
  slug: string;
  outcome: string;
  outcomeIndex: number;
  transactionHash: string;
  name: string;
  pseudonym: string;
}

/** A wallet's total position value in USDC (`/value`). */
export interface PortfolioValue {
  wallet: string;
  value: number;
}

/**
 * A Gamma market. `outcomes`, `outcomePrices` and `clobTokenIds` are decoded from their stringified-JSON wire
 * form. `category` is the legacy field ('' on current markets); `tags` are tag labels (only sent with
 * `include_tag=true`). `eventSlug` is the first parent event's slug, or '' when unknown.
 */
export interface Market {
  gammaId: string;
  conditionId: string;
  question: string;
  slug: string;
  eventSlug: string;
  category: string;
  tags: string[];
  outcomes: string[];
  outcomePrices: number[];
  clobTokenIds: string[];
  volume: number;
  volume24hr: number;
  liquidity: number;
  active: boolean;
  closed: boolean;
  endDate: number | null;
  updatedAt: number | null;
}

/** A Gamma event with its markets (each validated on its own). */
export interface GammaEvent {
  id: string;
  slug: string;
  title: string;
  category: string;
  volume: number;
  liquidity: number;
  active: boolean;
  closed: boolean;
  markets: Market[];
}

/** A Gamma public profile (`/public-profile`); every wire field is nullable, mapped to '' / false / null. */
export interface PublicProfile {
  wallet: string;
  pseudonym: string;
  name: string;
  bio: string;
  profileImage: string;
  xUsername: string;
  verifiedBadge: boolean;
  displayUsernamePublic: boolean;
  createdAt: number | null;
}

/** One price level of a book. */
export interface BookLevel {
  price: number;
  size: number;
}

/**
 * A CLOB order book (`/book`, `/books`). Levels are kept in **wire order: worst price first, best LAST**
 * (bids ascend, asks descend). `timestamp` in ms. Fields absent from old books (2024 shape) are null.
 */
export interface OrderBook {
  market: string;
  assetId: string;
  timestamp: number;
  bids: BookLevel[];
  asks: BookLevel[];
  tickSize: number | null;
  minOrderSize: number | null;
  lastTradePrice: number | null;
  hash: string;
}

/** One `/prices-history` point: `t` in unix **seconds** (as on the wire), `p` a price in [0, 1]. */
export interface PricePoint {
  t: number;
  p: number;
}

/** A page of validated records: records failing validation are dropped, counted in `rejected` and logged. */
export interface Page<T> {
  items: T[];
  rejected: number;
}

/**
 * How a request failed. `malformed`: the response was not the expected envelope at all (e.g. not an array).
 * `too_large`: the body passed the endpoint's cap (polymarket/body-limits.ts) and was cut off.
 */
export type ApiErrorKind = 'http' | 'timeout' | 'network' | 'aborted' | 'max_offset' | 'malformed' | 'too_large';

/** A classified client failure. `status` for HTTP errors, `code` for undici/system errors. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  readonly status?: number;
  readonly code?: string;
  readonly url: string;
  /** Server-requested wait before retrying (Retry-After / retry_after_seconds), in ms. */
  readonly retryAfterMs?: number;

  constructor(
    kind: ApiErrorKind,
    message: string,
    details: { url: string; status?: number; code?: string; retryAfterMs?: number; cause?: unknown },
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.url = details.url;
    if (details.status !== undefined) this.status = details.status;
    if (details.code !== undefined) this.code = details.code;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
  }
}

/** Counters of one Polymarket client set (`Polymarket.stats()`). */
export interface ClientStats {
  /** HTTP attempts sent (retries included). */
  requests: number;
  /** Attempts that were retries. */
  retries: number;
  /** Calls that finally failed, by kind. */
  failures: Record<ApiErrorKind, number>;
  /** Records dropped by validation. */
  rejected: number;
  /** Requests waiting on the rate gate, per endpoint lane (e.g. `data:/positions`). */
  queued: Record<string, number>;
  /** Per endpoint lane (e.g. `data:/v1/leaderboard`): what /metrics exports. */
  endpoints: Record<string, EndpointStats>;
}

/** Counters of one endpoint lane. */
export interface EndpointStats {
  /** HTTP attempts sent (retries included). */
  requests: number;
  /** Attempts answered 429. */
  rateLimited: number;
  /** Attempts that were retries. */
  retries: number;
  /** Calls that finally failed (any kind). */
  failures: number;
}
