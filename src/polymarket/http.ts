import { Pool, type Dispatcher } from 'undici';
import { fullJitterDelay } from '../lib/backoff.ts';
import { sleepOn, systemClock, systemTimers } from '../lib/clock.ts';
import type { Clock, Timers } from '../lib/clock.ts';
import type { Logger } from '../lib/log.ts';
import type { NetworkStatus } from '../lib/status.ts';
import { currentRun } from '../lib/run-scope.ts';
import { sanitizeText } from '../lib/sanitize.ts';
import { SlidingWindowLimiter } from '../lib/sliding-window-limiter.ts';
import { bodyCapFor, ERROR_BODY_CAP_BYTES } from './body-limits.ts';
import { defineLimits, limitKeysFor } from './limits.ts';
import { Reachability } from './reachability.ts';
import type { ApiName } from './limits.ts';
import { ApiError } from './types.ts';
import type { ApiErrorKind, ClientStats, EndpointStats } from './types.ts';
import { errorMessage } from '../lib/error-message.ts';

/** Query values: arrays become repeated parameters (`id=1&id=2`, Gamma style); CSV callers join first. */
export type Query = Record<string, string | number | boolean | readonly string[] | undefined>;

/** Options of the shared HTTP core. Times in ms. */
export interface HttpCoreOptions {
  logger: Logger;
  /** Fraction of each published rate limit to use (default 0.5). */
  rateFraction?: number;
  /** headersTimeout and bodyTimeout of every request (default 15 000): the longest silence between chunks. */
  timeoutMs?: number;
  /**
   * The longest one attempt may take from send to the last body byte (default 4 × timeoutMs). A per-chunk
   * timeout never fires on a body dripping one byte every few seconds; this does.
   */
  deadlineMs?: number;
  /** TCP/TLS connect timeout (default 10 000). */
  connectTimeoutMs?: number;
  /** Retries after the first attempt (default 4). */
  maxRetries?: number;
  /** Full-jitter backoff base and cap (defaults 250 and 10 000). */
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** A Retry-After longer than this is not waited for: the call fails instead (default 120 000). */
  maxRetryAfterMs?: number;
  /** Connections per origin (default 16). */
  connections?: number;
  clock?: Clock;
  /** Timers for rate-limit waits and backoff sleeps (sockets always use real time). */
  timers?: Timers;
  /** Randomness of the backoff jitter (tests pin it). */
  random?: () => number;
}

/** A base URL split into the pool's origin and an optional path prefix (`http://h:5000/data-api`). */
export interface ApiBase {
  api: ApiName;
  origin: string;
  prefix: string;
}

/** One request to one endpoint; `path` is the endpoint path (rate-limit key), without the base's prefix. */
export interface CallSpec {
  base: ApiBase;
  path: string;
  query?: Query;
  method?: 'GET' | 'POST';
  body?: unknown;
  /** Resolve with null on HTTP 404 instead of failing (e.g. `/public-profile` "no profile"). */
  notFoundAsNull?: boolean;
  signal?: AbortSignal;
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']);
const NETWORK_CODES = new Set([
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ECONNABORTED',
]);
/** The Data API's body for "offset past the history cap" (POLYMARKET_API.md §1.6); its only signal is the body. */
const MAX_OFFSET_BODY = 'max historical activity offset';

/** Splits a configured base URL into origin and path prefix (trailing slashes dropped). */
export function parseBase(api: ApiName, url: string): ApiBase {
  const u = new URL(url);
  return { api, origin: u.origin, prefix: u.pathname.replace(/\/+$/, '') };
}

/** Builds `path?query` with repeated keys for arrays; undefined values are omitted. */
export function buildPathAndQuery(path: string, query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const x of v) params.append(k, String(x));
    else params.append(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * The shared transport of the three clients: one undici `Pool` per origin (keep-alive, explicit timeouts), the
 * rate gate (per-endpoint + per-API + global sliding windows), retries with full-jitter backoff that honour
 * Retry-After, error classification by status and error code, and the counters behind `stats()`.
 */
export class HttpCore {
  private readonly pools = new Map<string, Pool>();
  private readonly gate: SlidingWindowLimiter;
  private readonly logger: Logger;
  private readonly timeoutMs: number;
  private readonly deadlineMs: number;
  private readonly connectTimeoutMs: number;
  private readonly maxRetries: number;
  private readonly baseMs: number;
  private readonly capMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly connections: number;
  private readonly clock: Clock;
  private readonly timers: Timers;
  private readonly random: () => number;
  private closed = false;
  private readonly reach = new Reachability();
  private readonly counters = {
    requests: 0,
    retries: 0,
    rejected: 0,
    failures: { http: 0, timeout: 0, network: 0, aborted: 0, max_offset: 0, malformed: 0, too_large: 0 } as Record<ApiErrorKind, number>,
    /** Per lane; the lanes are the clients' fixed paths (no ids in them), so the map stays small. */
    endpoints: new Map<string, EndpointStats>(),
  };

  private endpoint(lane: string): EndpointStats {
    let stats = this.counters.endpoints.get(lane);
    if (!stats) {
      stats = { requests: 0, rateLimited: 0, retries: 0, failures: 0 };
      this.counters.endpoints.set(lane, stats);
    }
    return stats;
  }

  constructor(opts: HttpCoreOptions) {
    this.logger = opts.logger;
    this.timeoutMs = opts.timeoutMs ?? 15_000;
    this.deadlineMs = opts.deadlineMs ?? 4 * this.timeoutMs;
    this.connectTimeoutMs = opts.connectTimeoutMs ?? 10_000;
    this.maxRetries = opts.maxRetries ?? 4;
    this.baseMs = opts.backoffBaseMs ?? 250;
    this.capMs = opts.backoffCapMs ?? 10_000;
    this.maxRetryAfterMs = opts.maxRetryAfterMs ?? 120_000;
    this.connections = opts.connections ?? 16;
    this.clock = opts.clock ?? systemClock;
    this.timers = opts.timers ?? systemTimers;
    this.random = opts.random ?? Math.random;
    this.gate = new SlidingWindowLimiter(this.clock, this.timers);
    defineLimits(this.gate, opts.rateFraction ?? 0.5);
  }

  /**
   * Counts records dropped by validation in one answer and logs them as ONE line (count + first few reasons): a
   * line per record wrote 800 k lines in 15 s for 200 k junk records. The running job (if any) is told too, so
   * its outcome can say why (see lib/run-scope.ts).
   */
  reject(where: string, count: number, samples: readonly string[]): void {
    if (count <= 0) return;
    this.counters.rejected += count;
    this.logger.warn('polymarket records rejected', { where, rejected: count, samples });
    currentRun()?.noteRejected(where, count, samples);
  }

  /**
   * Performs `spec` with rate limiting and retries; resolves with the parsed JSON body, or null for a 404 when
   * `notFoundAsNull`. Rejects with a classified {@link ApiError}.
   */
  async call(spec: CallSpec): Promise<unknown> {
    const pathAndQuery = spec.base.prefix + buildPathAndQuery(spec.path, spec.query);
    const url = spec.base.origin + pathAndQuery;
    const lane = `${spec.base.api}:${spec.path}`;
    const keys = limitKeysFor(spec.base.api, spec.path);
    let deadline: AbortSignal | undefined;
    for (let attempt = 0; ; attempt++) {
      deadline = undefined;
      try {
        if (this.closed) throw new ApiError('aborted', 'client closed', { url });
        await this.gate.acquire(lane, keys, spec.signal).catch((reason: unknown) => {
          throw this.abortError(url, reason);
        });
        this.counters.requests++;
        this.endpoint(lane).requests++;
        deadline = AbortSignal.timeout(this.deadlineMs);
        const body = await this.attempt(spec, pathAndQuery, url, deadline);
        this.reach.ok(this.clock.now());
        return body;
      } catch (e) {
        const err = e instanceof ApiError ? e : this.classify(e, url, spec.signal, deadline);
        const retryAfter = err.retryAfterMs ?? 0;
        const retryable = isRetryable(err) && attempt < this.maxRetries && retryAfter <= this.maxRetryAfterMs;
        if (err.kind === 'http' && err.status === 429) this.endpoint(lane).rateLimited++;
        if (!retryable) {
          this.counters.failures[err.kind]++;
          this.endpoint(lane).failures++;
          this.reach.failed(err, this.clock.now());
          throw err;
        }
        const delay = Math.max(fullJitterDelay(attempt, this.baseMs, this.capMs, this.random), retryAfter);
        this.counters.retries++;
        this.endpoint(lane).retries++;
        this.logger.debug('polymarket retry', { url, kind: err.kind, status: err.status, code: err.code, attempt, delayMs: delay });
        try {
          await sleepOn(this.timers, delay, spec.signal);
        } catch (reason) {
          const aborted = this.abortError(url, reason);
          this.counters.failures.aborted++;
          throw aborted;
        }
      }
    }
  }

  /** Whether Polymarket answers: the last response and the last call that failed for good (the offline banner). */
  reachability(): NetworkStatus {
    return this.reach.snapshot();
  }

  /** Current counters (a copy). */
  stats(): ClientStats {
    return {
      requests: this.counters.requests,
      retries: this.counters.retries,
      failures: { ...this.counters.failures },
      rejected: this.counters.rejected,
      queued: this.gate.queued(),
      endpoints: Object.fromEntries([...this.counters.endpoints].map(([lane, e]) => [lane, { ...e }])),
    };
  }

  /** Rejects queued requests and closes every pool (in-flight requests finish first). */
  async close(): Promise<void> {
    this.closed = true;
    this.gate.cancelAll(new ApiError('aborted', 'client closed', { url: '' }));
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((p) => p.close()));
  }

  private pool(origin: string): Pool {
    let pool = this.pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, {
        connections: this.connections,
        keepAliveTimeout: 30_000,
        keepAliveMaxTimeout: 60_000,
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
        connect: { timeout: this.connectTimeoutMs },
      });
      this.pools.set(origin, pool);
    }
    return pool;
  }

  private async attempt(spec: CallSpec, pathAndQuery: string, url: string, deadline: AbortSignal): Promise<unknown> {
    const method = spec.method ?? 'GET';
    const res = await this.pool(spec.base.origin).request({
      path: pathAndQuery,
      method,
      headers: {
        accept: 'application/json',
        'user-agent': 'whaletop/0.1',
        ...(spec.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: spec.body === undefined ? null : JSON.stringify(spec.body),
      signal: spec.signal ? AbortSignal.any([spec.signal, deadline]) : deadline,
    });
    const status = res.statusCode;
    const ok = status >= 200 && status < 300;
    const text = await readCapped(res, ok ? bodyCapFor(spec.base.api, spec.path) : ERROR_BODY_CAP_BYTES, url, status, ok);
    if (ok) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text) as unknown;
      } catch {
        throw new ApiError('malformed', `response is not JSON (HTTP ${status})`, { url, status });
      }
      // Polymarket's edge answers some rate limits 200 with `{"error": "…"}` (issue 11): that is a 429, retried
      // after its Retry-After, not a malformed answer. No successful answer of any endpoint is such an object.
      const upstreamError = errorField(parsed);
      if (upstreamError !== null) {
        const retryAfterMs = this.retryAfterMs(res.headers['retry-after'], parsed);
        throw new ApiError('http', `HTTP ${status} carrying an error, taken as 429: ${upstreamError.slice(0, 200)}`, {
          url,
          status: 429,
          ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
        });
      }
      return parsed;
    }
    if (status === 404 && spec.notFoundAsNull) return null;
    const body = tryJson(text);
    const errorText = errorField(body) ?? '';
    if ((status === 400 || status === 422) && errorText.toLowerCase().includes(MAX_OFFSET_BODY)) {
      throw new ApiError('max_offset', `offset past the API's history cap (HTTP ${status})`, { url, status });
    }
    const retryAfterMs = this.retryAfterMs(res.headers['retry-after'], body);
    throw new ApiError('http', `HTTP ${status}${errorText ? `: ${errorText.slice(0, 200)}` : ''}`, {
      url,
      status,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }

  /** Retry-After in seconds or as an HTTP date, else `retry_after_seconds` in a JSON body; ms, or undefined. */
  private retryAfterMs(header: string | string[] | undefined, body: unknown): number | undefined {
    const h = Array.isArray(header) ? header[0] : header;
    if (h !== undefined && h.trim() !== '') {
      if (/^\d+(\.\d+)?$/.test(h.trim())) return Math.ceil(Number(h) * 1000);
      const at = Date.parse(h);
      if (Number.isFinite(at)) return Math.max(0, at - this.clock.now());
    }
    if (typeof body === 'object' && body !== null && 'retry_after_seconds' in body) {
      const s = Number(body.retry_after_seconds);
      if (Number.isFinite(s) && s >= 0) return Math.ceil(s * 1000);
    }
    return undefined;
  }

  private classify(e: unknown, url: string, signal: AbortSignal | undefined, deadline: AbortSignal | undefined): ApiError {
    if (signal?.aborted) return this.abortError(url, e);
    if (deadline?.aborted) {
      return new ApiError('timeout', `no complete answer within ${this.deadlineMs} ms`, { url, code: 'WHALETOP_DEADLINE', cause: e });
    }
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : undefined;
    const message = errorMessage(e);
    const details = { url, cause: e, ...(code === undefined ? {} : { code }) };
    if (code !== undefined && TIMEOUT_CODES.has(code)) return new ApiError('timeout', message, details);
    return new ApiError('network', message, details);
  }

  private abortError(url: string, reason: unknown): ApiError {
    if (reason instanceof ApiError) return reason;
    return new ApiError('aborted', 'request aborted', { url, cause: reason });
  }
}

/** 429, 5xx, timeouts and connection errors are retried; other 4xx, malformed bodies and aborts are not. */
function isRetryable(err: ApiError): boolean {
  switch (err.kind) {
    case 'http':
      return err.status === 429 || (err.status !== undefined && err.status >= 500);
    case 'timeout':
      return true;
    case 'network':
      return err.code !== undefined && NETWORK_CODES.has(err.code);
    default:
      return false;
  }
}

/**
 * The `error` string of an `{"error": "…"}` body (Polymarket's error shape), sanitised: the server's own words go
 * into an error that status lines show, so they are cleaned where they enter. null for any other body.
 */
function errorField(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !('error' in body)) return null;
  const value = (body as { error: unknown }).error;
  return typeof value === 'string' || typeof value === 'number' ? sanitizeText(String(value)) : null;
}

/**
 * Reads a body up to `cap` bytes. A success body past the cap (announced by content-length or met while
 * reading) fails as 'too_large' and the socket is dropped; an error body is simply cut at the cap (only its
 * `error` field is wanted). Memory per request is bounded by the cap, whatever the server sends.
 */
async function readCapped(res: Dispatcher.ResponseData, cap: number, url: string, status: number, failWhenOver: boolean): Promise<string> {
  const tooLarge = (): ApiError => new ApiError('too_large', `response body over the ${Math.round(cap / 1024)} KiB cap of this endpoint (HTTP ${status})`, { url, status });
  const declared = Number(res.headers['content-length']);
  if (failWhenOver && Number.isFinite(declared) && declared > cap) {
    res.body.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body as AsyncIterable<Buffer>) {
    if (size + chunk.length > cap) {
      res.body.destroy();
      if (failWhenOver) throw tooLarge();
      chunks.push(chunk.subarray(0, cap - size));
      break;
    }
    chunks.push(chunk);
    size += chunk.length;
  }
  return Buffer.concat(chunks).toString('utf8');
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
