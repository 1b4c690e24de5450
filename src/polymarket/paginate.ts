import { ApiError } from './types.ts';
import type { Page } from './types.ts';

/**
 * A page that may say how many top-level records the server sent (`received`), when that differs from
 * items + rejected because nested records (an event's markets) were rejected too.
 */
export type CountedPage<T> = Page<T> & { received?: number };

/** Offset-pagination bounds: page size, the API's largest accepted offset, and how many items to collect. */
export interface OffsetBounds {
  pageSize: number;
  maxOffset: number;
  max: number;
}

/**
 * Collects offset pages from `fetchPage(offset, limit)` until the data ends, `max` items are held, or the next
 * offset would pass `maxOffset`. A page is "the last" when it returned fewer records than asked for — counting
 * rejected records too, so a page shortened by validation does not end the walk early. An `ApiError` of kind
 * 'max_offset' (the API's own "offset past the cap" answer) also ends the walk, as end-of-data.
 */
export async function collectPages<T>(
  fetchPage: (offset: number, limit: number) => Promise<CountedPage<T>>,
  bounds: OffsetBounds,
): Promise<Page<T>> {
  const items: T[] = [];
  let rejected = 0;
  for (let offset = 0; offset <= bounds.maxOffset && items.length < bounds.max; ) {
    const limit = Math.min(bounds.pageSize, bounds.max - items.length);
    let page: CountedPage<T>;
    try {
      page = await fetchPage(offset, limit);
    } catch (e) {
      if (e instanceof ApiError && e.kind === 'max_offset') break;
      throw e;
    }
    items.push(...page.items.slice(0, bounds.max - items.length));
    rejected += page.rejected;
    const received = page.received ?? page.items.length + page.rejected;
    if (received < limit) break;
    offset += received;
  }
  return { items, rejected };
}
