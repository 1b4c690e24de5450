/**
 * Which tracked wallets come first when a run cannot take them all (position-sync takes `trackedWalletMax`,
 * the profile enricher `profileBatchSize`): leaderboard wallets by their best rank on any board (ties: more
 * boards first), then holder-only wallets by their largest holding, then the rest; the wallet address breaks
 * remaining ties so the order is stable from run to run.
 */
import type { Store } from '../store/types.ts';
import type { TrackedWallet } from './sync-state.ts';

interface RankRow {
  proxy_wallet: string;
  best_rank: string | number;
  boards: string | number;
}

interface HoldingRow {
  proxy_wallet: string;
  amount: number;
}

/** Orders `tracked` by priority (see the module comment). */
export async function prioritiseWallets(
  store: Store,
  tracked: Iterable<TrackedWallet>,
  signal?: AbortSignal,
): Promise<string[]> {
  const [ranks, holdings] = await Promise.all([
    store.query<RankRow>(
      `SELECT proxy_wallet, min(rank) AS best_rank, count() AS boards FROM trader_rankings FINAL GROUP BY proxy_wallet`,
      {},
      signal,
    ),
    store.query<HoldingRow>(`SELECT proxy_wallet, max(amount) AS amount FROM market_holders FINAL GROUP BY proxy_wallet`, {}, signal),
  ]);
  const rankOf = new Map(ranks.map((r) => [r.proxy_wallet, { rank: Number(r.best_rank), boards: Number(r.boards) }]));
  const holdingOf = new Map(holdings.map((h) => [h.proxy_wallet, Number(h.amount)]));
  const keyed = [...tracked].map(({ wallet }) => {
    const ranked = rankOf.get(wallet);
    const holding = holdingOf.get(wallet);
    return {
      wallet,
      tier: ranked ? 0 : holding !== undefined ? 1 : 2,
      rank: ranked?.rank ?? 0,
      boards: ranked?.boards ?? 0,
      holding: holding ?? 0,
    };
  });
  keyed.sort(
    (a, b) =>
      a.tier - b.tier ||
      a.rank - b.rank ||
      b.boards - a.boards ||
      b.holding - a.holding ||
      (a.wallet < b.wallet ? -1 : a.wallet > b.wallet ? 1 : 0),
  );
  return keyed.map((k) => k.wallet);
}
