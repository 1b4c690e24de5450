/**
 * The scheduler: croner schedules around job functions. Guarantees (the spec's APScheduler wrappers only
 * logged exceptions):
 *   - runs of one job never overlap (croner `protect`, plus an in-flight guard that also covers manual runs);
 *   - every run gets an AbortSignal, fired on its timeout or on {@link Scheduler.stop};
 *   - every run is recorded in job_runs (a 'running' row at start, the outcome at the end) and read back at
 *     start so ages survive restarts;
 *   - a failed run ('error' | 'timeout') makes the scheduler skip the next N scheduled firings, N = 1, 2, 4, …
 *     capped at `maxBackoffSkips`, reset by a success;
 *   - errors stay inside the run: nothing a job throws reaches the process, other jobs, or the UI.
 */
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { Cron } from 'croner';
import { systemClock, type Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/log.ts';
import { runInScope, type RunScope } from '../lib/run-scope.ts';
import { sanitizeText } from '../lib/sanitize.ts';
import type { JobStatus } from '../lib/status.ts';
import type { Store } from '../store/types.ts';
import { writeJobRun, type JobRunRecord, type RunStatus } from '../store/state/job-runs.ts';
import { readJobHistory, type PersistedJobHistory } from './job-runs.ts';
import type { JobContext, JobCounters, JobDefinition, JobRunResult, SchedulerOptions } from './job.ts';
import { errorMessage } from '../lib/error-message.ts';

export type { JobContext, JobCounters, JobDefinition, JobRunResult, SchedulerOptions } from './job.ts';

class RunAborted extends Error {
  override readonly name = 'RunAborted';
  constructor(readonly kind: 'timeout' | 'aborted', message: string) {
    super(message);
  }
}

interface JobState {
  def: JobDefinition;
  cron: Cron | null;
  inFlight: Promise<JobRunResult> | null;
  /** The job function itself, which may outlive its recorded result if it ignores its signal. */
  body: Promise<unknown> | null;
  controller: AbortController | null;
  lastStartedAt: number | null;
  lastFinishedAt: number | null;
  lastSuccessAt: number | null;
  lastError: string | null;
  lastRows: number;
  lastDurationMs: number | null;
  consecutiveFailures: number;
  skipsRemaining: number;
  /** true once this process ran the job: persisted history no longer overrides it. */
  ranHere: boolean;
}

/** Runs {@link JobDefinition}s on their schedules; see the module comment for the guarantees. */
export class Scheduler {
  private readonly store: Store;
  private readonly logger: Logger;
  private readonly clock: Clock;
  private readonly maxBackoffSkips: number;
  private readonly stopGraceMs: number;
  private readonly maxRejectedFraction: number;
  private readonly jobs = new Map<string, JobState>();
  private readonly listeners = new Set<() => void>();
  private readonly pendingRecords = new Set<Promise<void>>();
  private readonly history: Promise<void>;
  private persisted = new Map<string, PersistedJobHistory>();
  private startup: Promise<void> | null = null;
  private stopped = false;

  constructor(opts: SchedulerOptions) {
    this.store = opts.store;
    this.logger = opts.logger;
    this.clock = opts.clock ?? systemClock;
    this.maxBackoffSkips = opts.maxBackoffSkips ?? 8;
    this.stopGraceMs = opts.stopGraceMs ?? 3000;
    this.maxRejectedFraction = opts.maxRejectedFraction ?? 0.25;
    this.history = readJobHistory(this.store).then(
      (history) => {
        this.persisted = history;
        for (const state of this.jobs.values()) this.applyHistory(state);
        this.notify();
      },
      (err: unknown) => this.logger.warn('job history unavailable', { err }),
    );
  }

  /** Resolves once the history of earlier runs has been read from job_runs (never rejects). */
  ready(): Promise<void> {
    return this.history;
  }

  /** Registers a job. Names are unique; order of registration is the order of {@link runAllOnce}. */
  add(def: JobDefinition): void {
    if (this.jobs.has(def.name)) throw new Error(`job ${def.name} already added`);
    const state: JobState = {
      def,
      cron: null,
      inFlight: null,
      body: null,
      controller: null,
      lastStartedAt: null,
      lastFinishedAt: null,
      lastSuccessAt: null,
      lastError: null,
      lastRows: 0,
      lastDurationMs: null,
      consecutiveFailures: 0,
      skipsRemaining: 0,
      ranHere: false,
    };
    this.jobs.set(def.name, state);
    this.applyHistory(state);
    if (this.startup && !this.stopped) this.schedule(state);
  }

  /**
   * Starts every schedule, then runs the `runAtStart` jobs and every job that is overdue: never succeeded (a fresh
   * store), or whose last success (from job_runs, so it survives restarts) is older than its last scheduled
   * firing. Without this a new user would stare at empty panes until each cron came round, and a restart would
   * silently skip a missed cycle. Each runs on its own lane, at once (issue 12 item 9: one after another, a job
   * held by a slow upstream kept the other four from running); a job waits only for the start runs of its
   * `after` jobs that have never succeeded.
   */
  start(): void {
    if (this.startup || this.stopped) return;
    for (const state of this.jobs.values()) this.schedule(state);
    this.startup = (async () => {
      await this.history;
      const lanes = new Map<string, Promise<unknown>>();
      const due = [...this.jobs.values()].filter((s) => s.def.runAtStart || this.overdue(s));
      for (const state of due) {
        const waitFor = (state.def.after ?? []).flatMap((name) => {
          const lane = lanes.get(name);
          return lane && this.jobs.get(name)?.lastSuccessAt === null ? [lane] : [];
        });
        const lane = Promise.allSettled(waitFor).then(() => (this.stopped ? undefined : this.execute(state, 'start')));
        lanes.set(state.def.name, lane);
      }
      await Promise.allSettled(lanes.values());
    })();
    this.notify();
  }

  /** Resolves when the `runAtStart` runs launched by {@link start} have finished. */
  async started(): Promise<void> {
    await this.startup;
  }

  /**
   * Runs one job now, ignoring backoff. If it is already running, waits for that run and returns its result
   * (runs never overlap).
   */
  async runOnce(name: string): Promise<JobRunResult> {
    const state = this.jobs.get(name);
    if (!state) throw new Error(`unknown job ${name}`);
    await this.history;
    return this.execute(state, 'manual');
  }

  /** Runs every job once, one after another, in registration (= dependency) order. */
  async runAllOnce(): Promise<JobRunResult[]> {
    const results: JobRunResult[] = [];
    for (const name of this.jobs.keys()) {
      if (this.stopped) break;
      results.push(await this.runOnce(name));
    }
    return results;
  }

  /**
   * Runs now, ignoring backoff, every job whose last finished run failed (the `r` key: after the network is back
   * nobody should wait out a backoff of several cycles). One after another in registration (= dependency) order,
   * in the background; returns the names of the jobs it is retrying. A job already running is left to finish.
   */
  retryFailed(): string[] {
    if (this.stopped) return [];
    const failed = [...this.jobs.values()].filter(
      (s) => s.inFlight === null && s.lastFinishedAt !== null && (s.lastSuccessAt === null || s.lastFinishedAt > s.lastSuccessAt),
    );
    void (async () => {
      for (const state of failed) {
        if (this.stopped) return;
        await this.execute(state, 'manual');
      }
    })().catch((err: unknown) => this.logger.error('retry of failed jobs failed', { err }));
    return failed.map((s) => s.def.name);
  }

  /**
   * Stops the schedules, aborts in-flight runs and waits for them (at most `stopGraceMs` for a job that ignores
   * its signal), then for pending job_runs writes.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const state of this.jobs.values()) {
      state.cron?.stop();
      state.cron = null;
      state.controller?.abort(new RunAborted('aborted', 'scheduler stopped'));
    }
    const inFlight = [...this.jobs.values()].flatMap((s) => (s.inFlight ? [s.inFlight] : []));
    const bodies = [...this.jobs.values()].flatMap((s) => (s.body ? [s.body] : []));
    let graceTimer: ReturnType<typeof setTimeout> | undefined;
    const grace = new Promise<void>((resolve) => {
      graceTimer = setTimeout(resolve, this.stopGraceMs);
    });
    await Promise.race([Promise.allSettled([...inFlight, ...bodies]), grace]);
    clearTimeout(graceTimer);
    await Promise.allSettled([...this.pendingRecords]);
    this.notify();
  }

  /** One status per job, in registration order. */
  statuses(): JobStatus[] {
    return [...this.jobs.values()].map((s) => ({
      name: s.def.name,
      schedule: s.def.schedule,
      running: s.inFlight !== null,
      lastStartedAt: s.lastStartedAt,
      lastFinishedAt: s.lastFinishedAt,
      lastSuccessAt: s.lastSuccessAt,
      lastError: s.lastError,
      lastRows: s.lastRows,
      lastDurationMs: s.lastDurationMs,
      nextRunAt: this.nextRunAt(s),
      consecutiveFailures: s.consecutiveFailures,
    }));
  }

  /** Calls `listener` after every state change (run start/end, skip, history loaded). Returns unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** true when the job has never succeeded, or a scheduled firing has passed since its last success. */
  private overdue(state: JobState): boolean {
    if (state.lastSuccessAt === null) return true;
    const due = new Cron(state.def.schedule, { paused: true }).nextRun(new Date(state.lastSuccessAt));
    return due !== null && due.getTime() <= this.clock.now();
  }

  private nextRunAt(state: JobState): number | null {
    if (!state.cron) return null;
    const runs = state.cron.nextRuns(state.skipsRemaining + 1);
    return runs[runs.length - 1]?.getTime() ?? null;
  }

  private schedule(state: JobState): void {
    if (state.cron) return;
    state.cron = new Cron(
      state.def.schedule,
      {
        protect: (job) => this.logger.warn('job still running; firing skipped', { job: state.def.name, at: job.nextRun() }),
        catch: (err) => this.logger.error('scheduler callback failed', { job: state.def.name, err }),
      },
      () => this.fire(state),
    );
  }

  /** A scheduled firing: honours backoff, then runs. Returns the run so croner's `protect` sees it in flight. */
  private async fire(state: JobState): Promise<void> {
    if (this.stopped) return;
    if (state.skipsRemaining > 0) {
      state.skipsRemaining -= 1;
      this.logger.info('job backing off; firing skipped', {
        job: state.def.name,
        consecutiveFailures: state.consecutiveFailures,
        skipsRemaining: state.skipsRemaining,
      });
      this.notify();
      return;
    }
    if (state.inFlight) {
      this.logger.warn('job still running; firing skipped', { job: state.def.name });
      return;
    }
    await this.execute(state, 'schedule');
  }

  private execute(state: JobState, trigger: 'start' | 'schedule' | 'manual'): Promise<JobRunResult> {
    if (state.inFlight) return state.inFlight;
    if (state.body) {
      // The previous run timed out but its function is still going: starting another would overlap it.
      const result = this.refusedResult(state, 'previous run has not released yet (it ignored its abort signal)');
      return Promise.resolve(result);
    }
    const run = this.runJob(state, trigger).finally(() => {
      state.inFlight = null;
      this.notify();
    });
    state.inFlight = run;
    return run;
  }

  private refusedResult(state: JobState, error: string): JobRunResult {
    this.logger.warn('job run refused', { job: state.def.name, error });
    return { name: state.def.name, status: 'error', rows: 0, pages: 0, rejected: 0, error, durationMs: 0 };
  }

  private async runJob(state: JobState, trigger: 'start' | 'schedule' | 'manual'): Promise<JobRunResult> {
    const { def } = state;
    const logger = this.logger.child({ job: def.name });
    const started = this.clock.now();
    const startedMono = performance.now();
    const controller = new AbortController();
    // One run shares its signal with every request it makes (dozens in flight): not a listener leak.
    setMaxListeners(0, controller.signal);
    if (this.stopped) controller.abort(new RunAborted('aborted', 'scheduler stopped'));
    state.controller = controller;
    state.lastStartedAt = started;
    state.ranHere = true;
    const counters: JobCounters = { rows: 0, pages: 0, rejected: 0, received: 0 };
    let partialError: string | null = null;
    const record: JobRunRecord = {
      runId: randomUUID(),
      job: def.name,
      started,
      finished: null,
      status: 'running',
      rows: 0,
      pages: 0,
      rejected: 0,
      error: '',
    };
    this.record(record);
    this.notify();
    logger.info('job started', { trigger });

    const timer = setTimeout(
      () => controller.abort(new RunAborted('timeout', `timed out after ${def.timeoutMs} ms`)),
      def.timeoutMs,
    );
    const ctx: JobContext = {
      signal: controller.signal,
      logger,
      counters,
      setPartialError: (summary) => {
        partialError = summary;
      },
    };
    const rejectSamples: string[] = [];
    const scope: RunScope = {
      name: def.name,
      noteRejected: (_where, _count, samples) => {
        for (const s of samples) if (rejectSamples.length < 3) rejectSamples.push(s);
      },
    };
    const body = runInScope(scope, () => Promise.resolve().then(() => def.run(ctx)));
    state.body = body;
    void body.then(
      () => this.releaseBody(state, body),
      () => this.releaseBody(state, body),
    );
    const aborted = new Promise<never>((_, reject) => {
      if (controller.signal.aborted) reject(controller.signal.reason);
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
    });
    let status: RunStatus = 'ok';
    let error: string | undefined;
    try {
      await Promise.race([body, aborted]);
      if (partialError !== null) error = sanitizeText(partialError);
      const tooManyRejected = this.rejectionFailure(counters, rejectSamples);
      if (tooManyRejected !== null) {
        status = 'error';
        error = tooManyRejected;
      }
    } catch (err) {
      const reason: unknown = controller.signal.aborted ? controller.signal.reason : err;
      if (reason instanceof RunAborted) {
        status = reason.kind;
        error = reason.message;
      } else {
        status = 'error';
        // Where outside text enters the job's status: an HTTP error body or a store message quoting a row.
        error = sanitizeText(errorMessage(err));
      }
    } finally {
      clearTimeout(timer);
      state.controller = null;
    }

    const finished = this.clock.now();
    const result: JobRunResult = {
      name: def.name,
      status,
      rows: counters.rows,
      pages: counters.pages,
      rejected: counters.rejected,
      durationMs: Math.round(performance.now() - startedMono),
      ...(error === undefined ? {} : { error }),
    };
    this.applyResult(state, result, finished);
    this.record({ ...record, finished, status, rows: result.rows, pages: result.pages, rejected: result.rejected, error: error ?? '' });
    // One line per run sums up its rejections (count + the first reasons), never a line per record.
    const fields = {
      status,
      rows: result.rows,
      pages: result.pages,
      rejected: result.rejected,
      durationMs: result.durationMs,
      ...(rejectSamples.length > 0 ? { rejectSamples } : {}),
    };
    if (status === 'ok') logger.info('job finished', error ? { ...fields, partialError: error } : fields);
    else logger.error('job failed', { ...fields, error, skipsNext: state.skipsRemaining });
    return result;
  }

  /** The error of a run that stored something but lost too much to validation, or null (see maxRejectedFraction). */
  private rejectionFailure(counters: JobCounters, samples: readonly string[]): string | null {
    // `received` is counted by fetchComplete; a job that reports rejections without it is not judged here.
    if (counters.rejected === 0 || counters.received === 0) return null;
    const received = Math.max(counters.received, counters.rejected);
    if (counters.rejected < this.maxRejectedFraction * received) return null;
    const pct = Math.round((100 * counters.rejected) / received);
    const why = samples.length > 0 ? `: ${sanitizeText(samples[0])}` : '';
    return `${counters.rejected} of ${received} records rejected by validation (${pct} %, limit ${Math.round(this.maxRejectedFraction * 100)} %)${why}`;
  }

  private releaseBody(state: JobState, body: Promise<unknown>): void {
    if (state.body === body) state.body = null;
  }

  private applyResult(state: JobState, result: JobRunResult, finished: number): void {
    state.lastFinishedAt = finished;
    state.lastRows = result.rows;
    state.lastDurationMs = result.durationMs;
    if (result.status === 'ok') {
      state.lastSuccessAt = finished;
      state.lastError = result.error ?? null;
      state.consecutiveFailures = 0;
      state.skipsRemaining = 0;
    } else if (result.status === 'aborted') {
      state.lastError = result.error ?? 'aborted';
    } else {
      state.lastError = result.error ?? result.status;
      state.consecutiveFailures += 1;
      state.skipsRemaining = Math.min(2 ** (state.consecutiveFailures - 1), this.maxBackoffSkips);
    }
  }

  private applyHistory(state: JobState): void {
    const past = this.persisted.get(state.def.name);
    if (!past || state.ranHere) return;
    state.lastStartedAt = past.lastStartedAt;
    state.lastFinishedAt = past.lastFinishedAt;
    state.lastSuccessAt = past.lastSuccessAt;
    state.lastRows = past.lastRows;
    state.lastDurationMs = past.lastFinishedAt === null ? null : past.lastFinishedAt - past.lastStartedAt;
    state.lastError = past.lastStatus === 'running' ? 'interrupted (process exited during the run)' : sanitizeText(past.lastError) || null;
    state.consecutiveFailures = past.consecutiveFailures;
  }

  /** Writes a job_runs row in the background; a failure is logged, never thrown (the run itself is what matters). */
  private record(run: JobRunRecord): void {
    const write = writeJobRun(this.store, run, this.clock.now()).catch((err: unknown) =>
      this.logger.warn('job run not recorded', { job: run.job, status: run.status, err }),
    );
    this.pendingRecords.add(write);
    void write.finally(() => this.pendingRecords.delete(write));
  }

  private notify(): void {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch (err) {
        this.logger.warn('status listener failed', { err });
      }
    }
  }
}
