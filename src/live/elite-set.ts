import type { Logger } from '../lib/log.ts';
import { listEliteWallets } from '../store/metrics/elite.ts';
import type { Grade } from '../store/metrics/grades.ts';
import { lookupNames, nameOf } from '../store/queries/names.ts';
import { readEliteWallets } from '../store/queries/watchlist-candidates.ts';
import type { BoardKey } from '../store/queries/watchlist-candidates.ts';
import type { Store } from '../store/types.ts';

/** Where the elite set came from: the wallet grades (issue 13), or the PnL board while no wallet is graded yet. */
export type EliteBasis = 'grades' | 'leaderboard';

/** One elite wallet; `rank` is its place in the set (best first: shrunk omega for grades, board rank otherwise). */
export interface EliteMember {
  wallet: string;
  name: string;
  rank: number;
}

/** The elite set the live signals attribute fills to. */
export interface EliteSet {
  basis: EliteBasis;
  /** The lowest grade that counts (grades basis), for the status line. */
  minGrade: Grade;
  members: EliteMember[];
}

/** The selection rule's knobs. */
export interface EliteSelectionOptions {
  /** Wallets graded at least this are elite (default 'A': S and A). */
  minGrade: Grade;
  /** Category of the grade ('OVERALL': the grade over every market). */
  gradeCategory: string;
  /** The fallback board and how many of its ranks count. */
  board: BoardKey;
  boardTopN: number;
}

/** The store reads the rule needs (the SQL lives in store/: intel's grades, the board, the names). */
export interface EliteSources {
  gradedWallets(store: Store, o: { minGrade: Grade; category: string }): Promise<string[]>;
  boardWallets(store: Store, board: BoardKey, n: number): Promise<EliteMember[]>;
  names(store: Store, wallets: readonly string[]): Promise<Map<string, string>>;
}

/** The real store functions. */
export const STORE_ELITE_SOURCES: EliteSources = {
  gradedWallets: (store, o) => listEliteWallets(store, { minGrade: o.minGrade, category: o.category }),
  boardWallets: async (store, board, n) =>
    (await readEliteWallets(store, board, n)).map((e) => ({ wallet: e.proxy_wallet.toLowerCase(), name: e.user_name, rank: Number(e.rank) })),
  names: async (store, wallets) => {
    const found = await lookupNames(store, wallets);
    return new Map(wallets.map((w) => [w, nameOf(found, w)]));
  },
};

/**
 * Chooses the elite set: the graded wallets (grade ≥ minGrade) when the store holds any, else the top of the PnL
 * board (a fresh store has no grades; the basis says so in the status line and on every signal). A selection
 * that fails keeps the previous set: a half-read set would drop elites for one refresh and miss their fills.
 */
export class EliteSelector {
  private current: EliteSet | null = null;

  constructor(
    private readonly options: EliteSelectionOptions,
    private readonly logger: Logger,
    private readonly sources: EliteSources = STORE_ELITE_SOURCES,
  ) {}

  /** The set chosen last (null before the first selection completed). */
  get last(): EliteSet | null {
    return this.current;
  }

  /** Reads the set anew; on failure returns the previous one (or rethrows when there is none yet). */
  async select(store: Store): Promise<EliteSet> {
    try {
      this.current = await this.read(store);
    } catch (err) {
      if (!this.current) throw err;
      this.logger.warn('elite set refresh failed; keeping the previous set', { err, basis: this.current.basis, wallets: this.current.members.length });
    }
    return this.current;
  }

  private async read(store: Store): Promise<EliteSet> {
    const { minGrade, gradeCategory, board, boardTopN } = this.options;
    const graded = await this.sources.gradedWallets(store, { minGrade, category: gradeCategory });
    if (graded.length > 0) {
      const names = await this.sources.names(store, graded);
      return { basis: 'grades', minGrade, members: graded.map((wallet, i) => ({ wallet, name: names.get(wallet) ?? '', rank: i + 1 })) };
    }
    return { basis: 'leaderboard', minGrade, members: await this.sources.boardWallets(store, board, boardTopN) };
  }
}

/** The set as the status line says it: "elite: grade ≥ A (12)" or "elite: PnL board top 50 (no grades yet)". */
export function eliteBasisText(set: EliteSet | null, boardTopN: number): string {
  if (!set) return 'elite: not loaded';
  if (set.basis === 'grades') return `elite: grade ≥ ${set.minGrade} (${set.members.length})`;
  return `elite: PnL board top ${boardTopN} (no grades yet)`;
}
