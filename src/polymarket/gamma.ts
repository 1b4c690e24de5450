import type { ApiBase, HttpCore, Query } from './http.ts';
import { marketsByVolumeWindows } from './market-walk.ts';
import { collectPages } from './paginate.ts';
import type { CountedPage } from './paginate.ts';
import { eventEnvelopeSchema, marketSchema, publicProfileSchema, toPublicProfile } from './schemas-gamma.ts';
import type { GammaEvent, Market, Page, PublicProfile } from './types.ts';
import { expectArray, parseEach, parseWhole } from './validate.ts';

/** Caps of the Gamma list endpoints (POLYMARKET_API.md §2.2): limit silently capped at 100, offset > 10 000 → 422. */
export const GAMMA_CAPS = {
  listLimit: 100,
  maxOffset: 10_000,
  /** Offset paging of /markets fails past about 2,000 on the real API (issue 14): windows stay well below. */
  marketsWalkMaxOffset: 1_500,
} as const;

/**
 * Filters of `/markets` and `/events`. `order` is a CSV of field names (e.g. `volume24hr`). Array filters are
 * sent as repeated parameters (Gamma ignores comma-joined ids). `closed` defaults to false on the server, so
 * resolved markets need `closed: true`. `includeTag` (default true on /markets) fills `Market.tags`.
 */
export interface GammaListQuery {
  active?: boolean;
  closed?: boolean;
  archived?: boolean;
  limit?: number;
  offset?: number;
  order?: string;
  ascending?: boolean;
  conditionIds?: readonly string[];
  clobTokenIds?: readonly string[];
  slugs?: readonly string[];
  tagId?: string;
  includeTag?: boolean;
  /** `volume_num_min` / `volume_num_max` filters (inclusive). */
  volumeNumMin?: number;
  volumeNumMax?: number;
}

/** The Gamma client: markets, events and public profiles. */
export interface GammaApi {
  /** One page of markets (limit ≤ 100). */
  markets(q?: GammaListQuery, signal?: AbortSignal): Promise<Page<Market>>;
  /** Up to `max` markets, 100 per page, offset ≤ 10 000. */
  marketsAll(q: Omit<GammaListQuery, 'limit' | 'offset'>, max: number, signal?: AbortSignal): Promise<Page<Market>>;
  /**
   * Up to `max` active, open markets by volume (descending), every one reachable: volume windows instead of
   * deep offsets (market-walk.ts). `requests` counts the pages fetched; `unreachable` flags a capped tie group.
   */
  activeMarketsByVolume(max: number, signal?: AbortSignal): Promise<Page<Market> & { requests: number; unreachable: boolean }>;
  /** One page of events with their markets (each market validated on its own; rejects counted in the page). */
  events(q?: GammaListQuery, signal?: AbortSignal): Promise<Page<GammaEvent>>;
  /** Up to `max` events, 100 per page, offset ≤ 10 000. */
  eventsAll(q: Omit<GammaListQuery, 'limit' | 'offset'>, max: number, signal?: AbortSignal): Promise<Page<GammaEvent>>;
  /** A wallet's public profile; null when Gamma answers 404 ("profile not found"). */
  publicProfile(wallet: string, signal?: AbortSignal): Promise<PublicProfile | null>;
}

function listQuery(q: GammaListQuery, includeTagDefault: boolean): Query {
  return {
    active: q.active,
    closed: q.closed,
    archived: q.archived,
    limit: Math.min(q.limit ?? GAMMA_CAPS.listLimit, GAMMA_CAPS.listLimit),
    offset: q.offset,
    order: q.order,
    ascending: q.ascending,
    condition_ids: q.conditionIds,
    clob_token_ids: q.clobTokenIds,
    slug: q.slugs,
    tag_id: q.tagId,
    include_tag: q.includeTag ?? (includeTagDefault ? true : undefined),
    volume_num_min: q.volumeNumMin,
    volume_num_max: q.volumeNumMax,
  };
}

/** Creates the Gamma client over `core` at `base`. */
export function createGammaApi(core: HttpCore, base: ApiBase): GammaApi {
  const reject = core.reject.bind(core);
  const urlOf = (path: string): string => base.origin + base.prefix + path;
  const withSignal = (signal?: AbortSignal): { signal?: AbortSignal } => (signal ? { signal } : {});

  const api: GammaApi = {
    markets: async (q = {}, signal) => {
      const body = await core.call({ base, path: '/markets', query: listQuery(q, true), ...withSignal(signal) });
      return parseEach(expectArray(body, urlOf('/markets'), GAMMA_CAPS.listLimit), marketSchema, '/markets', reject);
    },
    marketsAll: (q, max, signal) =>
      collectPages((offset, limit) => api.markets({ ...q, offset, limit }, signal), {
        pageSize: GAMMA_CAPS.listLimit,
        maxOffset: GAMMA_CAPS.maxOffset,
        max,
      }),
    activeMarketsByVolume: (max, signal) =>
      marketsByVolumeWindows(
        (w) =>
          api.markets(
            {
              active: true,
              closed: false,
              order: 'volumeNum',
              ascending: false,
              offset: w.offset,
              limit: w.limit,
              ...(w.volumeNumMax !== undefined ? { volumeNumMax: w.volumeNumMax } : {}),
            },
            signal,
          ),
        { pageSize: GAMMA_CAPS.listLimit, maxOffset: GAMMA_CAPS.marketsWalkMaxOffset, max },
      ),
    events: async (q = {}, signal) => {
      const body = await core.call({ base, path: '/events', query: listQuery(q, false), ...withSignal(signal) });
      const envelopes = parseEach(expectArray(body, urlOf('/events'), GAMMA_CAPS.listLimit), eventEnvelopeSchema, '/events', reject);
      let rejected = envelopes.rejected;
      const items = envelopes.items.map((e, i): GammaEvent => {
        const markets = parseEach(e.markets, marketSchema, `/events[${i}].markets`, reject);
        rejected += markets.rejected;
        return {
          ...e,
          // Markets nested in an event carry no `events[]` of their own: their event is the parent.
          markets: markets.items.map((m) => (m.eventSlug === '' ? { ...m, eventSlug: e.slug } : m)),
        };
      });
      // `received` lets pagination count events, not events + rejected nested markets.
      const page: CountedPage<GammaEvent> = { items, rejected, received: envelopes.items.length + envelopes.rejected };
      return page;
    },
    eventsAll: (q, max, signal) =>
      collectPages((offset, limit) => api.events({ ...q, offset, limit }, signal), {
        pageSize: GAMMA_CAPS.listLimit,
        maxOffset: GAMMA_CAPS.maxOffset,
        max,
      }),
    publicProfile: async (wallet, signal) => {
      const body = await core.call({
        base,
        path: '/public-profile',
        query: { address: wallet },
        notFoundAsNull: true,
        ...withSignal(signal),
      });
      if (body === null) return null;
      return toPublicProfile(parseWhole(body, publicProfileSchema, urlOf('/public-profile')), wallet);
    },
  };
  return api;
}
