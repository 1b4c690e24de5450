/** Same seed + manual clock → byte-identical responses; another seed → another world. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.ts';

const sims: Simulator[] = [];
afterAll(async () => {
  await Promise.all(sims.map((s) => s.stop()));
});

async function capture(sim: Simulator): Promise<string[]> {
  sim.advance(90_000);
  const burst = sim.triggerEliteBurst();
  sim.advance(60_000);
  const whale = sim.world.leaderboard({ timePeriod: 'ALL', orderBy: 'VOL' })[0]!.proxyWallet;
  const market = sim.world.markets().filter((m) => !m.closed)[3]!;
  const token = JSON.parse(market.clobTokenIds as string)[0] as string;
  const paths = [
    `${sim.urls.dataApi}/v1/leaderboard?timePeriod=DAY&orderBy=PNL&limit=50`,
    `${sim.urls.dataApi}/v1/leaderboard?timePeriod=ALL&orderBy=VOL&category=SPORTS&limit=50&offset=10`,
    `${sim.urls.dataApi}/positions?user=${whale}`,
    `${sim.urls.dataApi}/closed-positions?user=${whale}`,
    `${sim.urls.dataApi}/activity?user=${whale}&limit=500`,
    `${sim.urls.dataApi}/activity?user=${burst.wallet}&limit=20`,
    `${sim.urls.dataApi}/holders?market=${market.conditionId}`,
    `${sim.urls.dataApi}/trades?limit=300`,
    `${sim.urls.dataApi}/value?user=${whale}`,
    `${sim.urls.gamma}/markets?limit=100&order=volume24hr`,
    `${sim.urls.gamma}/events?limit=20&closed=true`,
    `${sim.urls.gamma}/public-profile?address=${whale}`,
    `${sim.urls.clob}/book?token_id=${token}`,
    `${sim.urls.clob}/prices-history?market=${token}&interval=1w&fidelity=30`,
  ];
  const out: string[] = [JSON.stringify(burst)];
  for (const p of paths) {
    const res = await fetch(p);
    out.push(`${res.status} ${await res.text()}`);
  }
  return out;
}

let a: string[];
let b: string[];
let c: string[];
beforeAll(async () => {
  for (const seed of [7, 7, 8]) sims.push(await startSimulator({ seed, manualClock: true, marketCount: 120, walletCount: 1200, historyTrades: 30_000 }));
  a = await capture(sims[0]!);
  b = await capture(sims[1]!);
  c = await capture(sims[2]!);
});

describe('determinism', () => {
  it('the same seed gives byte-identical responses', () => {
    expect(a.length).toBe(15);
    for (let i = 0; i < a.length; i++) expect(b[i], `response ${i}`).toBe(a[i]);
    for (const r of a.slice(1)) expect(r.startsWith('200 ')).toBe(true);
  });

  it('a different seed gives a different world', () => {
    for (let i = 0; i < a.length; i++) expect(c[i], `response ${i}`).not.toBe(a[i]);
  });

  it('the default seed-1 world has the advertised size', async () => {
    const s = await startSimulator({ manualClock: true });
    sims.push(s);
    expect(s.world.markets()).toHaveLength(300);
    expect(s.world.wallets()).toHaveLength(3000);
    expect(s.world.eliteWallets()).toHaveLength(60);
    expect(s.world.core.acts.length).toBeGreaterThan(100_000);
    expect(s.world.core.acts.length).toBeLessThanOrEqual(200_000);
    expect(s.world.markets().filter((m) => m.closed).length).toBeGreaterThan(20);
    const noProfile = s.world.wallets().filter((w) => s.world.profileOf(w) === null).length;
    expect(noProfile).toBeGreaterThan(100);
    expect(noProfile).toBeLessThan(900);
  });
});
