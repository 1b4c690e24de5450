import { sleep } from '../lib/backoff.ts';
import { systemClock } from '../lib/clock.ts';
import type { Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/log.ts';
import { sanitizeText } from '../lib/sanitize.ts';
import type { FeedStatus } from '../lib/status.ts';
import type { Polymarket } from '../polymarket/index.ts';
import type { Store } from '../store/types.ts';
import type { BatchedWriter } from '../store/writer.ts';
import { createAlertService } from './alert-service.ts';
import { readRecentAlerts } from '../store/queries/alerts.ts';
import type { FollowAlertSettings } from '../store/state/followed-wallets.ts';
import { AttributionPoller } from './attribution.ts';
import { MarketFeed } from './feed.ts';
import type { TokenMeta } from './feed.ts';
import type { MomentumConfig } from './momentum.ts';
import { DEFAULT_LIVE_OPTIONS } from './options.ts';
import type { LiveOptions } from './options.ts';
import { OutcomeTracker } from './outcomes.ts';
import { SignalEngine, signalRow } from './signals.ts';
import type { SentAlert } from './alert-service.ts';
import { BoundaryTicker, snapshotRows } from './snapshotter.ts';
import { refreshWatchlist } from './watchlist.ts';
import type { WatchedMarket } from './watchlist.ts';

export { DEFAULT_LIVE_OPTIONS } from './options.ts';
export type { LiveOptions } from './options.ts';
export type { FiredSignal, EliteTrade, SignalType, Confidence, Direction } from './signals.ts';

/** What the composition root hands the live feed. */
export interface LiveDeps {
  store: Store;
  writer: BatchedWriter;
  polymarket: Polymarket;
  /** Market-channel URL (wss://ws-subscriptions-clob.polymarket.com/ws/market, or the simulator's). */
  wsUrl: string;
  options?: Partial<LiveOptions>;
  logger: Logger;
  /** Data clock (timestamps, snapshot boundaries, momentum windows); the simulator's clock in demo/tests. */
  clock?: Clock;
  /** Rings the bell for an alert sent when `alertBell` is on (the composition root decides how). */
  alert?: (alert: SentAlert) => void;
}

/** The live signals service. */
export interface LiveService {
  /** Loads the watchlist, opens the sockets, starts snapshots, attribution and outcome tracking. */
  start(): Promise<void>;
  /** Stops everything and waits for in-flight work. */
  stop(): Promise<void>;
  /** The feed's health (immutable snapshot). */
  status(): FeedStatus;
  /** Called (at most about once a second) when status() changed or a signal fired. */
  subscribe(listener: () => void): () => void;
  /** Recomputes the auto watchlist, applies manual changes, and resubscribes the difference. */
  refreshWatchlist(): Promise<void>;
}

/** Builds the momentum config out of the flat options. */
export function momentumConfig(o: LiveOptions): MomentumConfig {
  return {
    windowMs: o.velocityWindowMs,
    maxReferenceAgeMs: o.maxReferenceAgeMs,
    minVelocityCentsPerMin: o.minVelocityCentsPerMin,
    strongVelocityCentsPerMin: o.strongVelocityCentsPerMin,
    minVolumeSurge: o.minVolumeSurge,
    volumeBaselineMs: o.volumeBaselineMs,
  };
}

/**
 * Creates the live feed: watchlist → WebSocket pool → books → 10 s snapshots and momentum → signals (with elite
 * attribution from Data API /trades) → fired_signals, outcome tracking and alerts.
 */
export function createLiveFeed(deps: LiveDeps): LiveService {
  const o: LiveOptions = { ...DEFAULT_LIVE_OPTIONS, ...deps.options };
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger.child({ component: 'live' });
  // The feed's rows are its own: a batch it loses fails its flush, never a sync job's (issue 12 item 17).
  const writer = deps.writer.producer('live');
  const listeners = new Set<() => void>();
  let markets = new Map<string, WatchedMarket>();
  let lastError: string | null = null;
  let started = false;
  let stopping = false;
  const abort = new AbortController();
  const loops: Promise<void>[] = [];
  let refreshing: Promise<void> | null = null;

  let followed = new Map<string, FollowAlertSettings>();
  const alerts = createAlertService({
    options: o,
    logger,
    followed: () => followed,
    market: (id) => {
      const m = markets.get(id);
      return m ? { question: m.question, category: m.category } : titles.get(id);
    },
    log: (rows) => {
      writer.write('alerts_sent', rows);
      // Alerts are rare and the Alerts view should show them at once.
      writer.flush().catch((err: unknown) => logger.warn('alert flush failed', { err }));
    },
    ring: deps.alert,
    now: () => clock.now(),
  });
  // Titles of markets a followed wallet traded outside the watchlist, as its fill carried them.
  const titles = new Map<string, { question: string; category: string }>();
  const outcomes = new OutcomeTracker({
    store: deps.store,
    prices: { liveMid: (id) => feed.token(id)?.book.mid() ?? null },
    write: (s) => writer.write('fired_signals', [signalRow(s)]),
    logger,
  });
  const engine = new SignalEngine({
    config: {
      momentum: momentumConfig(o),
      eliteWindowMs: o.eliteWindowMs,
      eliteMinVelocityCentsPerMin: o.eliteMinVelocityCentsPerMin,
      eliteMinTradeUsd: o.eliteMinTradeUsd,
      cooldownMs: o.signalCooldownMs,
      evaluateEveryMs: o.evaluateEveryMs,
    },
    market: (id) => {
      const m = markets.get(id);
      return m && { marketId: m.marketId, slug: m.slug, question: m.question, tokenIds: m.tokenIds };
    },
    token: (id) => feed.token(id),
    emit: (signal, kind) => {
      writer.write('fired_signals', [signalRow(signal)]);
      // Signals are rare and the pane should show them at once: flush instead of waiting for the interval.
      writer.flush().catch((err: unknown) => logger.warn('signal flush failed', { err }));
      outcomes.upsert(signal);
      logger.info('signal', { kind, type: signal.type, confidence: signal.confidence, market: signal.marketId, direction: signal.direction });
      void alerts.signal(signal);
      notify();
    },
  });
  const feed: MarketFeed = new MarketFeed(
    {
      wsUrl: deps.wsUrl,
      pingIntervalMs: o.pingIntervalMs,
      livenessTimeoutMs: o.livenessTimeoutMs,
      backoffBaseMs: o.backoffBaseMs,
      backoffCapMs: o.backoffCapMs,
      subscribeChunkSize: o.subscribeChunkSize,
      maxPayloadBytes: o.maxPayloadBytes,
      handshakeTimeoutMs: o.handshakeTimeoutMs,
      maxTokensPerConnection: o.maxTokensPerConnection,
      connectSpacingMs: o.connectSpacingMs,
      maxSpreadForMomentum: o.maxSpreadForMomentum,
    },
    {
      onMid: (s, at) => engine.evaluate(s.marketId, at),
      onTrade: (s, _t, at) => engine.evaluate(s.marketId, at),
    },
    clock,
    logger,
  );
  const attribution = new AttributionPoller({
    store: deps.store,
    writer,
    polymarket: deps.polymarket,
    logger,
    options: {
      marketsPerRequest: o.attributionMarketsPerRequest,
      pageSize: o.attributionPageSize,
      maxPages: o.attributionMaxPages,
      initialLookbackMs: o.attributionLookbackMs,
    },
    onTrade: (t) => engine.onEliteTrade(t, clock.now()),
    onFollowedTrade: (t) => {
      if (!markets.has(t.marketId) && t.title) titles.set(t.marketId, { question: t.title, category: '' });
      void alerts.trade(t).then((sent) => sent && notify());
    },
  });
  const ticker = new BoundaryTicker(
    clock,
    o.snapshotIntervalMs,
    o.tickMs,
    async (at) => {
      const rows = snapshotRows(feed.tokens(), at, o.snapshotDepthLevels);
      if (rows.length > 0) writer.write('price_snapshots_10s', rows);
      const now = clock.now();
      // A quiet book sends nothing; one sample per interval keeps the momentum reference fresh.
      for (const s of feed.tokens()) {
        const mid = s.book.mid();
        if (mid !== null && s.book.spread()! <= o.maxSpreadForMomentum) s.mids.push(now, mid);
      }
      for (const id of markets.keys()) engine.evaluate(id, now, true);
      await outcomes.check(now);
    },
    (err) => {
      lastError = errorText(err);
      logger.warn('snapshot tick failed', { err });
    },
  );

  let lastNotified = '';
  const notify = (): void => {
    for (const l of listeners) {
      try {
        l();
      } catch (err) {
        logger.warn('status listener failed', { err });
      }
    }
  };
  let statusTimer: NodeJS.Timeout | null = null;

  const status = (): FeedStatus => {
    const s = feed.stats();
    return {
      state: s.state,
      connections: s.connections,
      tokens: s.tokens,
      messagesPerSecond: s.messagesPerSecond,
      lastMessageAt: s.lastMessageAt,
      reconnects: s.reconnects,
      signalsFired: engine.firedCount,
      lastError: lastError ?? s.lastError,
    };
  };

  const doRefresh = async (): Promise<void> => {
    const state = await refreshWatchlist(
      deps.store,
      {
        eliteBoard: { category: o.eliteCategory, timePeriod: o.eliteTimePeriod, orderBy: o.eliteOrderBy },
        eliteTopN: o.eliteTopN,
        recentTradeMs: o.recentTradeMs,
        topVolumeMarkets: o.topVolumeMarkets,
        maxMarkets: o.maxWatchedMarkets,
      },
      clock.now(),
    );
    markets = new Map(state.markets.map((m) => [m.marketId, m]));
    const tokens = new Map<string, TokenMeta>();
    for (const m of state.markets) m.tokenIds.forEach((id, i) => tokens.set(id, { marketId: m.marketId, outcome: m.outcomes[i] ?? '' }));
    feed.setTokens(tokens);
    attribution.setMarkets([...markets.keys()]);
    attribution.setWallets(state.wallets);
    followed = new Map(state.followed.map((f) => [f.wallet, f]));
    logger.info('watchlist refreshed', { markets: markets.size, tokens: tokens.size, wallets: state.wallets.size, added: state.added, removed: state.removed });
  };

  const refresh = async (): Promise<void> => {
    if (refreshing) return refreshing;
    refreshing = doRefresh().finally(() => {
      refreshing = null;
    });
    return refreshing;
  };

  /** Runs `fn` every `everyMs` (real time) until stop, never overlapping, logging failures. */
  const loop = (name: string, everyMs: number, fn: () => Promise<void>): Promise<void> =>
    (async () => {
      while (!abort.signal.aborted) {
        try {
          await sleep(everyMs, abort.signal);
        } catch {
          return;
        }
        try {
          await fn();
        } catch (err) {
          if (abort.signal.aborted) return;
          lastError = `${name}: ${errorText(err)}`;
          logger.warn(`${name} failed`, { err });
        }
      }
    })();

  return {
    async start() {
      if (started) return;
      started = true;
      try {
        await refresh();
      } catch (err) {
        lastError = `watchlist: ${errorText(err)}`;
        logger.error('watchlist refresh failed at start', { err });
      }
      try {
        alerts.seed(await readRecentAlerts(deps.store, clock.now() - Math.max(o.quietMs, 86_400_000)));
      } catch (err) {
        logger.warn('alert history read failed', { err });
      }
      try {
        await outcomes.resume(clock.now(), o.outcomeResumeLookbackMs);
      } catch (err) {
        logger.warn('outcome resume failed', { err });
      }
      feed.start();
      ticker.start();
      loops.push(loop('attribution', o.attributionPollMs, () => attribution.poll(clock.now(), abort.signal)));
      loops.push(loop('watchlist', o.watchlistRefreshMs, refresh));
      statusTimer = setInterval(() => {
        const key = JSON.stringify(status());
        if (key !== lastNotified) {
          lastNotified = key;
          notify();
        }
      }, 1_000);
      statusTimer.unref?.();
      logger.info('live feed started', { markets: markets.size });
    },
    async stop() {
      if (stopping) return;
      stopping = true;
      abort.abort(new Error('live feed stopped'));
      ticker.stop();
      if (statusTimer) clearInterval(statusTimer);
      await Promise.allSettled([feed.stop(), ...loops, refreshing ?? Promise.resolve()]);
      notify();
    },
    status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refreshWatchlist: refresh,
  };
}

/** An error as the feed's status text; sanitised here, where outside text (an HTTP error body) enters a status. */
function errorText(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as Error & { code?: unknown }).code;
    return sanitizeText(code ? `${String(code)} ${err.message}` : err.message);
  }
  return sanitizeText(String(err));
}
