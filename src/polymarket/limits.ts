import type { SlidingWindowLimiter } from '../lib/sliding-window-limiter.ts';

/** The three HTTP APIs. */
export type ApiName = 'data' | 'gamma' | 'clob';

/** The published window of every limit: 10 s sliding (POLYMARKET_API.md §6). */
export const LIMIT_WINDOW_MS = 10_000;

/**
 * Published limits per 10 s (POLYMARKET_API.md §6). Keys: `global`, `<api>` (the API's general limit),
 * `<api>:<path>` (an endpoint's own limit), and `gamma:listing` (/markets + /events together).
 */
export const PUBLISHED_LIMITS: Readonly<Record<string, number>> = {
  global: 15_000,
  data: 1_000,
  'data:/trades': 200,
  'data:/positions': 150,
  'data:/closed-positions': 150,
  gamma: 4_000,
  'gamma:/markets': 300,
  'gamma:/events': 500,
  'gamma:listing': 900,
  clob: 9_000,
  'clob:/book': 1_500,
  'clob:/books': 500,
  'clob:/midpoint': 1_500,
  'clob:/prices-history': 1_000,
};

/**
 * The limit keys one request to `api` + `path` consumes, most specific first. Endpoints without a published
 * limit of their own (`/v1/leaderboard`, `/activity`, `/holders`, `/value`, `/public-profile`) take only their
 * API's general limit and the global one.
 */
export function limitKeysFor(api: ApiName, path: string): string[] {
  const keys: string[] = [];
  const own = `${api}:${path}`;
  if (own in PUBLISHED_LIMITS) keys.push(own);
  if (api === 'gamma' && (path === '/markets' || path === '/events')) keys.push('gamma:listing');
  keys.push(api, 'global');
  return keys;
}

/** The budget of one limit: `fraction` of the published number, at least 1. */
export function budgetFor(key: string, fraction: number): number {
  const published = PUBLISHED_LIMITS[key];
  if (published === undefined) throw new Error(`no published limit for ${key}`);
  return Math.max(1, Math.floor(published * fraction));
}

/**
 * Defines every limit on `gate` at `fraction` of the published numbers. Each limit gets two windows:
 * - the budget over 10 s — the hard guarantee (no 10 s window ever holds more than the budget);
 * - a pacing window of ceil(budget / 10) per 1 s, so a caller firing hundreds of requests at once is spread
 *   over the window instead of bursting the whole 10 s budget in one instant (Cloudflare dislikes bursts).
 *   Sustained throughput is unchanged: the 10 s budget stays the binding limit.
 */
export function defineLimits(gate: SlidingWindowLimiter, fraction: number): void {
  if (!(fraction > 0)) throw new RangeError(`rateFraction must be > 0, got ${fraction}`);
  for (const key of Object.keys(PUBLISHED_LIMITS)) {
    const budget = budgetFor(key, fraction);
    gate.define(key, [
      { limit: budget, windowMs: LIMIT_WINDOW_MS },
      { limit: Math.ceil(budget / 10), windowMs: 1_000 },
    ]);
  }
}
