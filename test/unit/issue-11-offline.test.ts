/**
 * Issue 11, defect 7: offline is said. The HTTP clients record whether Polymarket answers (classified by error
 * kind and code), the screen's connectivity is derived from that and from the jobs' last outcomes, and `r` runs
 * every failed job now, ignoring backoff.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/lib/log.ts';
import type { JobStatus, NetworkStatus, RuntimeStatus } from '../../src/lib/status.ts';
import { Scheduler, type JobDefinition } from '../../src/jobs/scheduler.ts';
import { createPolymarket } from '../../src/polymarket/index.ts';
import { Reachability } from '../../src/polymarket/reachability.ts';
import { ApiError } from '../../src/polymarket/types.ts';
import type { Store } from '../../src/store/types.ts';
import { connectivity, emptyBecause } from '../../src/ui/connectivity.ts';
import { startTestServer } from './polymarket-server.ts';

const job = (name: string, o: Partial<JobStatus> = {}): JobStatus => ({
  name, schedule: '*/5 * * * *', running: false, lastStartedAt: null, lastFinishedAt: null, lastSuccessAt: null, lastError: null,
  lastRows: 0, lastDurationMs: null, nextRunAt: null, consecutiveFailures: 0, ...o,
});
const status = (jobs: JobStatus[], network: NetworkStatus | null): RuntimeStatus => ({
  source: 'live', sourceLabel: 'live · polymarket.com', storeKind: 'embedded', storeDescription: 'x', jobs, feed: null, network, startedAt: 0,
});
const refused = (at: number): NetworkStatus['lastFailure'] => ({ at, kind: 'network', code: 'ECONNREFUSED', status: null, message: 'connect ECONNREFUSED 127.0.0.1:9', host: 'data-api.polymarket.com' });

describe('issue-11 the clients know whether Polymarket answers', () => {
  it('a refused connection is recorded with its code; the next answer clears it; aborts and 4xx are not outages', () => {
    const r = new Reachability();
    r.failed(new ApiError('network', 'connect ECONNREFUSED 127.0.0.1:9', { url: 'http://127.0.0.1:9/x', code: 'ECONNREFUSED' }), 1_000);
    r.failed(new ApiError('network', 'connect ECONNREFUSED 127.0.0.1:9', { url: 'http://127.0.0.1:9/x', code: 'ECONNREFUSED' }), 2_000);
    expect(r.snapshot()).toEqual({ lastOkAt: null, failingSince: 1_000, lastFailure: { at: 2_000, kind: 'network', code: 'ECONNREFUSED', status: null, message: 'connect ECONNREFUSED 127.0.0.1:9', host: '127.0.0.1:9' } });
    r.failed(new ApiError('aborted', 'request aborted', { url: 'http://h/x' }), 3_000);
    expect(r.snapshot().lastFailure?.at).toBe(2_000);
    r.failed(new ApiError('http', 'HTTP 404', { url: 'http://h/x', status: 404 }), 4_000);
    expect(r.snapshot()).toMatchObject({ lastOkAt: 4_000, failingSince: null });
  });

  it('the real clients record a refused connection by code, then a response', async () => {
    const closed = await startTestServer(() => 0);
    const deadUrl = closed.url;
    await closed.close();
    const dead = createPolymarket({ dataApiUrl: deadUrl, gammaUrl: deadUrl, clobUrl: deadUrl, logger: silentLogger, maxRetries: 0 });
    await expect(dead.data.value('0x204f72f35326db932158cba6adff0b9a1da95e14')).rejects.toMatchObject({ kind: 'network' });
    expect(dead.reachability()).toMatchObject({ lastOkAt: null, lastFailure: { kind: 'network', code: 'ECONNREFUSED' } });
    expect(dead.reachability().failingSince).not.toBeNull();
    await dead.close();

    const server = await startTestServer(() => 0);
    server.handler = () => ({ status: 200, json: [{ user: '0x204f72f35326db932158cba6adff0b9a1da95e14', value: 1 }] });
    const live = createPolymarket({ dataApiUrl: server.url, gammaUrl: server.url, clobUrl: server.url, logger: silentLogger, maxRetries: 0 });
    await live.data.value('0x204f72f35326db932158cba6adff0b9a1da95e14');
    expect(live.reachability()).toMatchObject({ failingSince: null, lastFailure: null });
    expect(live.reachability().lastOkAt).not.toBeNull();
    await live.close();
    await server.close();
  });
});

describe('issue-11 connectivity on screen', () => {
  it('offline: refused connections, with the reason, since when, and the last data from the failing jobs', () => {
    const c = connectivity(status([job('market-sync', { lastFinishedAt: 9_000, lastSuccessAt: 5_000, lastError: 'connect ECONNREFUSED 127.0.0.1:9' }), job('holder-sync', { lastFinishedAt: 9_000, lastSuccessAt: 9_000 })], { lastOkAt: null, failingSince: 8_000, lastFailure: refused(9_000) }));
    expect(c).toEqual({ level: 'offline', reason: 'cannot reach data-api.polymarket.com: connect ECONNREFUSED 127.0.0.1:9', code: 'ECONNREFUSED', since: 8_000, lastSuccessAt: 5_000, failingJobs: ['market-sync'] });
    expect(emptyBecause(c)).toBe(' — Polymarket unreachable (ECONNREFUSED); r retries now');
  });

  it('degraded: answers with 5xx, or a job failing while the network works; nothing while all is well', () => {
    const http = { at: 9_000, kind: 'http', code: null, status: 503, message: 'HTTP 503', host: 'data-api.polymarket.com' };
    expect(connectivity(status([], { lastOkAt: 1, failingSince: 9_000, lastFailure: http }))).toMatchObject({ level: 'degraded', code: 'HTTP 503' });
    expect(connectivity(status([job('holder-sync', { lastFinishedAt: 9_000, lastSuccessAt: 1_000, lastError: 'timed out after 30 s' })], { lastOkAt: 9_500, failingSince: null, lastFailure: http }))).toMatchObject({
      level: 'degraded',
      reason: '1 job failing: holder-sync: timed out after 30 s',
    });
    expect(connectivity(status([job('market-sync', { lastFinishedAt: 9_000, lastSuccessAt: 9_000 }), job('x', { running: true, lastFinishedAt: 8_000, lastSuccessAt: 1 })], { lastOkAt: 9_000, failingSince: null, lastFailure: refused(100) }))).toBeNull();
  });
});

describe('issue-11 r retries every failed job now', () => {
  const store = {
    kind: 'embedded', description: 'fake', client: null as never,
    insert: async () => {}, query: async () => [], command: async () => {}, ping: async () => true, close: async () => {},
  } as unknown as Store;
  let scheduler: Scheduler | undefined;
  afterEach(async () => scheduler?.stop());

  it('runs the jobs whose last run failed, despite their backoff, and leaves the others alone', async () => {
    scheduler = new Scheduler({ store, logger: silentLogger });
    let online = false;
    const runs: string[] = [];
    const def = (name: string, needsNetwork: boolean): JobDefinition => ({
      name, schedule: '0 0 1 1 *', timeoutMs: 5_000, runAtStart: false,
      run: async () => {
        runs.push(name);
        if (needsNetwork && !online) throw new Error('connect ECONNREFUSED');
      },
    });
    scheduler.add(def('market-sync', true));
    scheduler.add(def('holder-sync', false));
    scheduler.add(def('leaderboard-sync', true));
    await scheduler.runAllOnce();
    expect(scheduler.statuses().map((s) => [s.name, s.consecutiveFailures])).toEqual([['market-sync', 1], ['holder-sync', 0], ['leaderboard-sync', 1]]);
    runs.length = 0;
    online = true;
    expect(scheduler.retryFailed()).toEqual(['market-sync', 'leaderboard-sync']);
    const deadline = Date.now() + 5_000;
    while (scheduler.statuses().some((s) => s.consecutiveFailures > 0 || s.running) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    expect(runs).toEqual(['market-sync', 'leaderboard-sync']);
    expect(scheduler.statuses().every((s) => s.lastError === null && s.consecutiveFailures === 0)).toBe(true);
    // Nothing failed any more: nothing to retry.
    expect(scheduler.retryFailed()).toEqual([]);
  });
});
