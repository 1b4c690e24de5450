/**
 * Plants the hidden truth: every wallet's kind and skill (probability that a BUY backs the eventual winner, per
 * category), and the insiders' bets. Draws come from a stream of their own, so the rest of the world (addresses,
 * names, markets, the trade sequence) is what it was before the truth existed; only the side each BUY takes
 * follows the planted skill.
 *
 * The distribution, chosen so that a metric that finds the skilled wallets has to earn it (README "Simulator"):
 * - ordinary (~92 %): skill 0.5 + N(0, 0.025), so ~95 % of them lie in [0.45, 0.55];
 * - skilled: the elite (~2 %, big size, bursts) at U(0.64, 0.80), and a thin tail (~3 %) at U(0.56, 0.66), each
 *   with a specialty category 0.08 higher;
 * - market makers (~1 %): 0.52, many small trades on both sides of many markets;
 * - lucky whales (~1 %): exactly 0.5, 150–400× the usual size, 8–16× the activity (the lucky ones top the PnL board);
 * - insiders (~0.5 %, at least 3): no random trading at all; one large BUY ($3k–40k, smaller on long odds so the
 *   profit stays $8k–25k) of the winner on a niche (low-weight) market 1–48 h before it resolves, from a wallet
 *   created days before.
 */
import type { Rng } from '../rng.ts';
import type { SimMarket, SimWallet, WalletKind } from './types.ts';
import { MARKET_CATEGORIES } from './names.ts';

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** A planted insider bet, executed by the engine at `at`. */
export interface PlantedBet {
  at: number;
  walletIdx: number;
  marketIdx: number;
  outcome: 0 | 1;
  usd: number;
  /** The stake shrinks on long odds so the payout stays near this, USDC. */
  maxProfit: number;
}

/** Shares of the population per planted kind (ordinary takes the rest, elite wallets are skilled). */
export const KIND_SHARES = { skilledTail: 0.03, marketMaker: 0.01, luckyWhale: 0.01, insider: 0.005 } as const;

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

function setSkill(w: SimWallet, kind: WalletKind, skill: number, rng: Rng, jitter: number, specialty: number): void {
  w.kind = kind;
  w.skill = skill;
  const special = specialty > 0 ? rng.int(0, MARKET_CATEGORIES.length - 1) : -1;
  for (let c = 0; c < w.skillByCategory.length; c++) {
    const s = skill + jitter * rng.normal() + (c === special ? specialty : 0);
    w.skillByCategory[c] = clamp(s, 0.3, 0.9);
  }
}

/** Fisher–Yates shuffle of a copy. */
function shuffled(rng: Rng, items: number[]): number[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Assigns kinds and skills to `wallets` (in place; insiders also lose their random activity and get a fresh
 * profile date) and returns the insiders' bets, ascending in time.
 */
export function plantTruth(
  rng: Rng, wallets: SimWallet[], markets: SimMarket[], window: { genesis: number; startTime: number },
): PlantedBet[] {
  const n = wallets.length;
  for (const w of wallets) {
    if (w.elite) setSkill(w, 'skilled', 0.64 + 0.16 * rng.next(), rng, 0.02, 0.08);
    else setSkill(w, 'ordinary', clamp(0.5 + 0.025 * rng.normal(), 0.35, 0.65), rng, 0.01, 0);
  }
  const pool = shuffled(rng, wallets.filter((w) => !w.elite).map((w) => w.idx));
  const take = (share: number, min: number): number[] => pool.splice(0, Math.min(pool.length, Math.max(min, Math.round(n * share))));

  // Niche markets that resolve inside the history or early in the live phase: the insiders' targets.
  const earliest = window.genesis + 2 * DAY;
  const latest = window.startTime + 6 * HOUR;
  const candidates = markets
    .filter((m) => m.endDate >= earliest && m.endDate <= latest && m.endDate - Math.max(m.createdAt, window.genesis) > 2 * HOUR)
    .sort((a, b) => a.weight - b.weight || a.idx - b.idx);
  const niche = candidates.slice(0, Math.max(1, Math.ceil(candidates.length / 2)));
  const insiders = niche.length ? take(KIND_SHARES.insider, 3) : [];
  const bets: PlantedBet[] = [];
  const targets = shuffled(rng, niche.map((m) => m.idx));
  insiders.forEach((walletIdx, k) => {
    const w = wallets[walletIdx]!;
    const m = markets[targets[k % targets.length]!]!;
    const open = Math.max(m.createdAt, window.genesis);
    const at = Math.max(open + HOUR, m.endDate - rng.int(HOUR, 48 * HOUR));
    setSkill(w, 'insider', 1, rng, 0, 0);
    w.skillByCategory.fill(1);
    w.activityWeight = 0;
    if (w.profile) w.profile.createdAt = at - rng.int(12 * HOUR, 5 * DAY);
    bets.push({ at, walletIdx, marketIdx: m.idx, outcome: m.winner, usd: rng.int(8_000, 40_000), maxProfit: rng.int(8_000, 25_000) });
  });
  for (const idx of take(KIND_SHARES.marketMaker, 2)) {
    const w = wallets[idx]!;
    setSkill(w, 'market_maker', 0.52, rng, 0.003, 0);
    w.activityWeight = 30 + 30 * rng.next();
    w.sizeFactor = 0.3 + 0.7 * rng.next();
  }
  for (const idx of take(KIND_SHARES.luckyWhale, 2)) {
    const w = wallets[idx]!;
    setSkill(w, 'lucky_whale', 0.5, rng, 0, 0);
    w.activityWeight = 8 + 8 * rng.next();
    w.sizeFactor = 150 + 250 * rng.next();
  }
  for (const idx of take(KIND_SHARES.skilledTail, 1)) setSkill(wallets[idx]!, 'skilled', 0.56 + 0.1 * rng.next(), rng, 0.02, 0.08);
  return bets.sort((a, b) => a.at - b.at || a.walletIdx - b.walletIdx);
}
