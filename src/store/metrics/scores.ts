/**
 * Reads of wallet_scores (issue 13) for the panes, the wallet view and the CLI. The metrics themselves are
 * computed in ./pipeline.ts.
 *
 * Insider factors (each 0–1, weights in pipeline.ts INSIDER_WEIGHTS), about the wallet's largest market:
 *   fresh          1 for a wallet first seen today (or whose profile is that young), 0 at 30 days
 *   few markets    1 for a one-market wallet, 0 at 10 markets
 *   concentration  that market's share of the wallet's volume × how big it is (full at $10k)
 *   niche          1 for a market with ≤ $1k volume, 0 at ≥ $316k
 *   timing         1 when the biggest buy there backed the winner right before the resolution, 0 three days or more
 *                  before it (or when it lost, or the market is unresolved)
 */
import type { Store } from '../types.ts';
import { num, toMs } from '../queries/sql.ts';
import { GRADES, gradesAtLeast, type Grade } from './grades.ts';
import { OVERALL } from './pipeline.ts';

/** One row of wallet_scores, camelCase. grade is '' below the minimum sample. */
export interface WalletScore {
  wallet: string;
  category: string;
  settledMarkets: number;
  wins: number;
  winRate: number;
  realizedPnl: number;
  gains: number;
  losses: number;
  settledStake: number;
  omegaRaw: number;
  omegaShrunk: number;
  roi: number;
  volume: number;
  trades: number;
  avgBet: number;
  maxBet: number;
  marketsTraded: number;
  /** Epoch ms. */
  firstSeen: number;
  lastSeen: number;
  buyShare: number;
  firstOutcomeShare: number;
  twoSidedShare: number;
  grade: string;
  whaleScore: number;
  insiderScore: number;
  insiderFactors: { fresh: number; fewMarkets: number; concentration: number; niche: number; timing: number };
  labels: string[];
  computedAt: number;
}

const COLUMNS = `
  proxy_wallet AS wallet, category, settled_markets AS settledMarkets, wins, win_rate AS winRate,
  realized_pnl AS realizedPnl, gains, losses, settled_stake AS settledStake, omega_raw AS omegaRaw,
  omega_shrunk AS omegaShrunk, roi, volume, trades, avg_bet AS avgBet, max_bet AS maxBet,
  markets_traded AS marketsTraded, ${toMs('first_seen')} AS firstSeen, ${toMs('last_seen')} AS lastSeen,
  buy_share AS buyShare, first_outcome_share AS firstOutcomeShare, two_sided_share AS twoSidedShare, grade,
  whale_score AS whaleScore, insider_score AS insiderScore, insider_fresh AS fFresh, insider_few_markets AS fFew,
  insider_concentration AS fConc, insider_niche AS fNiche, insider_timing AS fTiming, labels,
  ${toMs('computed_at')} AS computedAt`;

type RawScore = Omit<WalletScore, 'insiderFactors'> & { fFresh: number; fFew: number; fConc: number; fNiche: number; fTiming: number };

function toScore(r: RawScore): WalletScore {
  const { fFresh, fFew, fConc, fNiche, fTiming, ...rest } = r;
  return {
    ...rest,
    settledMarkets: num(r.settledMarkets),
    wins: num(r.wins),
    trades: num(r.trades),
    marketsTraded: num(r.marketsTraded),
    insiderFactors: { fresh: fFresh, fewMarkets: fFew, concentration: fConc, niche: fNiche, timing: fTiming },
  };
}

/** Sort orders of {@link listWalletScores}. */
export const SCORE_SORTS = ['grade', 'omega', 'pnl', 'volume', 'insider', 'whale'] as const;
export type ScoreSort = (typeof SCORE_SORTS)[number];

/** Filters of {@link listWalletScores}. */
export interface WalletScoreParams {
  category?: string;
  /** Only graded wallets at least this good; undefined: every wallet, graded or not. */
  minGrade?: Grade;
  minSettled?: number;
  minVolume?: number;
  sort?: ScoreSort;
  limit?: number;
}

const ORDER: Record<ScoreSort, string> = {
  grade: `indexOf(${JSON.stringify(GRADES).replaceAll('"', "'")}, grade) = 0, indexOf(${JSON.stringify(GRADES).replaceAll('"', "'")}, grade), omega_shrunk DESC`,
  omega: 'grade = \'\', omega_shrunk DESC',
  pnl: 'realized_pnl DESC',
  volume: 'volume DESC',
  insider: 'insider_score DESC',
  whale: 'whale_score DESC',
};

/** Wallet scores of one category (OVERALL by default), filtered and sorted (best grade first by default). */
export async function listWalletScores(store: Store, params: WalletScoreParams = {}, signal?: AbortSignal): Promise<WalletScore[]> {
  const rows = await store.query<RawScore>(
    `SELECT ${COLUMNS}
     FROM wallet_scores FINAL
     WHERE category = {category:String}
       AND ({anyGrade:UInt8} = 1 OR grade IN {grades:Array(String)})
       AND settled_markets >= {minSettled:UInt32} AND volume >= {minVolume:Float64}
     ORDER BY ${ORDER[params.sort ?? 'grade']}, proxy_wallet
     LIMIT {limit:UInt32}`,
    {
      category: (params.category ?? OVERALL).toUpperCase(),
      anyGrade: params.minGrade === undefined ? 1 : 0,
      grades: params.minGrade === undefined ? [] : gradesAtLeast(params.minGrade),
      minSettled: params.minSettled ?? 0,
      minVolume: params.minVolume ?? 0,
      limit: params.limit ?? 100,
    },
    signal,
  );
  return rows.map(toScore);
}

/** Every category row of one wallet, OVERALL first, then by settled markets. Empty when it was never scored. */
export async function getWalletScores(store: Store, wallet: string, signal?: AbortSignal): Promise<WalletScore[]> {
  const rows = await store.query<RawScore>(
    `SELECT ${COLUMNS}
     FROM wallet_scores FINAL
     WHERE proxy_wallet = {wallet:String}
     ORDER BY category != '${OVERALL}', settled_markets DESC, category`,
    { wallet: wallet.toLowerCase() },
    signal,
  );
  return rows.map(toScore);
}

/** The grade and shrunk omega of a wallet (OVERALL), for a pane's column. */
export interface WalletGrade {
  grade: string;
  omega: number;
  settledMarkets: number;
}

/** Grades of `wallets` (OVERALL); a wallet never scored is absent from the map. */
export async function getWalletGrades(store: Store, wallets: readonly string[], signal?: AbortSignal): Promise<Map<string, WalletGrade>> {
  if (wallets.length === 0) return new Map();
  const rows = await store.query<{ wallet: string; grade: string; omega: number; settled: number | string }>(
    `SELECT proxy_wallet AS wallet, grade, omega_shrunk AS omega, settled_markets AS settled
     FROM wallet_scores FINAL
     WHERE category = '${OVERALL}' AND proxy_wallet IN {wallets:Array(String)}`,
    { wallets: wallets.map((w) => w.toLowerCase()) },
    signal,
  );
  return new Map(rows.map((r) => [r.wallet, { grade: r.grade, omega: r.omega, settledMarkets: num(r.settled) }]));
}

/** How many OVERALL wallets hold each grade ('' = below the minimum sample), for the README's distribution. */
export async function getGradeDistribution(store: Store, signal?: AbortSignal): Promise<Record<string, number>> {
  const rows = await store.query<{ grade: string; n: string }>(
    `SELECT grade, count() AS n FROM wallet_scores FINAL WHERE category = '${OVERALL}' GROUP BY grade`,
    {},
    signal,
  );
  return Object.fromEntries(rows.map((r) => [r.grade, Number(r.n)]));
}
