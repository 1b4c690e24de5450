/** A real-clock simulator moves on its own (speed-up + pump) and the CLI entry prints its URLs and stops on SIGINT. */
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { memoryLogger } from '../../src/lib/log.ts';
import { runSimCli } from '../../src/sim/cli.ts';
import { startSimulator, type Simulator } from '../../src/sim/index.ts';

const sims: Simulator[] = [];
afterAll(async () => {
  await Promise.all(sims.map((s) => s.stop()));
});

async function until<T>(pick: () => T | undefined | null | false, what: string, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = pick();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('real clock', () => {
  it('trades flow over HTTP and WS without anyone advancing the clock', async () => {
    const sim = await startSimulator({ seed: 2, speed: 50, marketCount: 30, walletCount: 200, historyTrades: 3000 });
    sims.push(sim);
    expect(() => sim.advance(1000)).toThrow();
    const t0 = sim.now();
    const trades0 = sim.world.core.tradeActs.length;
    const tokens = sim.world.core.markets.filter((m) => m.book).flatMap((m) => m.tokens);
    const socket = new WebSocket(sim.urls.ws);
    const frames: string[] = [];
    socket.on('message', (d) => frames.push(d.toString()));
    await new Promise((r) => socket.once('open', r));
    socket.send(JSON.stringify({ assets_ids: tokens, type: 'market', custom_feature_enabled: true }));
    await until(() => frames.some((f) => f.includes('"last_trade_price"')), 'a live trade frame');
    expect(sim.now()).toBeGreaterThan(t0);
    expect(sim.world.core.tradeActs.length).toBeGreaterThan(trades0);
    const feed = (await (await fetch(`${sim.urls.dataApi}/trades?limit=1`)).json()) as { timestamp: number }[];
    expect(feed[0]!.timestamp).toBeGreaterThanOrEqual(Math.floor(t0 / 1000));
    socket.terminate();
  });
});

describe('runSimCli', () => {
  it('prints the URLs in one block and stops on SIGINT', async () => {
    const out: string[] = [];
    const before = new Set(process.listeners('SIGINT'));
    const handle = await runSimCli({ seed: 4, marketCount: 20, walletCount: 100, rate5xx: 0 }, memoryLogger(), (s) => out.push(s));
    expect(out).toHaveLength(1);
    expect(out[0]).toContain(handle.sim.urls.dataApi);
    expect(out[0]).toContain(handle.sim.urls.ws);
    expect((await fetch(`${handle.sim.urls.gamma}/markets?limit=1`)).status).toBe(200);
    const listener = process.listeners('SIGINT').find((l) => !before.has(l))!;
    (listener as (s: NodeJS.Signals) => void)('SIGINT');
    await handle.closed;
    const err = await fetch(`${handle.sim.urls.gamma}/markets?limit=1`).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(process.listeners('SIGINT').filter((l) => !before.has(l))).toEqual([]);
  });
});
