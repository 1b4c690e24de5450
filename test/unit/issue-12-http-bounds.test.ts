/**
 * issue 12 items 1, 7, 9 and issue 11's "2xx {error} body": the HTTP core against a hostile loopback server.
 * Retry settings are the shipped defaults except where a test says why not.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../src/lib/log.ts';
import { ApiError, createPolymarket, type Polymarket } from '../../src/polymarket/index.ts';
import { HOSTILE_ERROR, hugeArray, junkArray, startHostileServer, type HostileServer } from '../helpers/hostile-server.ts';

const WALLET = '0x204f72f35326db932158cba6adff0b9a1da95e14';
const TERMINAL_CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e]/;
const MARKET = { id: '1', conditionId: `0x${'a'.repeat(64)}`, question: 'q'.repeat(2000), clobTokenIds: '["1","2"]', outcomes: '["Yes","No"]', outcomePrices: '["0.5","0.5"]' };
const MIB = 1024 * 1024;

let server: HostileServer;
let pm: Polymarket;
let logger: ReturnType<typeof memoryLogger>;

function client(extra: Partial<Parameters<typeof createPolymarket>[0]> = {}): Polymarket {
  return createPolymarket({ dataApiUrl: server.url, gammaUrl: server.url, clobUrl: server.url, logger, ...extra });
}

async function failure(p: Promise<unknown>): Promise<ApiError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

beforeEach(async () => {
  logger = memoryLogger('debug');
  server = await startHostileServer();
  pm = client();
});

afterEach(async () => {
  await pm.close();
  await server.close();
});

describe('issue-12-1 upstream error text is sanitised where it enters an error', () => {
  it('an error body with OSC 0 / OSC 52 / C1 / bidi becomes plain text in the ApiError message', async () => {
    server.handler = () => ({ status: 400, body: JSON.stringify({ error: HOSTILE_ERROR }) });
    const err = await failure(pm.data.positions(WALLET));
    expect(err.message).not.toMatch(TERMINAL_CONTROL);
    expect(err.message).toBe('HTTP 400: rate limited');
  });
});

describe('issue-12-7 response bodies are capped per endpoint', () => {
  it('a 400 MB /markets body fails as too_large after reading about the cap, not the body', async () => {
    server.handler = () => ({ chunks: () => hugeArray(MARKET, 400 * MIB) });
    const rssBefore = process.memoryUsage().rss;
    const err = await failure(pm.gamma.markets({ active: true }));
    expect(err.kind).toBe('too_large');
    expect(server.hits).toHaveLength(1); // not retried: the same answer would come back
    // The server stops when we stop reading: what it sent is the cap plus socket buffers, nowhere near 400 MB.
    expect(server.bytesSent()).toBeLessThan(24 * MIB);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * MIB);
    expect(pm.stats().failures.too_large).toBe(1);
  });

  it('a declared content-length past the cap fails before any byte is read', async () => {
    server.handler = () => ({ headers: { 'content-length': String(200 * MIB) }, chunks: () => hugeArray({ x: 1 }, 200 * MIB) });
    const err = await failure(pm.data.leaderboard({ category: 'OVERALL', timePeriod: 'ALL', orderBy: 'PNL' }));
    expect(err.kind).toBe('too_large');
    expect(err.message).toContain('2048 KiB cap');
  });

  it('200 MB bodies on 24 concurrent leaderboard pages: every page fails, memory stays bounded', async () => {
    server.handler = () => ({ chunks: () => hugeArray({ rank: '1', proxyWallet: WALLET, pnl: 1, vol: 1 }, 200 * MIB) });
    const rssBefore = process.memoryUsage().rss;
    const errs = await Promise.all(
      Array.from({ length: 24 }, (_, i) => failure(pm.data.leaderboard({ category: 'OVERALL', timePeriod: 'ALL', orderBy: 'PNL', offset: i * 50 }))),
    );
    expect(errs.map((e) => e.kind)).toEqual(Array.from({ length: 24 }, () => 'too_large'));
    expect(server.bytesSent()).toBeLessThan(24 * 8 * MIB);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(400 * MIB);
  });

  it('a page of junk records: all rejected, logged as one line with a few samples', async () => {
    server.handler = () => ({ body: junkArray(500) });
    const page = await pm.data.positions(WALLET);
    expect(page).toEqual({ items: [], rejected: 500 });
    const lines = logger.lines.filter((l) => String(l.msg).includes('rejected'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ where: '/positions', rejected: 500 });
    expect(lines[0]!.samples).toHaveLength(3);
  });

  it('60 k junk records in one answer (under the body cap): malformed at once (more than the page size asked), nothing validated', async () => {
    server.handler = () => ({ body: junkArray(60_000) });
    const started = performance.now();
    const err = await failure(pm.data.activity(WALLET, { limit: 500 }));
    expect(err).toMatchObject({ kind: 'malformed' });
    expect(err.message).toBe('answer holds 60000 records, more than the 500 a page can');
    expect(logger.lines.filter((l) => String(l.msg).includes('rejected'))).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('issue-12-9 a total deadline per request', () => {
  it('a body dripping faster than the per-chunk timeout is cut at the deadline (timeout, retried)', async () => {
    // Scaled down so the test takes seconds: per-chunk timeout 1 s, drip every 200 ms, deadline 3 s; shipped:
    // 15 s per chunk, deadline 60 s. One retry instead of four (each attempt costs the whole deadline).
    pm = client({ timeoutMs: 1_000, deadlineMs: 3_000, maxRetries: 1, backoffBaseMs: 10, backoffCapMs: 10 });
    server.handler = () => ({ chunks: function* () { yield '['; for (;;) yield ' '; }, dripMs: 200 });
    const started = performance.now();
    const err = await failure(pm.data.positions(WALLET));
    const took = performance.now() - started;
    expect(err).toMatchObject({ kind: 'timeout', code: 'WHALETOP_DEADLINE' });
    expect(server.hits).toHaveLength(2);
    expect(took).toBeGreaterThan(5_500);
    expect(took).toBeLessThan(15_000);
  });
});

describe('issue-11 a 2xx answer whose body is {"error": …} is a 429', () => {
  it('is retried after its Retry-After and then succeeds (shipped retry defaults)', async () => {
    server.handler = () => (server.hits.length === 1 ? { body: JSON.stringify({ error: 'Too Many Requests' }), headers: { 'retry-after': '1' } } : { body: '[]' });
    const started = performance.now();
    const page = await pm.data.positions(WALLET);
    expect(page).toEqual({ items: [], rejected: 0 });
    expect(server.hits).toHaveLength(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
    expect(pm.stats()).toMatchObject({ retries: 1, failures: { malformed: 0 } });
  });

  it('past the retries it fails as a 429, not as malformed', async () => {
    pm = client({ maxRetries: 1, backoffBaseMs: 1, backoffCapMs: 1 });
    server.handler = () => ({ body: JSON.stringify({ error: 'rate limited' }) });
    const err = await failure(pm.data.positions(WALLET));
    expect(err).toMatchObject({ kind: 'http', status: 429 });
  });
});
