import { ApiError } from './types.ts';
import type { Activity, Page } from './types.ts';

/** `/activity` parameters. `start`/`end` are unix **seconds**; `type` a list of activity types (sent as CSV). */
export interface ActivityQuery {
  start?: number;
  end?: number;
  type?: string | readonly string[];
  limit?: number;
  offset?: number;
  sortBy?: 'TIMESTAMP' | 'TOKENS' | 'CASH';
  sortDirection?: 'ASC' | 'DESC';
}

/** Bounds of an activity walk: page size, the largest offset used in one window, and a record budget. */
export interface ActivityWalkBounds {
  pageSize: number;
  maxOffset: number;
  maxRecords: number;
}

function recordKey(a: Activity): string {
  return JSON.stringify(a);
}

/**
 * Reads every activity row with timestamp ≥ `startUnixSeconds`, oldest first, despite the API's offset cap.
 *
 * It pages `sortBy=TIMESTAMP&sortDirection=ASC&start=S` by offset. When the next offset would pass the cap (or
 * the API answers 'max_offset'), it opens a new window starting at the **last second seen** (start is inclusive)
 * rather than the second after it, because several fills of one transaction share a second and the cap may
 * split them. Rows of that boundary second that were already returned are skipped on the next window by full
 * record equality, counted as a multiset so that genuinely identical fills (same tx, size, price, second) are
 * neither dropped nor duplicated. If one second alone holds more rows than a window can reach, the walk moves
 * on to the next second (those rows are unreachable through this API).
 *
 * Limitation: a record rejected by validation at a window boundary is fetched again and counted again.
 */
export async function activitySince(
  fetchPage: (q: ActivityQuery) => Promise<Page<Activity>>,
  startUnixSeconds: number,
  bounds: ActivityWalkBounds,
): Promise<Page<Activity>> {
  const items: Activity[] = [];
  let rejected = 0;
  let windowStart = Math.max(1, Math.floor(startUnixSeconds));
  /** Multiset of rows at second `windowStart` already emitted by earlier windows. */
  let carry = new Map<string, number>();

  for (;;) {
    const skip = new Map(carry);
    let lastSecond: number | undefined;
    let atLast = new Map<string, number>();
    let emitted = 0;
    let capReached = false;

    for (let offset = 0; ; ) {
      if (offset > bounds.maxOffset) {
        capReached = true;
        break;
      }
      let page: Page<Activity>;
      try {
        page = await fetchPage({ start: windowStart, sortBy: 'TIMESTAMP', sortDirection: 'ASC', limit: bounds.pageSize, offset });
      } catch (e) {
        if (e instanceof ApiError && e.kind === 'max_offset' && offset > 0) {
          capReached = true;
          break;
        }
        if (e instanceof ApiError && e.kind === 'max_offset') return { items, rejected };
        throw e;
      }
      rejected += page.rejected;
      for (const row of page.items) {
        const second = Math.floor(row.timestamp / 1000);
        const key = recordKey(row);
        const pending = second === windowStart ? (skip.get(key) ?? 0) : 0;
        if (pending > 0) {
          skip.set(key, pending - 1);
          continue;
        }
        items.push(row);
        emitted++;
        if (second !== lastSecond) {
          lastSecond = second;
          atLast = new Map();
        }
        atLast.set(key, (atLast.get(key) ?? 0) + 1);
        if (items.length >= bounds.maxRecords) return { items, rejected };
      }
      const received = page.items.length + page.rejected;
      if (received < bounds.pageSize) return { items, rejected };
      offset += received;
    }

    if (!capReached) return { items, rejected };
    if (lastSecond === undefined || emitted === 0) {
      // The whole window was one already-emitted second: nothing more is reachable there.
      windowStart += 1;
      carry = new Map();
    } else if (lastSecond === windowStart) {
      for (const [k, n] of atLast) carry.set(k, (carry.get(k) ?? 0) + n);
    } else {
      windowStart = lastSecond;
      carry = atLast;
    }
  }
}
