/**
 * Issue 16 (Operations): GET /metrics is valid Prometheus text — parsed here by parse-prometheus-text-format, an
 * independent parser, not prom-client — and its counters move when the simulator injects 429s and WS drops.
 */
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHealthServer, type HealthServer } from '../../src/app/health-server.ts';
import { createMetrics, type WhaletopMetrics } from '../../src/app/metrics.ts';
import { silentLogger } from '../../src/lib/log.ts';
import { createLiveFeed, type LiveService } from '../../src/live/index.ts';
import { createPolymarket, type Polymarket } from '../../src/polymarket/index.ts';
import { startSimulator, type Simulator } from '../../src/sim/index.ts';
import { ROW_VALIDATORS } from '../../src/store/rows.ts';
import { BatchedWriter } from '../../src/store/writer.ts';
import { closeTestStore, openTestStore, type TestStore } from '../helpers/store.ts';
import { calmMarkets, pinMarkets, runUntil } from '../helpers/world-time.ts';

interface Family {
  name: string;
  type: string;
  metrics: { value?: string; labels?: Record<string, string> }[];
}

let store: TestStore;
let sim: Simulator;
let polymarket: Polymarket;
let writer: BatchedWriter;
let live: LiveService;
let metrics: WhaletopMetrics;
let server: HealthServer;

beforeAll(async () => {
  store = await openTestStore();
  sim = await startSimulator({ manualClock: true, burstEveryMs: 0, startTime: Date.now() - (Date.now() % 60_000) });
  polymarket = createPolymarket({ dataApiUrl: sim.urls.dataApi, gammaUrl: sim.urls.gamma, clobUrl: sim.urls.clob, logger: silentLogger, backoffBaseMs: 5, backoffCapMs: 20 });
  writer = new BatchedWriter(store, { logger: silentLogger, validators: ROW_VALIDATORS, flushIntervalMs: 100 });
  await pinMarkets(store, calmMarkets(sim, 2), sim.now());
  live = createLiveFeed({ store, writer, polymarket, wsUrl: sim.urls.ws, logger: silentLogger, clock: { now: () => sim.now() }, options: { topVolumeMarkets: 0, attributionPollMs: 200 } });
  await live.start();
  metrics = createMetrics({ polymarket, writer, live, clock: { now: () => sim.now() } });
  server = await startHealthServer({ port: 0, status: () => ({ ok: true }), metrics: () => metrics.scrape(), logger: silentLogger });
}, 120_000);

afterAll(async () => {
  await server?.close();
  await live?.stop();
  await writer?.close();
  await polymarket?.close();
  await sim?.stop();
  await closeTestStore(store);
});

async function scrape(): Promise<Map<string, Family>> {
  const res = await fetch(`http://127.0.0.1:${server.port}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const families = parsePrometheusTextFormat(await res.text()) as Family[];
  return new Map(families.map((f) => [f.name, f]));
}

function value(families: Map<string, Family>, name: string, labels: Record<string, string> = {}): number {
  const family = families.get(name);
  const sample = family?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
  return sample?.value === undefined ? 0 : Number(sample.value);
}

describe('issue-16 /metrics', () => {
  it('parses as Prometheus text with every documented family and the right types', async () => {
    const families = await scrape();
    const types = Object.fromEntries([...families].filter(([n]) => n.startsWith('whaletop_')).map(([n, f]) => [n, f.type]));
    expect(types).toMatchObject({
      whaletop_http_requests_total: 'COUNTER',
      whaletop_http_rate_limited_total: 'COUNTER',
      whaletop_http_retries_total: 'COUNTER',
      whaletop_rows_written_total: 'COUNTER',
      whaletop_rows_dropped_total: 'COUNTER',
      whaletop_writer_queue_rows: 'GAUGE',
      whaletop_ws_messages_total: 'COUNTER',
      whaletop_ws_reconnects_total: 'COUNTER',
      whaletop_ws_last_message_age_seconds: 'GAUGE',
      whaletop_attribution_lag_seconds: 'GAUGE',
      whaletop_job_duration_seconds: 'HISTOGRAM',
      whaletop_job_failures_total: 'COUNTER',
      whaletop_signals_fired_total: 'COUNTER',
    });
    expect(families.has('process_resident_memory_bytes')).toBe(true);
  });

  it('429s from the simulator move the per-endpoint 429 and retry counters', async () => {
    const endpoint = { endpoint: 'data:/v1/leaderboard' };
    const before = await scrape();
    sim.faults.set({ rate429: 0.5, retryAfterSeconds: null, paths: ['/v1/leaderboard'] });
    try {
      for (let offset = 0; offset < 400; offset += 50) {
        await polymarket.data.leaderboard({ category: 'OVERALL', timePeriod: 'ALL', orderBy: 'PNL', limit: 50, offset }).catch(() => undefined);
      }
    } finally {
      sim.faults.clear();
    }
    const after = await scrape();
    const limited = value(after, 'whaletop_http_rate_limited_total', endpoint) - value(before, 'whaletop_http_rate_limited_total', endpoint);
    expect(limited).toBeGreaterThan(0);
    expect(value(after, 'whaletop_http_retries_total', endpoint)).toBeGreaterThanOrEqual(limited - value(after, 'whaletop_http_failures_total', endpoint));
    expect(value(after, 'whaletop_http_requests_total', endpoint) - value(before, 'whaletop_http_requests_total', endpoint)).toBeGreaterThanOrEqual(8 + limited);
  });

  it('WS drops move the reconnect counter; messages and last-message age are per socket', async () => {
    await runUntil(sim, 'market data on the socket', async () => live.metrics().feed.perConnection.some((c) => c.lastMessageAt !== null), 60_000);
    const before = await scrape();
    const sockets = before.get('whaletop_ws_messages_total')?.metrics ?? [];
    expect(sockets.length).toBeGreaterThan(0);
    expect(sockets[0]?.labels?.connection).toMatch(/^ws-\d+$/);
    expect(Number(sockets[0]?.value)).toBeGreaterThan(0);
    expect(value(before, 'whaletop_ws_last_message_age_seconds')).toBeGreaterThanOrEqual(0);
    expect(sim.faults.dropWsConnections()).toBeGreaterThan(0);
    await runUntil(sim, 'the socket rebuilt', async () => live.metrics().feed.reconnects > 0 && live.status().state === 'live', 60_000);
    const after = await scrape();
    expect(value(after, 'whaletop_ws_reconnects_total') - value(before, 'whaletop_ws_reconnects_total')).toBeGreaterThanOrEqual(1);
  });
});
