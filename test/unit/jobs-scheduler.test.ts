import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryLogger, silentLogger } from '../../src/lib/log.ts';
import { Scheduler, type JobContext, type JobDefinition } from '../../src/jobs/scheduler.ts';
import { fakeStore } from '../helpers/fake-store.ts';

function job(name: string, run: (ctx: JobContext) => Promise<void>, extra: Partial<JobDefinition> = {}): JobDefinition {
  return { name, schedule: '0 0 1 1 *', timeoutMs: 10_000, runAtStart: false, run, ...extra };
}

/** A promise with its resolve exposed. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Resolves when the signal aborts. */
function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
}

let scheduler: Scheduler | undefined;
afterEach(async () => {
  await scheduler?.stop();
  scheduler = undefined;
  vi.useRealTimers();
});

describe('Scheduler', () => {
  it('records a run in job_runs: a running row, then the outcome with counters', async () => {
    const store = fakeStore();
    scheduler = new Scheduler({ store, logger: silentLogger });
    scheduler.add(
      job('a', async (ctx) => {
        ctx.counters.rows += 7;
        ctx.counters.pages += 2;
        ctx.counters.rejected += 1;
      }),
    );
    const result = await scheduler.runOnce('a');
    expect(result).toMatchObject({ name: 'a', status: 'ok', rows: 7, pages: 2, rejected: 1 });
    await scheduler.stop();
    const runs = store.inserted.filter((i) => i.table === 'job_runs').map((i) => i.row);
    expect(runs).toHaveLength(2);
    expect(runs[0]).toMatchObject({ job: 'a', status: 'running', finished: null, rows: 0 });
    expect(runs[1]).toMatchObject({ job: 'a', status: 'ok', rows: 7, pages: 2, rejected: 1, error: '' });
    expect(runs[1]?.run_id).toBe(runs[0]?.run_id);
    expect(Number(runs[1]?.version)).toBeGreaterThan(Number(runs[0]?.version));
    const [status] = scheduler.statuses();
    expect(status).toMatchObject({ name: 'a', running: false, lastRows: 7, lastError: null, consecutiveFailures: 0 });
    expect(status?.lastSuccessAt).not.toBeNull();
  });

  it('contains errors: a throwing job ends as error, the next job still runs, nothing escapes', async () => {
    const store = fakeStore();
    const logger = memoryLogger();
    scheduler = new Scheduler({ store, logger });
    scheduler.add(job('boom', async () => Promise.reject(new Error('host unreachable'))));
    scheduler.add(job('sync-throw', () => {
      throw new TypeError('not even async');
    }));
    let ran = false;
    scheduler.add(job('fine', async () => void (ran = true)));
    const results = await scheduler.runAllOnce();
    expect(results.map((r) => [r.name, r.status, r.error])).toEqual([
      ['boom', 'error', 'host unreachable'],
      ['sync-throw', 'error', 'not even async'],
      ['fine', 'ok', undefined],
    ]);
    expect(ran).toBe(true);
    expect(scheduler.statuses().map((s) => s.lastError)).toEqual(['host unreachable', 'not even async', null]);
    expect(logger.lines.some((l) => l.msg === 'job failed' && l.job === 'boom')).toBe(true);
  });

  it('a partial error keeps the run ok and shows the summary until a clean run', async () => {
    scheduler = new Scheduler({ store: fakeStore(), logger: silentLogger });
    let partial = true;
    scheduler.add(job('p', async (ctx) => (partial ? ctx.setPartialError('2/10 wallets failed') : undefined)));
    expect(await scheduler.runOnce('p')).toMatchObject({ status: 'ok', error: '2/10 wallets failed' });
    expect(scheduler.statuses()[0]).toMatchObject({ lastError: '2/10 wallets failed', consecutiveFailures: 0 });
    partial = false;
    await scheduler.runOnce('p');
    expect(scheduler.statuses()[0]?.lastError).toBeNull();
  });

  it('aborts a run at its timeout and reports timeout', async () => {
    scheduler = new Scheduler({ store: fakeStore(), logger: silentLogger });
    let sawAbort = false;
    scheduler.add(
      job(
        'slow',
        async (ctx) => {
          await untilAborted(ctx.signal).catch(() => (sawAbort = true));
        },
        { timeoutMs: 30 },
      ),
    );
    const result = await scheduler.runOnce('slow');
    expect(result.status).toBe('timeout');
    expect(result.error).toBe('timed out after 30 ms');
    expect(sawAbort).toBe(true);
    expect(scheduler.statuses()[0]).toMatchObject({ consecutiveFailures: 1, lastError: 'timed out after 30 ms' });
  });

  it('a job ignoring its signal still ends at the timeout, and cannot be started again until it returns', async () => {
    scheduler = new Scheduler({ store: fakeStore(), logger: silentLogger });
    const gate = deferred();
    let starts = 0;
    scheduler.add(
      job(
        'stubborn',
        async () => {
          starts += 1;
          await gate.promise;
        },
        { timeoutMs: 20 },
      ),
    );
    expect((await scheduler.runOnce('stubborn')).status).toBe('timeout');
    const refused = await scheduler.runOnce('stubborn');
    expect(refused.status).toBe('error');
    expect(refused.error).toMatch(/has not released/);
    expect(starts).toBe(1);
    gate.resolve();
    await vi.waitFor(async () => expect((await scheduler!.runOnce('stubborn')).status).toBe('ok'));
    expect(starts).toBe(2);
  });

  it('never overlaps: a second runOnce while running returns the same run', async () => {
    scheduler = new Scheduler({ store: fakeStore(), logger: silentLogger });
    const gate = deferred();
    let starts = 0;
    scheduler.add(
      job('once', async (ctx) => {
        starts += 1;
        ctx.counters.rows = 1;
        await gate.promise;
      }),
    );
    const first = scheduler.runOnce('once');
    const second = scheduler.runOnce('once');
    await vi.waitFor(() => expect(scheduler!.statuses()[0]?.running).toBe(true));
    gate.resolve();
    expect(await first).toEqual(await second);
    expect(starts).toBe(1);
  });

  it('stop() aborts in-flight runs and waits for them', async () => {
    const store = fakeStore();
    scheduler = new Scheduler({ store, logger: silentLogger });
    scheduler.add(job('long', async (ctx) => untilAborted(ctx.signal)));
    const run = scheduler.runOnce('long');
    await vi.waitFor(() => expect(scheduler!.statuses()[0]?.running).toBe(true));
    await scheduler.stop();
    expect(await run).toMatchObject({ status: 'aborted', error: 'scheduler stopped' });
    expect(store.inserted.filter((i) => i.table === 'job_runs').map((i) => i.row.status)).toEqual(['running', 'aborted']);
    expect(scheduler.statuses()[0]?.consecutiveFailures).toBe(0);
  });

  describe('on a schedule (fake timers)', () => {
    it('skips firings while a run is still going (protect)', async () => {
      vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00.500Z') });
      scheduler = new Scheduler({ store: fakeStore(), logger: silentLogger });
      const gate = deferred();
      let starts = 0;
      scheduler.add(
        job(
          'every-second',
          async () => {
            starts += 1;
            await gate.promise;
          },
          { schedule: '* * * * * *', timeoutMs: 60_000 },
        ),
      );
      await scheduler.ready();
      scheduler.start();
      await vi.advanceTimersByTimeAsync(5_000);
      expect(starts).toBe(1);
      gate.resolve();
      await vi.advanceTimersByTimeAsync(1_000);
      expect(starts).toBe(2);
    });

    it('backs off after repeated failures: skips 1, 2, 4 firings, and resets on success', async () => {
      vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00.500Z') });
      // It succeeded in a previous process just now, so it is not overdue at start: only the schedule runs it.
      const store = fakeStore({ flaky: Date.parse('2026-01-01T00:00:00.400Z') });
      scheduler = new Scheduler({ store, logger: silentLogger, maxBackoffSkips: 4 });
      const runsAt: number[] = [];
      let failing = true;
      scheduler.add(
        job(
          'flaky',
          async () => {
            runsAt.push(Math.floor((Date.now() - Date.parse('2026-01-01T00:00:00Z')) / 1000));
            if (failing) throw new Error('429 storm');
          },
          { schedule: '* * * * * *' },
        ),
      );
      await scheduler.ready();
      scheduler.start();
      // Firings at 1,2,3,…: run 1 fails (skip 1), run 3 fails (skip 2), run 6 fails (skip 4), run 11 fails (skip 4, capped).
      await vi.advanceTimersByTimeAsync(11_100);
      expect(runsAt).toEqual([1, 3, 6, 11]);
      expect(scheduler.statuses()[0]).toMatchObject({ consecutiveFailures: 4, lastError: '429 storm' });
      expect(scheduler.statuses()[0]?.nextRunAt).toBe(Date.parse('2026-01-01T00:00:16Z'));
      failing = false;
      await vi.advanceTimersByTimeAsync(7_000);
      // 12–15 skipped, 16 succeeds, 17 and 18 run normally again.
      expect(runsAt).toEqual([1, 3, 6, 11, 16, 17, 18]);
      expect(scheduler.statuses()[0]).toMatchObject({ consecutiveFailures: 0, lastError: null });
    });

    it('runs runAtStart jobs and overdue jobs once at start, in registration order', async () => {
      vi.useFakeTimers({ now: new Date('2026-01-01T12:10:00Z') });
      // Hourly jobs: 'fresh' succeeded after the last firing (12:00); 'missed' last succeeded before it.
      const store = fakeStore({ fresh: Date.parse('2026-01-01T12:05:00Z'), missed: Date.parse('2026-01-01T11:30:00Z'), early: Date.parse('2026-01-01T12:09:00Z') });
      scheduler = new Scheduler({ store, logger: silentLogger });
      const order: string[] = [];
      const hourly = { schedule: '0 * * * *' };
      scheduler.add(job('early', async () => void order.push('early'), { ...hourly, runAtStart: true }));
      scheduler.add(job('fresh', async () => void order.push('fresh'), hourly));
      scheduler.add(job('never', async () => void order.push('never'), hourly));
      scheduler.add(job('missed', async () => void order.push('missed'), hourly));
      await scheduler.ready();
      scheduler.start();
      await scheduler.started();
      expect(order).toEqual(['early', 'never', 'missed']);
      expect(scheduler.statuses().map((s) => s.nextRunAt)).toEqual(Array(4).fill(Date.parse('2026-01-01T13:00:00Z')));
    });
  });
});
