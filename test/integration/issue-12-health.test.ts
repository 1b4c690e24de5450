import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HealthMonitor, jobFailedPastCycle } from '../../src/app/health-status.ts';
import { startHealthServer, type HealthServer } from '../../src/app/health-server.ts';
import { silentLogger } from '../../src/lib/log.ts';
import { liveSourceLabel, type JobStatus, type RuntimeStatus, type StatusSource } from '../../src/lib/status.ts';
import type { Store } from '../../src/store/types.ts';
import { closeTestStore, openTestStore, type TestStore } from '../helpers/store.ts';

// Issue 12 item 10: /health was always 200, ran a FINAL count per request and called any Data API polymarket.com.

const NOW = Date.now();
const HOUR = 3_600_000;

function job(name: string, over: Partial<JobStatus> = {}): JobStatus {
  return {
    name, schedule: '0 * * * *', running: false, lastStartedAt: NOW - 1000, lastFinishedAt: NOW - 900, lastSuccessAt: NOW - 900,
    lastError: null, lastRows: 10, lastDurationMs: 100, nextRunAt: null, consecutiveFailures: 0, ...over,
  };
}

function statusOf(jobs: JobStatus[]): StatusSource & { set(jobs: JobStatus[]): void } {
  let current: RuntimeStatus = { source: 'live', sourceLabel: 'live · polymarket.com', storeKind: 'embedded', storeDescription: 'embedded', jobs, feed: null, startedAt: NOW - 5 * HOUR };
  return {
    get: () => current,
    subscribe: () => () => undefined,
    set(next) {
      current = { ...current, jobs: next };
    },
  };
}

/** A store whose statements are counted, and which can be made to fail like a lost server. */
function countingStore(inner: Store): Store & { statements: number; down: boolean } {
  const wrapped = Object.create(inner) as Store & { statements: number; down: boolean };
  wrapped.statements = 0;
  wrapped.down = false;
  wrapped.query = async (sql, params, signal) => {
    wrapped.statements++;
    if (wrapped.down) throw new Error('connect ECONNREFUSED 127.0.0.1:8123');
    return inner.query(sql, params, signal);
  };
  wrapped.ping = async () => {
    wrapped.statements++;
    return wrapped.down ? false : inner.ping();
  };
  return wrapped;
}

let store: TestStore;
let server: HealthServer | undefined;
let monitor: HealthMonitor | undefined;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => closeTestStore(store));
afterEach(async () => {
  monitor?.stop();
  await server?.close();
  server = undefined;
});

async function serve(m: HealthMonitor, rateLimit?: { limit: number; windowMs: number }): Promise<string> {
  server = await startHealthServer({ port: 0, status: () => m.report(), logger: silentLogger, ...(rateLimit ? { rateLimit } : {}) });
  return `http://127.0.0.1:${server.port}/health`;
}

async function get(url: string): Promise<{ status: number; body: { ok: boolean; reasons: string[]; trackedWallets: number | null } }> {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as { ok: boolean; reasons: string[]; trackedWallets: number | null } };
}

describe('issue-12-10 /health tells the truth', () => {
  it('is 200 when healthy, 503 with the reason when the store is unreachable, and recovers', async () => {
    const counted = countingStore(store);
    monitor = new HealthMonitor({ store: counted, status: statusOf([job('market-sync')]), logger: silentLogger });
    await monitor.start();
    const url = await serve(monitor);
    const healthy = await get(url);
    expect(healthy.status).toBe(200);
    expect(healthy.body).toMatchObject({ ok: true, reasons: [], trackedWallets: 0 });

    counted.down = true;
    await monitor.refresh();
    const down = await get(url);
    expect(down.status).toBe(503);
    expect(down.body.ok).toBe(false);
    expect(down.body.reasons).toEqual(['store unreachable: ping failed']);

    counted.down = false;
    await monitor.refresh();
    expect((await get(url)).status).toBe(200);
  });

  it('is 503 "store full" when free space is below the minimum', async () => {
    monitor = new HealthMonitor({ store, status: statusOf([job('market-sync')]), logger: silentLogger, minFreeBytes: Number.MAX_SAFE_INTEGER });
    await monitor.start();
    const res = await get(await serve(monitor));
    expect(res.status).toBe(503);
    expect(res.body.reasons).toHaveLength(1);
    expect(res.body.reasons[0]).toMatch(/^store full: \d+ MiB free of \d+ MiB/);
  });

  it('is 503 when every source job has failed past its cycle, 200 while one still succeeds', async () => {
    const failing = (name: string): JobStatus =>
      job(name, { lastError: 'HTTP 503: upstream', lastSuccessAt: NOW - 3 * HOUR, consecutiveFailures: 3 });
    const status = statusOf([failing('market-sync'), failing('leaderboard-sync')]);
    monitor = new HealthMonitor({ store, status, logger: silentLogger });
    await monitor.start();
    const url = await serve(monitor);
    const down = await get(url);
    expect(down.status).toBe(503);
    expect(down.body.reasons).toEqual([
      'every source job has failed past its cycle: market-sync: HTTP 503: upstream; leaderboard-sync: HTTP 503: upstream',
    ]);
    status.set([failing('market-sync'), job('leaderboard-sync')]);
    expect((await get(url)).status).toBe(200);
  });

  it('a single failure inside its cycle is not an outage; a whole cycle of failure is', () => {
    const hourly = job('x', { lastError: 'timeout', consecutiveFailures: 1 });
    const lastSuccess = Date.UTC(2026, 0, 1, 10, 0, 30);
    expect(jobFailedPastCycle({ ...hourly, lastSuccessAt: lastSuccess }, 0, Date.UTC(2026, 0, 1, 11, 5))).toBe(false);
    expect(jobFailedPastCycle({ ...hourly, lastSuccessAt: lastSuccess }, 0, Date.UTC(2026, 0, 1, 12, 0, 1))).toBe(true);
    expect(jobFailedPastCycle({ ...hourly, lastSuccessAt: null }, lastSuccess, Date.UTC(2026, 0, 1, 12, 0, 1))).toBe(true);
    expect(jobFailedPastCycle({ ...hourly, lastError: null, lastSuccessAt: null }, 0, Date.UTC(2030, 0, 1))).toBe(false);
  });

  it('requests run no statement on the store (a cached probe), and a tight loop is rate-limited', async () => {
    const counted = countingStore(store);
    monitor = new HealthMonitor({ store: counted, status: statusOf([job('market-sync')]), logger: silentLogger, refreshMs: 60_000 });
    await monitor.start();
    const url = await serve(monitor, { limit: 10, windowMs: 60_000 });
    const before = counted.statements;
    const codes: number[] = [];
    for (let i = 0; i < 15; i++) {
      const res = await fetch(url);
      codes.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      await res.body?.cancel();
    }
    expect(counted.statements).toBe(before);
    expect(codes.filter((c) => c === 200)).toHaveLength(10);
    expect(codes.slice(10)).toEqual([429, 429, 429, 429, 429]);
  });
});

describe('issue-12-10 the source label says where the clients point', () => {
  const polymarket = { dataApi: 'https://data-api.polymarket.com', gamma: 'https://gamma-api.polymarket.com', clob: 'https://clob.polymarket.com', ws: 'wss://ws-subscriptions-clob.polymarket.com/ws/market' };
  it('says polymarket.com only when every client talks to Polymarket', () => {
    expect(liveSourceLabel(polymarket)).toBe('live · polymarket.com');
    expect(liveSourceLabel({ ...polymarket, dataApi: 'http://127.0.0.1:9000' })).toBe('live · 127.0.0.1:9000 + polymarket.com');
    expect(liveSourceLabel({ dataApi: 'http://proxy.lan:8080', gamma: 'http://proxy.lan:8080', clob: 'http://proxy.lan:8080', ws: 'ws://proxy.lan:8080/ws' })).toBe('live · proxy.lan:8080');
  });
});
