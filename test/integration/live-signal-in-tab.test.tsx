/**
 * The tab half of the live-signals issue ("an elite burst in a watched market writes a HIGH ELITE_MOMENTUM signal
 * that is shown in the tab; a market with a plain random walk fires nothing"): the simulator, the real sync jobs
 * (market-sync and leaderboard-sync make the elite wallet elite the way the app does, through trader_rankings),
 * the live feed over the simulator's WebSocket, and the whole Ink UI polling the same embedded store with the
 * live feed's status. test/integration/live-e2e.test.ts checks the store half in detail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStatusSource } from '../../src/app/status-source.ts';
import { formatAge, formatCents, formatUsd, traderLabel } from '../../src/lib/format.ts';
import { silentLogger } from '../../src/lib/log.ts';
import { createLiveFeed, type LiveService } from '../../src/live/index.ts';
import { startSimulator, type LeaderboardRow, type Simulator } from '../../src/sim/index.ts';
import type { SimMarket } from '../../src/sim/world/types.ts';
import { chTime } from '../../src/store/client.ts';
import { syncRig, type SyncRig } from '../helpers/jobs.ts';
import { mountSimUi, rawLineWith, re, shown } from '../helpers/sim-ui.ts';
import { closeTestStore, openTestStore, type TestStore } from '../helpers/store.ts';
import { calmMarkets, pinMarkets, runFor, runUntil } from '../helpers/world-time.ts';
import { plain, waitForFrame } from '../ui/helpers/frames.ts';
import { KEY, press } from '../ui/helpers/mount.ts';

/** Frames wait this long: two cores shared with other test files while the live feed and the UI both run. */
const FRAME_MS = 30_000;
const GREEN = '\u001b[32m';

let store: TestStore;
let sim: Simulator;
let rig: SyncRig;
let live: LiveService;
let burstMarket: SimMarket;
let quietMarket: SimMarket;
/** Rank 1 of OVERALL/ALL/PNL when leaderboard-sync ran: elite the way the app makes it (trader_rankings). */
let elite: LeaderboardRow;





beforeAll(async () => {
  store = await openTestStore();
  // A current start time: price_snapshots_10s drops rows older than 90 days (TTL) on insert.
  sim = await startSimulator({ seed: 1, manualClock: true, burstEveryMs: 0, startTime: Date.now() - (Date.now() % 60_000) });
  rig = syncRig(store, sim, { options: { leaderboardMaxResults: 50 } });
  for (const job of ['market-sync', 'leaderboard-sync']) {
    const result = await rig.scheduler.runOnce(job);
    expect([job, result.status, result.error]).toEqual([job, 'ok', undefined]);
  }
  // The board as leaderboard-sync read it (the world's ranks drift as it trades, so read it at the same instant).
  elite = sim.world.leaderboard({ category: 'OVERALL', timePeriod: 'ALL', orderBy: 'PNL' })[0]!;
  const stored = await store.query<{ w: string }>(
    `SELECT proxy_wallet AS w FROM trader_rankings FINAL WHERE category = 'OVERALL' AND time_period = 'ALL' AND order_by = 'PNL' AND rank = 1`,
  );
  expect(stored.map((r) => r.w)).toEqual([elite.proxyWallet]);
  [burstMarket, quietMarket] = calmMarkets(sim, 2) as [SimMarket, SimMarket];
  // The trader's own watchlist entries (what `w` in the TUI writes).
  await pinMarkets(store, [burstMarket, quietMarket], sim.now());
  live = createLiveFeed({
    store,
    writer: rig.writer,
    polymarket: rig.polymarket,
    wsUrl: sim.urls.ws,
    logger: silentLogger,
    clock: { now: () => sim.now() },
    options: { attributionPollMs: 150, tickMs: 20, topVolumeMarkets: 0 },
  });
  await live.start();
}, 120_000);

afterAll(async () => {
  await live?.stop();
  await rig?.close();
  await sim?.stop();
  if (store) await closeTestStore(store);
});

describe('a live signal in the Live Signals tab', () => {
  it('shows the HIGH ELITE_MOMENTUM signal of an elite burst, opens its market, and nothing for the random walk', async () => {
    expect(live.status()).toMatchObject({ tokens: 4 });
    const status = createStatusSource({
      source: 'demo',
      sourceLabel: 'demo (simulator)',
      storeKind: store.kind,
      storeDescription: store.description,
      jobs: { read: () => rig.scheduler.statuses(), subscribe: (l) => rig.scheduler.subscribe(l) },
      feed: { read: () => live.status(), subscribe: (l) => live.subscribe(l) },
      batchMs: 20,
    });
    const app = mountSimUi(store, { now: () => sim.now(), status, refreshMs: 1_000 });
    try {
      await press(app.stdin, '5');
      await waitForFrame(app.lastFrame, (f) => f.includes('no signals fired in the last 24 h') && f.includes('ws live'), FRAME_MS);

      // A minute and a half of ordinary trading first, so the momentum window has a reference price.
      await runFor(sim, 90_000);
      const burst = sim.triggerEliteBurst({ conditionId: burstMarket.conditionId, wallet: elite.proxyWallet });
      type Fired = { market_id: string; signal_type: string; elite_size_usd: number | null; price_at_signal: number; ts: number };
      const fired = (): Promise<Fired[]> =>
        store.query<Fired>(
          `SELECT market_id, toString(signal_type) AS signal_type, elite_size_usd, price_at_signal,
                  toFloat64(toUnixTimestamp64Milli(timestamp)) AS ts
           FROM fired_signals FINAL ORDER BY timestamp`,
        );
      await runUntil(sim, 'an ELITE_MOMENTUM signal', async () => (await fired()).some((r) => r.signal_type === 'ELITE_MOMENTUM'), 120_000);
      // Let the quiet market random-walk for the rest of the burst and a while after.
      await runFor(sim, 180_000, 1_000);

      const rows = await fired();
      expect(rows.map((r) => [r.market_id, r.signal_type])).toEqual([[burstMarket.conditionId, 'ELITE_MOMENTUM']]);
      const signal = rows[0]!;
      const now = sim.now();
      const question = shown(burstMarket.question);
      // The burst buys one outcome token; the signal is about that outcome.
      const outcome = burstMarket.outcomes[burstMarket.tokens.indexOf(burst.tokenId)];
      expect(outcome).toBeDefined();
      const market = `${question} · ${shown(outcome)}`;
      const eliteText = `${traderLabel(shown(elite.userName), elite.proxyWallet)} #1`;
      const age = formatAge(now - Number(signal.ts));

      await rig.writer.flush();
      const [last] = await store.query<{ mid: number }>(
        'SELECT argMax(mid_price, timestamp) AS mid FROM price_snapshots_10s WHERE token_id = {token:String}',
        { token: burst.tokenId },
      );
      const frame = await waitForFrame(
        app.lastFrame,
        // The UI polls every second: wait for a refresh that has the latest snapshot (the world has stopped).
        (f) =>
          f.includes('5 Live Signals (1)') &&
          f.includes(eliteText) &&
          new RegExp(`${re(age)} \\[HIGH\\] ELITE .+ ▲ UP\\s+${re(formatCents(last!.mid))}\\s+${re(formatCents(signal.price_at_signal))}\\s`).test(f),
        FRAME_MS,
      );
      const line = rawLineWith(frame, '[HIGH]');
      const cells = plain(line).match(/^›?\s*(\S+) \[HIGH\] ELITE (.+?) ▲ UP\s+(\S+)\s+(\S+)\s/);
      expect(cells, plain(frame)).not.toBeNull();
      expect(cells![1]).toBe(age);
      // Price now (the token's latest 10 s mid) and at the signal, in cents.
      expect([cells![3], cells![4]]).toEqual([formatCents(last!.mid), formatCents(signal.price_at_signal)]);
      // The market cell is the sanitised question and outcome, or as much of it as fits, cut with `…`.
      const cell = cells![2]!.trimEnd();
      if (cell !== market) {
        expect({ cell, truncated: cell.endsWith('…') }).toEqual({ cell, truncated: true });
        expect(cell.length).toBeGreaterThan(12);
        expect(market.startsWith(cell.slice(0, -1)), `${cell} vs ${market}`).toBe(true);
      }
      expect(plain(line)).toMatch(new RegExp(`${re(eliteText)}\\s+\\[BUY\\] ${re(formatUsd(Number(signal.elite_size_usd)))}`));
      // Confidence, direction and side carry meaning in colour: all three green here.
      expect(line).toContain(`${GREEN}[HIGH]`);
      expect(line).toContain(`${GREEN}▲ UP`);
      expect(line).toMatch(new RegExp(`${re(GREEN)}\\[BUY\\]`));
      // One signal row only, and it is not the random walk's.
      expect(plain(frame).split('\n').filter((l) => /\[(HIGH|MEDIUM|LOW)\]/.test(l))).toHaveLength(1);
      expect(plain(frame)).not.toContain(shown(quietMarket.question));
      expect(plain(frame)).toContain('hit rate 5m: ');

      await press(app.stdin, KEY.enter);
      const view = await waitForFrame(app.lastFrame, (f) => f.includes(`${question} [watched]`) && f.includes('(live mid)'), FRAME_MS);
      const text = plain(view);
      expect(text).toContain(`Live Signals › ${question}`);
      expect(text).toMatch(new RegExp(`Price ${re(shown(burstMarket.outcomes[0]))} \\d+(\\.\\d)?¢ \\(live mid\\)`));
    } finally {
      app.done();
    }
  }, 300_000);
});
