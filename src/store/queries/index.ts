/**
 * The dashboard queries by name, for `whaletop query <name> [--json|--csv] [--limit N] [filters]`. Each entry's
 * `params` parses the string flags (coercing numbers); `run` returns plain rows. The two composite queries
 * (trader-profile, market-detail) return one row holding the whole detail object.
 */
import { z } from 'zod';
import type { Store } from '../types.ts';
import { getWhaleActivity } from './activity.ts';
import { getPositionConcentration } from './concentration.ts';
import { getTopHolders } from './holders.ts';
import { getLeaderboard } from './leaderboard.ts';
import { getMarketDetail } from './market.ts';
import { getWhalesOverview } from './overview.ts';
import { getSignalHitRate, getSignals } from './signals.ts';
import { getSmartMoneyPositions } from './smart-money.ts';
import { getTraderProfile } from './trader.ts';
import { GRADES } from '../metrics/grades.ts';
import { listWalletScores, SCORE_SORTS } from '../metrics/scores.ts';

/** One named query of the registry. */
export interface QueryEntry<P extends z.ZodType = z.ZodType> {
  description: string;
  /** Parses the CLI flags (strings) into the query's parameters. */
  params: P;
  run(store: Store, params: z.output<P>): Promise<readonly object[]>;
}

const limit = (fallback: number) => z.coerce.number().int().positive().max(10_000).default(fallback);
const upper = (fallback: string) => z.string().transform((s) => s.toUpperCase()).default(fallback);

/** Builds an entry keeping `run`'s parameter type tied to its schema. */
const entry = <P extends z.ZodType>(e: QueryEntry<P>): QueryEntry<P> => e;

/** All queries by CLI name. */
export const QUERIES = {
  leaderboard: entry({
    description: 'Current leaderboard: --category OVERALL --period ALL --order PNL --search TEXT',
    params: z.object({
      category: upper('OVERALL'),
      period: upper('ALL'),
      order: upper('PNL'),
      search: z.string().default(''),
      limit: limit(50),
    }),
    run: (store, p) =>
      getLeaderboard(store, { category: p.category, period: p.period, orderBy: p.order, search: p.search, limit: p.limit }),
  }),
  'whale-activity': entry({
    description: 'Tracked wallets’ activity, newest first: --min-usd 500 --hours 24 --wallet 0x…',
    params: z.object({
      minUsd: z.coerce.number().nonnegative().default(500),
      hours: z.coerce.number().positive().default(24),
      wallet: z.string().default(''),
      limit: limit(50),
    }),
    run: (store, p) =>
      getWhaleActivity(store, { minUsd: p.minUsd, windowHours: p.hours, wallet: p.wallet.toLowerCase(), limit: p.limit }),
  }),
  'smart-money': entry({
    description: 'Outcomes held by the top-ranked wallets, by total value: --top-rank 100 --min-value 100',
    params: z.object({
      topRank: z.coerce.number().int().positive().default(100),
      minValue: z.coerce.number().nonnegative().default(100),
      limit: limit(50),
    }),
    run: (store, p) => getSmartMoneyPositions(store, { topRank: p.topRank, minValue: p.minValue, limit: p.limit }),
  }),
  'top-holders': entry({
    description: 'Largest current holders of a market: --condition-id 0x…',
    params: z.object({ conditionId: z.string().min(1), limit: limit(20) }),
    run: (store, p) => getTopHolders(store, { conditionId: p.conditionId, limit: p.limit }),
  }),
  'trader-profile': entry({
    description: 'Profile, ranks, positions, activity and PnL by period of one wallet: --wallet 0x…',
    params: z.object({ wallet: z.string().min(1), limit: limit(50) }),
    run: async (store, p) => [await getTraderProfile(store, { wallet: p.wallet, positionsLimit: p.limit })],
  }),
  concentration: entry({
    description: 'Markets by top-5 holder share: --min-holders 3',
    params: z.object({ minHolders: z.coerce.number().int().nonnegative().default(3), limit: limit(30) }),
    run: (store, p) => getPositionConcentration(store, { minHolders: p.minHolders, limit: p.limit }),
  }),
  overview: entry({
    description: 'The four stats cards: tracked wallets, whale trades (24h), positions, markets held',
    params: z.object({ minUsd: z.coerce.number().nonnegative().default(500) }),
    run: async (store, p) => [await getWhalesOverview(store, { minUsd: p.minUsd })],
  }),
  'market-detail': entry({
    description: 'Question, prices, top holders per outcome and concentration of a market: --condition-id 0x…',
    params: z.object({ conditionId: z.string().min(1), limit: limit(10) }),
    run: async (store, p) => [await getMarketDetail(store, { conditionId: p.conditionId, holdersPerOutcome: p.limit })],
  }),
  signals: entry({
    description: 'Fired live signals, newest first, with price now and sparkline: --hours 24',
    params: z.object({ hours: z.coerce.number().positive().default(24), limit: limit(50) }),
    run: (store, p) => getSignals(store, { windowHours: p.hours, limit: p.limit }),
  }),
  'signal-hit-rate': entry({
    description: 'Hit rate of fired signals by type and confidence (5 and 15 minutes after)',
    params: z.object({}),
    run: (store) => getSignalHitRate(store),
  }),
  'wallet-scores': entry({
    description:
      'Wallet grades, omega and scores (issue 13): --category OVERALL --min-grade A --min-settled 0 --min-volume 0 --sort grade|omega|pnl|volume|insider|whale',
    params: z.object({
      category: upper('OVERALL'),
      'min-grade': z.string().transform((s) => s.toUpperCase()).pipe(z.enum(GRADES)).optional(),
      'min-settled': z.coerce.number().int().nonnegative().default(0),
      'min-volume': z.coerce.number().nonnegative().default(0),
      sort: z.enum(SCORE_SORTS).default('grade'),
      limit: limit(100),
    }),
    run: async (store, p) =>
      (
        await listWalletScores(store, {
          category: p.category,
          ...(p['min-grade'] !== undefined ? { minGrade: p['min-grade'] } : {}),
          minSettled: p['min-settled'],
          minVolume: p['min-volume'],
          sort: p.sort,
          limit: p.limit,
        })
      ).map(({ insiderFactors, ...s }) => ({
        ...s,
        grade: s.grade === '' ? '—' : s.grade,
        insiderFresh: insiderFactors.fresh,
        insiderFewMarkets: insiderFactors.fewMarkets,
        insiderConcentration: insiderFactors.concentration,
        insiderNiche: insiderFactors.niche,
        insiderTiming: insiderFactors.timing,
      })),
  }),
} satisfies Record<string, QueryEntry>;

/** A registered query name. */
export type QueryName = keyof typeof QUERIES;

export { getLeaderboard, getWhaleActivity, getSmartMoneyPositions, getTopHolders, getTraderProfile };
export { getPositionConcentration, getWhalesOverview, getMarketDetail, getSignals, getSignalHitRate };
export { toggleWatchMarket, toggleWatchWallet } from './watchlist.ts';
