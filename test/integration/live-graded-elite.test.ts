import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLiveFeed } from '../../src/live/index.ts';
import type { LiveService } from '../../src/live/index.ts';
import { silentLogger } from '../../src/lib/log.ts';
import { createPolymarket } from '../../src/polymarket/index.ts';
import type { Polymarket } from '../../src/polymarket/index.ts';
import { startSimulator } from '../../src/sim/index.ts';
import type { Simulator } from '../../src/sim/index.ts';
import { worldTruth } from '../../src/sim/truth.ts';
import type { SimMarket } from '../../src/sim/world/types.ts';
import { chTime } from '../../src/store/client.ts';
import { ROW_VALIDATORS } from '../../src/store/rows.ts';
import { BatchedWriter } from '../../src/store/writer.ts';
import { closeTestStore, openTestStore } from '../helpers/store.ts';
import type { TestStore } from '../helpers/store.ts';
import { calmMarkets, pinMarkets, runFor, runUntil } from '../helpers/world-time.ts';

/**
 * Issue 13 on the simulator: the elite set is the graded wallets, and the burst's fills are fetched the moment its
 * momentum starts. The scheduled attribution poll is set to an hour, so only the momentum-start poll can see them.
 */
let store: TestStore;
let sim: Simulator;
let polymarket: Polymarket;
let writer: BatchedWriter;
let live: LiveService | null = null;

beforeAll(async () => {
  store = await openTestStore();
  sim = await startSimulator({ manualClock: true, burstEveryMs: 0, startTime: Date.now() - (Date.now() % 60_000) });
  polymarket = createPolymarket({ dataApiUrl: sim.urls.dataApi, gammaUrl: sim.urls.gamma, clobUrl: sim.urls.clob, logger: silentLogger });
  writer = new BatchedWriter(store, { logger: silentLogger, validators: ROW_VALIDATORS, flushIntervalMs: 100 });
});

afterAll(async () => {
  await live?.stop();
  await writer?.close();
  await polymarket?.close();
  await sim?.stop();
  await closeTestStore(store);
});

describe('graded elite set and momentum-start attribution (issue 13)', () => {
  it('fires HIGH ELITE_MOMENTUM from a graded wallet off the board within 5 s of its burst, with no scheduled poll', async () => {
    const now = sim.now();
    const board = sim.world.leaderboard({ category: 'OVERALL', timePeriod: 'ALL', orderBy: 'PNL' }).slice(0, 50);
    await store.insert('trader_rankings', board.map((r) => ({ proxy_wallet: r.proxyWallet, user_name: r.userName, rank: Number(r.rank), category: 'OVERALL', time_period: 'ALL', order_by: 'PNL', snapshot_time: chTime(now) })));
    // A truly skilled wallet that is not on the PnL board: only its grade can make it elite.
    const onBoard = new Set(board.map((r) => r.proxyWallet.toLowerCase()));
    const graded = worldTruth(sim.world).wallets.find((w) => w.elite && !onBoard.has(w.address))!.address;
    const boardTop = board[0]!.proxyWallet.toLowerCase();
    await store.insert('wallet_scores', [
      { proxy_wallet: graded, category: 'OVERALL', settled_markets: 30, grade: 'A', omega_shrunk: 2.4, first_seen: chTime(now), last_seen: chTime(now), computed_at: chTime(now) },
      { proxy_wallet: boardTop, category: 'OVERALL', settled_markets: 30, grade: 'C', omega_shrunk: 1.0, first_seen: chTime(now), last_seen: chTime(now), computed_at: chTime(now) },
    ]);
    const [first, second] = calmMarkets(sim, 2) as [SimMarket, SimMarket];
    await pinMarkets(store, [first, second], now);
    live = createLiveFeed({
      store,
      writer,
      polymarket,
      wsUrl: sim.urls.ws,
      logger: silentLogger,
      clock: { now: () => sim.now() },
      options: { attributionPollMs: 3_600_000, tickMs: 20, topVolumeMarkets: 0 },
    });
    await live.start();
    expect(live.status().elite).toBe('elite: grade ≥ A (1)');
    await runFor(sim, 90_000);

    type Fired = { signal_type: string; confidence: string; market_id: string; elite_wallet_address: string | null; ms: string };
    const fired = (): Promise<Fired[]> =>
      store.query<Fired>('SELECT toString(signal_type) AS signal_type, toString(confidence) AS confidence, market_id, elite_wallet_address, toUnixTimestamp64Milli(timestamp) AS ms FROM fired_signals FINAL ORDER BY timestamp');

    // The board's #1 is graded C: its burst is not elite, so no HIGH signal comes of it.
    const notElite = sim.triggerEliteBurst({ conditionId: second.conditionId, wallet: boardTop });
    await runFor(sim, 60_000);
    expect((await fired()).filter((r) => r.market_id === second.conditionId && r.confidence === 'HIGH')).toEqual([]);
    expect(notElite.trades).toBeGreaterThan(0);

    const burst = sim.triggerEliteBurst({ conditionId: first.conditionId, wallet: graded });
    await runUntil(sim, 'ELITE_MOMENTUM', async () => (await fired()).some((r) => r.market_id === first.conditionId && r.signal_type === 'ELITE_MOMENTUM'), 60_000, 250);
    const signal = (await fired()).find((r) => r.market_id === first.conditionId)!;
    expect(signal).toMatchObject({ signal_type: 'ELITE_MOMENTUM', confidence: 'HIGH', elite_wallet_address: graded });
    expect(Number(signal.ms) - burst.startedAt).toBeLessThanOrEqual(5_000);
  });

  it('falls back to the PnL board and says so while no wallet is graded', async () => {
    await live?.stop();
    live = null;
    await store.command('TRUNCATE TABLE wallet_scores');
    const fallback = createLiveFeed({ store, writer, polymarket, wsUrl: sim.urls.ws, logger: silentLogger, clock: { now: () => sim.now() }, options: { topVolumeMarkets: 0 } });
    try {
      await fallback.refreshWatchlist();
      expect(fallback.status().elite).toBe('elite: PnL board top 50 (no grades yet)');
    } finally {
      await fallback.stop();
    }
  });
});
