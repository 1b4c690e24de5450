/**
 * The statements on `job_runs` (schema/004_state.sql): one row when a run starts (status 'running', finished
 * NULL) and a newer version of the same row when it ends. How a job's history is read from these rows
 * (consecutive failures, a 'running' row left by a killed process) is the scheduler's rule: `jobs/job-runs.ts`.
 */
import { chTime } from '../time.ts';
import type { Store } from '../types.ts';

/** Final states of a run, as the scheduler reports them. */
export type RunStatus = 'ok' | 'error' | 'timeout' | 'aborted';

/** One row of job_runs as written. Times are epoch ms. */
export interface JobRunRecord {
  runId: string;
  job: string;
  started: number;
  finished: number | null;
  status: RunStatus | 'running';
  rows: number;
  pages: number;
  rejected: number;
  error: string;
}

/** One run as read back, newest first per job. Times are epoch ms. */
export interface StoredJobRun {
  job: string;
  started: number;
  finished: number | null;
  /** 'interrupted': closed at a later start (store/recovery.ts) because its process died during the run. */
  status: RunStatus | 'running' | 'interrupted';
  rows: number;
  error: string;
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

/** The newest `depth` runs of every job, per job newest first. */
export async function readRecentJobRuns(store: Store, depth: number): Promise<StoredJobRun[]> {
  const rows = await store.query<RecentRunRow>(
    `SELECT job, toUnixTimestamp64Milli(started) AS started, toUnixTimestamp64Milli(finished) AS finished,
            toString(status) AS status, rows, error
     FROM job_runs FINAL
     ORDER BY job, started DESC
     LIMIT {depth:UInt32} BY job`,
    { depth },
  );
  return rows.map((r) => ({
    job: r.job,
    started: Number(r.started),
    finished: r.finished === null ? null : Number(r.finished),
    status: r.status as StoredJobRun['status'],
    rows: Number(r.rows),
    error: r.error,
  }));
}

/** Each job's last successful finish, epoch ms (null when it never succeeded), over all its stored runs. */
export async function readLastJobSuccesses(store: Store): Promise<Map<string, number | null>> {
  const rows = await store.query<{ job: string; last_success: string | number | null }>(
    `SELECT job, toUnixTimestamp64Milli(maxIf(finished, status = 'ok')) AS last_success
     FROM job_runs FINAL
     GROUP BY job`,
  );
  const out = new Map<string, number | null>();
  for (const row of rows) {
    const at = row.last_success === null ? null : Number(row.last_success);
    out.set(row.job, at !== null && at > 0 ? at : null);
  }
  return out;
}
