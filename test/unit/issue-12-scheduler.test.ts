/**
 * issue 12 items 8 and 9 at the scheduler: a run that lost most records to validation is an error with the
 * reason (`market-sync ok rows=0 rejected=200000` showed ✓), and the start-up catch-up runs jobs on their own
 * lanes (one after another, a job held by a slow upstream kept the other four from running).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fetchComplete } from '../../src/jobs/deps.ts';
import { Scheduler, type JobContext, type JobDefinition } from '../../src/jobs/scheduler.ts';
import { silentLogger } from '../../src/lib/log.ts';
import { createPolymarket } from '../../src/polymarket/index.ts';
import type { Row } from '../../src/store/types.ts';
import { fakeStore } from '../helpers/fake-store.ts';
import { junkArray, startHostileServer } from '../helpers/hostile-server.ts';

function job(name: string, run: (ctx: JobContext) => Promise<void>, extra: Partial<JobDefinition> = {}): JobDefinition {
  return { name, schedule: '0 0 1 1 *', timeoutMs: 60_000, runAtStart: false, run, ...extra };
}

function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((r) => (open = r));
  return { wait, open };
}

async function until(what: string, pred: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

let scheduler: Scheduler | undefined;
afterEach(async () => {
  await scheduler?.stop();
  scheduler = undefined;
});

describe('issue-12-8 a run that loses its records to validation is an error', () => {
  it('a page of junk records: status error, the count and the first reason; a few rejections stay ok', async () => {
    const server = await startHostileServer();
    const pm = createPolymarket({ dataApiUrl: server.url, gammaUrl: server.url, clobUrl: server.url, logger: silentLogger });
    server.handler = (path) => (path === '/markets' ? { body: junkArray(100) } : { body: '[]' });
    try {
      scheduler = new Scheduler({ store: fakeStore(), logger: silentLogger });
      scheduler.add(job('market-sync', async (ctx) => void (await fetchComplete(() => pm.gamma.markets({ limit: 100 }), 1, ctx, 'gamma /markets'))));
      scheduler.add(
        job('fine', async (ctx) => {
          ctx.counters.received = 1000;
          ctx.counters.rejected = 10;
        }),
      );
      const result = await scheduler.runOnce('market-sync');
      expect(result.status).toBe('error');
      expect(result.rejected).toBe(100);
      expect(result.error).toMatch(/^100 of 100 records rejected by validation \(100 %, limit 25 %\): \/markets\[0\]: /);
      expect(scheduler.statuses()[0]).toMatchObject({ consecutiveFailures: 1, lastError: result.error });
      expect(await scheduler.runOnce('fine')).toMatchObject({ status: 'ok', rejected: 10 });
    } finally {
      await pm.close();
      await server.close();
    }
  });
});

describe('issue-12-9 the start-up catch-up runs jobs on their own lanes', () => {
  it('a job held by a slow upstream does not keep the others from running', async () => {
    const slow = gate();
    const ran: string[] = [];
    scheduler = new Scheduler({ store: fakeStore(), logger: silentLogger });
    scheduler.add(job('slow', async () => slow.wait.then(() => void ran.push('slow'))));
    for (const name of ['b', 'c', 'd', 'e']) scheduler.add(job(name, async () => void ran.push(name)));
    scheduler.start();
    await until('the four others', () => ran.length === 4);
    expect(ran.sort()).toEqual(['b', 'c', 'd', 'e']);
    expect(scheduler.statuses()[0]).toMatchObject({ name: 'slow', running: true });
    slow.open();
    await scheduler.started();
    expect(ran).toContain('slow');
  });

  it('on a fresh store a job waits for its prerequisite; once that has ever succeeded it does not', async () => {
    const discovery = gate();
    const ran: string[] = [];
    scheduler = new Scheduler({ store: fakeStore(), logger: silentLogger });
    scheduler.add(job('leaderboard-sync', async () => discovery.wait.then(() => void ran.push('leaderboard-sync'))));
    scheduler.add(job('position-sync', async () => void ran.push('position-sync'), { after: ['leaderboard-sync'] }));
    scheduler.start();
    await new Promise((r) => setTimeout(r, 50));
    expect(ran).toEqual([]);
    discovery.open();
    await scheduler.started();
    expect(ran).toEqual(['leaderboard-sync', 'position-sync']);
    await scheduler.stop();

    const yearAgo = Date.now() - 400 * 86_400_000;
    const held = gate();
    const again: string[] = [];
    scheduler = new Scheduler({ store: fakeStore({ 'leaderboard-sync': yearAgo, 'position-sync': yearAgo }), logger: silentLogger });
    scheduler.add(job('leaderboard-sync', async () => held.wait.then(() => void again.push('leaderboard-sync'))));
    scheduler.add(job('position-sync', async () => void again.push('position-sync'), { after: ['leaderboard-sync'] }));
    scheduler.start();
    await until('position-sync', () => again.includes('position-sync'));
    expect(again).toEqual(['position-sync']);
    held.open();
    await scheduler.started();
  });
});

describe('issue-12-1 a job error quoting upstream text reaches the status clean', () => {
  it('lastError and the job_runs row carry no escape, C1 or bidi control, also for history from an older version', async () => {
    const hostile = '\x1b]0;pwned\x07\x1b]52;c;cm0gLXJmIH4=\x07\u009b2J HTTP 400: \u202ebad\u200b';
    const inserted: Row[] = [];
    const store = { ...fakeStore({}), insert: async (_t: string, rows: readonly Row[]) => void inserted.push(...rows) };
    scheduler = new Scheduler({ store, logger: silentLogger });
    scheduler.add(job('a', async () => Promise.reject(new Error(hostile))));
    const result = await scheduler.runOnce('a');
    const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e]/;
    expect(result.error).toBe(' HTTP 400: bad');
    expect(scheduler.statuses()[0]!.lastError).not.toMatch(CONTROL);
    await scheduler.stop();
    expect(inserted.map((r) => String(r.error)).filter((e) => CONTROL.test(e))).toEqual([]);

    const old = {
      ...fakeStore({}),
      query: async <T,>(sql: string) =>
        (sql.includes('last_success') ? [] : [{ job: 'a', started: 1, finished: 2, status: 'error', rows: 0, error: hostile }]) as T[],
    };
    scheduler = new Scheduler({ store: old, logger: silentLogger });
    scheduler.add(job('a', async () => {}));
    await scheduler.ready();
    expect(scheduler.statuses()[0]!.lastError).toBe(' HTTP 400: bad');
  });
});
