/**
 * A job's history as the scheduler restores it at start, read from `job_runs` (the statements are in
 * store/state/job-runs.ts), so the status bar and /health show ages that survive restarts.
 */
import { readLastJobSuccesses, readRecentJobRuns, type RunStatus } from '../store/state/job-runs.ts';
import type { Store } from '../store/types.ts';

export type { JobRunRecord, RunStatus } from '../store/state/job-runs.ts';

/** What the scheduler restores about a job from earlier processes. Times are epoch ms. */
export interface PersistedJobHistory {
  lastStartedAt: number;
  lastFinishedAt: number | null;
  lastStatus: RunStatus | 'running' | 'interrupted';
  lastRows: number;
  lastError: string;
  lastSuccessAt: number | null;
  /** Failed runs ('error' | 'timeout') since the last 'ok', newest first, within the rows read. */
  consecutiveFailures: number;
}

/**
 * Reads each job's recent history. A 'running' row whose process died (kill -9) stays 'running' forever; it is
 * reported as the last start but counts neither as a success nor as a failure.
 */
export async function readJobHistory(store: Store, depth = 20): Promise<Map<string, PersistedJobHistory>> {
  const [recent, lastSuccess] = await Promise.all([readRecentJobRuns(store, depth), readLastJobSuccesses(store)]);
  const history = new Map<string, PersistedJobHistory>();
  const counting = new Set<string>();
  for (const row of recent) {
    const status = row.status;
    const failed = status === 'error' || status === 'timeout';
    if (!history.has(row.job)) {
      history.set(row.job, {
        lastStartedAt: row.started,
        lastFinishedAt: row.finished,
        lastStatus: status,
        lastRows: row.rows,
        lastError: row.error,
        lastSuccessAt: lastSuccess.get(row.job) ?? null,
        consecutiveFailures: 0,
      });
      counting.add(row.job);
    }
    if (!counting.has(row.job)) continue;
    if (status === 'ok') counting.delete(row.job);
    else if (failed) (history.get(row.job) as PersistedJobHistory).consecutiveFailures += 1;
  }
  return history;
}
