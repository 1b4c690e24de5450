/** Builds the static part of the world (markets, events, wallets, profiles) from a seeded stream. */
import type { Rng } from '../rng.ts';
import { maybeHostile } from '../hostile.ts';
import {
  CATEGORY_WEIGHTS, MARKET_CATEGORIES, bio, handle, outcomesFor, pseudonym, question, slugify,
  type MarketCategory,
} from './names.ts';
import type { SimEvent, SimMarket, SimWallet } from './types.ts';

const DAY = 86_400_000;

/** Options for the static generation step. */
export interface GenerateOptions {
  marketCount: number;
  walletCount: number;
  /** World time at which the live phase starts, ms. */
  startTime: number;
  /** Start of the simulated history, ms. */
  genesis: number;
  hostile: boolean;
  /** Share of markets that resolve inside the history window (default 0.2). */
  resolvedShare?: number;
}

function pickCategory(rng: Rng): MarketCategory {
  const total = MARKET_CATEGORIES.reduce((s, c) => s + CATEGORY_WEIGHTS[c], 0);
  let roll = rng.next() * total;
  for (const c of MARKET_CATEGORIES) {
    roll -= CATEGORY_WEIGHTS[c];
    if (roll < 0) return c;
  }
  return 'POLITICS';
}

/** Generates events and their markets; endDates spread over the history window and the future. */
export function generateMarkets(rng: Rng, opts: GenerateOptions): { markets: SimMarket[]; events: SimEvent[] } {
  const markets: SimMarket[] = [];
  const events: SimEvent[] = [];
  while (markets.length < opts.marketCount) {
    const category = pickCategory(rng);
    const eventIdx = events.length;
    const size = Math.min(rng.chance(0.7) ? 1 : rng.int(2, 3), opts.marketCount - markets.length);
    const createdAt = rng.chance(0.85)
      ? opts.genesis - rng.int(1, 60) * DAY - rng.int(0, DAY)
      : opts.genesis + rng.int(0, opts.startTime - opts.genesis - 3_600_000);
    const roll = rng.next();
    const resolved = opts.resolvedShare ?? 0.2;
    const endDate =
      roll < resolved ? Math.max(createdAt, opts.genesis) + rng.int(DAY, opts.startTime - Math.max(createdAt, opts.genesis))
      : roll < resolved + 0.03 ? opts.startTime + rng.int(2, 6) * 3_600_000
      : opts.startTime + rng.int(1, 150) * DAY;
    const baseQuestion = question(rng, category, new Date(endDate));
    const event: SimEvent = {
      idx: eventIdx,
      id: String(20_000 + eventIdx * 7 + rng.int(0, 6)),
      slug: `${slugify(baseQuestion)}-${eventIdx}`,
      title: maybeHostile(rng, baseQuestion, opts.hostile),
      category,
      markets: [],
      createdAt,
    };
    events.push(event);
    for (let k = 0; k < size; k++) {
      const idx = markets.length;
      const q = k === 0 ? baseQuestion : question(rng, category, new Date(endDate));
      const weight = Math.min(rng.pareto(1, 1.1), 400);
      const price = 10 * rng.int(10, 90);
      markets.push({
        idx,
        gammaId: String(500_000 + idx * 13 + rng.int(0, 12)),
        conditionId: '0x' + rng.hex(64),
        questionId: '0x' + rng.hex(64),
        question: maybeHostile(rng, q, opts.hostile),
        slug: `${slugify(q)}-${idx}`,
        eventIdx,
        category,
        outcomes: outcomesFor(q),
        tokens: [rng.digits(77), rng.digits(77)],
        createdAt,
        endDate,
        winner: rng.chance(0.5) ? 0 : 1,
        closed: false,
        closedAt: null,
        price,
        anchor: price,
        tick: 10,
        weight,
        baseVolume: Math.round(weight * rng.int(2_000, 40_000) * 100) / 100,
        volume: 0,
        lastTrade: [null, null],
        lastTradeAt: createdAt,
        trades: [],
        holders: [new Map(), new Map()],
        historyT: [Math.floor(createdAt / 1000)],
        historyP: [price / 1000],
        book: null,
        bookHash: '',
        bookUpdatedAt: createdAt,
        liquidity: Math.round(weight * rng.int(500, 5000) * 100) / 100,
      });
      event.markets.push(idx);
    }
  }
  return { markets, events };
}

/** Mixed-case rendering of an address (the shape leaderboard userNames take for unnamed wallets). */
function mixedCase(rng: Rng, address: string): string {
  return '0x' + [...address.slice(2)].map((c) => (rng.chance(0.5) ? c.toUpperCase() : c)).join('');
}

/** Generates wallets: ~2 % elite, heavy-tailed activity and size, profiles for ~85 %. */
export function generateWallets(rng: Rng, opts: GenerateOptions, categoryCount: number): SimWallet[] {
  const wallets: SimWallet[] = [];
  const eliteCount = Math.max(1, Math.round(opts.walletCount * 0.02));
  for (let idx = 0; idx < opts.walletCount; idx++) {
    const elite = idx % Math.floor(opts.walletCount / eliteCount) === 7 % Math.floor(opts.walletCount / eliteCount);
    const address = '0x' + rng.hex(40);
    const createdAt = opts.genesis - rng.int(30, 900) * DAY;
    const hasProfile = elite || rng.chance(0.85);
    const name = handle(rng);
    const wallet: SimWallet = {
      idx,
      address,
      elite,
      // Kinds and skills are planted afterwards from their own stream (plant.ts), so the rest of the world
      // (addresses, names, sizes) stays what it was before the truth existed.
      kind: 'ordinary',
      skill: 0.5,
      skillByCategory: new Float64Array(categoryCount - 1).fill(0.5),
      pseudonym: maybeHostile(rng, pseudonym(rng), opts.hostile),
      profile: null,
      fallbackUserName: `${mixedCase(rng, address)}-${createdAt}`,
      activityWeight: Math.min(rng.pareto(1, 1.3), 300) * (elite ? 4 : 1),
      sizeFactor: Math.min(rng.pareto(1, 1.6), 150) * (elite ? 12 : 1),
      positions: new Map(),
      acts: [],
      vol: new Float64Array(categoryCount),
      realized: new Float64Array(categoryCount),
    };
    if (hasProfile) {
      const named = elite || rng.chance(0.6);
      wallet.profile = {
        name: named ? maybeHostile(rng, name, opts.hostile) : '',
        bio: maybeHostile(rng, bio(rng), opts.hostile),
        xUsername: rng.chance(elite ? 0.7 : 0.25) ? `${name}_x` : '',
        verified: rng.chance(elite ? 0.5 : 0.03),
        profileImage: rng.chance(0.5) ? `https://example.com/avatars/${idx}.png` : '',
        displayUsernamePublic: rng.chance(0.9),
        createdAt,
        userId: String(100_000 + idx * 17),
        takerTier: rng.int(0, 4),
      };
    }
    wallets.push(wallet);
  }
  return wallets;
}
