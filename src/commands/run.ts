import type { Config } from '../config/index.ts';
import { Shutdown } from '../app/shutdown.ts';
import { createStatusSource } from '../app/status-source.ts';
import { openConfiguredStore, recoverStore } from './store.ts';
import { fileLogger, type Logger } from '../lib/log.ts';
import { createPolymarket } from '../polymarket/index.ts';
import { BatchedWriter } from '../store/writer.ts';
import { rowValidators } from '../store/rows.ts';
import { createSyncJobs, DEFAULT_SYNC_OPTIONS } from '../jobs/index.ts';
import { Scheduler } from '../jobs/scheduler.ts';
import { exposureWarning, startHealthServer } from '../jobs/health.ts';
import { readTrackedWalletCount } from '../jobs/sync-state.ts';
import { createLiveFeed, type LiveService } from '../live/index.ts';
import { startSimulator, type Simulator } from '../sim/index.ts';
import type { Output } from './output.ts';
import { simFaults } from './sim-options.ts';

/**
 * `whaletop [--demo] [--headless [--once]]`: the composition root. Opens the store, migrates, wires clients →
 * jobs → store and the live feed, then either renders the TUI or stays headless. Returns the exit code.
 */
export async function runCommand(config: Config, out: Output): Promise<number> {
  const log = fileLogger(config.logFile as string, config.logLevel);
  try {
    return await runWithLog(config, out, log);
  } finally {
    await log.close();
  }
}

async function runWithLog(config: Config, out: Output, logger: Logger & { close(): Promise<void> }): Promise<number> {
  logger.info('starting', { demo: config.demo, headless: config.headless, once: config.once });
  const shutdown = new Shutdown(logger);

  let sim: Simulator | null = null;
  let urls = { dataApi: config.dataApiUrl, gamma: config.gammaUrl, clob: config.clobUrl, ws: config.wsUrl };
  if (config.demo) {
    sim = await startSimulator({
      seed: config.seed,
      speed: config.speed,
      hostile: config.hostile,
      faults: simFaults(config),
      logger: logger.child({ part: 'sim' }),
    });
    urls = sim.urls;
    if (config.headless) out.info(`demo: simulator on ${new URL(sim.urls.dataApi).host}`);
  }

  const opened = await openConfiguredStore(config, logger, out);
  if (!opened) {
    await sim?.stop();
    return 1;
  }
  const { store } = opened;
  const storeNotice = await recoverStore(store, logger, out, Math.max(...Object.values(DEFAULT_SYNC_OPTIONS.timeoutsMs)));

  const writer = new BatchedWriter(store, { logger: logger.child({ part: 'writer' }), validators: rowValidators });
  const polymarket = createPolymarket({
    dataApiUrl: urls.dataApi,
    gammaUrl: urls.gamma,
    clobUrl: urls.clob,
    rateFraction: config.rateFraction ?? (config.demo ? 1 : 0.5),
    timeoutMs: config.requestTimeoutMs,
    logger: logger.child({ part: 'http' }),
  });
  const scheduler = new Scheduler({ store, logger: logger.child({ part: 'scheduler' }) });
  const jobs = createSyncJobs({ store, writer, polymarket, logger, options: syncOptions(config) });
  for (const job of jobs) scheduler.add(job);

  if (config.once) {
    const results = await scheduler.runAllOnce();
    await writer.close();
    await polymarket.close();
    await store.close();
    await sim?.stop();
    for (const r of results) {
      out.info(`${r.name.padEnd(18)} ${r.status.padEnd(7)} rows=${r.rows} pages=${r.pages} rejected=${r.rejected} ${r.durationMs} ms${r.error ? `  ${r.error}` : ''}`);
    }
    return results.every((r) => r.status === 'ok') ? 0 : 1;
  }

  let live: LiveService | null = null;
  if (config.live) {
    live = createLiveFeed({
      store,
      writer,
      polymarket,
      wsUrl: urls.ws,
      logger: logger.child({ part: 'live' }),
      options: { maxWatchedMarkets: config.watchlistMaxMarkets, alertBell: config.alertBell, alertWebhookUrl: config.alertWebhook ?? '' },
      alert: config.alertBell ? () => process.stdout.write('\x07') : undefined,
    });
  }

  const status = createStatusSource({
    source: config.demo ? 'demo' : 'live',
    sourceLabel: config.demo && sim ? `demo · sim ${new URL(sim.urls.dataApi).host}` : 'live · polymarket.com',
    storeKind: store.kind,
    storeDescription: store.description,
    storeNotice,
    jobs: { read: () => scheduler.statuses(), subscribe: (l) => scheduler.subscribe(l) },
    feed: live ? { read: () => (live as LiveService).status(), subscribe: (l) => (live as LiveService).subscribe(l) } : null,
  });

  const exposed = config.healthPort === 0 ? null : exposureWarning(config.healthHost);
  if (exposed) {
    out.warn(exposed);
    logger.warn(exposed);
  }
  const health =
    config.healthPort === 0
      ? null
      : await startHealthServer({
          port: config.healthPort,
          host: config.healthHost,
          logger,
          status: async () => ({ ...status.get(), trackedWallets: await readTrackedWalletCount(store) }),
        }).catch((err: unknown) => {
          logger.warn('health server not started', { err });
          out.warn(`/health not started: ${(err as Error).message}`);
          return null;
        });

  let ui: { unmount(): void; waitUntilExit(): Promise<void> } | null = null;
  shutdown
    .add('ui', () => ui?.unmount())
    .add('scheduler', () => scheduler.stop())
    .add('live feed', () => live?.stop())
    .add('health', () => health?.close())
    .add('writer', () => writer.close())
    .add('http clients', () => polymarket.close())
    .add('store', () => store.close())
    .add('simulator', () => sim?.stop())
    .add('log', () => logger.close());

  scheduler.start();
  // The live feed subscribes to the watchlist, which the syncs fill: refresh it whenever one of them lands.
  void live?.start().catch((err: unknown) => logger.error('live feed failed to start', { err }));
  if (live) refreshWatchlistOnSync(scheduler, live, logger);

  const done = new Promise<void>((resolve) => shutdown.installSignalHandlers(resolve));
  routeProcessEventsToLog(logger, shutdown);
  if (config.headless) {
    out.info(`whaletop running headless; store ${store.description}; log ${config.logFile}${health ? `; /health on ${config.healthHost}:${health.port}` : ''}`);
    await done;
    return 0;
  }

  // Ink draws nothing but the final frame when it believes it runs in CI (is-in-ci reads CI/CONTINUOUS_INTEGRATION
  // once, when ink is first imported, which is here). A person at a terminal is never CI, whatever the shell exports.
  if (process.stdout.isTTY) {
    process.env.CI = 'false';
    process.env.CONTINUOUS_INTEGRATION = 'false';
  }
  const { renderApp } = await import('../ui/index.tsx');
  ui = renderApp({
    store,
    status,
    options: { refreshMs: config.refresh * 1000, color: config.color },
    onQuit: () => void shutdown.run('quit').then(() => process.exit(0)),
  });
  await Promise.race([done, ui.waitUntilExit()]);
  await shutdown.run('ui exited');
  return 0;
}

/** Jobs whose rows feed the watchlist (top markets by volume, elite wallets' positions and trades). */
const WATCHLIST_SOURCES = new Set(['market-sync', 'leaderboard-sync', 'position-sync']);

/** Refreshes the live watchlist after each successful run of a job that feeds it (one refresh at a time). */
function refreshWatchlistOnSync(scheduler: Scheduler, live: LiveService, logger: Logger): void {
  const seen = new Map(scheduler.statuses().map((s) => [s.name, s.lastSuccessAt]));
  let refreshing = false;
  scheduler.subscribe(() => {
    let landed = false;
    for (const s of scheduler.statuses()) {
      if (WATCHLIST_SOURCES.has(s.name) && s.lastSuccessAt !== seen.get(s.name)) landed = true;
      seen.set(s.name, s.lastSuccessAt);
    }
    if (!landed || refreshing) return;
    refreshing = true;
    live
      .refreshWatchlist()
      .catch((err: unknown) => logger.warn('watchlist refresh after sync failed', { err }))
      .finally(() => (refreshing = false));
  });
}

/**
 * Nothing may write over the TUI: Node's own warnings go to the log instead of stderr; a stray rejected promise
 * in background work is logged and the process goes on; an uncaught exception shuts down in order (the terminal
 * is restored first) and exits 1.
 */
function routeProcessEventsToLog(logger: Logger, shutdown: Shutdown): void {
  process.removeAllListeners('warning');
  process.on('warning', (warning) => logger.warn('node warning', { name: warning.name, message: warning.message }));
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', { err: reason }));
  process.on('uncaughtException', (err) => {
    logger.error('uncaught exception', { err, stack: err.stack });
    void shutdown.run('uncaught exception').then(() => process.exit(1));
  });
}

function syncOptions(config: Config) {
  return {
    leaderboardMaxResults: config.leaderboardMaxResults,
    holderSyncTopMarkets: config.holderSyncTopMarkets,
    trackedWalletMax: config.trackedWalletMax,
    profileBatchSize: config.profileBatchSize,
    schedules: {
      'market-sync': config.marketSyncCron,
      'leaderboard-sync': config.leaderboardSyncCron,
      'holder-sync': config.holderSyncCron,
      'position-sync': config.positionSyncCron,
      'profile-enricher': config.profileEnricherCron,
    },
  };
}

