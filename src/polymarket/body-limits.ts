import type { ApiName } from './limits.ts';

/**
 * The largest response body whaletop reads per endpoint, bytes (issue 12 item 7: a 400 MB body on /markets took
 * RSS to 2.4 GB; 200 MB on 24 concurrent leaderboard pages to 4.4 GB). Each is several times the largest real
 * page: a leaderboard page is 50 rows of ~250 B (≈ 15 KB), a /positions or /activity page 500 rows of ~1.2 KB
 * (≈ 0.6 MB), a Gamma /markets page 100 markets of ~7 KB (≈ 0.7 MB), an /events page 100 events that may each
 * carry dozens of markets. A body past its cap is cut off at the cap and the call fails ('too_large').
 */
const MIB = 1024 * 1024;
const CAPS: Readonly<Record<string, number>> = {
  // Data API pages hold at most 500 rows of ~1.2 KB: 4 MiB is ~7 full pages.
  'data:/positions': 4 * MIB,
  'data:/activity': 4 * MIB,
  'data:/closed-positions': 4 * MIB,
  // holder discovery reads a market's newest fills 10,000 at a time (limit ≤ 10,000; ~1.2 KB a row ≈ 12 MB).
  'data:/trades': 16 * MIB,
  'data:/v1/leaderboard': 2 * MIB,
  'data:/holders': 2 * MIB,
  'data:/value': 256 * 1024,
  'gamma:/events': 32 * MIB,
  'gamma:/public-profile': 256 * 1024,
  'clob:/books': 16 * MIB,
  'clob:/prices-history': 16 * MIB,
};

/** Every other endpoint (Gamma /markets, single books, midpoints…). */
export const DEFAULT_BODY_CAP_BYTES = 8 * MIB;

/** Bodies of error answers are read only for their `error` field: this much is plenty. */
export const ERROR_BODY_CAP_BYTES = 64 * 1024;

/** The body cap of `api` + `path` (a path without query, e.g. `/positions`), bytes. */
export function bodyCapFor(api: ApiName, path: string): number {
  return CAPS[`${api}:${path}`] ?? DEFAULT_BODY_CAP_BYTES;
}
