/**
 * What the running process knows about itself, in one immutable snapshot: the jobs' last outcomes, the live
 * feed's health, where the data lives. Produced by the composition root (from the scheduler and the live feed),
 * consumed by the status bar and /health. Plain data: no React, no ClickHouse.
 */

/** One sync job's state as the scheduler sees it. Times are epoch milliseconds. */
export interface JobStatus {
  name: string;
  /** Cron expression or a human description of the schedule. */
  schedule: string;
  running: boolean;
  lastStartedAt: number | null;
  lastFinishedAt: number | null;
  lastSuccessAt: number | null;
  /** Message of the last failed run; null once a later run succeeds. */
  lastError: string | null;
  /** Rows written by the last finished run. */
  lastRows: number;
  lastDurationMs: number | null;
  nextRunAt: number | null;
  consecutiveFailures: number;
}

/**
 * Connection state of the CLOB market WebSocket feed. `idle`: running, but the watchlist has no tokens yet (the
 * first syncs have not landed), so no socket is open.
 */
export type FeedState = 'off' | 'idle' | 'connecting' | 'live' | 'reconnecting' | 'stale' | 'stopped';

/** The live feed's health. Times are epoch milliseconds. */
export interface FeedStatus {
  state: FeedState;
  connections: number;
  tokens: number;
  messagesPerSecond: number;
  lastMessageAt: number | null;
  reconnects: number;
  signalsFired: number;
  lastError: string | null;
}

/** Where the data comes from: Polymarket itself, the built-in simulator, or (for the header) a custom URL. */
export type DataSource = 'live' | 'demo';

/**
 * Whether Polymarket answers (from the HTTP clients): the last response, when the current run of failures began
 * (null while calls succeed), and the last call that failed for good, classified by its kind and code. Times are
 * epoch milliseconds.
 */
export interface NetworkStatus {
  lastOkAt: number | null;
  failingSince: number | null;
  lastFailure: {
    at: number;
    /** The client's classification: 'network' | 'timeout' | 'http' | 'malformed' | 'max_offset'. */
    kind: string;
    /** System or undici code (ECONNREFUSED, ENOTFOUND, UND_ERR_CONNECT_TIMEOUT), null when none. */
    code: string | null;
    /** HTTP status for kind 'http'. */
    status: number | null;
    message: string;
    host: string;
  } | null;
}

/** The whole runtime snapshot. */
export interface RuntimeStatus {
  source: DataSource;
  /** e.g. 'live', 'demo (simulator 127.0.0.1:43121)'. */
  sourceLabel: string;
  storeKind: 'embedded' | 'server';
  storeDescription: string;
  jobs: JobStatus[];
  /** null while the live feed is not running (not started, or disabled). */
  feed: FeedStatus | null;
  /** Whether Polymarket answers; null when nothing reports it (tests, a command without clients). */
  network?: NetworkStatus | null;
  /** Damage the start-up check found in the store (broken parts detached, rows refetched), or null. */
  storeNotice?: string | null;
  startedAt: number;
}

/** A subscribable source of {@link RuntimeStatus}; `get` returns the same object until something changes. */
export interface StatusSource {
  get(): RuntimeStatus;
  subscribe(listener: () => void): () => void;
}

/** The endpoints the clients use, by role (config URLs after --demo has substituted the simulator's). */
export interface ClientEndpoints {
  dataApi: string;
  gamma: string;
  clob: string;
  ws: string;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    // Config validated it; keep the text as given.
    return url;
  }
}

function isPolymarketHost(host: string): boolean {
  return host === 'polymarket.com' || host.endsWith('.polymarket.com');
}

/**
 * The label of live data for the header and /health: `live · polymarket.com` only when every client (Data API,
 * Gamma, CLOB, WebSocket) talks to Polymarket; otherwise it names the other hosts (a proxy, a recording, a test
 * server), so no screen claims polymarket.com for data from elsewhere (issue 12 item 10). Hosts keep their role
 * order and appear once; `+ polymarket.com` says some clients still point there.
 */
export function liveSourceLabel(endpoints: ClientEndpoints | string): string {
  const urls = typeof endpoints === 'string' ? [endpoints] : [endpoints.dataApi, endpoints.gamma, endpoints.clob, endpoints.ws];
  const hosts = urls.map(hostOf);
  const elsewhere = [...new Set(hosts.filter((h) => !isPolymarketHost(h)))];
  if (elsewhere.length === 0) return 'live · polymarket.com';
  const mixed = hosts.some(isPolymarketHost);
  return `live · ${elsewhere.join(', ')}${mixed ? ' + polymarket.com' : ''}`;
}
