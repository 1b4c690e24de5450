/**
 * The simulator's planted truth (src/sim/truth.ts): a realistic skill distribution (≥ 80 % of wallets within
 * [0.45, 0.55]), every kind present, insiders that behave as planted, trades that follow the planted skill, and
 * the same truth for the same seed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { World } from '../../src/sim/index.ts';
import { worldTruth, type WorldTruth } from '../../src/sim/truth.ts';

const START = Date.UTC(2026, 7, 1);
const OPTIONS = {
  seed: 3, marketCount: 150, walletCount: 1500, startTime: START, hostile: false, historyDays: 30, historyTrades: 40_000,
  tradesPerSecond: 3, quotesPerSecond: 5, burstEveryMs: 240_000,
} as const;

let world: World;
let truth: WorldTruth;

beforeAll(() => {
  world = new World(OPTIONS, () => START, 0);
  truth = worldTruth(world);
});

type Row = Record<string, unknown>;

describe('planted truth', () => {
  it('skills: at least 80 % of wallets within [0.45, 0.55], a thin skilled tail above', () => {
    const skills = truth.wallets.map((w) => w.skill);
    const inBand = skills.filter((s) => s >= 0.45 && s <= 0.55).length / skills.length;
    expect(inBand).toBeGreaterThanOrEqual(0.8);
    expect(inBand).toBeLessThan(0.97);
    const tail = skills.filter((s) => s >= 0.56).length / skills.length;
    expect(tail).toBeGreaterThan(0.02);
    expect(tail).toBeLessThan(0.1);
    for (const w of truth.wallets) {
      for (const s of Object.values(w.skillByCategory)) expect(s).toBeGreaterThanOrEqual(0.3);
      expect(Object.keys(w.skillByCategory)).toHaveLength(9);
    }
  });

  it('every kind is planted; the elite are skilled; lucky whales have no edge and trade big', () => {
    const byKind = new Map<string, number>();
    for (const w of truth.wallets) byKind.set(w.kind, (byKind.get(w.kind) ?? 0) + 1);
    for (const kind of ['ordinary', 'skilled', 'insider', 'market_maker', 'lucky_whale']) expect(byKind.get(kind) ?? 0).toBeGreaterThanOrEqual(3);
    for (const w of truth.wallets.filter((x) => x.elite)) expect(w.kind).toBe('skilled');
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const avgBuy = (address: string): number => {
      const buys = world.activityOf(address).filter((a) => a.side === 'BUY').map((a) => a.usdcSize as number);
      return buys.length ? buys.reduce((s, x) => s + x, 0) / buys.length : 0;
    };
    const whales = truth.wallets.filter((w) => w.kind === 'lucky_whale');
    const ordinary = truth.wallets.filter((w) => w.kind === 'ordinary').slice(0, 300);
    for (const w of whales) expect(w.skill).toBe(0.5);
    expect(median(whales.map((w) => avgBuy(w.address)).filter((x) => x > 0))).toBeGreaterThan(20 * median(ordinary.map((w) => avgBuy(w.address)).filter((x) => x > 0)));
  });

  it('market makers trade many markets, on both sides, in small size', () => {
    const makers = truth.wallets.filter((w) => w.kind === 'market_maker');
    for (const mm of makers) {
      const trades = world.activityOf(mm.address).filter((a) => a.type === 'TRADE');
      const markets = new Map<string, Set<number>>();
      for (const t of trades) {
        const m = markets.get(t.conditionId as string) ?? new Set<number>();
        m.add(t.outcomeIndex as number);
        markets.set(t.conditionId as string, m);
      }
      expect(markets.size, mm.address).toBeGreaterThanOrEqual(20);
      const bothSides = [...markets.values()].filter((s) => s.size === 2).length;
      expect(bothSides, mm.address).toBeGreaterThanOrEqual(3);
      expect(trades.some((t) => t.side === 'SELL')).toBe(true);
    }
  });

  it('insiders: a fresh wallet, one large BUY of the winner on a niche market shortly before it resolves', () => {
    const markets = world.markets();
    const weights = world.core.markets.map((m) => m.weight).sort((a, b) => a - b);
    const medianWeight = weights[Math.floor(weights.length / 2)]!;
    const placed = truth.insiderBets.filter((b) => b.placed);
    expect(placed.length).toBeGreaterThanOrEqual(3);
    for (const bet of placed) {
      const rows = world.activityOf(bet.wallet);
      const trades = rows.filter((a) => a.type === 'TRADE');
      expect(trades, bet.wallet).toHaveLength(1);
      const t = trades[0]!;
      expect(t).toMatchObject({ side: 'BUY', conditionId: bet.conditionId, outcomeIndex: bet.outcomeIndex });
      expect(t.usdcSize as number).toBeGreaterThanOrEqual(2_990);
      const lead = bet.resolvesAt - (t.timestamp as number) * 1000;
      expect(lead).toBeGreaterThan(0);
      expect(lead).toBeLessThanOrEqual(48 * 3_600_000);
      expect(world.marketOf(bet.conditionId)!.weight).toBeLessThanOrEqual(medianWeight);
      const profile = world.profileOf(bet.wallet);
      if (profile) expect(Date.parse(profile.createdAt as string)).toBeGreaterThan(bet.placedAt - 6 * 86_400_000);
      const resolution = truth.resolutions.find((r) => r.conditionId === bet.conditionId);
      if (resolution) {
        expect(resolution.winningOutcomeIndex).toBe(bet.outcomeIndex);
        const gamma = markets.find((m) => m.conditionId === bet.conditionId) as Row;
        expect(gamma.closed).toBe(true);
        expect(JSON.parse(gamma.outcomePrices as string)[bet.outcomeIndex]).toBe('1');
        expect(rows.some((a) => a.type === 'REDEEM' && (a.usdcSize as number) > (t.usdcSize as number))).toBe(true);
      }
    }
  });

  it('BUYs back the eventual winner as often as the planted skill says', () => {
    const winnerOf = new Map(world.core.markets.map((m) => [m.conditionId, m.winner]));
    const rate = (kind: string, minSkill = 0): { hits: number; n: number; expected: number } => {
      let hits = 0;
      let n = 0;
      let expected = 0;
      for (const w of truth.wallets.filter((x) => x.kind === kind && x.skill >= minSkill)) {
        for (const a of world.activityOf(w.address)) {
          if (a.side !== 'BUY') continue;
          n++;
          if (a.outcomeIndex === winnerOf.get(a.conditionId as string)) hits++;
          expected += w.skill;
        }
      }
      return { hits, n, expected: expected / Math.max(1, n) };
    };
    const ordinary = rate('ordinary');
    expect(ordinary.n).toBeGreaterThan(5_000);
    expect(Math.abs(ordinary.hits / ordinary.n - ordinary.expected)).toBeLessThan(0.03);
    const skilled = rate('skilled');
    expect(skilled.hits / skilled.n).toBeGreaterThan(0.6);
  });

  it('resolutions agree with Gamma and with the positions left behind (losers that never redeemed sit at curPrice 0)', () => {
    expect(truth.resolutions.length).toBeGreaterThan(10);
    const gamma = new Map(world.markets().map((m) => [m.conditionId as string, m]));
    for (const r of truth.resolutions) {
      const m = gamma.get(r.conditionId)!;
      expect(m.closed).toBe(true);
      expect(JSON.parse(m.outcomePrices as string)).toEqual(r.winningOutcomeIndex === 0 ? ['1', '0'] : ['0', '1']);
      expect(r.resolvedAt).toBeLessThanOrEqual(truth.now);
    }
    const resolved = new Map(truth.resolutions.map((r) => [r.conditionId, r.winningOutcomeIndex]));
    let deadLosers = 0;
    for (const w of truth.wallets.slice(0, 600)) {
      for (const p of world.positionsOf(w.address)) {
        const winner = resolved.get(p.conditionId as string);
        if (winner === undefined) continue;
        expect(p.outcomeIndex, 'a resolved winner is always redeemed').not.toBe(winner);
        expect(p).toMatchObject({ curPrice: 0, currentValue: 0, redeemable: true });
        expect(p.cashPnl as number).toBeCloseTo(-(p.initialValue as number), 6);
        deadLosers++;
      }
    }
    expect(deadLosers).toBeGreaterThan(20);
  });

  it('/closed-positions agree with /activity: totalBought in shares, realizedPnl = proceeds − cost', () => {
    let checked = 0;
    for (const w of truth.wallets.filter((_, i) => i % 5 === 0)) {
      const activity = world.activityOf(w.address);
      for (const c of world.closedPositionsOf(w.address)) {
        const rows = activity.filter((a) => a.asset === c.asset);
        const bought = rows.filter((a) => a.side === 'BUY');
        const shares = bought.reduce((s, a) => s + (a.size as number), 0);
        const cost = bought.reduce((s, a) => s + (a.usdcSize as number), 0);
        const proceeds = rows.filter((a) => a.side === 'SELL' || a.type === 'REDEEM').reduce((s, a) => s + (a.usdcSize as number), 0);
        expect(c.totalBought as number).toBeCloseTo(shares, 4);
        expect(c.realizedPnl as number).toBeCloseTo(proceeds - cost, 2);
        expect(c.avgPrice as number).toBeCloseTo(cost / shares, 3);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('a market resolving in the live phase sends market_resolved with the planted winner', () => {
    let now = START;
    // A slow live phase: only the resolution matters here, not the trading on the way to it.
    const live = new World({ ...OPTIONS, tradesPerSecond: 0.3, quotesPerSecond: 0.2, burstEveryMs: 0 }, () => now, 0);
    const next = live.core.markets.filter((m) => !m.closed).sort((a, b) => a.endDate - b.endDate)[0]!;
    expect(next.endDate - START).toBeLessThan(7 * 3_600_000);
    const frames: Row[] = [];
    live.core.onFrames((batch) => frames.push(...batch.map((f) => f.frame).filter((f) => f.event_type === 'market_resolved')));
    now = next.endDate;
    live.sync();
    const resolved = worldTruth(live).resolutions.find((r) => r.conditionId === next.conditionId)!;
    expect(resolved).toMatchObject({ resolvedAt: next.endDate, winningOutcomeIndex: next.winner });
    const frame = frames.find((f) => f.market === next.conditionId)!;
    expect(frame).toMatchObject({ winning_asset_id: next.tokens[next.winner], winning_outcome: next.outcomes[next.winner] });
  });

  it('the same seed plants the same truth; another seed another', () => {
    const again = worldTruth(new World(OPTIONS, () => START, 0));
    expect(again).toEqual(truth);
    const other = worldTruth(new World({ ...OPTIONS, seed: 4 }, () => START, 0));
    expect(other.wallets.map((w) => w.skill)).not.toEqual(truth.wallets.map((w) => w.skill));
  });
});

describe('the truth stays hidden', () => {
  it('no module of the product imports src/sim/truth.ts (only tests and benchmarks do)', () => {
    const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f) && !f.endsWith('truth.ts'));
    expect(files.length).toBeGreaterThan(50);
    const importers = files.filter((f) => /from '[^']*truth(\.ts)?'/.test(readFileSync(join('src', f), 'utf8')));
    expect(importers).toEqual([]);
  });

  it('no wire row carries a truth field', () => {
    const w = truth.wallets.find((x) => x.kind === 'insider')!;
    const rows: Row[] = [...world.activityOf(w.address), ...world.positionsOf(w.address), ...world.closedPositionsOf(w.address), world.profileOf(w.address) ?? {}];
    for (const row of rows) for (const key of ['kind', 'skill', 'skillByCategory', 'insider']) expect(row).not.toHaveProperty(key);
  });
});
