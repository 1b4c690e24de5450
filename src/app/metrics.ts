/**
 * GET /metrics (issue 16, Operations): the process's counters in Prometheus text format, with prom-client. The
 * parts keep their own counters (the HTTP core per endpoint, the writer per table, the feed per socket, the
 * scheduler per job); this module only reads them at scrape time, so nothing on a hot path calls into prom-client.
 * Totals the parts keep are exported as counters by setting them at collect time (reset + inc): they only grow
 * for the life of the process, which is what a Prometheus counter promises (a restart is a counter reset).
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { systemClock, type Clock } from '../lib/clock.ts';
import type { JobStatus } from '../lib/status.ts';
import type { LiveMetrics } from '../live/index.ts';
import type { ClientStats } from '../polymarket/types.ts';
import type { WriterStats } from '../store/writer.ts';
import type { Observable } from './status-source.ts';

/** Where /metrics reads from; a part that is not running is left out. */
export interface MetricsSources {
  polymarket?: { stats(): ClientStats };
  writer?: { stats(): WriterStats };
  live?: { metrics(): LiveMetrics } | null;
  jobs?: Observable<JobStatus[]>;
  clock?: Clock;
}

/**
 * The hook for the discovery queue (issue 14, coverage): whoever owns the queue passes a reader here and the two
 * gauges appear in the scrape. Read at scrape time; must be cheap (a cached number, no query).
 */
export interface CoverageMetricsSource {
  /** Wallets waiting in the discovery/backfill queue. */
  queueDepth(): number;
  /** Tracked wallets whose data is older than their refresh interval. */
  staleWallets(): number;
}

/** The registry behind /metrics. */
export interface WhaletopMetrics {
  readonly registry: Registry;
  /** The exposition text and its content type (what the health server sends). */
  scrape(): Promise<{ contentType: string; body: string }>;
  /** Adds the coverage gauges `whaletop_discovery_queue_depth` and `whaletop_stale_wallets`. */
  registerCoverage(source: CoverageMetricsSource): void;
  /** Stops following the scheduler. */
  stop(): void;
}

/** Seconds buckets of job durations: sync runs take from well under a second to the 30-minute leaderboard cap. */
const JOB_DURATION_BUCKETS = [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900, 1800];

/** Sets a counter to the totals `read` returns, per label value, at collect time. */
function totalsCounter(
  registry: Registry,
  name: string,
  help: string,
  label: string,
  read: () => Iterable<[string, number]> | null,
): void {
  new Counter({
    name,
    help,
    labelNames: [label],
    registers: [registry],
    collect() {
      this.reset();
      for (const [value, total] of read() ?? []) this.inc({ [label]: value }, Math.max(0, total));
    },
  });
}

/** Builds the registry over `sources`. */
export function createMetrics(sources: MetricsSources): WhaletopMetrics {
  const registry = new Registry();
  const clock = sources.clock ?? systemClock;
  collectDefaultMetrics({ register: registry });

  const endpoints = (): [string, ClientStats['endpoints'][string]][] | null =>
    sources.polymarket ? Object.entries(sources.polymarket.stats().endpoints) : null;
  totalsCounter(registry, 'whaletop_http_requests_total', 'HTTP attempts sent to Polymarket (retries included), per endpoint', 'endpoint', () =>
    endpoints()?.map(([lane, e]) => [lane, e.requests]) ?? null);
  totalsCounter(registry, 'whaletop_http_rate_limited_total', 'HTTP attempts answered 429, per endpoint', 'endpoint', () =>
    endpoints()?.map(([lane, e]) => [lane, e.rateLimited]) ?? null);
  totalsCounter(registry, 'whaletop_http_retries_total', 'HTTP attempts that were retries, per endpoint', 'endpoint', () =>
    endpoints()?.map(([lane, e]) => [lane, e.retries]) ?? null);
  totalsCounter(registry, 'whaletop_http_failures_total', 'Calls that failed after their retries, per endpoint', 'endpoint', () =>
    endpoints()?.map(([lane, e]) => [lane, e.failures]) ?? null);

  const tables = (): [string, WriterStats['tables'][string]][] | null => (sources.writer ? Object.entries(sources.writer.stats().tables) : null);
  totalsCounter(registry, 'whaletop_rows_written_total', 'Rows that landed in the store, per table', 'table', () =>
    tables()?.map(([t, s]) => [t, s.written]) ?? null);
  totalsCounter(registry, 'whaletop_rows_dropped_total', 'Rows lost (buffer overflow, batches given up), per table', 'table', () =>
    tables()?.map(([t, s]) => [t, s.dropped]) ?? null);
  totalsCounter(registry, 'whaletop_rows_rejected_total', 'Rows that failed validation before the store, per table', 'table', () =>
    tables()?.map(([t, s]) => [t, s.rejected]) ?? null);
  new Gauge({
    name: 'whaletop_writer_queue_rows',
    help: 'Rows accepted by the writer and not yet settled (queued or in flight)',
    registers: [registry],
    collect() {
      if (sources.writer) this.set(sources.writer.stats().buffered);
    },
  });

  const live = (): LiveMetrics | null => sources.live?.metrics() ?? null;
  totalsCounter(registry, 'whaletop_ws_messages_total', 'WebSocket frames received (PONGs included), per open socket', 'connection', () =>
    live()?.feed.perConnection.map((c) => [c.id, c.messages]) ?? null);
  totalsCounter(registry, 'whaletop_ws_connection_reconnects_total', 'Rebuilds of one open socket after a close, failure or freeze', 'connection', () =>
    live()?.feed.perConnection.map((c) => [c.id, c.reconnects]) ?? null);
  new Gauge({
    name: 'whaletop_ws_last_message_age_seconds',
    help: 'Seconds since the last market-data frame (never a PONG), per open socket; absent before the first',
    labelNames: ['connection'],
    registers: [registry],
    collect() {
      this.reset();
      const now = clock.now();
      for (const c of live()?.feed.perConnection ?? []) if (c.lastMessageAt !== null) this.set({ connection: c.id }, Math.max(0, (now - c.lastMessageAt) / 1000));
    },
  });
  const feedCounter = (name: string, help: string, read: (m: LiveMetrics) => number): void => {
    new Counter({
      name,
      help,
      registers: [registry],
      collect() {
        const m = live();
        this.reset();
        if (m) this.inc(Math.max(0, read(m)));
      },
    });
  };
  feedCounter('whaletop_ws_reconnects_total', 'Socket rebuilds over the feed (retired sockets included)', (m) => m.feed.reconnects);
  feedCounter('whaletop_ws_frames_total', 'Market-data frames received over the feed', (m) => m.feed.frames);
  feedCounter('whaletop_signals_fired_total', 'Signals fired by the live feed', (m) => m.signalsFired);
  feedCounter('whaletop_attributed_fills_total', 'Fills attributed to tracked wallets', (m) => m.attributed);
  new Gauge({
    name: 'whaletop_ws_connections',
    help: 'Open market-channel sockets',
    registers: [registry],
    collect() {
      const m = live();
      if (m) this.set(m.feed.connections);
    },
  });
  new Gauge({
    name: 'whaletop_attribution_lag_seconds',
    help: 'Age of the newest attributed fill when it was recorded (poll time minus fill time)',
    registers: [registry],
    collect() {
      const lag = live()?.attributionLagMs ?? null;
      this.reset();
      if (lag !== null) this.set(lag / 1000);
    },
  });

  const duration = new Histogram({ name: 'whaletop_job_duration_seconds', help: 'Duration of finished sync-job runs', labelNames: ['job'], buckets: JOB_DURATION_BUCKETS, registers: [registry] });
  const runs = new Counter({ name: 'whaletop_job_runs_total', help: 'Finished sync-job runs by outcome (ok, error)', labelNames: ['job', 'outcome'], registers: [registry] });
  const failures = new Counter({ name: 'whaletop_job_failures_total', help: 'Failed sync-job runs', labelNames: ['job'], registers: [registry] });
  new Gauge({
    name: 'whaletop_job_last_success_timestamp_seconds',
    help: 'Unix time of each job\'s last successful run',
    labelNames: ['job'],
    registers: [registry],
    collect() {
      this.reset();
      for (const j of sources.jobs?.read() ?? []) if (j.lastSuccessAt !== null) this.set({ job: j.name }, j.lastSuccessAt / 1000);
    },
  });
  // A run is seen finishing when its lastFinishedAt moves; the scheduler notifies on every state change.
  const seenFinish = new Map<string, number | null>();
  const observeJobs = (): void => {
    for (const j of sources.jobs?.read() ?? []) {
      const before = seenFinish.get(j.name);
      seenFinish.set(j.name, j.lastFinishedAt);
      // The first sight of a job only records where it is (a run loaded from job_runs is not a run of this process).
      if (before === undefined || j.lastFinishedAt === null || j.lastFinishedAt === before) continue;
      if (j.lastDurationMs !== null) duration.observe({ job: j.name }, j.lastDurationMs / 1000);
      // An 'ok' run with a partial error still succeeded (its finish is its lastSuccessAt).
      const failed = j.lastFinishedAt !== j.lastSuccessAt;
      runs.inc({ job: j.name, outcome: failed ? 'error' : 'ok' });
      if (failed) failures.inc({ job: j.name });
      else failures.inc({ job: j.name }, 0);
    }
  };
  observeJobs();
  const unsubscribe = sources.jobs?.subscribe(observeJobs) ?? (() => undefined);

  return {
    registry,
    async scrape() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
    registerCoverage(source) {
      new Gauge({ name: 'whaletop_discovery_queue_depth', help: 'Wallets waiting in the discovery/backfill queue', registers: [registry], collect() { this.set(source.queueDepth()); } });
      new Gauge({ name: 'whaletop_stale_wallets', help: 'Tracked wallets whose data is older than their refresh interval', registers: [registry], collect() { this.set(source.staleWallets()); } });
    },
    stop: unsubscribe,
  };
}
