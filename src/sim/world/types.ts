/**
 * Internal state of the simulated world. Prices are integers in thousandths of a dollar (0.001 = 1) so book
 * levels and ticks stay exact; times are ms since the epoch. Wire shapes live in ../wire-types.ts.
 */
import type { MarketCategory } from './names.ts';

/** One binary market (two outcome tokens). */
export interface SimMarket {
  idx: number;
  gammaId: string;
  conditionId: string;
  questionId: string;
  question: string;
  slug: string;
  eventIdx: number;
  category: MarketCategory;
  outcomes: [string, string];
  tokens: [string, string];
  createdAt: number;
  endDate: number;
  /** The outcome that wins at endDate (fixed at creation; elites lean towards it). */
  winner: 0 | 1;
  closed: boolean;
  closedAt: number | null;
  /** Price of token 0 in thousandths (token 1 = 1000 − price). */
  price: number;
  /** Price (thousandths) plain trading reverts towards. */
  anchor: number;
  /** Tick in thousandths: 10 normally, 1 beyond 0.04/0.96 (CLOB rule). */
  tick: number;
  /** Relative trading attractiveness (heavy tail). */
  weight: number;
  /** Volume traded before the simulated window, USDC. */
  baseVolume: number;
  /** Simulated volume, USDC. */
  volume: number;
  lastTrade: [number | null, number | null];
  lastTradeAt: number;
  /** Indexes into World.acts of this market's TRADE rows, ascending in time. */
  trades: number[];
  /** Per outcome: wallet index → token balance. */
  holders: [Map<number, number>, Map<number, number>];
  /** Token-0 price history: unix seconds and price (0..1). */
  historyT: number[];
  historyP: number[];
  /** Token-0 book, thousandths → size in cents; null until the live phase begins or after close. */
  book: { bids: Map<number, number>; asks: Map<number, number> } | null;
  bookHash: string;
  bookUpdatedAt: number;
  liquidity: number;
}

/** A Gamma event grouping 1–3 markets. */
export interface SimEvent {
  idx: number;
  id: string;
  slug: string;
  title: string;
  category: MarketCategory;
  markets: number[];
  createdAt: number;
}

/** A public profile (wallets without one answer 404 on /public-profile). */
export interface SimProfile {
  name: string;
  bio: string;
  xUsername: string;
  verified: boolean;
  profileImage: string;
  displayUsernamePublic: boolean;
  createdAt: number;
  userId: string;
  takerTier: number;
}

/** One wallet's holding of one outcome token. */
export interface SimPosition {
  marketIdx: number;
  outcomeIndex: 0 | 1;
  size: number;
  /** Cost basis of the tokens still held, USDC. */
  cost: number;
  /** Tokens bought in total and what they cost (closed-position avgPrice). */
  totalBought: number;
  boughtCost: number;
  realizedPnl: number;
  /** When the position went to zero (sold out or redeemed); null while open. */
  closedAt: number | null;
}

/**
 * What a wallet really is (the simulator's hidden truth, never rendered on the wire): ordinary (no edge), skilled
 * (a real edge), insider (fresh wallet, one large bet on a niche market shortly before it resolves its way),
 * market maker (many markets, both sides, tiny edge, small trades) or lucky whale (huge size, no edge).
 */
export type WalletKind = 'ordinary' | 'skilled' | 'insider' | 'market_maker' | 'lucky_whale';

/** A wallet (proxy wallet) and its indexes. */
export interface SimWallet {
  idx: number;
  address: string;
  elite: boolean;
  /** Hidden truth: what the wallet is. */
  kind: WalletKind;
  /** Hidden truth: probability that a BUY backs the eventual winner, overall (the centre of skillByCategory). */
  skill: number;
  /** Hidden truth: the same probability per market category (index = MARKET_CATEGORIES order). */
  skillByCategory: Float64Array;
  pseudonym: string;
  profile: SimProfile | null;
  /** Leaderboard userName for wallets without a name: mixed-case address + "-" + ms. */
  fallbackUserName: string;
  activityWeight: number;
  sizeFactor: number;
  /** Keyed by positionKey(marketIdx, outcomeIndex); insertion order = first trade order. */
  positions: Map<number, SimPosition>;
  /** Indexes into World.acts, ascending in time. */
  acts: number[];
  /** Cumulative per category (index into LEADERBOARD category order, 0 = OVERALL) volume and realized PnL. */
  vol: Float64Array;
  realized: Float64Array;
}

/** One activity row (TRADE or REDEEM); TRADE rows are also the /trades feed. */
export interface SimAct {
  /** Index in World.acts (also seeds the transaction hash). */
  id: number;
  ts: number;
  walletIdx: number;
  marketIdx: number;
  type: 'TRADE' | 'REDEEM';
  side: 'BUY' | 'SELL' | '';
  outcomeIndex: 0 | 1;
  size: number;
  usdc: number;
  /** Trade price (0..1); 0 on REDEEM rows. */
  price: number;
  /** Realized PnL this row produced, USDC (SELL and REDEEM). */
  pnl: number;
}

/** The key of a wallet's position in one outcome of one market (numbers hash faster than 77-digit token ids). */
export function positionKey(marketIdx: number, outcomeIndex: 0 | 1): number {
  return marketIdx * 2 + outcomeIndex;
}
