/**
 * Server-side enforcement of the published Polymarket rate limits (POLYMARKET_API.md §6): per 10 s sliding
 * window, per bucket; a request must fit in every bucket it falls under.
 */

/** Window length of every published limit, ms. */
export const WINDOW_MS = 10_000;

/** Published limits per 10 s: api → path → limit; "*" is the API's general limit. */
export const PUBLISHED_LIMITS: Record<string, Record<string, number>> = {
  'data-api': { '*': 1000, '/trades': 200, '/positions': 150, '/closed-positions': 150 },
  'gamma-api': { '*': 4000, '/events': 500, '/markets': 300, listing: 900 },
  clob: { '*': 9000, '/book': 1500, '/books': 500, '/midpoint': 1500, '/prices-history': 1000 },
};
const GLOBAL_LIMIT = 15_000;

/** A sliding-window limiter over named buckets (wall clock). */
export class RateLimiter {
  private hits = new Map<string, number[]>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** The buckets (name, limit) a request falls under, limits multiplied by `scale` (at least 1). */
  static buckets(api: string, rel: string, scale: number): [string, number][] {
    const table = PUBLISHED_LIMITS[api] ?? {};
    const out: [string, number][] = [['global', GLOBAL_LIMIT], [`${api}:*`, table['*'] ?? GLOBAL_LIMIT]];
    if (table[rel] !== undefined) out.push([`${api}:${rel}`, table[rel]!]);
    if (api === 'gamma-api' && (rel === '/markets' || rel === '/events')) out.push(['gamma-api:listing', table.listing!]);
    return out.map(([k, v]) => [k, Math.max(1, Math.floor(v * scale))]);
  }

  /** Admits the request (recording it) or returns the ms until the fullest bucket frees a slot. */
  admit(buckets: [string, number][]): { ok: true } | { ok: false; retryAfterMs: number } {
    const t = this.now();
    let wait = 0;
    for (const [name, limit] of buckets) {
      const list = this.hits.get(name) ?? [];
      while (list.length && list[0]! <= t - WINDOW_MS) list.shift();
      this.hits.set(name, list);
      if (list.length >= limit) wait = Math.max(wait, list[list.length - limit]! + WINDOW_MS - t);
    }
    if (wait > 0) return { ok: false, retryAfterMs: wait };
    for (const [name] of buckets) this.hits.get(name)!.push(t);
    return { ok: true };
  }
}
