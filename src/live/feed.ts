import type { Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/log.ts';
import type { FeedState } from '../lib/status.ts';
import { parseMarketFrame } from '../polymarket/ws-market.ts';
import type { WsLastTradeEvent, WsMarketEvent } from '../polymarket/ws-market.ts';
import { OrderBook } from './book.ts';
import { MidRing, VolumeRing } from './momentum.ts';
import { WsConnection } from './ws-connection.ts';
import type { WsConnectionOptions } from './ws-connection.ts';

/** Where a watched token belongs. */
export interface TokenMeta {
  marketId: string;
  outcome: string;
}

/** Everything the feed knows about one watched token, updated in place as frames arrive. */
export interface TokenState extends TokenMeta {
  tokenId: string;
  book: OrderBook;
  /** Mids (1 s buckets, ~4 min) for momentum; only mids with a sane spread are recorded. */
  mids: MidRing;
  /** Traded shares in 10 s buckets (~12 min) for volume surge. */
  volume: VolumeRing;
  /** Shares traded since the last snapshot (the snapshotter resets it). */
  intervalVolume: number;
  lastTradePrice: number | null;
  /** The last mid the feed reported, to report only real changes. */
  lastMid: number | null;
}

/** Pool tunables on top of the per-socket ones. */
export interface FeedOptions extends Omit<WsConnectionOptions, 'url'> {
  wsUrl: string;
  /** Most tokens on one socket (above ~500 Polymarket sends no initial snapshots). */
  maxTokensPerConnection: number;
  /** Pause between opening two new sockets (many at once draw a 429). */
  connectSpacingMs: number;
  /** Mids whose spread exceeds this (price units) are not momentum samples: a hollow book, not a price. */
  maxSpreadForMomentum: number;
}

/** Callbacks into the signal engine. */
export interface FeedListener {
  /** A token's mid changed (valid book, sane spread). `at` is clock ms. */
  onMid(state: TokenState, at: number): void;
  /** A trade print on a watched token. */
  onTrade(state: TokenState, trade: WsLastTradeEvent, at: number): void;
}

/** Counters for status() and the bench. */
export interface FeedStats {
  state: FeedState;
  connections: number;
  tokens: number;
  messagesPerSecond: number;
  lastMessageAt: number | null;
  reconnects: number;
  lastError: string | null;
  frames: number;
  events: number;
  invalid: number;
  ignored: number;
  unknown: number;
  /** Parsed events per event_type (watched tokens or not). */
  byType: Record<string, number>;
  /** One entry per open socket (for /metrics). */
  perConnection: ConnectionStats[];
}

/** One socket's counters. `id` is stable for the socket's life (`ws-1`, `ws-2`, …); times are clock ms. */
export interface ConnectionStats {
  id: string;
  state: string;
  tokens: number;
  /** Frames received, PONGs included. */
  messages: number;
  reconnects: number;
  /** Last market-data frame (never a PONG), or null. */
  lastMessageAt: number | null;
}

const RATE_BUCKETS = 5;

/**
 * The pool of market-channel sockets over the watched tokens: at most `maxTokensPerConnection` per socket, new
 * sockets opened `connectSpacingMs` apart, token changes applied as subscribe/unsubscribe on open sockets.
 * Holds every token's book, mid history and traded volume in memory and tells the listener about mid changes and
 * trades. A socket going down voids the books it fed, so snapshots show the gap instead of stale prices.
 */
export class MarketFeed {
  private readonly states = new Map<string, TokenState>();
  private readonly owner = new Map<string, WsConnection>();
  private readonly connections: WsConnection[] = [];
  private running = false;
  private stopped = false;
  private nextConnectAt = 0;
  private readonly connectTimers = new Set<NodeJS.Timeout>();
  private readonly rate = new Float64Array(RATE_BUCKETS);
  private rateSecond = 0;
  /** Clock ms of the last market-data frame (never a PONG). */
  private lastMessageAt: number | null = null;
  /** When start() ran or its first socket was made: an open feed that never got data is stale this long after. */
  private startedAt = 0;
  private retiredReconnects = 0;
  private counters = { frames: 0, events: 0, invalid: 0, ignored: 0, unknown: 0 };
  private readonly byType: Record<string, number> = {};
  private readonly connStats = new Map<WsConnection, { id: string; messages: number; lastMessageAt: number | null }>();
  private connectionsMade = 0;

  constructor(
    private readonly opts: FeedOptions,
    private readonly listener: FeedListener,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Opens sockets for the tokens set so far (and for every later {@link setTokens}). */
  start(): void {
    if (this.running || this.stopped) return;
    this.running = true;
    this.startedAt = this.clock.now();
    for (const conn of this.connections) this.openSpaced(conn);
  }

  /** Closes every socket. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.running = false;
    for (const t of this.connectTimers) clearTimeout(t);
    this.connectTimers.clear();
    await Promise.all(this.connections.map((c) => c.stop()));
  }

  /** The watched token's state, or undefined. */
  token(id: string): TokenState | undefined {
    return this.states.get(id);
  }

  /** Every watched token's state. */
  tokens(): IterableIterator<TokenState> {
    return this.states.values();
  }

  /** Replaces the watched set: unsubscribes what left, subscribes what came (filling sockets before opening new ones). */
  setTokens(next: ReadonlyMap<string, TokenMeta>): void {
    const removedBy = new Map<WsConnection, string[]>();
    for (const id of [...this.states.keys()]) {
      if (next.has(id)) continue;
      this.states.delete(id);
      const conn = this.owner.get(id);
      this.owner.delete(id);
      if (conn) removedBy.set(conn, [...(removedBy.get(conn) ?? []), id]);
    }
    for (const [conn, ids] of removedBy) conn.remove(ids);

    const added: string[] = [];
    for (const [id, meta] of next) {
      const state = this.states.get(id);
      if (state) {
        state.marketId = meta.marketId;
        state.outcome = meta.outcome;
      } else {
        this.states.set(id, newTokenState(id, meta));
        added.push(id);
      }
    }
    let i = 0;
    for (const conn of this.connections) {
      const room = this.opts.maxTokensPerConnection - conn.tokenIds.size;
      if (room <= 0 || i >= added.length) continue;
      const take = added.slice(i, i + room);
      i += take.length;
      this.assign(conn, take);
    }
    while (i < added.length) {
      const take = added.slice(i, i + this.opts.maxTokensPerConnection);
      i += take.length;
      const conn = this.newConnection();
      this.assign(conn, take);
      if (this.running) this.openSpaced(conn);
    }
    for (const conn of [...this.connections]) {
      if (conn.tokenIds.size > 0) continue;
      this.connections.splice(this.connections.indexOf(conn), 1);
      this.connStats.delete(conn);
      this.retiredReconnects += conn.reconnects;
      void conn.stop();
    }
  }

  /**
   * Processes one text frame (public so the bench and tests can feed frames without a socket). Returns true when
   * it was market data (not a PONG).
   */
  handleFrame(text: string): boolean {
    const now = this.clock.now();
    this.countMessage();
    const parsed = parseMarketFrame(text);
    // Only market data is liveness (issue 12 item 11): a frozen stream keeps answering PING with PONG, and
    // counting that kept the feed 'live' for minutes while nothing was written.
    if (parsed.pong) return false;
    this.lastMessageAt = now;
    this.counters.frames++;
    this.counters.invalid += parsed.invalid;
    this.counters.ignored += parsed.ignored;
    this.counters.unknown += parsed.unknown;
    if (parsed.invalid > 0) this.logger.debug('ws frame rejected', { reason: parsed.firstError });
    for (const event of parsed.events) this.apply(event, now);
    return true;
  }

  /** Current counters. */
  stats(): FeedStats {
    let reconnects = this.retiredReconnects;
    let lastError: string | null = null;
    let open = 0;
    let connecting = 0;
    let reconnecting = 0;
    for (const c of this.connections) {
      reconnects += c.reconnects;
      lastError ??= c.lastError;
      if (c.state === 'open') open++;
      else if (c.state === 'reconnecting') reconnecting++;
      else connecting++;
    }
    let state: FeedState;
    if (this.stopped) state = 'stopped';
    else if (!this.running) state = 'off';
    else if (this.connections.length === 0) state = 'idle';
    else if (reconnecting > 0) state = 'reconnecting';
    else if (connecting > 0) state = 'connecting';
    else if (open > 0 && this.clock.now() - (this.lastMessageAt ?? this.startedAt) > this.opts.livenessTimeoutMs) state = 'stale';
    else state = 'live';
    return {
      state,
      connections: this.connections.length,
      tokens: this.states.size,
      messagesPerSecond: this.messagesPerSecond(),
      lastMessageAt: this.lastMessageAt,
      reconnects,
      lastError,
      ...this.counters,
      byType: { ...this.byType },
      perConnection: this.connections.map((c) => {
        const own = this.connStats.get(c);
        return { id: own?.id ?? '', state: c.state, tokens: c.tokenIds.size, messages: own?.messages ?? 0, reconnects: c.reconnects, lastMessageAt: own?.lastMessageAt ?? null };
      }),
    };
  }

  /** The sockets (tests drop them to check recovery). */
  sockets(): readonly WsConnection[] {
    return this.connections;
  }

  private apply(event: WsMarketEvent, now: number): void {
    this.byType[event.type] = (this.byType[event.type] ?? 0) + 1;
    switch (event.type) {
      case 'book': {
        const s = this.states.get(event.assetId);
        if (!s) return;
        this.counters.events++;
        s.book.applySnapshot(event.bids, event.asks);
        if (this.recordMid(s, now)) this.listener.onMid(s, now);
        return;
      }
      case 'price_change': {
        // Apply the whole frame (usually both tokens of a market) before anyone evaluates the market.
        let touched: TokenState[] | null = null;
        for (const c of event.changes) {
          const s = this.states.get(c.assetId);
          if (!s) continue;
          this.counters.events++;
          s.book.applyChange(c.side, c.price, c.size);
          if (!touched) touched = [s];
          else if (!touched.includes(s)) touched.push(s);
        }
        if (!touched) return;
        const moved = touched.filter((s) => this.recordMid(s, now));
        for (const s of moved) this.listener.onMid(s, now);
        return;
      }
      case 'last_trade_price': {
        const s = this.states.get(event.assetId);
        if (!s) return;
        this.counters.events++;
        s.intervalVolume += event.size;
        s.volume.add(now, event.size);
        s.lastTradePrice = event.price;
        this.listener.onTrade(s, event, now);
        return;
      }
      case 'tick_size_change': {
        const s = this.states.get(event.assetId);
        if (!s) return;
        this.counters.events++;
        // Levels at the old tick no longer describe the book; the server sends a fresh snapshot.
        s.book.invalidate();
        s.lastMid = null;
        return;
      }
      case 'best_bid_ask':
        // The book is the source of truth; this custom-feature summary only confirms it.
        if (this.states.has(event.assetId)) this.counters.events++;
        return;
    }
  }

  /** Records the token's mid as a momentum sample; true when the mid changed since the last report. */
  private recordMid(s: TokenState, now: number): boolean {
    const mid = s.book.mid();
    if (mid === null) return false;
    if (s.book.spread()! > this.opts.maxSpreadForMomentum) return false;
    s.mids.push(now, mid);
    s.volume.observeFrom(now);
    if (mid === s.lastMid) return false;
    s.lastMid = mid;
    return true;
  }

  private assign(conn: WsConnection, ids: string[]): void {
    for (const id of ids) this.owner.set(id, conn);
    conn.add(ids);
  }

  private newConnection(): WsConnection {
    // The first socket of a feed with no data yet: its silence is counted from now, not from start().
    if (this.connections.length === 0 && this.lastMessageAt === null) this.startedAt = this.clock.now();
    const { wsUrl, maxTokensPerConnection: _m, connectSpacingMs: _c, maxSpreadForMomentum: _s, ...rest } = this.opts;
    const conn: WsConnection = new WsConnection(
      { ...rest, url: wsUrl },
      {
        onFrame: (text) => {
          const own = this.connStats.get(conn);
          const data = this.handleFrame(text);
          if (own) {
            own.messages++;
            if (data) own.lastMessageAt = this.clock.now();
          }
        },
        onUp: () => this.logger.info('ws connected', { tokens: conn.tokenIds.size }),
        onDown: (reason) => {
          this.logger.warn('ws down', { reason, tokens: conn.tokenIds.size });
          for (const id of conn.tokenIds) {
            const s = this.states.get(id);
            if (s) {
              s.book.invalidate();
              s.lastMid = null;
            }
          }
        },
      },
      this.logger,
    );
    this.connections.push(conn);
    this.connStats.set(conn, { id: `ws-${++this.connectionsMade}`, messages: 0, lastMessageAt: null });
    return conn;
  }

  private openSpaced(conn: WsConnection): void {
    const now = performance.now();
    const at = Math.max(now, this.nextConnectAt);
    this.nextConnectAt = at + this.opts.connectSpacingMs;
    if (at <= now) {
      conn.start();
      return;
    }
    const timer = setTimeout(() => {
      this.connectTimers.delete(timer);
      if (!this.stopped) conn.start();
    }, at - now);
    this.connectTimers.add(timer);
  }

  private countMessage(): void {
    const second = Math.floor(performance.now() / 1000);
    if (second !== this.rateSecond) {
      for (let s = this.rateSecond + 1; s <= second && s <= this.rateSecond + RATE_BUCKETS; s++) this.rate[s % RATE_BUCKETS] = 0;
      this.rateSecond = second;
    }
    this.rate[second % RATE_BUCKETS]! += 1;
  }

  private messagesPerSecond(): number {
    const second = Math.floor(performance.now() / 1000);
    // The current second is partial: average the RATE_BUCKETS − 1 complete seconds before it.
    let total = 0;
    for (let s = second - (RATE_BUCKETS - 1); s < second; s++) {
      if (s > this.rateSecond || s <= this.rateSecond - RATE_BUCKETS) continue;
      total += this.rate[((s % RATE_BUCKETS) + RATE_BUCKETS) % RATE_BUCKETS]!;
    }
    return total / (RATE_BUCKETS - 1);
  }
}

function newTokenState(tokenId: string, meta: TokenMeta): TokenState {
  return {
    tokenId,
    marketId: meta.marketId,
    outcome: meta.outcome,
    book: new OrderBook(),
    mids: new MidRing(256),
    volume: new VolumeRing(12 * 60_000),
    intervalVolume: 0,
    lastTradePrice: null,
    lastMid: null,
  };
}
