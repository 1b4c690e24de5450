/**
 * Persistence of job runs in `job_runs` (schema/004_state.sql): one row when a run starts (status 'running',
 * finished NULL) and a newer version of the same row when it ends. Reading the table back at start lets the
 * status bar and /health show ages that survive restarts.
 */
import { chTime } from '../store/client.ts';
import type { Store } from '../store/types.ts';

/** Final states of a run, as the scheduler reports them. */
export type RunStatus = 'ok' | 'error' | 'timeout' | 'aborted';

/** One row of job_runs as written. Times are epoch ms. */
export interface JobRunRecord {
  runId: string;
  job: string;
  started: number;
  finished: number | null;
  status: RunStatus | 'running' | 'interrupted';
  rows: number;
  pages: number;
  rejected: number;
  error: string;
}

/** What the scheduler restores about a job from earlier processes. Times are epoch ms. */
export interface PersistedJobHistory {
  lastStartedAt: number;
  lastFinishedAt: number | null;
  /** 'interrupted': closed at a later start (store/recovery.ts) because its process died during the run. */
  lastStatus: RunStatus | 'running' | 'interrupted';
  lastRows: number;
  lastError: string;
  lastSuccessAt: number | null;
  /** Failed runs ('error' | 'timeout') since the last 'ok', newest first, within the rows read. */
  consecutiveFailures: number;
}

let lastVersion = 0;

/**
 * A strictly increasing version for the ReplacingMergeTree: microsecond-ish wall time, bumped when two writes
 * share a millisecond, so the end row of a run always replaces its start row.
 */
function nextVersion(nowMs: number): number {
  lastVersion = Math.max(lastVersion + 1, Math.floor(nowMs) * 1000);
  return lastVersion;
}

/** Inserts (or supersedes) one run row. Direct insert: the row is readable when this resolves. */
export async function writeJobRun(store: Store, run: JobRunRecord, nowMs: number): Promise<void> {
  await store.insert('job_runs', [
    {
      run_id: run.runId,
      job: run.job,
      started: chTime(run.started),
      finished: run.finished === null ? null : chTime(run.finished),
      status: run.status,
      rows: run.rows,
      pages: run.pages,
      rejected: run.rejected,
      error: run.error.slice(0, 2000),
      version: nextVersion(nowMs),
    },
  ]);
}

interface RecentRunRow {
  job: string;
  started: string | number;
  finished: string | number | null;
  status: string;
  rows: string | number;
  error: string;
}

interface SuccessRow {
  job: string;
  last_success: string | number | null;
}

const RECENT_RUNS = `
  SELECT job, toUnixTimestamp64Milli(started) AS started, toUnixTimestamp64Milli(finished) AS finished,
         toString(status) AS status, rows, error
  FROM job_runs FINAL
  ORDER BY job, started DESC
  LIMIT {depth:UInt32} BY job`;

const LAST_SUCCESS = `
  SELECT job, toUnixTimestamp64Milli(maxIf(finished, status = 'ok')) AS last_success
  FROM job_runs FINAL
  GROUP BY job`;

/**
 * Reads each job's recent history. A 'running' row whose process died (kill -9) stays 'running' forever; it is
 * reported as the last start but counts neither as a success nor as a failure.
 */
export async function readJobHistory(store: Store, depth = 20): Promise<Map<string, PersistedJobHistory>> {
  const [recent, successes] = await Promise.all([
    store.query<RecentRunRow>(RECENT_RUNS, { depth }),
    store.query<SuccessRow>(LAST_SUCCESS),
  ]);
  const lastSuccess = new Map<string, number | null>();
  for (const row of successes) {
    const at = row.last_success === null ? null : Number(row.last_success);
    lastSuccess.set(row.job, at !== null && at > 0 ? at : null);
  }
  const history = new Map<string, PersistedJobHistory>();
  const counting = new Set<string>();
  for (const row of recent) {
    const status = row.status as PersistedJobHistory['lastStatus'];
    const failed = status === 'error' || status === 'timeout';
    if (!history.has(row.job)) {
      history.set(row.job, {
        lastStartedAt: Number(row.started),
        lastFinishedAt: row.finished === null ? null : Number(row.finished),
        lastStatus: status,
        lastRows: Number(row.rows),
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
