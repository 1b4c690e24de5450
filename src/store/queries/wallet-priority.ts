/**
 * What decides which tracked wallets a sync run takes first (the order itself is `jobs/priority.ts`): each
 * wallet's best rank on any leaderboard and its largest holding in any market.
 */
import type { Store } from '../types.ts';

/** A wallet's best (lowest) rank over every stored board, and on how many boards it appears. */
export interface WalletRanking {
  bestRank: number;
  boards: number;
}

/** Every ranked wallet's best rank and board count, by wallet. */
export async function readWalletRankings(store: Store, signal?: AbortSignal): Promise<Map<string, WalletRanking>> {
  const rows = await store.query<{ proxy_wallet: string; best_rank: string | number; boards: string | number }>(
    `SELECT proxy_wallet, min(rank) AS best_rank, count() AS boards FROM trader_rankings FINAL GROUP BY proxy_wallet`,
    {},
    signal,
  );
  return new Map(rows.map((r) => [r.proxy_wallet, { bestRank: Number(r.best_rank), boards: Number(r.boards) }]));
}

/** Every holder's largest holding (shares) in any stored market, by wallet. */
export async function readLargestHoldings(store: Store, signal?: AbortSignal): Promise<Map<string, number>> {
  const rows = await store.query<{ proxy_wallet: string; amount: number }>(
    `SELECT proxy_wallet, max(amount) AS amount FROM market_holders FINAL GROUP BY proxy_wallet`,
    {},
    signal,
  );
  return new Map(rows.map((h) => [h.proxy_wallet, Number(h.amount)]));
}
