import type { Config } from '../config/index.ts';
import { exposureWarning, startHealthServer, type HealthServer } from '../app/health-server.ts';
import { routeProcessEventsToLog } from '../app/process-events.ts';
import { Shutdown } from '../app/shutdown.ts';
import { createStatusSource } from '../app/status-source.ts';
import { HealthMonitor } from '../app/health-status.ts';
import { refreshWatchlistOnSync } from '../app/watchlist-refresh.ts';
import { openConfiguredStore, recoverStore } from './store.ts';
import { errorMessage } from '../lib/error-message.ts';
import { fileLogger, type Logger } from '../lib/log.ts';
import { createPolymarket, type Polymarket } from '../polymarket/index.ts';
import { BatchedWriter } from '../store/writer.ts';
import { rowValidators } from '../store/rows.ts';
import type { Store } from '../store/types.ts';
import { createSyncJobs, DEFAULT_SYNC_OPTIONS } from '../jobs/index.ts';
import { syncOptionsFromConfig } from '../jobs/options.ts';
import { Scheduler } from '../jobs/scheduler.ts';
import { createLiveFeed, type LiveService } from '../live/index.ts';
import { liveSourceLabel } from '../lib/status.ts';
import { startSimulator, type Simulator } from '../sim/index.ts';
import type { UiHandle } from '../ui/index.tsx';
import type { Output } from './output.ts';
import { simFaults, simWorld } from './sim-options.ts';

/** What the shutdown closes, filled in as each part starts (a part that never started is skipped). */
interface Parts {
  sim?: Simulator;
  store?: Store;
  writer?: BatchedWriter;
  polymarket?: Polymarket;
  scheduler?: Scheduler;
  live?: LiveService;
  health?: HealthServer | null;
  healthMonitor?: HealthMonitor;
  ui?: Pick<UiHandle, 'unmount'>;
}

/**
 * `whaletop [--demo] [--headless [--once]]`: the composition root. Opens the store, migrates, wires clients →
 * jobs → store and the live feed, then either renders the TUI or stays headless. Every way it ends — quit,
 * SIGINT/SIGTERM, the end of `--once`, a crash — goes through the one {@link Shutdown}, whose exit code this
 * returns; the caller (the entry file) is the only one to exit the process.
 */
export async function runCommand(config: Config, out: Output): Promise<number> {
  const logger = fileLogger(config.logFile as string, config.logLevel);
  logger.info('starting', { demo: config.demo, headless: config.headless, once: config.once });
  const shutdown = new Shutdown(logger);
  const parts: Parts = {};
  shutdown
    .add('ui', () => parts.ui?.unmount())
    .add('scheduler', () => parts.scheduler?.stop())
    .add('live feed', () => parts.live?.stop())
    .add('health', async () => {
      parts.healthMonitor?.stop();
      await parts.health?.close();
    })
    .add('writer', () => closeWriter(parts.writer, logger))
    .add('http clients', () => parts.polymarket?.close())
    .add('store', () => parts.store?.close())
    .add('simulator', () => parts.sim?.stop())
    // Even when the sequence is abandoned (second signal, budget), the store refuses new statements and the
    // process waits for chDB's native calls in flight: exiting during one segfaults.
    .settleBeforeExit('store', () => parts.store?.close());

  let crash: unknown = null;
  const crashed = (err: unknown): void => {
    crash ??= err;
    void shutdown.end('crash', 1);
  };
  const restoreProcessEvents = routeProcessEventsToLog(logger, crashed);
  // An interrupted --once did not do its work: 130, as a shell reports an interrupted command.
  const removeSignalHandlers = shutdown.installSignalHandlers(() => (config.once ? 130 : 0));

  let onceReport: string[] = [];
  try {
    onceReport = await start(config, out, logger, shutdown, parts);
  } catch (err) {
    logger.error('crashed', { err, stack: err instanceof Error ? err.stack : undefined });
    crashed(err);
  }
  const code = await shutdown.exited;
  removeSignalHandlers();
  restoreProcessEvents();
  for (const line of onceReport) out.info(line);
  if (crash !== null) out.error(`stopped by an error: ${oneLine(errorMessage(crash))} (details in ${config.logFile})`);
  // The log is written asynchronously: what is queued lands before the entry file exits.
  await logger.close();
  return code;
}

/**
 * Starts every part and returns once the program runs; the shutdown ends it. `--once` runs the jobs, ends the
 * shutdown itself and returns its report lines, printed after the shutdown.
 */
async function start(config: Config, out: Output, logger: Logger, shutdown: Shutdown, parts: Parts): Promise<string[]> {
  // The TUI is drawn first, before the simulator, the store and its schema (seconds on a fresh data dir).
  const ui = config.headless ? null : await import('../ui/index.tsx');
  if (ui) parts.ui = ui.renderStartup({ title: `whaletop · ${config.demo ? 'demo' : 'live'} · starting`, options: uiOptions(config) });
  let urls = { dataApi: config.dataApiUrl, gamma: config.gammaUrl, clob: config.clobUrl, ws: config.wsUrl };
  if (config.demo) {
    const sim = await startSimulator({
      seed: config.seed,
      speed: config.speed,
      hostile: config.hostile,
      ...simWorld(config),
      faults: simFaults(config),
      logger: logger.child({ part: 'sim' }),
    });
    // A signal during start: its shutdown has already passed the parts that exist only now.
    if (shutdown.ending) {
      await sim.stop();
      return [];
    }
    parts.sim = sim;
    urls = sim.urls;
    if (config.headless) out.info(`demo: simulator on ${new URL(sim.urls.dataApi).host}`);
  }

  const opened = await openConfiguredStore(config, logger, out, parts.sim?.worldIdentity);
  if (!opened) {
    void shutdown.end('store not opened', 1);
    return [];
  }
  const { store } = opened;
  if (shutdown.ending) {
    await store.close();
    return [];
  }
  parts.store = store;
  const storeNotice = await recoverStore(store, logger, out, Math.max(...Object.values(DEFAULT_SYNC_OPTIONS.timeoutsMs)));

  const writer = (parts.writer = new BatchedWriter(store, { logger: logger.child({ part: 'writer' }), validators: rowValidators, flushIntervalMs: config.writerFlushMs }));
  const polymarket = (parts.polymarket = createPolymarket({
    dataApiUrl: urls.dataApi,
    gammaUrl: urls.gamma,
    clobUrl: urls.clob,
    rateFraction: config.rateFraction ?? (config.demo ? 1 : 0.5),
    timeoutMs: config.requestTimeoutMs,
    logger: logger.child({ part: 'http' }),
  }));
  const scheduler = (parts.scheduler = new Scheduler({ store, logger: logger.child({ part: 'scheduler' }) }));
  const jobs = createSyncJobs({ store, writer, polymarket, logger, options: syncOptionsFromConfig(config) });
  for (const job of jobs) scheduler.add(job);

  if (config.once) {
    const results = await scheduler.runAllOnce();
    void shutdown.end('--once done', results.every((r) => r.status === 'ok') ? 0 : 1);
    return results.map(
      (r) =>
        `${r.name.padEnd(18)} ${r.status.padEnd(7)} rows=${r.rows} pages=${r.pages} rejected=${r.rejected} ${r.durationMs} ms${r.error ? `  ${r.error}` : ''}`,
    );
  }

  const live = config.live
    ? (parts.live = createLiveFeed({
        store,
        writer,
        polymarket,
        wsUrl: urls.ws,
        logger: logger.child({ part: 'live' }),
        options: {
          maxWatchedMarkets: config.watchlistMaxMarkets,
          alertBell: config.alertBell,
          alertWebhookUrl: config.alertWebhook ?? '',
          minConfidence: config.alertMinConfidence,
          categories: config.alertCategories,
          minTradeUsd: config.alertMinTrade,
          quietMs: config.alertQuiet * 1000,
        },
        alert: config.alertBell ? () => process.stdout.write('\x07') : undefined,
      }))
    : null;

  const sim = parts.sim;
  const status = createStatusSource({
    source: config.demo ? 'demo' : 'live',
    sourceLabel: config.demo && sim ? `demo · sim ${new URL(sim.urls.dataApi).host}` : liveSourceLabel(urls),
    storeKind: store.kind,
    storeDescription: store.description,
    storeNotice,
    jobs: { read: () => scheduler.statuses(), subscribe: (l) => scheduler.subscribe(l) },
    feed: live ? { read: () => live.status(), subscribe: (l) => live.subscribe(l) } : null,
    network: { read: () => polymarket.reachability() },
  });

  const exposed = config.healthPort === 0 ? null : exposureWarning(config.healthHost);
  if (exposed) {
    out.warn(exposed);
    logger.warn(exposed);
  }
  // The store is probed in the background; a request reads the cached report and runs no query.
  const healthMonitor = config.healthPort === 0 ? null : (parts.healthMonitor = new HealthMonitor({ store, status, logger }));
  await healthMonitor?.start();
  const health =
    healthMonitor === null
      ? null
      : await startHealthServer({
          port: config.healthPort,
          host: config.healthHost,
          logger,
          status: () => healthMonitor.report(),
        }).catch((err: unknown) => {
          logger.warn('health server not started', { err });
          out.warn(`/health not started: ${errorMessage(err)}`);
          return null;
        });
  if (shutdown.ending) {
    await health?.close();
    return [];
  }
  parts.health = health;

  scheduler.start();
  void live?.start().catch((err: unknown) => logger.error('live feed failed to start', { err }));
  if (live) refreshWatchlistOnSync(scheduler, () => live.refreshWatchlist(), logger);

  if (config.headless) {
    out.info(`whaletop running headless; store ${store.description}; log ${config.logFile}${health ? `; /health on ${config.healthHost}:${health.port}` : ''}`);
    return [];
  }

  if (!ui || shutdown.ending) return [];
  const app = (parts.ui = ui.renderApp({
    store,
    status,
    options: uiOptions(config),
    retryFailedJobs: () => scheduler.retryFailed(),
    logger,
    onQuit: () => void shutdown.end('quit', 0),
  }));
  void app.waitUntilExit().then(() => shutdown.end('ui exited', 0));
  return [];
}

function uiOptions(config: Config): { refreshMs: number; color: boolean } {
  return { refreshMs: config.refresh * 1000, color: config.color };
}

/** Flushes every row the writer accepted and logs what landed and what was lost, per table. */
async function closeWriter(writer: BatchedWriter | undefined, logger: Logger): Promise<void> {
  if (!writer) return;
  await writer.close();
  const { tables, buffered, written, rejected, dropped } = writer.stats();
  const perTable = Object.fromEntries(
    Object.entries(tables).map(([name, t]) => [name, { written: t.written, rejected: t.rejected, dropped: t.dropped, buffered: t.buffered }]),
  );
  logger.info('writer closed', { buffered, written, rejected, dropped, tables: perTable });
}

/** A message on one line (a crash report is one line on stderr). */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
