import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../src/lib/log.ts';
import { ApiError, createPolymarket } from '../../src/polymarket/index.ts';
import type { Polymarket } from '../../src/polymarket/index.ts';
import { FakeTime, drive } from './polymarket-fake-time.ts';
import { startTestServer } from './polymarket-server.ts';
import type { TestServer } from './polymarket-server.ts';
import { POLYMARKET_FIXTURES } from '../helpers/fixtures.ts';

const FIX = POLYMARKET_FIXTURES;
const POSITION = (JSON.parse(readFileSync(`${FIX}/data-api-positions/go-polymarket-positions.json`, 'utf8')) as unknown[])[0] as Record<string, unknown>;
const LEADER = (JSON.parse(readFileSync(`${FIX}/data-api-leaderboard/go-polymarket-leaderboard-all-vol.json`, 'utf8')) as unknown[])[0] as Record<string, unknown>;
const BOOK = JSON.parse(readFileSync(`${FIX}/clob-book/go-polymarket-vectors-raw-book-0.json`, 'utf8')) as Record<string, unknown>;
const WALLET = '0x204f72f35326db932158cba6adff0b9a1da95e14';

let time: FakeTime;
let server: TestServer;
let pm: Polymarket;
let logger: ReturnType<typeof memoryLogger>;

function client(extra: Partial<Parameters<typeof createPolymarket>[0]> = {}): Polymarket {
  return createPolymarket({
    dataApiUrl: `${server.url}/data-api`,
    gammaUrl: `${server.url}/gamma-api/`,
    clobUrl: server.url,
    logger,
    clock: time,
    timers: time,
    random: () => 0,
    timeoutMs: 2_000,
    ...extra,
  });
}

async function failure(p: Promise<unknown>): Promise<ApiError> {
  const err = await drive(p, time).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

beforeEach(async () => {
  time = new FakeTime();
  logger = memoryLogger('debug');
  server = await startTestServer(() => time.now());
  pm = client();
});

afterEach(async () => {
  await pm.close();
  await server.close();
});

describe('retries', () => {
  it('429 with Retry-After (seconds) waits at least that long, then succeeds', async () => {
    server.handler = (_h, n) => (n === 0 ? { status: 429, text: '<html>slow down</html>', headers: { 'retry-after': '3' } } : { json: [POSITION] });
    const page = await drive(pm.data.positions(WALLET), time);
    expect(page.items).toHaveLength(1);
    expect(server.hits).toHaveLength(2);
    expect(server.hits[1]!.at - server.hits[0]!.at).toBeGreaterThanOrEqual(3_000);
    expect(pm.stats()).toMatchObject({ requests: 2, retries: 1 });
  });

  it('Retry-After as an HTTP date and retry_after_seconds in a JSON body are honoured', async () => {
    server.handler = (_h, n) =>
      n === 0
        ? { status: 429, headers: { 'retry-after': new Date(time.now() + 5_000).toUTCString() } }
        : n === 1
          ? { status: 503, json: { error: 'busy', retry_after_seconds: 2 } }
          : { json: { mid: '0.5' } };
    expect(await drive(pm.clob.midpoint('1'), time)).toBe(0.5);
    // The HTTP date has 1 s resolution, so the wait is within (4 s, 5 s].
    expect(server.hits[1]!.at - server.hits[0]!.at).toBeGreaterThan(4_000);
    expect(server.hits[2]!.at - server.hits[1]!.at).toBeGreaterThanOrEqual(2_000);
  });

  it('5xx is retried with backoff until it succeeds', async () => {
    server.handler = (_h, n) => (n < 2 ? { status: n === 0 ? 500 : 502, json: { error: 'oops' } } : { json: [LEADER] });
    const page = await drive(pm.data.leaderboard({ category: 'OVERALL', timePeriod: 'ALL', orderBy: 'VOL' }), time);
    expect(page.items[0]!.rank).toBe(1);
    expect(server.hits).toHaveLength(3);
    expect(pm.stats()).toMatchObject({ requests: 3, retries: 2 });
    expect(server.hits[0]!.query.get('timePeriod')).toBe('ALL');
    expect(server.hits[0]!.path).toBe('/data-api/v1/leaderboard');
  });

  it('gives up after maxRetries 5xx answers with kind http', async () => {
    pm = client({ maxRetries: 2 });
    server.handler = () => ({ status: 500, json: { error: 'down' } });
    const err = await failure(pm.data.value(WALLET));
    expect(err).toMatchObject({ kind: 'http', status: 500 });
    expect(server.hits).toHaveLength(3);
    expect(pm.stats().failures.http).toBe(1);
  });

  it('400 is not retried', async () => {
    server.handler = () => ({ status: 400, json: { error: 'invalid address' } });
    const err = await failure(pm.data.positions('nope'));
    expect(err).toMatchObject({ kind: 'http', status: 400 });
    expect(server.hits).toHaveLength(1);
    expect(pm.stats()).toMatchObject({ retries: 0, failures: { http: 1 } });
  });

  it('a headers timeout is retried, then fails with kind timeout', async () => {
    // undici runs headersTimeout on its coarse (~1 s resolution) timer wheel, so each attempt costs ~1 s of real
    // time whatever timeoutMs says: keep to one retry, and keep the whole-answer deadline out of the way.
    pm = client({ timeoutMs: 60, deadlineMs: 10_000, maxRetries: 1 });
    server.handler = () => ({ hold: true });
    const err = await failure(pm.clob.book('1'));
    expect(err).toMatchObject({ kind: 'timeout', code: 'UND_ERR_HEADERS_TIMEOUT' });
    expect(server.hits).toHaveLength(2);
    expect(pm.stats()).toMatchObject({ retries: 1, failures: { timeout: 1 } });
  });

  it('a refused connection is a network error, classified by code', async () => {
    const closed = await startTestServer(() => 0);
    const deadUrl = closed.url;
    await closed.close();
    const dead = createPolymarket({ dataApiUrl: deadUrl, gammaUrl: deadUrl, clobUrl: deadUrl, logger, clock: time, timers: time, maxRetries: 1, random: () => 0 });
    const err = await failure(dead.data.value(WALLET));
    await dead.close();
    expect(err).toMatchObject({ kind: 'network', code: 'ECONNREFUSED' });
    expect(dead.stats()).toMatchObject({ requests: 2, retries: 1 });
  });

  it('an abort during backoff fails with kind aborted; a pre-aborted signal sends nothing', async () => {
    server.handler = () => ({ status: 500, json: {} });
    const ac = new AbortController();
    const p = pm.data.value(WALLET, ac.signal);
    const deadline = Date.now() + 5_000;
    while (time.pending() === 0 && Date.now() < deadline) await new Promise((r) => setImmediate(r));
    ac.abort();
    expect((await failure(p)).kind).toBe('aborted');
    expect(server.hits).toHaveLength(1);
    const pre = new AbortController();
    pre.abort();
    expect((await failure(pm.data.value(WALLET, pre.signal))).kind).toBe('aborted');
    expect(server.hits).toHaveLength(1);
    expect(pm.stats().failures.aborted).toBe(2);
  });
});

describe('validation', () => {
  it('drops a malformed record, keeps the rest, counts and logs it', async () => {
    const bad = { ...POSITION, conditionId: 'not-a-condition' };
    const upper = { ...POSITION, proxyWallet: WALLET.toUpperCase().replace('0X', '0x'), extraField: { nested: true } };
    server.handler = () => ({ json: [POSITION, bad, upper] });
    const page = await drive(pm.data.positions(WALLET), time);
    expect(page.rejected).toBe(1);
    expect(page.items).toHaveLength(2);
    expect(page.items[1]!.wallet).toBe(WALLET);
    expect(pm.stats().rejected).toBe(1);
    const warn = logger.lines.find((l) => l.msg === 'polymarket records rejected');
    expect(warn).toMatchObject({ level: 'warn', where: '/positions', rejected: 1 });
    expect(String((warn!.samples as string[])[0])).toMatch(/^\/positions\[1\]: conditionId/);
  });

  it('a body that is not the expected envelope fails with kind malformed (not retried)', async () => {
    server.handler = () => ({ json: { surprise: true } });
    const err = await failure(pm.data.positions(WALLET));
    expect(err.kind).toBe('malformed');
    server.handler = () => ({ text: '<html>' });
    expect((await failure(pm.clob.midpoint('1'))).kind).toBe('malformed');
    expect(server.hits).toHaveLength(2);
    expect(pm.stats().failures.malformed).toBe(1);
  });

  it('holders: a bad holder is dropped inside its token group', async () => {
    const holder = { proxyWallet: WALLET, pseudonym: 'p', amount: 5, outcomeIndex: 0, name: 'n' };
    server.handler = () => ({ json: [{ token: '123', holders: [holder, { ...holder, amount: 'lots' }] }, { token: 'x', holders: [] }] });
    const page = await drive(pm.data.holders('0x' + 'a'.repeat(64)), time);
    expect(page.rejected).toBe(2);
    expect(page.items).toEqual([{ token: '123', holders: [{ wallet: WALLET, pseudonym: 'p', name: 'n', profileImage: '', outcomeIndex: 0, amount: 5, verified: false }] }]);
    expect(server.hits[0]!.query.get('limit')).toBe('20');
  });
});

describe('endpoints', () => {
  it('public-profile 404 → null, under a base URL with a path prefix', async () => {
    server.handler = () => ({ status: 404, json: { type: 'not found error', error: 'profile not found' } });
    expect(await drive(pm.gamma.publicProfile(WALLET), time)).toBeNull();
    expect(server.hits[0]!.path).toBe('/gamma-api/public-profile');
    expect(server.hits[0]!.query.get('address')).toBe(WALLET);
  });

  it('POST /books sends [{token_id}] and parses each book', async () => {
    server.handler = () => ({ json: [BOOK, { ...BOOK, bids: 'none' }] });
    const page = await drive(pm.clob.books(['11', '22']), time);
    expect(JSON.parse(server.hits[0]!.body)).toEqual([{ token_id: '11' }, { token_id: '22' }]);
    expect(server.hits[0]!.method).toBe('POST');
    expect(page).toMatchObject({ rejected: 1 });
    expect(page.items[0]!.timestamp).toBe(1786875382652);
  });

  it('gamma markets: array filters repeated, include_tag sent', async () => {
    server.handler = () => ({ json: [] });
    await drive(pm.gamma.markets({ conditionIds: ['0xa', '0xb'], closed: true }), time);
    const q = server.hits[0]!.query;
    expect(q.getAll('condition_ids')).toEqual(['0xa', '0xb']);
    expect(q.get('include_tag')).toBe('true');
    expect(q.get('limit')).toBe('100');
  });

  it('trades: market list as CSV; filterType without filterAmount is refused', async () => {
    server.handler = () => ({ json: [] });
    await drive(pm.data.trades({ market: ['0xa', '0xb'], takerOnly: false }), time);
    expect(server.hits[0]!.query.get('market')).toBe('0xa,0xb');
    expect(server.hits[0]!.query.get('takerOnly')).toBe('false');
    await expect(pm.data.trades({ filterType: 'CASH' })).rejects.toThrow(TypeError);
  });
});

describe('pagination', () => {
  it('leaderboardTop pages by 50 and stops on the max-offset error as end-of-data', async () => {
    server.handler = (hit) => {
      const offset = Number(hit.query.get('offset'));
      if (offset >= 100) return { status: 400, json: { error: 'max historical activity offset reached' } };
      return { json: Array.from({ length: 50 }, (_, i) => ({ ...LEADER, rank: String(offset + i + 1) })) };
    };
    const page = await drive(pm.data.leaderboardTop({ category: 'OVERALL', timePeriod: 'DAY', orderBy: 'PNL' }, 500), time);
    expect(page.items.map((e) => e.rank)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(server.hits.map((h) => h.query.get('offset'))).toEqual(['0', '50', '100']);
    expect(pm.stats().failures.max_offset).toBe(1);
  });

  it('leaderboardTop never asks past offset 1000 and stops at max', async () => {
    server.handler = (hit) => ({ json: Array.from({ length: Number(hit.query.get('limit')) }, () => LEADER) });
    const page = await drive(pm.data.leaderboardTop({ category: 'CRYPTO', timePeriod: 'WEEK', orderBy: 'PNL' }, 5_000), time);
    expect(page.items).toHaveLength(1_050);
    expect(server.hits.at(-1)!.query.get('offset')).toBe('1000');
    const few = await drive(pm.data.leaderboardTop({ category: 'CRYPTO', timePeriod: 'WEEK', orderBy: 'PNL' }, 70), time);
    expect(few.items).toHaveLength(70);
    expect(server.hits.at(-1)!.query.get('limit')).toBe('20');
  });

  it('activitySince walks start-windows past the offset cap without dropping or duplicating same-second fills', async () => {
    // 4 200 rows: 6 rows per second; inside each second rows 0–2 are byte-identical fills of one transaction.
    const rows = Array.from({ length: 4_200 }, (_, i) => {
      const second = 1_700_000_000 + Math.floor(i / 6);
      const k = i % 6;
      return {
        proxyWallet: WALLET,
        timestamp: second,
        conditionId: '0x' + 'c'.repeat(64),
        type: 'TRADE',
        size: k < 3 ? 10 : 10 + k,
        usdcSize: 5,
        transactionHash: '0x' + second.toString(16).padStart(64, '0'),
        price: 0.5,
        asset: '1',
        side: 'BUY',
        outcomeIndex: 999,
      };
    });
    server.handler = (hit) => {
      const start = Number(hit.query.get('start'));
      const offset = Number(hit.query.get('offset'));
      const limit = Number(hit.query.get('limit'));
      expect(hit.query.get('sortDirection')).toBe('ASC');
      if (offset > 3_000) return { status: 400, json: { error: 'max historical activity offset of 3000 exceeded' } };
      return { json: rows.filter((r) => r.timestamp >= start).slice(offset, offset + limit) };
    };
    const page = await drive(pm.data.activitySince(WALLET, 1_700_000_000), time);
    expect(page.rejected).toBe(0);
    expect(page.items).toHaveLength(4_200);
    expect(page.items.map((a) => [a.timestamp / 1000, a.size])).toEqual(rows.map((r) => [r.timestamp, r.size]));
    const starts = new Set(server.hits.map((h) => h.query.get('start')));
    expect(starts.size).toBe(2);
    expect(server.hits.every((h) => Number(h.query.get('offset')) <= 3_000)).toBe(true);
  });
});

describe('stats and close', () => {
  it('reports queued requests per endpoint lane and rejects them on close', async () => {
    server.handler = () => ({ json: [] });
    pm = client({ rateFraction: 0.01 }); // /positions budget: 1 per 10 s
    const first = pm.data.positions(WALLET);
    const queued = [pm.data.positions(WALLET).catch((e: unknown) => e), pm.data.positions(WALLET).catch((e: unknown) => e)];
    // Rate-gate admission happens synchronously on call, so the queue is visible at once.
    expect(pm.stats().queued).toEqual({ 'data:/positions': 2 });
    await first; // needs no timer: the queued two stay queued (fake time never advances here)
    await pm.close();
    for (const e of await Promise.all(queued)) expect(e).toMatchObject({ kind: 'aborted' });
    expect(pm.stats().queued).toEqual({});
  });
});
