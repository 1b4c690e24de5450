/**
 * Every HTTP fault knob is observable from a plain fetch client: 429 with and without Retry-After, 5xx, hangs,
 * malformed records, per-path selection, latency, the server-side rate limit, and hostile strings.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/lib/log.ts';
import { createPolymarket } from '../../src/polymarket/index.ts';
import { startSimulator, type Simulator } from '../../src/sim/index.ts';

let sim: Simulator;
let wallet: string;
const small = { marketCount: 50, walletCount: 400, historyTrades: 8000, manualClock: true } as const;

beforeAll(async () => {
  sim = await startSimulator({ seed: 11, ...small });
  wallet = sim.world.leaderboard({ timePeriod: 'ALL', orderBy: 'VOL' })[0]!.proxyWallet;
});
afterEach(() => sim.faults.clear());
afterAll(async () => {
  await sim.stop();
});

const lb = (): string => `${sim.urls.dataApi}/v1/leaderboard?timePeriod=ALL&orderBy=VOL&limit=50`;

describe('HTTP faults', () => {
  it('429 with a Retry-After header', async () => {
    sim.faults.set({ rate429: 1, retryAfterSeconds: 7 });
    const res = await fetch(lb());
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(res.headers.get('content-type')).toContain('text/html');
  });

  it('429 without Retry-After', async () => {
    sim.faults.set({ rate429: 1, retryAfterSeconds: null });
    const res = await fetch(lb());
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBeNull();
  });

  it('a fraction of requests fail: 5xx at rate 0.5 hits some but not all of 40 requests', async () => {
    sim.faults.set({ rate5xx: 0.5, status5xx: 502 });
    const statuses = await Promise.all(Array.from({ length: 40 }, async () => (await fetch(lb())).status));
    expect(statuses.filter((s) => s === 502).length).toBeGreaterThan(5);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(5);
    expect(statuses.every((s) => s === 200 || s === 502)).toBe(true);
  });

  it('hung requests are never answered', async () => {
    sim.faults.set({ hangRate: 1 });
    const err = await fetch(lb(), { signal: AbortSignal.timeout(300) }).then(() => null, (e: unknown) => e);
    expect((err as Error | null)?.name).toBe('TimeoutError');
  });

  it('faults can target one path prefix', async () => {
    sim.faults.set({ rate5xx: 1, paths: ['/positions'] });
    expect((await fetch(`${sim.urls.dataApi}/positions?user=${wallet}`)).status).toBe(503);
    expect((await fetch(`${sim.urls.dataApi}/closed-positions?user=${wallet}`)).status).toBe(200);
    expect((await fetch(`${sim.urls.dataApi}/value?user=${wallet}`)).status).toBe(200);
    expect((await fetch(lb())).status).toBe(200);
  });

  it('malformed records are mixed into good pages, and the real client rejects them', async () => {
    sim.faults.set({ malformedRate: 0.3 });
    const rows = (await (await fetch(lb())).json()) as Record<string, unknown>[];
    expect(rows).toHaveLength(50);
    const bad = rows.filter((r) => typeof r.proxyWallet !== 'string' || typeof r.vol !== 'number' || typeof r.pnl !== 'number' ||
      typeof r.rank !== 'string');
    expect(bad.length).toBeGreaterThan(3);
    expect(bad.length).toBeLessThan(40);
    const pm = createPolymarket({ dataApiUrl: sim.urls.dataApi, gammaUrl: sim.urls.gamma, clobUrl: sim.urls.clob, logger: silentLogger });
    const page = await pm.data.leaderboard({ category: 'OVERALL', timePeriod: 'ALL', orderBy: 'VOL', limit: 50 });
    await pm.close();
    expect(page.rejected).toBeGreaterThan(3);
    expect(page.items.length + page.rejected).toBe(50);
  });

  it('adds latency', async () => {
    sim.faults.set({ latencyMs: 150, jitterMs: 50 });
    const t0 = performance.now();
    expect((await fetch(lb())).status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(145);
  });

  it('enforces the published per-10 s limits server-side (scaled down)', async () => {
    // /positions: 150 per 10 s × 0.02 = 3 requests.
    sim.faults.set({ enforceRateLimits: true, rateLimitScale: 0.02 });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${sim.urls.dataApi}/positions?user=${wallet}`);
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
      await res.arrayBuffer();
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(retryAfter)).toBeLessThanOrEqual(10);
    expect((await fetch(`${sim.urls.dataApi}/value?user=${wallet}`)).status).toBe(200);
  });

  it('counts requests per path', () => {
    const stats = sim.stats();
    expect(stats.requests).toBeGreaterThan(50);
    expect(stats.byPath['/data-api/v1/leaderboard']).toBeGreaterThan(40);
  });
});

describe('API errors', () => {
  it('max offset on /activity and /trades, 404 profiles, 422 gamma offsets, 400 bad token ids', async () => {
    const act = await fetch(`${sim.urls.dataApi}/activity?user=${wallet}&offset=5001`);
    expect(act.status).toBe(400);
    expect(((await act.json()) as { error: string }).error).toContain('max historical activity offset');
    expect((await fetch(`${sim.urls.dataApi}/trades?offset=3001`)).status).toBe(400);
    expect((await fetch(`${sim.urls.dataApi}/trades?filterType=CASH`)).status).toBe(400);
    expect((await fetch(`${sim.urls.dataApi}/v1/leaderboard?offset=1001`)).status).toBe(400);
    expect(((await (await fetch(`${sim.urls.dataApi}/v1/leaderboard?limit=500`)).json()) as unknown[]).length).toBe(50);
    const noProfile = sim.world.wallets().find((w) => sim.world.profileOf(w) === null)!;
    const prof = await fetch(`${sim.urls.gamma}/public-profile?address=${noProfile}`);
    expect(prof.status).toBe(404);
    expect(await prof.json()).toEqual({ type: 'not found error', error: 'profile not found' });
    expect((await fetch(`${sim.urls.gamma}/public-profile?address=nope`)).status).toBe(400);
    expect((await fetch(`${sim.urls.gamma}/markets?offset=10001`)).status).toBe(422);
    expect(((await (await fetch(`${sim.urls.gamma}/markets?limit=500&closed=false`)).json()) as unknown[]).length).toBeLessThanOrEqual(100);
    expect((await fetch(`${sim.urls.clob}/book?token_id=abc`)).status).toBe(400);
    expect((await fetch(`${sim.urls.clob}/book?token_id=123`)).status).toBe(404);
  });
});

describe('hostile strings', () => {
  it('a hostile world serves ESC/OSC/C1/CR payloads in titles, names, pseudonyms and bios', async () => {
    const h = await startSimulator({ seed: 11, hostile: true, ...small });
    try {
      const markets = await (await fetch(`${h.urls.gamma}/markets?limit=100`)).text();
      const board = await (await fetch(`${h.urls.dataApi}/v1/leaderboard?timePeriod=ALL&orderBy=VOL&limit=50`)).text();
      const acts: string[] = [];
      for (const w of h.world.wallets().slice(0, 200)) {
        const p = h.world.profileOf(w);
        if (p) acts.push(JSON.stringify(p));
      }
      const strings: string[] = [];
      const collect = (v: unknown): void => {
        if (typeof v === 'string') strings.push(v);
        else if (v && typeof v === 'object') Object.values(v).forEach(collect);
      };
      collect(JSON.parse(`[${[markets, board, ...acts].join(',')}]`));
      const text = strings.join('\n');
      for (const payload of ['\x1b[', '\x1b]0;', '\x1b]2;', '\x1b]8;;', '\x1b]52;', '\u009b', '\x07', 'innocent\rEVIL', '\u202e']) {
        expect(text, JSON.stringify(payload)).toContain(payload);
      }
      expect(strings.some((s) => s.length > 4000)).toBe(true);
      const titles = h.world.markets().map((m) => m.question as string);
      const hostileTitles = titles.filter((t) => /[\u0000-\u001f\u007f-\u009f\u202e]|.{300,}/su.test(t));
      expect(hostileTitles.length / titles.length).toBeGreaterThan(0.05);
      expect(hostileTitles.length / titles.length).toBeLessThan(0.5);
      // Deterministic: same seed → same hostile strings.
      expect(sim.world.markets().map((m) => m.conditionId)).toEqual(h.world.markets().map((m) => m.conditionId));
    } finally {
      await h.stop();
    }
  });
});
