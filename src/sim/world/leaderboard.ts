/**
 * Leaderboards computed from the world's own activity, so they agree with /activity by construction:
 * ALL-period `vol` is the sum of the wallet's TRADE usdcSize; `pnl` is realized PnL (sells, redeems) plus, for
 * ALL, the unrealized PnL of open positions at mid. DAY/WEEK/MONTH count rows inside the trailing window.
 */
import type { Engine } from './engine.ts';
import { addAt } from './math.ts';
import { MARKET_CATEGORIES } from './names.ts';
import type { SimWallet } from './types.ts';

/**
 * Leaderboard categories in the API's order (POLYMARKET_API.md §1.1), and ESPORTS, seen in live traffic though not
 * in the documented enum. The world has no esports markets, so its ESPORTS boards are empty (but answered).
 */
export const LEADERBOARD_CATEGORIES = ['OVERALL', ...MARKET_CATEGORIES, 'ESPORTS'] as const;
/** Leaderboard periods. */
export const LEADERBOARD_PERIODS = ['DAY', 'WEEK', 'MONTH', 'ALL'] as const;
/** Leaderboard orderings. */
export const LEADERBOARD_ORDERS = ['PNL', 'VOL'] as const;

export type LeaderboardCategory = (typeof LEADERBOARD_CATEGORIES)[number];
export type LeaderboardPeriod = (typeof LEADERBOARD_PERIODS)[number];
export type LeaderboardOrder = (typeof LEADERBOARD_ORDERS)[number];

/** One wire row of /v1/leaderboard. */
export interface LeaderboardRow {
  rank: string;
  proxyWallet: string;
  userName: string;
  xUsername: string;
  verifiedBadge: boolean;
  vol: number;
  pnl: number;
  profileImage: string;
}

const WINDOW_MS: Record<LeaderboardPeriod, number> = {
  DAY: 86_400_000, WEEK: 7 * 86_400_000, MONTH: 30 * 86_400_000, ALL: Infinity,
};

interface PeriodStats {
  vol: Float64Array[];
  pnl: Float64Array[];
}

const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;

/** Caches boards per (period, category, order), recomputed when the world version moved and the cache is stale. */
export class Leaderboards {
  private stats = new Map<LeaderboardPeriod, { version: number; at: number; stats: PeriodStats }>();
  private boards = new Map<string, { version: number; rows: LeaderboardRow[] }>();

  /** @param maxStaleMs wall-clock ms a board may lag the world (0 = always exact). */
  constructor(private readonly engine: Engine, private readonly maxStaleMs: number) {}

  private periodStats(period: LeaderboardPeriod): { version: number; stats: PeriodStats } {
    const e = this.engine;
    const cached = this.stats.get(period);
    const wall = performance.now();
    if (cached && (cached.version === e.version || wall - cached.at < this.maxStaleMs)) return cached;
    const n = e.wallets.length;
    const vol = LEADERBOARD_CATEGORIES.map(() => new Float64Array(n));
    const pnl = LEADERBOARD_CATEGORIES.map(() => new Float64Array(n));
    if (period === 'ALL') {
      for (const w of e.wallets) {
        for (let c = 0; c < LEADERBOARD_CATEGORIES.length; c++) {
          // A wallet keeps totals per market category (+ OVERALL); categories without markets have none.
          vol[c]![w.idx] = w.vol[c] ?? 0;
          pnl[c]![w.idx] = w.realized[c] ?? 0;
        }
        for (const pos of w.positions.values()) {
          if (pos.size <= 0) continue;
          const m = e.markets[pos.marketIdx]!;
          const mid = (pos.outcomeIndex === 0 ? m.price : 1000 - m.price) / 1000;
          const u = pos.size * mid - pos.cost;
          const c = MARKET_CATEGORIES.indexOf(m.category) + 1;
          addAt(pnl[0]!, w.idx, u);
          addAt(pnl[c]!, w.idx, u);
        }
      }
    } else {
      const from = e.now - WINDOW_MS[period];
      for (let i = e.acts.length - 1; i >= 0; i--) {
        const a = e.acts[i]!;
        if (a.ts < from) break;
        const c = MARKET_CATEGORIES.indexOf(e.markets[a.marketIdx]!.category) + 1;
        if (a.type === 'TRADE') {
          addAt(vol[0]!, a.walletIdx, a.usdc);
          addAt(vol[c]!, a.walletIdx, a.usdc);
        }
        addAt(pnl[0]!, a.walletIdx, a.pnl);
        addAt(pnl[c]!, a.walletIdx, a.pnl);
      }
    }
    const fresh = { version: e.version, at: wall, stats: { vol, pnl } };
    this.stats.set(period, fresh);
    return fresh;
  }

  /** The full ranked board (every wallet with activity in the period), wire shape. */
  board(category: LeaderboardCategory, period: LeaderboardPeriod, order: LeaderboardOrder): LeaderboardRow[] {
    const key = `${category}|${period}|${order}`;
    const { version, stats } = this.periodStats(period);
    const cached = this.boards.get(key);
    if (cached && cached.version === version) return cached.rows;
    const c = LEADERBOARD_CATEGORIES.indexOf(category);
    const vol = stats.vol[c]!;
    const pnl = stats.pnl[c]!;
    const ids: number[] = [];
    for (let i = 0; i < vol.length; i++) if (vol[i]! > 0 || Math.abs(pnl[i]!) > 1e-9) ids.push(i);
    const metric = order === 'VOL' ? vol : pnl;
    ids.sort((a, b) => metric[b]! - metric[a]! || a - b);
    const rows = ids.map((i, k) => this.row(this.engine.wallets[i]!, k + 1, vol[i]!, pnl[i]!));
    this.boards.set(key, { version, rows });
    return rows;
  }

  private row(w: SimWallet, rank: number, vol: number, pnl: number): LeaderboardRow {
    return {
      rank: String(rank),
      proxyWallet: w.address,
      userName: w.profile?.name || w.fallbackUserName,
      xUsername: w.profile?.xUsername ?? '',
      verifiedBadge: w.profile?.verified ?? false,
      vol: round(vol, 6),
      pnl: round(pnl, 6),
      profileImage: w.profile?.profileImage ?? '',
    };
  }
}
