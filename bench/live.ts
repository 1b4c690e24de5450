/**
 * Live feed benchmarks (`node bin/run-ts.js bench/live.ts`):
 * 1. Throughput: a loopback WS server in a worker thread floods realistic market-channel frames (price_change with
 *    both tokens of a market, last_trade_price) for 400 tokens, with server-side backpressure so the client sets
 *    the pace. Measured: messages/s a bare `ws` client that only JSON.parses sustains (the ceiling), and messages/s
 *    the MarketFeed sustains (parse + zod + books + mid rings + per-market momentum evaluation), with the event-loop
 *    delay p99 (perf_hooks.monitorEventLoopDelay) during the flood.
 * 2. Signal latency: the simulator (manual clock advanced at 20× in real time, every live-feed timer scaled by the
 *    same factor so polls happen every 5 s of world time as in production) fires elite bursts in watched markets one
 *    after another; latency = world time from the burst's first trade to the signal row's timestamp, checked
 *    visible in the store. The burst wallet is graded A in wallet_scores (the elite set is the graded wallets).
 *    Goals: feed ≥ 50 % of the ceiling with p99 ≤ 20 ms; signal p95 ≤ 5 s (issue 13). Also counted: ELITE_*
 *    signals in a market outside its burst (false alarms of the elite rules).
 */
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import WebSocket from 'ws';
import { MarketFeed } from '../src/live/feed.ts';
import type { TokenMeta } from '../src/live/feed.ts';
import { createLiveFeed, signalConfig, DEFAULT_LIVE_OPTIONS } from '../src/live/index.ts';
import { SignalEngine } from '../src/live/signals.ts';
import { systemClock } from '../src/lib/clock.ts';
import { silentLogger } from '../src/lib/log.ts';
import { createPolymarket } from '../src/polymarket/index.ts';
import { computeMomentum } from '../src/live/momentum.ts';
import { evaluateOnFeed, momentumConfig } from '../src/live/index.ts';
import { startSimulator } from '../src/sim/index.ts';
import { bookFrame } from '../src/sim/world/frames.ts';
import { openStore, chTime } from '../src/store/client.ts';
import { migrate } from '../src/store/migrate.ts';
import { ROW_VALIDATORS } from '../src/store/rows.ts';
import { BatchedWriter } from '../src/store/writer.ts';
import type { BenchResult } from './types.ts';

const TOKENS = 400;
const FLOOD_MS = 4_000;

/** The flood server, plain JS run with `eval` in a worker (no TypeScript loader needed there). */
const FLOOD_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { WebSocketServer } = require(workerData.wsPath);
const tokens = workerData.tokens;
let seed = 7;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const market = (i) => '0x' + (i >> 1).toString(16).padStart(64, '0');
const frames = [];
for (let k = 0; k < 4000; k++) {
  const m = Math.floor(rnd() * (tokens.length / 2));
  const yes = tokens[2 * m], no = tokens[2 * m + 1];
  const mid = 30 + (m % 40);
  const ts = String(1790000000000 + k);
  if (k % 5 === 4) {
    frames.push(JSON.stringify({ market: market(2 * m), asset_id: yes, price: String((mid + 1) / 100), size: String(Math.round(rnd() * 5000) / 100),
      fee_rate_bps: '0', side: 'BUY', timestamp: ts, event_type: 'last_trade_price', transaction_hash: '0x' + k.toString(16).padStart(64, '0') }));
  } else {
    const off = Math.floor(rnd() * 10) + 1;
    const bid = rnd() < 0.5;
    const p = bid ? mid - off : mid + off;
    const size = rnd() < 0.15 ? '0' : String(Math.round(rnd() * 1e6) / 100);
    const hash = 'bad813f84a3e7be740b95924fed984639e6798bc';
    frames.push(JSON.stringify({ market: market(2 * m), price_changes: [
      { asset_id: yes, price: String(p / 100), size, side: bid ? 'BUY' : 'SELL', hash, best_bid: String((mid - 1) / 100), best_ask: String((mid + 1) / 100) },
      { asset_id: no, price: String((100 - p) / 100), size, side: bid ? 'SELL' : 'BUY', hash, best_bid: String((99 - mid) / 100), best_ask: String((101 - mid) / 100) },
    ], timestamp: ts, event_type: 'price_change' }));
  }
}
function book(id, i) {
  const mid = 30 + ((i >> 1) % 40);
  const m = i % 2 === 0 ? mid : 100 - mid;
  const bids = [], asks = [];
  for (let k = 20; k >= 1; k--) bids.push({ price: String((m - k) / 100), size: '1000' });
  for (let k = 20; k >= 1; k--) asks.push({ price: String((m + k) / 100), size: '1000' });
  return { market: market(i), asset_id: id, timestamp: '1790000000000', hash: 'h', bids, asks, tick_size: '0.01', event_type: 'book', last_trade_price: '' };
}
const index = new Map(tokens.map((t, i) => [t, i]));
const clients = new Set();
const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
wss.on('connection', (ws) => {
  clients.add(ws);
  ws.on('close', () => clients.delete(ws));
  ws.on('message', (data) => {
    const text = data.toString();
    if (text === 'PING') return ws.send('PONG');
    const msg = JSON.parse(text);
    if (Array.isArray(msg.assets_ids) && msg.operation !== 'unsubscribe') ws.send(JSON.stringify(msg.assets_ids.map((id) => book(id, index.get(id) ?? 0))));
  });
});
wss.on('listening', () => parentPort.postMessage({ port: wss.address().port }));
parentPort.on('message', async (cmd) => {
  if (cmd.type === 'flood') {
    const end = Date.now() + cmd.ms;
    let sent = 0, i = 0;
    while (Date.now() < end) {
      for (const ws of clients) {
        while (ws.bufferedAmount < 1 << 20 && Date.now() < end) {
          ws.send(frames[i++ % frames.length]);
          sent++;
          if (sent % 256 === 0) break;
        }
      }
      await new Promise((r) => setImmediate(r));
    }
    parentPort.postMessage({ sent });
  } else if (cmd.type === 'close') {
    for (const ws of clients) ws.terminate();
    wss.close(() => parentPort.postMessage({ closed: true }));
  }
});
`;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function startFloodServer(tokens: string[]): Promise<{ worker: Worker; port: number; request(msg: object): Promise<Record<string, number>> }> {
  const wsPath = createRequire(import.meta.url).resolve('ws');
  const worker = new Worker(FLOOD_WORKER, { eval: true, workerData: { tokens, wsPath } });
  const request = (msg: object): Promise<Record<string, number>> =>
    new Promise((resolve) => {
      worker.once('message', resolve);
      worker.postMessage(msg);
    });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (m: { port: number }) => resolve({ worker, port: m.port, request }));
  });
}

/** The ceiling: a bare ws client that only JSON.parses each frame. */
async function bareRate(port: number, tokens: string[], request: (m: object) => Promise<Record<string, number>>): Promise<number> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}`, { perMessageDeflate: false });
  await new Promise((r) => ws.once('open', r));
  let count = 0;
  let counting = false;
  ws.on('message', (data) => {
    JSON.parse(data.toString());
    if (counting) count++;
  });
  ws.send(JSON.stringify({ assets_ids: tokens, type: 'market' }));
  await sleep(300);
  counting = true;
  const t0 = performance.now();
  await request({ type: 'flood', ms: FLOOD_MS });
  const elapsed = (performance.now() - t0) / 1000;
  counting = false;
  ws.terminate();
  return count / elapsed;
}

async function feedRate(port: number, tokens: string[], request: (m: object) => Promise<Record<string, number>>): Promise<{ rate: number; p99: number; max: number }> {
  const metas = new Map<string, TokenMeta>(tokens.map((t, i) => [t, { marketId: '0x' + (i >> 1).toString(16).padStart(64, '0'), outcome: i % 2 ? 'No' : 'Yes' }]));
  const markets = new Map<string, string[]>();
  for (const [id, m] of metas) markets.set(m.marketId, [...(markets.get(m.marketId) ?? []), id]);
  const o = DEFAULT_LIVE_OPTIONS;
  let feed: MarketFeed | null = null;
  const engine = new SignalEngine({
    config: signalConfig(o),
    market: (id) => ({ marketId: id, slug: '', question: '', tokenIds: markets.get(id) ?? [] }),
    token: (id) => feed?.token(id),
    emit: () => {},
  });
  feed = new MarketFeed(
    { ...o, wsUrl: `ws://127.0.0.1:${port}` },
    evaluateOnFeed(engine),
    systemClock,
    silentLogger,
  );
  feed.setTokens(metas);
  feed.start();
  while ([...feed.tokens()].some((s) => !s.book.valid)) await sleep(20);
  const before = feed.stats().frames;
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  const t0 = performance.now();
  await request({ type: 'flood', ms: FLOOD_MS });
  const elapsed = (performance.now() - t0) / 1000;
  h.disable();
  const frames = feed.stats().frames - before;
  if (feed.stats().invalid > 0) throw new Error('flood frames rejected');
  await feed.stop();
  return { rate: frames / elapsed, p99: h.percentile(99) / 1e6, max: h.max / 1e6 };
}

async function throughput(): Promise<Record<string, number>> {
  const tokens = Array.from({ length: TOKENS }, (_, i) => (10n ** 76n + BigInt(i) * 7919n).toString());
  const server = await startFloodServer(tokens);
  try {
    const ceiling = await bareRate(server.port, tokens, server.request);
    const feed = await feedRate(server.port, tokens, server.request);
    return {
      bare_json_parse_msgs_per_s: Math.round(ceiling),
      feed_msgs_per_s: Math.round(feed.rate),
      feed_vs_ceiling_pct: Math.round((feed.rate / ceiling) * 1000) / 10,
      feed_event_loop_p99_ms: Math.round(feed.p99 * 10) / 10,
      feed_event_loop_max_ms: Math.round(feed.max * 10) / 10,
    };
  } finally {
    await server.request({ type: 'close' });
    await server.worker.terminate();
  }
}

async function signalLatency(bursts: number): Promise<Record<string, number>> {
  const SPEED = 20;
  const dataDir = mkdtempSync(join(tmpdir(), 'whaletop-bench-live-'));
  const store = await openStore({ kind: 'embedded', dataDir }, silentLogger);
  await migrate(store, silentLogger);
  const sim = await startSimulator({ manualClock: true, burstEveryMs: 0, startTime: Date.now() - (Date.now() % 60_000) });
  const polymarket = createPolymarket({ dataApiUrl: sim.urls.dataApi, gammaUrl: sim.urls.gamma, clobUrl: sim.urls.clob, logger: silentLogger });
  const writer = new BatchedWriter(store, { logger: silentLogger, validators: ROW_VALIDATORS, flushIntervalMs: 2000 / SPEED });
  const now = sim.now();
  const board = sim.world.leaderboard({ category: 'OVERALL', timePeriod: 'ALL', orderBy: 'PNL' }).slice(0, 50);
  await store.insert(
    'trader_rankings',
    board.map((r) => ({ proxy_wallet: r.proxyWallet, user_name: r.userName, rank: Number(r.rank), category: 'OVERALL', time_period: 'ALL', order_by: 'PNL', snapshot_time: chTime(now) })),
  );
  // The elite set is the graded wallets: grade the burst wallet A (the other board wallets stay ungraded).
  await store.insert('wallet_scores', [{ proxy_wallet: board[0]!.proxyWallet.toLowerCase(), category: 'OVERALL', settled_markets: 40, grade: 'A', omega_shrunk: 3, first_seen: chTime(now), last_seen: chTime(now), computed_at: chTime(now) }]);
  const calm = sim.world.core.markets
    .filter((m) => !m.closed && m.book && m.price >= 250 && m.price <= 650 && m.endDate > now + 86_400_000)
    .sort((a, b) => a.weight - b.weight)
    .slice(0, bursts);
  await store.insert(
    'watchlist_markets',
    calm.map((m) => ({ market_id: m.conditionId, token_ids: [...m.tokens], outcomes: [...m.outcomes], auto_added: 0, updated_at: chTime(now) })),
  );
  const live = createLiveFeed({
    store,
    writer,
    polymarket,
    wsUrl: sim.urls.ws,
    logger: silentLogger,
    clock: { now: () => sim.now() },
    options: {
      attributionPollMs: DEFAULT_LIVE_OPTIONS.attributionPollMs / SPEED,
      tickMs: 10,
      topVolumeMarkets: 0,
      livenessTimeoutMs: 3_600_000,
    },
  });
  await live.start();
  const stepWorld = 100;
  const stepWall = stepWorld / SPEED;
  const advanceFor = async (worldMs: number, until?: () => Promise<boolean>): Promise<boolean> => {
    for (let t = 0; t < worldMs; t += stepWorld) {
      if (until && (t / stepWorld) % 5 === 0 && (await until())) return true;
      sim.advance(stepWorld);
      await sleep(stepWall);
    }
    return until ? until() : false;
  };
  await advanceFor(90_000);
  const world: number[] = [];
  const wall: number[] = [];
  let missed = 0;
  const burstAt = new Map<string, number>();
  for (const m of calm) {
    const wallStart = performance.now();
    const burst = sim.triggerEliteBurst({ conditionId: m.conditionId, wallet: board[0]!.proxyWallet });
    burstAt.set(m.conditionId, burst.startedAt);
    let at: number | null = null;
    const found = await advanceFor(90_000, async () => {
      const rows = await store.query<{ ms: string }>(
        `SELECT toUnixTimestamp64Milli(timestamp) AS ms FROM fired_signals FINAL
         WHERE market_id = {m:String} AND signal_type = 'ELITE_MOMENTUM' LIMIT 1`,
        { m: m.conditionId },
      );
      if (rows[0]) at = Number(rows[0].ms);
      return rows.length > 0;
    });
    if (!found || at === null) {
      missed++;
      continue;
    }
    world.push(at - burst.startedAt);
    wall.push(performance.now() - wallStart);
  }
  await live.stop();
  await writer.flush();
  const elite = await store.query<{ market_id: string; ms: string }>(
    `SELECT market_id, toUnixTimestamp64Milli(timestamp) AS ms FROM fired_signals FINAL WHERE signal_type != 'MOMENTUM_ONLY'`,
  );
  const falseAlarms = elite.filter((r) => {
    const start = burstAt.get(r.market_id);
    return start === undefined || Number(r.ms) < start || Number(r.ms) > start + 90_000;
  }).length;
  await writer.close();
  await polymarket.close();
  await sim.stop();
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
  const pct = (xs: number[], p: number): number => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : Number.NaN;
  };
  return {
    bursts: world.length,
    bursts_missed: missed,
    elite_signals_outside_bursts: falseAlarms,
    signal_world_p50_s: Math.round(pct(world, 50) / 100) / 10,
    signal_world_p95_s: Math.round(pct(world, 95) / 100) / 10,
    signal_wall_p50_ms_at_20x: Math.round(pct(wall, 50)),
    signal_wall_p95_ms_at_20x: Math.round(pct(wall, 95)),
  };
}

/**
 * The numbers behind DEFAULT_MOMENTUM_CONFIG (`node bin/run-ts.js bench/live.ts --calibrate`): one hour of the
 * default simulator world on a manual clock, frames fed straight into a MarketFeed, |velocity| of every token every
 * 5 s (the random walk), and the velocity of one elite burst's token at 5 s steps.
 */
export async function calibrateMomentum(): Promise<Record<string, number | string>> {
  const sim = await startSimulator({ manualClock: true, burstEveryMs: 0, startTime: Date.now() });
  // The engine's own time: sim.now() would re-enter the engine from inside its frame callback.
  const clock = { now: () => sim.world.core.now };
  const feed = new MarketFeed({ ...DEFAULT_LIVE_OPTIONS, wsUrl: '' }, { onMid() {}, onTrade() {} }, clock, silentLogger);
  const open = sim.world.core.markets.filter((m) => !m.closed && m.book);
  const tokens = new Map<string, TokenMeta>();
  for (const m of open) for (const o of [0, 1] as const) tokens.set(m.tokens[o], { marketId: m.conditionId, outcome: m.outcomes[o] });
  feed.setTokens(tokens);
  for (const m of open) for (const o of [0, 1] as const) feed.handleFrame(JSON.stringify(bookFrame(m, o, clock.now())));
  sim.world.core.onFrames((frames) => {
    for (const f of frames) feed.handleFrame(JSON.stringify(f.frame));
  });
  const cfg = momentumConfig(DEFAULT_LIVE_OPTIONS);
  const walk: number[] = [];
  const burstSeries: number[] = [];
  let burstToken = '';
  for (let t = 0; t < 3_600_000; t += 1000) {
    sim.advance(1000);
    const now = clock.now();
    if (t % 10_000 === 0) for (const s of feed.tokens()) { const mid = s.book.mid(); if (mid !== null) s.mids.push(now, mid); }
    if (t === 1_800_000) burstToken = sim.triggerEliteBurst().tokenId;
    if (t % 5000 !== 0 || t <= 120_000) continue;
    const burstMarket = feed.token(burstToken)?.marketId;
    for (const s of feed.tokens()) {
      const m = computeMomentum(s.mids, s.volume, now, cfg);
      if (!m) continue;
      if (s.tokenId === burstToken && t < 1_800_000 + 90_000) burstSeries.push(m.velocityCentsPerMin);
      else if (s.marketId !== burstMarket) walk.push(Math.abs(m.velocityCentsPerMin));
    }
  }
  await sim.stop();
  walk.sort((a, b) => a - b);
  const q = (p: number): number => walk[Math.min(walk.length - 1, Math.floor(p * walk.length))]!;
  const atLeast = (v: number): number => walk.filter((x) => x >= v - 1e-9).length;
  return {
    walk_evaluations: walk.length,
    walk_p50: q(0.5), walk_p99: q(0.99), walk_p999: q(0.999), walk_p9999: q(0.9999), walk_max: walk[walk.length - 1]!,
    walk_ge_2: atLeast(2), walk_ge_4: atLeast(4), walk_ge_8: atLeast(8),
    burst_velocity_5s_steps: burstSeries.map((v) => v.toFixed(1)).join(' '),
  };
}

/** Runs both live benchmarks. */
export async function benchLive(): Promise<BenchResult> {
  const t = await throughput();
  const s = await signalLatency(20);
  return {
    name: 'live',
    metrics: { ...t, ...s },
    notes:
      `throughput: ${TOKENS} tokens, ${FLOOD_MS / 1000} s floods from a worker-thread server with backpressure; ceiling = bare ws + JSON.parse. ` +
      'signal latency: world time from the elite burst’s first trade to the ELITE_MOMENTUM row’s timestamp (seen in the store), ' +
      'simulator on a manual clock advanced 20× in real time with the attribution poll scaled to 5 s of world time; ' +
      'excludes real Polymarket HTTP latency and Data API indexing delay.',
  };
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!);
if (isMain) {
  const result = process.argv.includes('--calibrate') ? await calibrateMomentum() : await benchLive();
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  process.exit(0);
}
