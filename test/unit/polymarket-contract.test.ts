import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  activitySchema,
  closedPositionSchema,
  holderSchema,
  leaderboardEntrySchema,
  portfolioValueSchema,
  positionSchema,
  tokenHoldersEnvelopeSchema,
  tradeSchema,
  v2TradeSchema,
  v2TradesEnvelopeSchema,
} from '../../src/polymarket/schemas-data.ts';
import { eventEnvelopeSchema, marketSchema, publicProfileSchema, toPublicProfile } from '../../src/polymarket/schemas-gamma.ts';
import { midpointSchema, orderBookSchema, pricePointSchema, pricesHistoryEnvelopeSchema } from '../../src/polymarket/schemas-clob.ts';
import { parseWireDate } from '../../src/polymarket/wire.ts';
import { expectArray, parseEach, parseWhole } from '../../src/polymarket/validate.ts';
import { POLYMARKET_FIXTURES } from '../helpers/fixtures.ts';

const FIXTURES = POLYMARKET_FIXTURES;

/** Records and rejects of one fixture, parsed exactly as the clients do (per record, nested per record). */
interface Parsed {
  items: unknown[];
  rejected: number;
  reasons: string[];
}

function each<T>(records: unknown[], schema: z.ZodType<T>, where: string, acc: Parsed): T[] {
  const page = parseEach(records, schema, where, (_w, _n, samples) => acc.reasons.push(...samples));
  acc.rejected += page.rejected;
  return page.items;
}

/** A single-object fixture (GET /markets/{id}, /events/{id}) is treated as a one-element list. */
function asList(body: unknown): unknown[] {
  return Array.isArray(body) ? body : [body];
}

/** Parser per fixture directory. Every HTTP fixture directory must appear here (checked below). */
const PARSERS: Record<string, (body: unknown) => Parsed> = {
  'data-api-leaderboard': (b) => list(b, leaderboardEntrySchema),
  'data-api-positions': (b) => list(b, positionSchema),
  'data-api-closed-positions': (b) => list(b, closedPositionSchema),
  'data-api-trades': (b) => list(b, tradeSchema),
  'data-api-activity': (b) => list(b, activitySchema),
  'data-api-value': (b) => list(b, portfolioValueSchema),
  'data-api-holders': (b) => {
    const acc: Parsed = { items: [], rejected: 0, reasons: [] };
    for (const g of each(expectArray(b, 'fixture'), tokenHoldersEnvelopeSchema, 'holders', acc)) {
      acc.items.push({ token: g.token, holders: each(g.holders, holderSchema, 'holders.holders', acc) });
    }
    return acc;
  },
  // whaletop does not call Data API v2 (cursor paging, snake_case, maybe auth: POLYMARKET_API.md §1.8), but the
  // recorded v2 envelope is parsed with its own schema so a shape change is noticed if we ever adopt it.
  'data-api-v2-trades': (b) => {
    const acc: Parsed = { items: [], rejected: 0, reasons: [] };
    const env = parseWhole(b, v2TradesEnvelopeSchema, 'fixture');
    acc.items = each(env.data, v2TradeSchema, 'v2', acc);
    return acc;
  },
  'gamma-markets': (b) => list(asList(b), marketSchema),
  'gamma-events': (b) => {
    const acc: Parsed = { items: [], rejected: 0, reasons: [] };
    for (const e of each(asList(b), eventEnvelopeSchema, 'events', acc)) {
      acc.items.push({ ...e, markets: each(e.markets, marketSchema, 'events.markets', acc) });
    }
    return acc;
  },
  'gamma-public-profile': (b) => ({ items: [toPublicProfile(parseWhole(b, publicProfileSchema, 'fixture'), '0x0')], rejected: 0, reasons: [] }),
  'clob-book': (b) => ({ items: [parseWhole(b, orderBookSchema, 'fixture')], rejected: 0, reasons: [] }),
  'clob-prices-history': (b) => {
    const acc: Parsed = { items: [], rejected: 0, reasons: [] };
    acc.items = each(parseWhole(b, pricesHistoryEnvelopeSchema, 'fixture').history, pricePointSchema, 'history', acc);
    return acc;
  },
  'clob-midpoint': (b) => ({ items: [parseWhole(b, midpointSchema, 'fixture')], rejected: 0, reasons: [] }),
};

function list<T>(body: unknown, schema: z.ZodType<T>): Parsed {
  const acc: Parsed = { items: [], rejected: 0, reasons: [] };
  acc.items = each(expectArray(body, 'fixture'), schema, 'list', acc);
  return acc;
}

const httpDirs = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && /^(data-api|gamma|clob)-/.test(d.name))
  .map((d) => d.name)
  .sort();

function load(dir: string, file: string): unknown {
  return JSON.parse(readFileSync(join(FIXTURES, dir, file), 'utf8'));
}

function parseFixture(dir: string, file: string): Parsed {
  const parser = PARSERS[dir];
  if (!parser) throw new Error(`no parser for fixture dir ${dir}`);
  return parser(load(dir, file));
}

describe('every recorded HTTP fixture parses with zero rejected records', () => {
  it('covers every HTTP fixture directory', () => {
    expect(httpDirs.length).toBe(14);
    expect(httpDirs.filter((d) => !(d in PARSERS))).toEqual([]);
  });

  for (const dir of httpDirs) {
    for (const file of readdirSync(join(FIXTURES, dir)).filter((f) => f.endsWith('.json'))) {
      it(`${dir}/${file}`, () => {
        const parsed = parseFixture(dir, file);
        expect(parsed.reasons).toEqual([]);
        expect(parsed.rejected).toBe(0);
        expect(parsed.items.length).toBeGreaterThan(0);
      });
    }
  }
});

describe('mapped values', () => {
  it('leaderboard: rank "1" → 1, vol → volume, wallet lower-case', () => {
    const [e] = parseFixture('data-api-leaderboard', 'go-polymarket-leaderboard-all-vol.json').items;
    expect(e).toEqual({
      rank: 1,
      wallet: '0x204f72f35326db932158cba6adff0b9a1da95e14',
      userName: 'swisstony',
      xUsername: '',
      verifiedBadge: false,
      profileImage: '',
      pnl: 23373702.173558038,
      volume: 1803373946.6578584,
    });
  });

  it('positions: date-only endDate → UTC midnight ms', () => {
    const [p] = parseFixture('data-api-positions', 'go-polymarket-positions.json').items as Array<Record<string, unknown>>;
    expect(p).toMatchObject({ size: 162963.4451, outcomeIndex: 0, endDate: Date.UTC(2026, 7, 16), eventSlug: 'clf-tot-tsg-2026-08-16-more-markets' });
    expect(p).not.toHaveProperty('grossInitialValue');
  });

  it('closed positions and activity: unix seconds → ms; REDEEM side "" price 0', () => {
    const [c] = parseFixture('data-api-closed-positions', 'go-polymarket-closed-positions.json').items as Array<Record<string, unknown>>;
    expect(c).toMatchObject({ timestamp: 1782425635_000, curPrice: 1, realizedPnl: 1156202.6574 });
    const [a] = parseFixture('data-api-activity', 'go-polymarket-activity-redeem.json').items as Array<Record<string, unknown>>;
    expect(a).toMatchObject({ type: 'REDEEM', side: '', price: 0, usdcSize: 0, size: 20, timestamp: 1786861677_000, outcomeIndex: 1 });
  });

  it('trades: outcomeIndex 999 sentinel kept', () => {
    const [t] = parseFixture('data-api-trades', 'go-polymarket-trades-global-feed.json').items as Array<Record<string, unknown>>;
    expect(t).toMatchObject({ outcomeIndex: 999, side: 'BUY', size: 21, price: 0.16, timestamp: 1786861350_000 });
  });

  it('holders keep the token and the verified flag; value maps user → wallet', () => {
    const [g] = parseFixture('data-api-holders', 'go-polymarket-holders.json').items as Array<{ token: string; holders: unknown[] }>;
    expect(g!.token).toHaveLength(77);
    expect(g!.holders[0]).toEqual({
      wallet: '0x204f72f35326db932158cba6adff0b9a1da95e14',
      pseudonym: 'Frail-Possible',
      name: 'swisstony',
      profileImage: '',
      outcomeIndex: 0,
      amount: 162963.4451,
      verified: false,
    });
    expect(parseFixture('data-api-value', 'go-polymarket-value.json').items).toEqual([
      { wallet: '0x204f72f35326db932158cba6adff0b9a1da95e14', value: 451161.4413 },
    ]);
  });

  it('v2 trades map snake_case to the same Trade shape', () => {
    const items = parseFixture('data-api-v2-trades', 'nautilus-sanitized-v2-trades.json').items as Array<Record<string, unknown>>;
    expect(items[0]).toMatchObject({ side: 'SELL', size: 92.59, price: 0.7, timestamp: 1786179735_000, outcomeIndex: 0 });
  });

  it('gamma market: stringified arrays decoded, string money parsed, tags as labels', () => {
    const [m] = parseFixture('gamma-markets', 'go-polymarket-market-559651.json').items as Array<Record<string, unknown>>;
    const ids = m!.clobTokenIds as string[];
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(id).toMatch(/^\d{77}$/);
    expect(m).toMatchObject({
      gammaId: '559651',
      outcomes: ['Yes', 'No'],
      outcomePrices: [0.0455, 0.9545],
      volume: 12071015.216477996,
      liquidity: 237253.02375,
      volume24hr: 14542.225487,
      active: true,
      closed: false,
      endDate: Date.UTC(2026, 11, 31),
      updatedAt: Date.parse('2026-08-16T08:48:06.699Z'),
    });
    expect(m!.tags).toContain('world affairs');
    const [btc] = parseFixture('gamma-markets', 'nautilus-gamma-market-btc-updown-5m.json').items as Array<Record<string, unknown>>;
    expect(btc).toMatchObject({ eventSlug: 'btc-updown-5m-1773307200', tags: [], category: '' });
  });

  it('gamma events: numeric money, legacy category, 40-digit price strings', () => {
    const [e] = parseFixture('gamma-events', 'go-polymarket-event-2890.json').items as Array<Record<string, unknown>>;
    expect(e).toMatchObject({ id: '2890', category: 'Sports', volume: 1335.05, closed: true });
    const markets = e!.markets as Array<Record<string, unknown>>;
    expect(markets).toHaveLength(1);
    expect(markets[0]).toMatchObject({ category: 'Sports', outcomePrices: [Number('0.0000004113679809846114013590098187297978'), Number('0.9999995886320190153885986409901813')] });
    const [neg] = parseFixture('gamma-events', 'nautilus-gamma-event-30829.json').items as Array<{ markets: unknown[] }>;
    expect(neg!.markets).toHaveLength(2);
  });

  it('public profile maps every field; createdAt with microseconds → ms', () => {
    const [p] = parseFixture('gamma-public-profile', 'go-polymarket-public-profile.json').items;
    expect(p).toEqual({
      wallet: '0x7c3db723f1d4d8cb9c550095203b686cb11e5c6b',
      pseudonym: 'Peppery-Capital',
      name: 'Car',
      bio: 'what is your plan',
      profileImage: 'https://example.com/i.png',
      xUsername: 'CarOnPolymarket',
      verifiedBadge: true,
      displayUsernamePublic: true,
      createdAt: Date.parse('2024-02-09T01:08:31.155Z'),
    });
  });

  it('clob book: strings → numbers, wire order kept (best last), old shape → nulls', () => {
    const [b] = parseFixture('clob-book', 'go-polymarket-vectors-raw-book-0.json').items as Array<Record<string, unknown>>;
    expect(b).toMatchObject({ timestamp: 1786875382652, hash: '608948fac9887f4b8589dd2099748107b7d27810' });
    const bids = b!.bids as Array<{ price: number }>;
    expect(bids[0]).toEqual({ price: 0.001, size: 10612956.49 });
    expect(bids.at(-1)!.price).toBeGreaterThan(bids[0]!.price);
    const [old] = parseFixture('clob-book', 'nautilus-rest-book-2024.json').items as Array<Record<string, unknown>>;
    expect(old).toMatchObject({ tickSize: null, minOrderSize: null, lastTradePrice: null, timestamp: 1728799418260 });
    expect((old!.asks as Array<{ price: number }>).at(-1)!.price).toBe(0.14);
  });

  it('prices history keeps t in seconds; midpoint "mid" string → number', () => {
    expect(parseFixture('clob-prices-history', 'go-polymarket-prices-history.json').items).toEqual([
      { t: 1786860613, p: 0.0445 },
      { t: 1786861208, p: 0.0455 },
    ]);
    expect(parseFixture('clob-midpoint', 'go-polymarket-midpoint.json').items).toEqual([0.0455]);
    expect(midpointSchema.parse({ mid_price: '0.5' })).toBe(0.5);
  });
});

describe('parseWireDate', () => {
  it.each([
    ['2021-12-05 20:37:01+00', Date.UTC(2021, 11, 5, 20, 37, 1)],
    ['2022-07-27 14:40:02.064+00', Date.UTC(2022, 6, 27, 14, 40, 2, 64)],
    ['2026-03-11T09:29:01.328428Z', Date.UTC(2026, 2, 11, 9, 29, 1, 328)],
    ['2025-07-03T20:37:00.228Z', Date.UTC(2025, 6, 3, 20, 37, 0, 228)],
    ['2026-12-31T00:00:00Z', Date.UTC(2026, 11, 31)],
    ['2026-12-31', Date.UTC(2026, 11, 31)],
    ['2026-06-25T02:00:00+02:00', Date.UTC(2026, 5, 25)],
  ])('%s', (input, expected) => {
    expect(parseWireDate(input)).toBe(expected);
  });

  it('rejects garbage and impossible dates', () => {
    expect(parseWireDate('yesterday')).toBeNull();
    expect(parseWireDate('2026-13-01')).toBeNull();
    expect(parseWireDate('2026-02-30')).toBeNull();
  });

  it('the events fixture carries a Postgres-style closedTime that parses', () => {
    const raw = load('gamma-events', 'go-polymarket-event-2890.json') as { markets: Array<{ closedTime: string }> };
    expect(parseWireDate(raw.markets[0]!.closedTime)).toBe(Date.UTC(2021, 11, 5, 20, 37, 1));
  });
});
