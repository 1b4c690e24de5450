import type { Store } from '../types.ts';
import { gradesAtLeast, type Grade } from './grades.ts';

/** Options of {@link listEliteWallets}. */
export interface EliteOptions {
  /** Lowest grade that counts as elite (default 'A': S and A). */
  minGrade?: Grade;
  /** Category of the grade ('OVERALL' by default: the grade over every market). */
  category?: string;
  signal?: AbortSignal;
}

/**
 * The elite set of the live signals (issue 13): wallets whose current grade is at least `minGrade`, best omega
 * first, addresses lower-case. Wallets below the minimum sample have no grade and are never elite.
 */
export async function listEliteWallets(store: Store, options: EliteOptions = {}): Promise<string[]> {
  const rows = await store.query<{ wallet: string }>(
    `SELECT proxy_wallet AS wallet
     FROM wallet_scores FINAL
     WHERE category = {category:String} AND grade IN {grades:Array(String)}
     ORDER BY omega_shrunk DESC, proxy_wallet`,
    { category: options.category ?? 'OVERALL', grades: gradesAtLeast(options.minGrade ?? 'A') },
    options.signal,
  );
  return rows.map((r) => r.wallet.toLowerCase());
}
