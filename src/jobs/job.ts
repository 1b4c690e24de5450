/**
 * The contract between the scheduler and the jobs: what a job is, what it receives while it runs, and what a
 * run reports. Kept apart from the scheduler so a job module depends on these types only.
 */
import type { Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/log.ts';
import type { Store } from '../store/types.ts';
import type { RunStatus } from './job-runs.ts';

/** Counters a job increments while it runs; recorded in job_runs. */
export interface JobCounters {
  /** Rows written (acknowledged or handed to the writer). */
  rows: number;
  /** API pages (requests that returned data) fetched. */
  pages: number;
  /** Records still missing after refetches: dropped by validation in answers that never came back complete. */
  rejected: number;
  /** Records the final answers held (kept + still missing): the base of the run's rejection rate. */
  received: number;
}

/** What a running job receives. */
export interface JobContext {
  /** Aborted on timeout or scheduler stop; pass it to every request and query. */
  signal: AbortSignal;
  logger: Logger;
  counters: JobCounters;
  /**
   * Reports that part of the run failed (e.g. "3/500 wallets failed: …") while the run as a whole succeeded.
   * The run ends 'ok' with this text as its error, shown as the job's last error until a clean run.
   */
  setPartialError(summary: string): void;
}

/** A job: a name, a croner pattern, a timeout and an async function. */
export interface JobDefinition {
  name: string;
  /** croner pattern (5 or 6 fields), e.g. `*\/5 * * * *`. */
  schedule: string;
  timeoutMs: number;
  /** Run once when the scheduler starts (before waiting for the first firing). */
  runAtStart: boolean;
  /**
   * Jobs whose output this one needs. At start, it waits for their start runs only while they have never
   * succeeded (a fresh store: position-sync has no wallets before leaderboard-sync); otherwise every due job
   * runs at once on its own lane, so one slow job does not hold the others back.
   */
  after?: readonly string[];
  run(ctx: JobContext): Promise<void>;
}

/** The outcome of one run. */
export interface JobRunResult {
  name: string;
  status: RunStatus;
  rows: number;
  pages: number;
  rejected: number;
  error?: string;
  durationMs: number;
}

/** Scheduler options. */
export interface SchedulerOptions {
  store: Store;
  logger: Logger;
  clock?: Clock;
  /** Cap of the number of scheduled firings skipped after consecutive failures (default 8). */
  maxBackoffSkips?: number;
  /** How long {@link Scheduler.stop} waits for aborted runs to settle (default 3000 ms). */
  stopGraceMs?: number;
  /**
   * A run whose final answers miss at least this fraction of their records (rejected / received) ends 'error'
   * with the reason, however many rows it stored (default 0.25): an upstream field rename must not show ✓.
   */
  maxRejectedFraction?: number;
}
