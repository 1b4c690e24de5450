import type { Clock, Timers } from '../lib/clock.ts';
import type { Logger } from '../lib/log.ts';
import type { NetworkStatus } from '../lib/status.ts';
import { createClobApi } from './clob.ts';
import type { ClobApi } from './clob.ts';
import { createDataApi } from './data-api.ts';
import type { DataApi } from './data-api.ts';
import { createGammaApi } from './gamma.ts';
import type { GammaApi } from './gamma.ts';
import { HttpCore, parseBase } from './http.ts';
import type { ClientStats } from './types.ts';

export type { ClobApi, PricesHistoryQuery } from './clob.ts';
export type { ActivityQuery, DataApi, LeaderboardQuery, TradesQuery } from './data-api.ts';
export type { GammaApi, GammaListQuery } from './gamma.ts';
export * from './types.ts';

/** Options of {@link createPolymarket}. Base URLs may carry a path prefix (`http://127.0.0.1:5000/data-api`). */
export interface PolymarketOptions {
  dataApiUrl: string;
  gammaUrl: string;
  clobUrl: string;
  /** Fraction of every published rate limit to use (default 0.5). Values > 1 are for benchmarks against fakes. */
  rateFraction?: number;
  /** headersTimeout and bodyTimeout of each request, ms (default 15 000). */
  timeoutMs?: number;
  /** Longest one attempt may take, send to last body byte, ms (default 4 × timeoutMs). */
  deadlineMs?: number;
  /** Connect timeout, ms (default 10 000). */
  connectTimeoutMs?: number;
  /** Retries after the first attempt on 429/5xx/timeouts/connection errors (default 4). */
  maxRetries?: number;
  /** Backoff base and cap, ms (defaults 250 / 10 000). */
  backoffBaseMs?: number;
  backoffCapMs?: number;
  logger: Logger;
  clock?: Clock;
  /** Timers behind rate-limit waits and backoff sleeps (tests inject fake ones). */
  timers?: Timers;
  /** Jitter source (tests pin it). */
  random?: () => number;
}

/** The three Polymarket HTTP clients sharing pools, rate limits and counters. */
export interface Polymarket {
  data: DataApi;
  gamma: GammaApi;
  clob: ClobApi;
  /** Requests, retries, failures by kind, rejected records and queued requests per endpoint. */
  stats(): ClientStats;
  /** Whether Polymarket answers: the last response and the last call that failed for good. */
  reachability(): NetworkStatus;
  /** Rejects queued requests and closes the connection pools. */
  close(): Promise<void>;
}

/** Creates the Polymarket clients. One undici Pool per distinct origin (APIs on one origin share it). */
export function createPolymarket(opts: PolymarketOptions): Polymarket {
  const core = new HttpCore({
    logger: opts.logger.child({ component: 'polymarket' }),
    ...pick(opts, ['rateFraction', 'timeoutMs', 'deadlineMs', 'connectTimeoutMs', 'maxRetries', 'backoffBaseMs', 'backoffCapMs', 'clock', 'timers', 'random']),
  });
  return {
    data: createDataApi(core, parseBase('data', opts.dataApiUrl)),
    gamma: createGammaApi(core, parseBase('gamma', opts.gammaUrl)),
    clob: createClobApi(core, parseBase('clob', opts.clobUrl)),
    stats: () => core.stats(),
    reachability: () => core.reachability(),
    close: () => core.close(),
  };
}

/** Copies the defined keys only (exactOptionalPropertyTypes-friendly). */
function pick<T extends object, K extends keyof T>(obj: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k];
  return out;
}
