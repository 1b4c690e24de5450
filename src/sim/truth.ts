/**
 * The simulator's hidden truth, for tests and benchmarks only: which wallets are skilled, insiders, market makers
 * or lucky whales, how likely each is to back the eventual winner, which markets resolved and how. Nothing here is
 * rendered by the HTTP or WebSocket layers (src/sim/http, src/sim/ws.ts), and nothing in src/ outside src/sim may
 * import it: the product has to find smart money from the public data alone, and the tests check it against this.
 */
import { MARKET_CATEGORIES, type MarketCategory } from './world/names.ts';
import { KIND_SHARES } from './world/plant.ts';
import type { WalletKind } from './world/types.ts';
import type { World } from './world/index.ts';

export type { WalletKind };
export { KIND_SHARES };
/** The category keys of `skillByCategory` (the leaderboard categories minus OVERALL). */
export const TRUTH_CATEGORIES: readonly MarketCategory[] = MARKET_CATEGORIES;

/** What one wallet really is. */
export interface WalletTruth {
  /** Proxy wallet, lower-case (as every Data API row spells it). */
  address: string;
  kind: WalletKind;
  /** Probability that a BUY of this wallet backs the eventual winner (the centre of its per-category skills). */
  skill: number;
  /** The same per market category, keyed by TRUTH_CATEGORIES ('POLITICS', 'SPORTS', …). */
  skillByCategory: Record<MarketCategory, number>;
  /** One of the ~2 % "elite" wallets: big size, spontaneous bursts (all of them are kind 'skilled'). */
  elite: boolean;
  /** Time of the wallet's first activity row, ms (null: none yet). */
  firstActivityAt: number | null;
}

/** A resolved market. */
export interface ResolutionTruth {
  conditionId: string;
  /** 0 or 1: index into the market's outcomes / clobTokenIds. */
  winningOutcomeIndex: 0 | 1;
  /** ms epoch (the market's endDate). */
  resolvedAt: number;
  category: MarketCategory;
}

/** A planted insider bet (one per insider wallet). */
export interface InsiderBetTruth {
  wallet: string;
  conditionId: string;
  outcomeIndex: 0 | 1;
  /** Most USDC the insider stakes (less on long odds, never below $3,000; the fill is in the wallet's activity). */
  usd: number;
  /** When the bet is placed, ms. */
  placedAt: number;
  /** When its market resolves (the insider's way), ms. */
  resolvesAt: number;
  /** True once world time has passed placedAt and the bet was filled (it is in the wallet's activity). */
  placed: boolean;
}

/** The whole truth of a world at its current time. */
export interface WorldTruth {
  /** Every wallet, in the world's wallet order. */
  wallets: WalletTruth[];
  /** Markets resolved up to world time, in resolution order. */
  resolutions: ResolutionTruth[];
  insiderBets: InsiderBetTruth[];
  /** World time the truth was read at, ms. */
  now: number;
}

function categorySkills(values: Float64Array): Record<MarketCategory, number> {
  const out = {} as Record<MarketCategory, number>;
  MARKET_CATEGORIES.forEach((c, i) => (out[c] = values[i]!));
  return out;
}

/**
 * The hidden truth of `world` at its current time (applies pending events first). For a running simulator pass
 * `sim.world` (see Simulator in ./index.ts). O(wallets + markets); cheap enough to call per test.
 */
export function worldTruth(world: World): WorldTruth {
  const now = world.sync();
  const e = world.core;
  const wallets = e.wallets.map((w): WalletTruth => ({
    address: w.address,
    kind: w.kind,
    skill: w.skill,
    skillByCategory: categorySkills(w.skillByCategory),
    elite: w.elite,
    firstActivityAt: w.acts.length ? e.acts[w.acts[0]!]!.ts : null,
  }));
  const resolutions = e.markets
    .filter((m) => m.closed && m.closedAt !== null)
    .sort((a, b) => a.closedAt! - b.closedAt! || a.idx - b.idx)
    .map((m): ResolutionTruth => ({ conditionId: m.conditionId, winningOutcomeIndex: m.winner, resolvedAt: m.closedAt!, category: m.category }));
  const insiderBets = e.plantedBets.map((b): InsiderBetTruth => {
    const w = e.wallets[b.walletIdx]!;
    const m = e.markets[b.marketIdx]!;
    const placed = w.acts.some((i) => e.acts[i]!.marketIdx === m.idx && e.acts[i]!.type === 'TRADE');
    return { wallet: w.address, conditionId: m.conditionId, outcomeIndex: b.outcome, usd: b.usd, placedAt: b.at, resolvesAt: m.endDate, placed };
  });
  return { wallets, resolutions, insiderBets, now };
}

/** The truth of one wallet (any case), or undefined when the world has no such wallet. */
export function walletTruth(world: World, address: string): WalletTruth | undefined {
  const w = world.wallet(address);
  if (!w) return undefined;
  const e = world.core;
  return {
    address: w.address, kind: w.kind, skill: w.skill, skillByCategory: categorySkills(w.skillByCategory), elite: w.elite,
    firstActivityAt: w.acts.length ? e.acts[w.acts[0]!]!.ts : null,
  };
}

/**
 * The eventual winner of a market (also of one still open: the world fixes it at creation), or undefined. For
 * tests that judge a live signal or a position before the market resolves.
 */
export function eventualWinner(world: World, conditionId: string): 0 | 1 | undefined {
  return world.marketOf(conditionId)?.winner;
}
