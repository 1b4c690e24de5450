/**
 * The offline Polymarket: one node:http server on 127.0.0.1 serving the Data API (/data-api), Gamma
 * (/gamma-api), CLOB REST (/clob) and the CLOB market WebSocket (/ws/market) over a deterministic world.
 * `whaletop sim` serves it alone, `whaletop --demo` starts it in-process, and the tests run against it.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { silentLogger, type Logger } from '../lib/log.ts';
import { createSimClock } from './clock.ts';
import { createFaults, type FaultConfig, type FaultController } from './faults.ts';
import { createRouter } from './http/router.ts';
import { World, type BurstInfo } from './world/index.ts';
import { attachMarketWs } from './ws.ts';

export { World } from './world/index.ts';
export type { BurstInfo, TokenHoldersWire, WireRecord, LeaderboardRow } from './world/index.ts';
export { DEFAULT_FAULTS, type FaultConfig, type FaultController } from './faults.ts';
export { LEADERBOARD_CATEGORIES, LEADERBOARD_PERIODS, LEADERBOARD_ORDERS } from './world/leaderboard.ts';
export { HOSTILE_PAYLOADS } from './hostile.ts';
export { ACTIVITY_MAX_OFFSET, TRADES_MAX_OFFSET } from './http/data-api.ts';
export { WS_CLOSE_TOO_MANY_ASSETS } from './ws.ts';

/**
 * The default start of a manual-clock world: midnight UTC of the day this process started. Fixed for the life of
 * the process, so two worlds built in one test file are identical; near real time, so windows the store measures
 * against the real clock ("whale trades in the last 24 h") and the 1-year TTL of wallet_activity behave as they do
 * in production. A fixed calendar date would make those tests silently decay as the date recedes.
 */
export const MANUAL_START_TIME = Math.floor(Date.now() / 86_400_000) * 86_400_000;

/** Options of startSimulator (all optional). */
export interface SimulatorOptions {
  /** World seed (default 1). Same seed + manual clock → byte-identical responses. */
  seed?: number;
  /** Port (default 0 = ephemeral). */
  port?: number;
  /** Bind address (default 127.0.0.1). */
  host?: string;
  /** World-time speed factor on a real clock (default 1). */
  speed?: number;
  /** World time moves only on advance(ms) (tests). */
  manualClock?: boolean;
  /** World time at start, ms epoch (default Date.now(), or MANUAL_START_TIME with manualClock). */
  startTime?: number;
  /** Make ~20 % of names, pseudonyms, bios and titles hostile (terminal escapes, controls, huge/wide text). */
  hostile?: boolean;
  latencyMs?: number;
  jitterMs?: number;
  faults?: Partial<FaultConfig>;
  enforceRateLimits?: boolean;
  logger?: Logger;
  /** Markets in the world (default 300). */
  marketCount?: number;
  /** Wallets in the world (default 3000). */
  walletCount?: number;
  /** Days of pre-generated history (default 30; e.g. 365 for months of resolved markets). */
  historyDays?: number;
  /** TRADE rows generated over the history (default 100,000 per 30 days, i.e. the same density at any length). */
  historyTrades?: number;
  /** Share of markets resolved inside the history (default 0.2, or 0.6 when historyDays > 30). */
  resolvedShare?: number;
  /** Live trade rate across the world, per second of world time (default 3). */
  tradesPerSecond?: number;
  /** Live quote (book-size churn) rate, per second of world time (default 5). */
  quotesPerSecond?: number;
  /** Mean gap between spontaneous elite bursts, ms of world time (default 240,000; 0 disables). */
  burstEveryMs?: number;
}

/** A running simulator. */
export interface Simulator {
  /** Base URLs: dataApi/gamma/clob are http://host:port/<prefix>; ws is ws://host:port/ws/market. */
  urls: { dataApi: string; gamma: string; clob: string; ws: string };
  world: World;
  /**
   * The world's identity (seed, start of the live phase, sizes): two simulators with the same identity serve the
   * same world, rows and transaction hashes alike. The demo records it in its store (issue 11, defect 3).
   */
  worldIdentity: string;
  faults: FaultController;
  /** World time, ms. */
  now(): number;
  /** Moves a manual clock forward and applies the events in between (throws on a real clock). */
  advance(ms: number): void;
  /** Starts an elite burst now (first BUY immediately, the rest 5–8 s apart); throws if no market fits. */
  triggerEliteBurst(opts?: { conditionId?: string; wallet?: string }): BurstInfo;
  stats(): { requests: number; byPath: Record<string, number>; wsConnections: number; wsConnectionsTotal: number };
  stop(): Promise<void>;
}

/** Starts the simulator and resolves once it listens. */
export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const logger = opts.logger ?? silentLogger;
  const seed = opts.seed ?? 1;
  const manual = opts.manualClock ?? false;
  const clock = createSimClock({
    startTime: opts.startTime ?? (manual ? MANUAL_START_TIME : Date.now()),
    speed: opts.speed ?? 1,
    manual,
  });
  const historyDays = opts.historyDays ?? 30;
  const world = new World(
    {
      seed,
      marketCount: opts.marketCount ?? 300,
      walletCount: opts.walletCount ?? 3000,
      startTime: clock.now(),
      hostile: opts.hostile ?? false,
      historyDays,
      historyTrades: opts.historyTrades ?? Math.round(100_000 * Math.max(1, historyDays / 30)),
      resolvedShare: opts.resolvedShare ?? (historyDays > 30 ? 0.6 : 0.2),
      tradesPerSecond: opts.tradesPerSecond ?? 3,
      quotesPerSecond: opts.quotesPerSecond ?? 5,
      burstEveryMs: opts.burstEveryMs ?? 240_000,
    },
    () => clock.now(),
    manual ? 0 : 2000,
  );
  const faults = createFaults(seed, {
    ...(opts.latencyMs !== undefined ? { latencyMs: opts.latencyMs } : {}),
    ...(opts.jitterMs !== undefined ? { jitterMs: opts.jitterMs } : {}),
    ...(opts.enforceRateLimits !== undefined ? { enforceRateLimits: opts.enforceRateLimits } : {}),
    ...opts.faults,
  });
  const hung = new Set<ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();
  const router = createRouter({ world, faults, logger, hung, timers });
  const server = createServer(router.handle);
  const ws = attachMarketWs(server, world, faults, logger);

  let dropTimer: NodeJS.Timeout | null = null;
  const armDrops = (every: number | null): void => {
    if (dropTimer) clearInterval(dropTimer);
    dropTimer = every && every > 0 ? setInterval(() => ws.dropAll(), every) : null;
    dropTimer?.unref();
  };
  armDrops(faults.get().wsDropEveryMs);
  faults.onChange((c) => armDrops(c.wsDropEveryMs));

  // A real clock needs a pump so WS frames flow without requests; a manual clock moves only on advance().
  const pump = manual ? null : setInterval(() => world.sync(), 100);
  pump?.unref();

  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const base = `http://${host}:${port}`;
  logger.info('simulator listening', { base, seed, manual });

  let stopped = false;
  return {
    urls: { dataApi: `${base}/data-api`, gamma: `${base}/gamma-api`, clob: `${base}/clob`, ws: `ws://${host}:${port}/ws/market` },
    world,
    worldIdentity: JSON.stringify(world.core.opts),
    faults,
    now: () => world.sync(),
    advance: (ms) => {
      clock.advance(ms);
      world.sync();
    },
    triggerEliteBurst: (o = {}) => {
      const now = world.sync();
      const info = world.core.startBurst(now, o);
      if (!info) throw new Error('no open market fits an elite burst');
      world.core.catchUp(now);
      return info;
    },
    stats: () => ({
      requests: router.stats.requests,
      byPath: { ...router.stats.byPath },
      wsConnections: ws.open(),
      wsConnectionsTotal: ws.total(),
    }),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      if (pump) clearInterval(pump);
      armDrops(null);
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const res of hung) res.destroy();
      await ws.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
