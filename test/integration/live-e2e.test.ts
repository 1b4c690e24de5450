import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLiveFeed } from '../../src/live/index.ts';
import type { LiveService } from '../../src/live/index.ts';
import { getSignalHitRate } from '../../src/store/queries/signals.ts';
import type { SentAlert } from '../../src/live/alert-service.ts';
import { memoryLogger, silentLogger } from '../../src/lib/log.ts';
import { createPolymarket } from '../../src/polymarket/index.ts';
import type { Polymarket } from '../../src/polymarket/index.ts';
import { startSimulator } from '../../src/sim/index.ts';
import type { Simulator } from '../../src/sim/index.ts';
import type { SimMarket } from '../../src/sim/world/types.ts';
import { chTime } from '../../src/store/client.ts';
import { ROW_VALIDATORS } from '../../src/store/rows.ts';
import { BatchedWriter } from '../../src/store/writer.ts';
import { closeTestStore, openTestStore } from '../helpers/store.ts';
import { calmMarkets, pinMarkets, runUntil } from '../helpers/world-time.ts';
import type { TestStore } from '../helpers/store.ts';

let store: TestStore;
let sim: Simulator;
let polymarket: Polymarket;
let writer: BatchedWriter;
let live: LiveService;
const alerts: SentAlert[] = [];



beforeAll(async () => {
  store = await openTestStore();
  // A current start time: price_snapshots_10s drops rows older than 90 days (TTL) on insert.
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

describe('live signals end to end against the simulator', () => {
  it('fires HIGH ELITE_MOMENTUM for an elite burst in a watched market and nothing for a random walk', async () => {
    const now = sim.now();
    const board = sim.world.leaderboard({ category: 'OVERALL', timePeriod: 'ALL', orderBy: 'PNL' }).slice(0, 50);
    await store.insert(
      'trader_rankings',
      board.map((r) => ({
        proxy_wallet: r.proxyWallet,
        user_name: r.userName,
        rank: Number(r.rank),
        category: 'OVERALL',
        time_period: 'ALL',
        order_by: 'PNL',
        pnl: r.pnl,
        volume: r.vol,
        snapshot_time: chTime(now),
      })),
    );
    const [burstMarket, quietMarket] = calmMarkets(sim, 2) as [SimMarket, SimMarket];
    // The trader's own watchlist entries (what `w` in the TUI writes): kept as they are, never auto-removed.
    await pinMarkets(store, [burstMarket, quietMarket], now);
    const logger = memoryLogger('info');
    live = createLiveFeed({
      store,
      writer,
      polymarket,
      wsUrl: sim.urls.ws,
      logger,
      clock: { now: () => sim.now() },
      alert: (s) => alerts.push(s),
      options: { attributionPollMs: 150, tickMs: 20, alertBell: true, topVolumeMarkets: 0 },
    });
    await live.start();
    expect(live.status()).toMatchObject({ tokens: 4 });

    // A minute and a half of ordinary trading first, so the momentum window has a reference price.
    await runUntil(sim, '90 s of snapshots', async () => false, 90_000).catch(() => undefined);
    const elite = board[0]!.proxyWallet;
    const burst = sim.triggerEliteBurst({ conditionId: burstMarket.conditionId, wallet: elite });
    const burstAt = burst.startedAt;

    type Fired = { signal_type: string; confidence: string; market_id: string; elite_wallet_address: string | null; direction: string; token_id: string; timestamp: string };
    const fired = (): Promise<Fired[]> => store.query<Fired>('SELECT * FROM fired_signals FINAL ORDER BY timestamp');
    await runUntil(sim, 'an ELITE_MOMENTUM signal', async () => (await fired()).some((r) => r.signal_type === 'ELITE_MOMENTUM'), 120_000);
    // Let the quiet market random-walk for the rest of the burst and a while after.
    await runUntil(sim, '3 more minutes', async () => false, 180_000, 1_000).catch(() => undefined);

    const rows = await fired();
    expect(rows.filter((r) => r.market_id === quietMarket.conditionId)).toEqual([]);
    const forBurst = rows.filter((r) => r.market_id === burstMarket.conditionId);
    expect(forBurst).toHaveLength(1);
    expect(forBurst[0]).toMatchObject({
      signal_type: 'ELITE_MOMENTUM',
      confidence: 'HIGH',
      elite_wallet_address: elite,
      direction: 'UP',
      token_id: burst.tokenId,
    });
    const signalAt = Date.parse(forBurst[0]!.timestamp.replace(' ', 'T') + 'Z');
    // Detected within the burst (world time), not held back to the end of it.
    expect(signalAt - burstAt).toBeLessThan(60_000);
    expect(alerts.map((a) => [a.kind, a.alertId, a.summary.split(' ').slice(0, 2).join(' ')])).toEqual([['signal', expect.any(String), 'HIGH ELITE_MOMENTUM']]);
    await writer.flush();
    const logged = await store.query<{ kind: string; channels: string[] }>('SELECT toString(kind) AS kind, channels FROM alerts_sent FINAL');
    expect(logged).toEqual([{ kind: 'signal', channels: ['bell'] }]);

    const attributed = await store.query<{ wallet_address: string; side: string; is_elite: boolean }>(
      'SELECT wallet_address, toString(side) AS side, is_elite FROM elite_trade_attributions FINAL WHERE market_id = {m:String}',
      { m: burstMarket.conditionId },
    );
    expect(attributed.filter((a) => a.wallet_address === elite && a.side === 'BUY').length).toBe(burst.trades);

    const snaps = await store.query<{ n: string; tokens: string; misaligned: string }>(
      `SELECT count() AS n, uniqExact(token_id) AS tokens, countIf(toUnixTimestamp64Milli(timestamp) % 10000 != 0) AS misaligned
       FROM price_snapshots_10s`,
    );
    expect(writer.stats().tables["price_snapshots_10s"]).toMatchObject({ rejected: 0 });
    expect(Number(snaps[0]!.tokens)).toBe(4);
    expect(Number(snaps[0]!.misaligned)).toBe(0);
  });

  it('writes the 5 and 15 minute outcomes as a newer version and reports hit rates', async () => {
    await runUntil(sim, 
      'both outcomes',
      async () => {
        const r = await store.query<{ n: string }>('SELECT count() AS n FROM fired_signals FINAL WHERE price_after_15m IS NOT NULL');
        return Number(r[0]!.n) === 1;
      },
      20 * 60_000,
      5_000,
      15,
    );
    const [row] = await store.query<{ price_at_signal: number; price_after_5m: number; direction_correct_5m: boolean; direction_correct_15m: boolean | null }>(
      'SELECT price_at_signal, price_after_5m, direction_correct_5m, direction_correct_15m FROM fired_signals FINAL',
    );
    expect(row!.direction_correct_5m).toBe(row!.price_after_5m > row!.price_at_signal);
    expect(row!.direction_correct_15m).not.toBeNull();
    const rates = await getSignalHitRate(store);
    expect(rates).toHaveLength(1);
    expect(rates[0]).toMatchObject({ type: 'ELITE_MOMENTUM', confidence: 'HIGH', fired: 1, resolved5m: 1, resolved15m: 1 });
  });
});
