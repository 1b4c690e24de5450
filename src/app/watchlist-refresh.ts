import type { Logger } from '../lib/log.ts';
import type { JobStatus } from '../lib/status.ts';

/** Jobs whose rows feed the watchlist (top markets by volume, elite wallets' positions and trades). */
const WATCHLIST_SOURCES = new Set(['market-sync', 'leaderboard-sync', 'position-sync']);

/** The scheduler as this glue sees it: job statuses and a change notification. */
export interface JobStatuses {
  statuses(): JobStatus[];
  subscribe(listener: () => void): () => void;
}

/**
 * The live feed subscribes to the watchlist, which the syncs fill: refreshes it after each successful run of a
 * job that feeds it (one refresh at a time). Returns the unsubscribe function.
 */
export function refreshWatchlistOnSync(jobs: JobStatuses, refreshWatchlist: () => Promise<unknown>, logger: Logger): () => void {
  const seen = new Map(jobs.statuses().map((s) => [s.name, s.lastSuccessAt]));
  let refreshing = false;
  return jobs.subscribe(() => {
    let landed = false;
    for (const s of jobs.statuses()) {
      if (WATCHLIST_SOURCES.has(s.name) && s.lastSuccessAt !== seen.get(s.name)) landed = true;
      seen.set(s.name, s.lastSuccessAt);
    }
    if (!landed || refreshing) return;
    refreshing = true;
    refreshWatchlist()
      .catch((err: unknown) => logger.warn('watchlist refresh after sync failed', { err }))
      .finally(() => (refreshing = false));
  });
}
