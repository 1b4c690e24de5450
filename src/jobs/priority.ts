/**
 * Which tracked wallets come first when a run cannot take them all (position-sync takes `trackedWalletMax`,
 * the profile enricher `profileBatchSize`): leaderboard wallets by their best rank on any board (ties: more
 * boards first), then holder-only wallets by their largest holding, then the rest; the wallet address breaks
 * remaining ties so the order is stable from run to run.
 */
import { readLargestHoldings, readWalletRankings } from '../store/queries/wallet-priority.ts';
import type { Store } from '../store/types.ts';
import type { TrackedWallet } from './sync-state.ts';

/** Orders `tracked` by priority (see the module comment). */
export async function prioritiseWallets(
  store: Store,
  tracked: Iterable<TrackedWallet>,
  signal?: AbortSignal,
): Promise<string[]> {
  const [rankOf, holdingOf] = await Promise.all([readWalletRankings(store, signal), readLargestHoldings(store, signal)]);
  const keyed = [...tracked].map(({ wallet }) => {
    const ranked = rankOf.get(wallet);
    const holding = holdingOf.get(wallet);
    return {
      wallet,
      tier: ranked ? 0 : holding !== undefined ? 1 : 2,
      rank: ranked?.bestRank ?? 0,
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
