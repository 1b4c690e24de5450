/**
 * The world is mutually consistent: positions = net TRADE size − redeemed size per asset, holders = positions,
 * ALL-period leaderboard volume = Σ TRADE usdcSize, and an elite burst moves its market the way signals expect.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { World } from '../../src/sim/index.ts';

const START = Date.UTC(2026, 7, 1);
let now = START;
let world: World;

beforeAll(() => {
  world = new World(
    { seed: 3, marketCount: 150, walletCount: 1500, startTime: START, hostile: false, historyDays: 30, historyTrades: 40_000,
      tradesPerSecond: 3, quotesPerSecond: 5, burstEveryMs: 240_000 },
    () => now,
    0,
  );
  now += 15 * 60_000; // some live trading and at least one spontaneous burst on top of the history
  world.sync();
});

type Row = Record<string, unknown>;

function netByAsset(activity: Row[]): Map<string, number> {
  const net = new Map<string, number>();
  for (const a of activity) {
    const asset = a.asset as string;
    const size = a.size as number;
    const delta = a.type === 'TRADE' ? (a.side === 'BUY' ? size : -size) : a.type === 'REDEEM' ? -size : 0;
    net.set(asset, (net.get(asset) ?? 0) + delta);
  }
  return net;
}

describe('world consistency', () => {
  const sample = (): string[] => {
    const board = world.leaderboard({ timePeriod: 'ALL', orderBy: 'VOL' });
    return [...board.slice(0, 25), ...board.filter((_, i) => i % 97 === 0)].map((r) => r.proxyWallet);
  };

  it('positions equal net TRADE size minus REDEEM size per asset', () => {
    let checked = 0;
    for (const wallet of sample()) {
      const net = netByAsset(world.activityOf(wallet));
      const positions = new Map(world.positionsOf(wallet).map((p) => [p.asset as string, p.size as number]));
      for (const [asset, size] of net) {
        expect(positions.get(asset) ?? 0, `${wallet} ${asset}`).toBeCloseTo(size, 4);
        checked++;
      }
      for (const asset of positions.keys()) expect(net.has(asset)).toBe(true);
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('holders agree with positions', () => {
    let checked = 0;
    for (const m of world.markets().filter((x) => !x.closed).slice(0, 40)) {
      for (const group of world.holdersOf(m.conditionId as string)) {
        for (const h of group.holders) {
          const pos = world.positionsOf(h.proxyWallet as string).find((p) => p.asset === group.token);
          expect(pos?.size).toBe(h.amount);
          checked++;
        }
        const amounts = group.holders.map((h) => h.amount as number);
        expect(amounts).toEqual([...amounts].sort((x, y) => y - x));
        expect(amounts.length).toBeLessThanOrEqual(20);
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('ALL-period leaderboard volume is the sum of TRADE usdcSize', () => {
    const board = world.leaderboard({ timePeriod: 'ALL', orderBy: 'VOL' });
    for (const wallet of sample()) {
      const vol = world.activityOf(wallet).filter((a) => a.type === 'TRADE').reduce((s, a) => s + (a.usdcSize as number), 0);
      expect(board.find((r) => r.proxyWallet === wallet)!.vol).toBeCloseTo(vol, 3);
    }
    expect(board.map((r) => r.rank).slice(0, 3)).toEqual(['1', '2', '3']);
    const vols = board.map((r) => r.vol);
    expect(vols).toEqual([...vols].sort((x, y) => y - x));
  });

  it('PnL and volume are heavy-tailed and the elite outperform', () => {
    const board = world.leaderboard({ timePeriod: 'ALL', orderBy: 'VOL' });
    const total = board.reduce((s, r) => s + r.vol, 0);
    const top1pc = board.slice(0, Math.ceil(board.length / 100)).reduce((s, r) => s + r.vol, 0);
    expect(top1pc / total).toBeGreaterThan(0.1);
    const elite = new Set(world.eliteWallets());
    const mean = (rows: typeof board): number => rows.reduce((s, r) => s + r.pnl, 0) / rows.length;
    expect(mean(board.filter((r) => elite.has(r.proxyWallet)))).toBeGreaterThan(mean(board.filter((r) => !elite.has(r.proxyWallet))));
  });

  it('an elite burst: several BUYs by one elite wallet within a minute move the price several cents', () => {
    const t0 = world.now();
    const burst = world.core.startBurst(t0, {})!;
    expect(world.eliteWallets()).toContain(burst.wallet);
    const market = world.marketOf(burst.conditionId)!;
    const before = world.midpoint(burst.tokenId)!;
    const holdersBefore = world.holdersOf(burst.conditionId)[market.tokens[0] === burst.tokenId ? 0 : 1]!;
    now += 60_000;
    world.sync();
    const trades = world.trades({ market: burst.conditionId }).filter(
      (t) => t.proxyWallet === burst.wallet && (t.timestamp as number) * 1000 >= t0 - 999);
    expect(trades).toHaveLength(burst.trades);
    expect(trades.every((t) => t.side === 'BUY' && t.asset === burst.tokenId)).toBe(true);
    const span = (trades[0]!.timestamp as number) - (trades.at(-1)!.timestamp as number);
    expect(span).toBeGreaterThanOrEqual(20);
    expect(span).toBeLessThanOrEqual(60);
    const after = world.midpoint(burst.tokenId)!;
    expect(after - before).toBeGreaterThanOrEqual(0.03);
    const activity = world.activityOf(burst.wallet).slice(0, burst.trades);
    expect(activity.map((a) => a.transactionHash)).toEqual(trades.map((t) => t.transactionHash));
    const holder = world.holdersOf(burst.conditionId).flatMap((g) => g.holders).find((h) => h.proxyWallet === burst.wallet);
    expect(holder).toBeDefined();
    expect(holdersBefore.token).toBe(burst.tokenId);
    const book = world.book(burst.tokenId)! as { bids: { price: string }[]; asks: { price: string }[] };
    expect(Number(book.bids.at(-1)!.price) + Number(book.asks.at(-1)!.price)).toBeCloseTo(2 * after, 6);
  });

  it('wallets without a profile have none', () => {
    const none = world.wallets().filter((w) => world.profileOf(w) === null);
    expect(none.length).toBeGreaterThan(0);
    const some = world.wallets().find((w) => world.profileOf(w) !== null)!;
    expect(world.profileOf(some)!.proxyWallet).toBe(some);
  });
});
