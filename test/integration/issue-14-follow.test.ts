/**
 * Issue 14, "Following a wallet" Done-when: a wallet outside every leaderboard, once followed, is synced in the
 * next position-sync run (its positions and activity match the simulator's truth by natural key), its open
 * markets are subscribed on the live feed, and a trade it makes raises an alert: the bell written to the terminal
 * stream and the webhook received by a loopback server, both logged in alerts_sent.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncJobs } from '../../src/jobs/index.ts';
import { silentLogger } from '../../src/lib/log.ts';
import { createLiveFeed, type LiveService } from '../../src/live/index.ts';
import { createPolymarket, type Polymarket } from '../../src/polymarket/index.ts';
import { startSimulator, type Simulator } from '../../src/sim/index.ts';
import { ROW_VALIDATORS } from '../../src/store/rows.ts';
import { followWallet } from '../../src/store/state/followed-wallets.ts';
import { readWatchlistMarkets } from '../../src/store/state/watchlists.ts';
import { BatchedWriter } from '../../src/store/writer.ts';
import { closeTestStore, openTestStore, type TestStore } from '../helpers/store.ts';
import { runUntil } from '../helpers/world-time.ts';

let store: TestStore;
let sim: Simulator;
let polymarket: Polymarket;
let writer: BatchedWriter;
let live: LiveService | undefined;
let hook: Server;
const posted: Record<string, unknown>[] = [];
const terminal = new PassThrough();
let written = '';
terminal.on('data', (b: Buffer) => (written += b.toString('latin1')));

beforeAll(async () => {
  store = await openTestStore();
  sim = await startSimulator({ manualClock: true, burstEveryMs: 0, startTime: Date.now() - (Date.now() % 60_000) });
  polymarket = createPolymarket({ dataApiUrl: sim.urls.dataApi, gammaUrl: sim.urls.gamma, clobUrl: sim.urls.clob, rateFraction: 1000, logger: silentLogger });
  writer = new BatchedWriter(store, { logger: silentLogger, validators: ROW_VALIDATORS, flushIntervalMs: 100 });
  hook = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      posted.push(JSON.parse(body) as Record<string, unknown>);
      res.end('ok');
    });
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
}, 60_000);

afterAll(async () => {
  await live?.stop();
  await writer?.close();
  await polymarket?.close();
  await sim?.stop();
  await new Promise((r) => hook.close(r));
  await closeTestStore(store);
});

describe('issue 14: following a wallet outside every leaderboard', () => {
  it('syncs it within one cycle, subscribes its markets, and alerts on its trade (bell + webhook)', async () => {
    const ranked = new Set<string>();
    for (const timePeriod of ['DAY', 'WEEK', 'MONTH', 'ALL'] as const) {
      for (const orderBy of ['PNL', 'VOL'] as const) {
        for (const r of sim.world.leaderboard({ category: 'OVERALL', timePeriod, orderBy }).slice(0, 1000)) ranked.add(r.proxyWallet.toLowerCase());
      }
    }
    // An unranked wallet with a few open positions in open markets, and some activity.
    const wallet = sim.world.core.wallets.find(
      (w) => !ranked.has(w.address) && !w.elite && sim.world.positionsOf(w.address).length >= 2 && sim.world.positionsOf(w.address).length <= 20 && sim.world.activityOf(w.address).length > 0,
    )!.address;
    expect(wallet).toBeDefined();
    await followWallet(store, wallet, { label: 'followed-one' });

    // One position-sync cycle on a store that has never seen the wallet (no leaderboard, no holders synced).
    const jobs = createSyncJobs({ store, writer, polymarket, logger: silentLogger, clock: { now: () => sim.now() } });
    const positionSync = jobs.find((j) => j.name === 'position-sync')!;
    await positionSync.run({ signal: new AbortController().signal, logger: silentLogger, counters: { rows: 0, pages: 0, rejected: 0, received: 0 }, setPartialError: () => {} });
    await writer.flush();
    const truthPositions = sim.world.positionsOf(wallet).map((p) => `${String(p.conditionId)}|${String(p.outcomeIndex)}`).sort();
    const stored = await store.query<{ k: string }>(
      `SELECT concat(condition_id, '|', toString(outcome_index)) AS k FROM wallet_positions FINAL WHERE proxy_wallet = {w:String} AND size > 0 ORDER BY k`,
      { w: wallet },
    );
    expect(stored.map((r) => r.k)).toEqual(truthPositions);
    const sinceSec = Math.floor(sim.now() / 1000) - 7 * 86_400;
    const truthActivity = sim.world.activityOf(wallet).filter((a) => Number(a.timestamp) >= sinceSec).map((a) => String(a.transactionHash)).sort();
    const storedActivity = await store.query<{ h: string }>(
      'SELECT transaction_hash AS h FROM wallet_activity WHERE proxy_wallet = {w:String} ORDER BY h',
      { w: wallet },
    );
    expect(storedActivity.map((r) => r.h)).toEqual(truthActivity);

    // The live feed: no elites, no volume markets, so every subscribed token is the followed wallet's.
    live = createLiveFeed({
      store,
      writer,
      polymarket,
      wsUrl: sim.urls.ws,
      logger: silentLogger,
      clock: { now: () => sim.now() },
      alert: () => terminal.write('\x07'),
      options: { attributionPollMs: 150, tickMs: 20, topVolumeMarkets: 0, eliteTopN: 0, alertBell: true, alertWebhookUrl: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`, quietMs: 0 },
    });
    await live.start();
    const openMarkets = new Set(sim.world.positionsOf(wallet).filter((p) => !sim.world.marketOf(String(p.conditionId))?.closed).map((p) => String(p.conditionId)));
    const watched = (await readWatchlistMarkets(store)).filter((m) => m.removed === 0);
    expect(watched.map((m) => m.market_id).sort()).toEqual([...openMarkets].sort());
    expect(watched.every((m) => m.auto_added_reason.startsWith('followed wallet'))).toBe(true);
    // Subscribed on the WebSocket: at least the token the wallet holds in each (both when market-sync saw it).
    expect(live.status().tokens).toBeGreaterThanOrEqual(openMarkets.size);

    const [market] = [...openMarkets];
    const burst = sim.triggerEliteBurst({ conditionId: market!, wallet });
    await runUntil(sim, 'the followed wallet’s trade alert', async () => posted.length > 0 && written.includes('\x07'), 60_000, 500, 50);
    expect(posted[0]).toMatchObject({ kind: 'whaletop.trade', wallet, marketId: market, name: 'followed-one' });
    expect(burst.trades).toBeGreaterThan(0);
    await writer.flush();
    const logged = await store.query<{ kind: string; wallet_address: string; channels: string[]; webhook_status: number }>(
      "SELECT toString(kind) AS kind, wallet_address, channels, webhook_status FROM alerts_sent FINAL WHERE kind = 'trade' LIMIT 1",
    );
    expect(logged[0]).toMatchObject({ kind: 'trade', wallet_address: wallet, channels: ['bell', 'webhook'], webhook_status: 200 });
  }, 180_000);
});
