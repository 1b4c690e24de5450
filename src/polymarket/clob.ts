import type { ApiBase, HttpCore } from './http.ts';
import { midpointSchema, orderBookSchema, pricePointSchema, pricesHistoryEnvelopeSchema } from './schemas-clob.ts';
import type { OrderBook, Page, PricePoint } from './types.ts';
import { expectArray, parseEach, parseWhole } from './validate.ts';

/** POST /books accepts at most 500 token ids per request (POLYMARKET_API.md §3). */
export const BOOKS_BATCH = 500;

/** `/prices-history` parameters: either `interval` or `startTs`+`endTs` (unix seconds); `fidelity` in minutes. */
export interface PricesHistoryQuery {
  market: string;
  interval?: 'max' | 'all' | '1m' | '1w' | '1d' | '6h' | '1h';
  fidelity?: number;
  startTs?: number;
  endTs?: number;
}

/** The CLOB REST market-data client. */
export interface ClobApi {
  /** The book of one token; null when the CLOB has no book for it (HTTP 404, e.g. a resolved market). */
  book(tokenId: string, signal?: AbortSignal): Promise<OrderBook | null>;
  /** Books of many tokens via POST /books, in batches of 500; invalid books are dropped and counted. */
  books(tokenIds: readonly string[], signal?: AbortSignal): Promise<Page<OrderBook>>;
  /** Price history of one token (`market` is the **token id**). Points keep `t` in unix seconds. */
  pricesHistory(q: PricesHistoryQuery, signal?: AbortSignal): Promise<Page<PricePoint>>;
  /** The midpoint price of one token; null on 404 or when the body has no price. */
  midpoint(tokenId: string, signal?: AbortSignal): Promise<number | null>;
}

/** Creates the CLOB client over `core` at `base`. */
export function createClobApi(core: HttpCore, base: ApiBase): ClobApi {
  const reject = core.reject.bind(core);
  const urlOf = (path: string): string => base.origin + base.prefix + path;
  const withSignal = (signal?: AbortSignal): { signal?: AbortSignal } => (signal ? { signal } : {});

  return {
    book: async (tokenId, signal) => {
      const body = await core.call({ base, path: '/book', query: { token_id: tokenId }, notFoundAsNull: true, ...withSignal(signal) });
      return body === null ? null : parseWhole(body, orderBookSchema, urlOf('/book'));
    },
    books: async (tokenIds, signal) => {
      const items: OrderBook[] = [];
      let rejected = 0;
      for (let i = 0; i < tokenIds.length; i += BOOKS_BATCH) {
        const batch = tokenIds.slice(i, i + BOOKS_BATCH).map((token_id) => ({ token_id }));
        const body = await core.call({ base, path: '/books', method: 'POST', body: batch, ...withSignal(signal) });
        const page = parseEach(expectArray(body, urlOf('/books'), batch.length), orderBookSchema, '/books', reject);
        items.push(...page.items);
        rejected += page.rejected;
      }
      return { items, rejected };
    },
    pricesHistory: async (q, signal) => {
      const body = await core.call({
        base,
        path: '/prices-history',
        query: { market: q.market, interval: q.interval, fidelity: q.fidelity, startTs: q.startTs, endTs: q.endTs },
        ...withSignal(signal),
      });
      const envelope = parseWhole(body, pricesHistoryEnvelopeSchema, urlOf('/prices-history'));
      return parseEach(envelope.history, pricePointSchema, '/prices-history', reject);
    },
    midpoint: async (tokenId, signal) => {
      const body = await core.call({ base, path: '/midpoint', query: { token_id: tokenId }, notFoundAsNull: true, ...withSignal(signal) });
      return body === null ? null : parseWhole(body, midpointSchema, urlOf('/midpoint'));
    },
  };
}
