import type { z } from 'zod';
import type { ApiBase, HttpCore } from './http.ts';
import { activitySince, type ActivityQuery } from './activity-walk.ts';
import { collectPages } from './paginate.ts';
import {
  activitySchema,
  closedPositionSchema,
  holderSchema,
  leaderboardEntrySchema,
  portfolioValueSchema,
  positionSchema,
  tokenHoldersEnvelopeSchema,
  tradeSchema,
} from './schemas-data.ts';
import type {
  Activity,
  ClosedPosition,
  LeaderboardCategory,
  LeaderboardEntry,
  LeaderboardOrder,
  LeaderboardPeriod,
  Page,
  PortfolioValue,
  Position,
  TokenHolders,
  Trade,
} from './types.ts';
import { expectArray, parseEach } from './validate.ts';

/** `/activity` parameters (defined beside the walk that pages through them). */
export type { ActivityQuery } from './activity-walk.ts';

/** Caps of the Data API v1 (POLYMARKET_API.md §1). */
export const DATA_CAPS = {
  leaderboardLimit: 50,
  leaderboardMaxOffset: 1000,
  positionsLimit: 500,
  positionsMaxOffset: 10_000,
  closedPositionsLimit: 50,
  activityLimit: 500,
  /** The spec says 10 000, newer docs 5 000, and live servers reject ~3 000 on /trades: stay below all. */
  activityMaxOffset: 3_000,
  holdersLimit: 20,
  /** /trades: limit 0–10,000; offset cap ~3,000 on busy markets (nautilus). */
  tradesLimit: 10_000,
  tradesMaxOffset: 3_000,
} as const;

/** Which leaderboard board to read. */
export interface LeaderboardQuery {
  category: LeaderboardCategory;
  timePeriod: LeaderboardPeriod;
  orderBy: LeaderboardOrder;
}


/** `/trades` parameters. `filterType` and `filterAmount` must be given together (the API requires it). */
export interface TradesQuery {
  market?: string | readonly string[];
  user?: string;
  takerOnly?: boolean;
  filterType?: 'CASH' | 'TOKENS';
  filterAmount?: number;
  side?: 'BUY' | 'SELL';
  limit?: number;
  offset?: number;
}

/** The Data API client (positions, activity, trades, holders, leaderboard, value). Every method honours `signal`. */
export interface DataApi {
  /** One leaderboard page (limit ≤ 50, offset ≤ 1000). */
  leaderboard(q: LeaderboardQuery & { limit?: number; offset?: number }, signal?: AbortSignal): Promise<Page<LeaderboardEntry>>;
  /** Up to `max` ranks of a board, 50 per page, offset ≤ 1000 (so ≤ 1050 ranks). */
  leaderboardTop(q: LeaderboardQuery, max: number, signal?: AbortSignal): Promise<Page<LeaderboardEntry>>;
  /** One page of a wallet's open positions (limit ≤ 500; `sizeThreshold` defaults to the API's 1). */
  positions(wallet: string, q?: { limit?: number; offset?: number; sizeThreshold?: number }, signal?: AbortSignal): Promise<Page<Position>>;
  /** All open positions of a wallet, up to `max` (default 10 000), 500 per page. */
  positionsAll(wallet: string, max?: number, signal?: AbortSignal): Promise<Page<Position>>;
  /** One page of closed positions (limit ≤ 50). */
  closedPositions(
    wallet: string,
    q?: { limit?: number; offset?: number; sortBy?: 'REALIZEDPNL' | 'TITLE' | 'PRICE' | 'AVGPRICE' | 'TIMESTAMP'; sortDirection?: 'ASC' | 'DESC' },
    signal?: AbortSignal,
  ): Promise<Page<ClosedPosition>>;
  /** One page of a wallet's activity. */
  activity(wallet: string, q?: ActivityQuery, signal?: AbortSignal): Promise<Page<Activity>>;
  /**
   * Every activity row with timestamp ≥ `startUnixSeconds`, oldest first, walking start-windows within the
   * offset caps (see activity-walk.ts). Stops at `maxRecords` (default 100 000).
   */
  activitySince(wallet: string, startUnixSeconds: number, signal?: AbortSignal, maxRecords?: number): Promise<Page<Activity>>;
  /** Top holders of each outcome token of a market (limit ≤ 20 per token). */
  holders(conditionId: string, limit?: number, signal?: AbortSignal): Promise<Page<TokenHolders>>;
  /** One page of fills. `market` lists condition ids (sent as CSV). */
  trades(q: TradesQuery, signal?: AbortSignal): Promise<Page<Trade>>;
  /** A wallet's total position value; null when the API returns no row. */
  value(wallet: string, signal?: AbortSignal): Promise<PortfolioValue | null>;
}

function csv(v: string | readonly string[] | undefined): string | undefined {
  if (v === undefined) return undefined;
  return typeof v === 'string' ? v : v.join(',');
}

/** Creates the Data API client over `core` at `base`. */
export function createDataApi(core: HttpCore, base: ApiBase): DataApi {
  const reject = core.reject.bind(core);
  const list = async <T>(path: string, query: Record<string, string | number | boolean | undefined>, schema: z.ZodType<T>, signal?: AbortSignal): Promise<Page<T>> => {
    const body = await core.call({ base, path, query, ...(signal ? { signal } : {}) });
    const pageSize = typeof query.limit === 'number' ? query.limit : undefined;
    return parseEach(expectArray(body, base.origin + base.prefix + path, pageSize), schema, path, reject);
  };

  const api: DataApi = {
    leaderboard: (q, signal) =>
      list(
        '/v1/leaderboard',
        {
          category: q.category,
          timePeriod: q.timePeriod,
          orderBy: q.orderBy,
          limit: Math.min(q.limit ?? DATA_CAPS.leaderboardLimit, DATA_CAPS.leaderboardLimit),
          offset: q.offset,
        },
        leaderboardEntrySchema,
        signal,
      ),
    leaderboardTop: (q, max, signal) =>
      collectPages(
        (offset, limit) => api.leaderboard({ ...q, offset, limit }, signal),
        { pageSize: DATA_CAPS.leaderboardLimit, maxOffset: DATA_CAPS.leaderboardMaxOffset, max },
      ),
    positions: (wallet, q = {}, signal) =>
      list(
        '/positions',
        {
          user: wallet.toLowerCase(),
          limit: Math.min(q.limit ?? DATA_CAPS.positionsLimit, DATA_CAPS.positionsLimit),
          offset: q.offset,
          sizeThreshold: q.sizeThreshold,
        },
        positionSchema,
        signal,
      ),
    positionsAll: (wallet, max = 10_000, signal) =>
      collectPages((offset, limit) => api.positions(wallet, { offset, limit }, signal), {
        pageSize: DATA_CAPS.positionsLimit,
        maxOffset: DATA_CAPS.positionsMaxOffset,
        max,
      }),
    closedPositions: (wallet, q = {}, signal) =>
      list(
        '/closed-positions',
        {
          user: wallet.toLowerCase(),
          limit: Math.min(q.limit ?? DATA_CAPS.closedPositionsLimit, DATA_CAPS.closedPositionsLimit),
          offset: q.offset,
          sortBy: q.sortBy,
          sortDirection: q.sortDirection,
        },
        closedPositionSchema,
        signal,
      ),
    activity: (wallet, q = {}, signal) =>
      list(
        '/activity',
        {
          user: wallet.toLowerCase(),
          start: q.start,
          end: q.end,
          type: csv(q.type),
          limit: Math.min(q.limit ?? DATA_CAPS.activityLimit, DATA_CAPS.activityLimit),
          offset: q.offset,
          sortBy: q.sortBy,
          sortDirection: q.sortDirection,
        },
        activitySchema,
        signal,
      ),
    activitySince: (wallet, startUnixSeconds, signal, maxRecords = 100_000) =>
      activitySince((q) => api.activity(wallet, q, signal), startUnixSeconds, {
        pageSize: DATA_CAPS.activityLimit,
        maxOffset: DATA_CAPS.activityMaxOffset,
        maxRecords,
      }),
    holders: async (conditionId, limit = DATA_CAPS.holdersLimit, signal) => {
      const path = '/holders';
      const body = await core.call({
        base,
        path,
        query: { market: conditionId, limit: Math.min(limit, DATA_CAPS.holdersLimit) },
        ...(signal ? { signal } : {}),
      });
      const groups = parseEach(expectArray(body, base.origin + base.prefix + path), tokenHoldersEnvelopeSchema, path, reject);
      let rejected = groups.rejected;
      const items = groups.items.map((g, i) => {
        const holders = parseEach(g.holders, holderSchema, `${path}[${i}].holders`, reject);
        rejected += holders.rejected;
        return { token: g.token, holders: holders.items };
      });
      return { items, rejected };
    },
    trades: (q, signal) => {
      if ((q.filterType === undefined) !== (q.filterAmount === undefined)) {
        return Promise.reject(new TypeError('trades: filterType and filterAmount must be given together'));
      }
      return list(
        '/trades',
        {
          market: csv(q.market),
          user: q.user?.toLowerCase(),
          takerOnly: q.takerOnly,
          filterType: q.filterType,
          filterAmount: q.filterAmount,
          side: q.side,
          limit: q.limit,
          offset: q.offset,
        },
        tradeSchema,
        signal,
      );
    },
    value: async (wallet, signal) => {
      const page = await list('/value', { user: wallet.toLowerCase() }, portfolioValueSchema, signal);
      return page.items[0] ?? null;
    },
  };
  return api;
}
