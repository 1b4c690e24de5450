/**
 * Every active market from Gamma without deep offsets. Offset paging of `/markets` fails past about 2,000 on the
 * real API (issue 14; the docs say 10,000), so the walk pages `order=volumeNum&ascending=false` inside
 * **volume windows**: each window is `volume_num_max = V` (inclusive) paged by offset up to `maxOffset`; the
 * next window starts at the smallest volume the previous one reached (inclusive, so markets sharing that volume
 * are not skipped) and markets already collected are dropped by condition id. Like the activity walk's
 * time windows, every window has its own offset budget, so the reachable total is unbounded.
 *
 * One limitation is stated rather than hidden: when more than `maxOffset + pageSize` markets share one exact
 * volume (in practice only brand-new markets at volume 0), those beyond the window's reach are not returned;
 * `unreachable` says a tie group hit the cap, and the caller logs it.
 */
import type { Market, Page } from './types.ts';

/** One page request of the walk. */
export interface VolumeWindowQuery {
  volumeNumMax?: number;
  offset: number;
  limit: number;
}

/** Bounds of the walk: page size, the largest offset used in one window, and how many markets to collect. */
export interface MarketWalkBounds {
  pageSize: number;
  maxOffset: number;
  max: number;
}

/** Walks volume windows (see the module comment). */
export async function marketsByVolumeWindows(
  fetchPage: (q: VolumeWindowQuery) => Promise<Page<Market>>,
  bounds: MarketWalkBounds,
): Promise<Page<Market> & { requests: number; unreachable: boolean }> {
  const byCondition = new Map<string, Market>();
  const items: Market[] = [];
  let rejected = 0;
  let requests = 0;
  let unreachable = false;
  let windowMax: number | undefined;
  for (;;) {
    let lowest: number | undefined;
    let added = 0;
    let capReached = false;
    for (let offset = 0; ; ) {
      if (offset > bounds.maxOffset) {
        capReached = true;
        break;
      }
      const page = await fetchPage({ ...(windowMax !== undefined ? { volumeNumMax: windowMax } : {}), offset, limit: bounds.pageSize });
      requests++;
      rejected += page.rejected;
      for (const m of page.items) {
        if (lowest === undefined || m.volume < lowest) lowest = m.volume;
        const key = m.conditionId || `gamma:${m.gammaId}`;
        if (byCondition.has(key)) continue;
        byCondition.set(key, m);
        items.push(m);
        added++;
        if (items.length >= bounds.max) return { items, rejected, requests, unreachable };
      }
      if (page.items.length + page.rejected < bounds.pageSize) return { items, rejected, requests, unreachable };
      offset += page.items.length + page.rejected;
    }
    if (!capReached || lowest === undefined) return { items, rejected, requests, unreachable };
    if (lowest === windowMax || added === 0) {
      // One volume value fills the whole window: step below it (those beyond the cap stay unreachable).
      unreachable = true;
      if (lowest <= 0) return { items, rejected, requests, unreachable };
      windowMax = nextBelow(lowest);
    } else {
      windowMax = lowest;
    }
  }
}

/** The largest double below `x` (x > 0). */
function nextBelow(x: number): number {
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  buf.setBigUint64(0, buf.getBigUint64(0) - 1n);
  return buf.getFloat64(0);
}
