/**
 * Schema parity: every field (recursively, with its JSON type) of the real Polymarket samples in
 * test/fixtures/polymarket appears in the simulator's responses with the same type; then the real
 * clients (src/polymarket) read the simulator with zero rejected records.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/lib/log.ts';
import { createPolymarket, type Polymarket } from '../../src/polymarket/index.ts';
import { startSimulator, type Simulator } from '../../src/sim/index.ts';
import { tickSizeFrame } from '../../src/sim/world/frames.ts';
import { POLYMARKET_FIXTURES } from '../helpers/fixtures.ts';

const FIXTURES = POLYMARKET_FIXTURES;
const fixture = (rel: string): unknown => JSON.parse(readFileSync(`${FIXTURES}/${rel}`, 'utf8'));

/** Path → set of JSON types, array elements merged under `[]`. */
function shape(v: unknown, prefix = '', out = new Map<string, Set<string>>()): Map<string, Set<string>> {
  const t = v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
  if (prefix) out.set(prefix, (out.get(prefix) ?? new Set()).add(t));
  if (Array.isArray(v)) for (const x of v) shape(x, `${prefix}[]`, out);
  else if (t === 'object') for (const [k, x] of Object.entries(v as object)) shape(x, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

/** Fixture paths missing from the sim or carried with another JSON type ("path: fixtureType vs simTypes"). */
function mismatches(fix: unknown, sim: unknown, ignore: string[] = []): string[] {
  const want = shape(fix);
  const got = shape(sim);
  const out: string[] = [];
  for (const [path, types] of want) {
    if (ignore.some((p) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[]`))) continue;
    const have = got.get(path);
    if (!have) out.push(`${path}: missing`);
    else for (const t of types) if (!have.has(t)) out.push(`${path}: ${t} vs ${[...have].join('|')}`);
  }
  return out;
}

let sim: Simulator;
let pm: Polymarket;
let whale: string;
const get = async (url: string): Promise<unknown> => {
  const res = await fetch(url);
  expect(res.status, url).toBe(200);
  return res.json();
};

beforeAll(async () => {
  sim = await startSimulator({ seed: 1, manualClock: true });
  sim.advance(120_000);
  whale = sim.world.leaderboard({ timePeriod: 'ALL', orderBy: 'VOL' })[0]!.proxyWallet;
  pm = createPolymarket({
    dataApiUrl: sim.urls.dataApi, gammaUrl: sim.urls.gamma, clobUrl: sim.urls.clob, logger: silentLogger, rateFraction: 1,
  });
});

afterAll(async () => {
  await pm?.close();
  await sim?.stop();
});

describe('simulator responses carry every fixture field with the fixture type', () => {
  it('Data API', async () => {
    const d = sim.urls.dataApi;
    expect(mismatches(fixture('data-api-leaderboard/go-polymarket-leaderboard-all-vol.json'),
      await get(`${d}/v1/leaderboard?timePeriod=ALL&orderBy=VOL&limit=5`))).toEqual([]);
    expect(mismatches(fixture('data-api-positions/go-polymarket-positions.json'), await get(`${d}/positions?user=${whale}`))).toEqual([]);
    expect(mismatches(fixture('data-api-closed-positions/go-polymarket-closed-positions.json'),
      await get(`${d}/closed-positions?user=${whale}`))).toEqual([]);
    const redeems = (await get(`${d}/activity?user=${whale}&type=REDEEM`)) as unknown[];
    expect(redeems.length).toBeGreaterThan(0);
    expect(mismatches(fixture('data-api-activity/go-polymarket-activity-redeem.json'), redeems)).toEqual([]);
    expect(mismatches(fixture('data-api-activity/go-polymarket-activity-redeem.json'), await get(`${d}/activity?user=${whale}&type=TRADE`))).toEqual([]);
    expect(mismatches(fixture('data-api-trades/go-polymarket-trades-global-feed.json'), await get(`${d}/trades?limit=200`))).toEqual([]);
    const market = sim.world.markets().find((m) => !m.closed)!;
    expect(mismatches(fixture('data-api-holders/go-polymarket-holders.json'), await get(`${d}/holders?market=${market.conditionId}`))).toEqual([]);
    expect(mismatches(fixture('data-api-value/go-polymarket-value.json'), await get(`${d}/value?user=${whale}`))).toEqual([]);
  });

  it('Data API number/string conventions: rank string, unix-second timestamps', async () => {
    const lb = (await get(`${sim.urls.dataApi}/v1/leaderboard?timePeriod=ALL&limit=2`)) as { rank: unknown }[];
    expect(lb.map((r) => r.rank)).toEqual(['1', '2']);
    const acts = (await get(`${sim.urls.dataApi}/activity?user=${whale}&limit=1`)) as { timestamp: number }[];
    expect(Number.isInteger(acts[0]!.timestamp)).toBe(true);
    expect(acts[0]!.timestamp).toBeLessThanOrEqual(Math.floor(sim.now() / 1000));
    expect(acts[0]!.timestamp).toBeGreaterThan(1_700_000_000);
  });

  it('Gamma', async () => {
    const g = sim.urls.gamma;
    const markets = (await get(`${g}/markets?limit=5&order=volume24hr`)) as Record<string, unknown>[];
    expect(mismatches([fixture('gamma-markets/go-polymarket-market-559651.json')], markets, ['[].clobRewards'])).toEqual([]);
    const closedEvents = await get(`${g}/events?closed=true&limit=5`);
    expect(mismatches([fixture('gamma-events/go-polymarket-event-2890.json')], closedEvents,
      ['[].markets', '[].series', '[].eventMetadata', '[].seriesSlug'])).toEqual([]);
    const eventMarkets = (closedEvents as { markets: unknown[] }[]).flatMap((e) => e.markets);
    expect(mismatches([fixture('gamma-markets/go-polymarket-market-559651.json')], eventMarkets, ['[].clobRewards'])).toEqual([]);
    const m = markets[0]!;
    expect(JSON.parse(m.clobTokenIds as string)).toHaveLength(2);
    expect(m.clobTokenIds).toMatch(/^\["\d{77}", "\d{77}"\]$/);
    const withProfile = sim.world.wallets().find((w) => sim.world.profileOf(w))!;
    expect(mismatches(fixture('gamma-public-profile/go-polymarket-public-profile.json'), await get(`${g}/public-profile?address=${withProfile}`))).toEqual([]);
  });

  it('CLOB REST: book keys in wire order, levels worst first, strings', async () => {
    const token = JSON.parse(sim.world.markets().find((m) => !m.closed)!.clobTokenIds as string)[0] as string;
    const c = sim.urls.clob;
    const raw = fixture('clob-book/go-polymarket-vectors-raw-book-0.json') as Record<string, unknown>;
    const book = (await get(`${c}/book?token_id=${token}`)) as { bids: { price: string }[]; asks: { price: string }[] };
    expect(Object.keys(book)).toEqual(Object.keys(raw));
    expect(mismatches(raw, book)).toEqual([]);
    const bids = book.bids.map((l) => Number(l.price));
    const asks = book.asks.map((l) => Number(l.price));
    expect(bids).toEqual([...bids].sort((a, b) => a - b));
    expect(asks).toEqual([...asks].sort((a, b) => b - a));
    expect(bids.at(-1)!).toBeLessThan(asks.at(-1)!);
    expect(mismatches(fixture('clob-midpoint/go-polymarket-midpoint.json'), await get(`${c}/midpoint?token_id=${token}`))).toEqual([]);
    expect(mismatches(fixture('clob-prices-history/go-polymarket-prices-history.json'),
      await get(`${c}/prices-history?market=${token}&interval=1d&fidelity=60`))).toEqual([]);
  });

  it('tick_size_change frames match the fixture', () => {
    const m = sim.world.core.markets.find((x) => !x.closed)!;
    const frame = tickSizeFrame(m, 0, 10, sim.now()).frame;
    const fix = fixture('ws-market-tick-size-change/nautilus-ws-tick-size-change-2025.json') as Record<string, unknown>;
    expect(mismatches(fix, frame)).toEqual([]);
    expect(Object.keys(frame).sort()).toEqual(Object.keys(fix).sort());
  });
});

describe('the real clients read the simulator with zero rejected records', () => {
  it('Data API', async () => {
    const pages = [
      await pm.data.leaderboard({ category: 'OVERALL', timePeriod: 'ALL', orderBy: 'PNL', limit: 50 }),
      await pm.data.leaderboardTop({ category: 'SPORTS', timePeriod: 'MONTH', orderBy: 'VOL' }, 200),
      await pm.data.leaderboard({ category: 'CRYPTO', timePeriod: 'DAY', orderBy: 'VOL' }),
      await pm.data.positionsAll(whale),
      await pm.data.closedPositions(whale, {}),
      await pm.data.activity(whale, { limit: 500 }),
      await pm.data.activitySince(whale, 1),
      await pm.data.trades({ limit: 500 }),
      await pm.data.trades({ user: whale, limit: 100 }),
      await pm.data.trades({ market: sim.world.markets()[0]!.conditionId as string, filterType: 'CASH', filterAmount: 10 }),
      await pm.data.holders(sim.world.markets().find((m) => !m.closed)!.conditionId as string),
    ];
    for (const p of pages) {
      expect(p.rejected).toBe(0);
      expect(p.items.length).toBeGreaterThan(0);
    }
    expect((await pm.data.activitySince(whale, 1)).items.length).toBe(sim.world.activityOf(whale).length);
    expect((await pm.data.value(whale))?.value).toBeGreaterThan(0);
  });

  it('Gamma', async () => {
    const open = await pm.gamma.marketsAll({ closed: false }, 1000);
    const closed = await pm.gamma.marketsAll({ closed: true }, 1000);
    expect(open.rejected + closed.rejected).toBe(0);
    expect(open.items.length + closed.items.length).toBe(300);
    const events = await pm.gamma.events({ closed: false, limit: 50 });
    expect(events.rejected).toBe(0);
    expect(events.items.length).toBe(50);
    const withProfile = sim.world.wallets().find((w) => sim.world.profileOf(w))!;
    const without = sim.world.wallets().find((w) => !sim.world.profileOf(w))!;
    expect((await pm.gamma.publicProfile(withProfile))?.wallet).toBe(withProfile);
    expect(await pm.gamma.publicProfile(without)).toBeNull();
  });

  it('CLOB', async () => {
    const tokens = sim.world.markets().filter((m) => !m.closed).slice(0, 30).flatMap((m) => JSON.parse(m.clobTokenIds as string) as string[]);
    const book = await pm.clob.book(tokens[0]!);
    expect(book?.assetId).toBe(tokens[0]);
    const books = await pm.clob.books(tokens);
    expect(books.rejected).toBe(0);
    expect(books.items).toHaveLength(tokens.length);
    const hist = await pm.clob.pricesHistory({ market: tokens[0]!, interval: '1w', fidelity: 60 });
    expect(hist.rejected).toBe(0);
    expect(hist.items.length).toBeGreaterThan(100);
    expect(await pm.clob.midpoint(tokens[0]!)).toBe(sim.world.midpoint(tokens[0]!));
  });
});
