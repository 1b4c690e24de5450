import { createHash } from 'node:crypto';
import type { Logger } from '../lib/log.ts';
import type { Polymarket, Trade } from '../polymarket/index.ts';
import { readSyncScope, SYNC_SCOPES } from '../store/state/sync-state.ts';
import { chTime } from '../store/time.ts';
import type { RowWriter } from '../store/writer.ts';
import type { Row, Store } from '../store/types.ts';
import type { EliteTrade } from './signals.ts';
import type { TrackedWallet } from './watchlist.ts';

/** Polling tunables. */
export interface AttributionOptions {
  /** Condition ids per /trades request (the Data API takes a comma list; ~70 bytes each in the URL). */
  marketsPerRequest: number;
  /** Rows per page (the API's default is 100; limit ≤ 10 000). */
  pageSize: number;
  /** Pages per batch and poll at most (a busy batch with a full first page pages back to its watermarks). */
  maxPages: number;
  /** With no watermark, trades older than this are not attributed (no history replay on first start). */
  initialLookbackMs: number;
}

/** sync_state scope of the per-market /trades watermarks (value: unix seconds). */
const TRADES_WM_SCOPE = SYNC_SCOPES.tradesWatermark;
/** sync_state scope of the per-followed-wallet /trades watermarks (value: unix seconds). */
const FOLLOW_WM_SCOPE = SYNC_SCOPES.followTradesWatermark;

/**
 * A stable id for one fill: the Data API gives no log index, and one transaction can settle several identical
 * fills, so the visible key is hashed and the occurrence number of identical keys in the response is appended.
 */
export function tradeKey(t: Pick<Trade, 'transactionHash' | 'asset' | 'side' | 'size' | 'price' | 'timestamp' | 'wallet'>): string {
  return createHash('sha1')
    .update(`${t.transactionHash}|${t.asset}|${t.side}|${t.size}|${t.price}|${t.timestamp}|${t.wallet}`)
    .digest('hex');
}

/**
 * Polls Data API /trades for the watched markets (several condition ids per request, maker fills included),
 * keeps a watermark per market in sync_state (scope trades_wm), and records fills by elite or watched wallets in
 * elite_trade_attributions. Each recorded fill is also handed to `onTrade` (the signal engine).
 * Requests go through the shared client, so the /trades rate limit is respected.
 */
export class AttributionPoller {
  private markets: string[] = [];
  private wallets = new Map<string, TrackedWallet>();
  private readonly watermarks = new Map<string, number>();
  private readonly dirty = new Set<string>();
  private readonly followWatermarks = new Map<string, number>();
  private readonly followDirty = new Set<string>();
  private readonly seen = new Map<string, true>();
  private loaded = false;
  private recorded = 0;

  constructor(
    private readonly deps: {
      store: Store;
      writer: RowWriter;
      polymarket: Polymarket;
      logger: Logger;
      options: AttributionOptions;
      onTrade(trade: EliteTrade): void;
      /** A fill by a followed wallet (from either poll), once. */
      onFollowedTrade?(trade: EliteTrade): void;
    },
  ) {}

  /** Fills recorded since start. */
  get attributed(): number {
    return this.recorded;
  }

  /** The markets to poll (condition ids). */
  setMarkets(ids: readonly string[]): void {
    this.markets = [...ids];
  }

  /** Elite and watched wallets (lower-case keys). */
  setWallets(wallets: ReadonlyMap<string, TrackedWallet>): void {
    this.wallets = new Map(wallets);
  }

  /** One poll over every watched market; `now` is epoch ms. Errors of one batch are logged, the rest go on. */
  async poll(now: number, signal?: AbortSignal): Promise<void> {
    if (!this.loaded) await this.loadWatermarks();
    const size = Math.max(1, this.deps.options.marketsPerRequest);
    for (let i = 0; i < this.markets.length; i += size) {
      if (signal?.aborted) return;
      const batch = this.markets.slice(i, i + size);
      try {
        await this.pollBatch(batch, now, signal);
      } catch (err) {
        if (signal?.aborted) return;
        this.deps.logger.warn('attribution poll failed', { markets: batch.length, err });
      }
    }
    await this.pollFollowed(now, signal);
    this.saveWatermarks();
  }

  /**
   * Followed wallets' own fills (/trades?user=), so a trade in a market nobody watches yet is seen in the same
   * poll; one request per followed wallet, the newest page only (a poll every few seconds cannot miss a page of
   * one wallet's fills). Watermarks per wallet in sync_state (scope follow_trades_wm).
   */
  private async pollFollowed(now: number, signal?: AbortSignal): Promise<void> {
    const floor = now - this.deps.options.initialLookbackMs;
    for (const tracked of this.wallets.values()) {
      if (!tracked.isFollowed || signal?.aborted) continue;
      try {
        const res = await this.deps.polymarket.data.trades({ user: tracked.wallet, takerOnly: false, limit: this.deps.options.pageSize }, signal);
        const since = this.followWatermarks.get(tracked.wallet) ?? floor;
        this.record(res.items.filter((t) => t.timestamp >= since), res.items);
        const newest = res.items.reduce((m, t) => Math.max(m, t.timestamp), since);
        if (newest > since || !this.followWatermarks.has(tracked.wallet)) {
          this.followWatermarks.set(tracked.wallet, newest);
          this.followDirty.add(tracked.wallet);
        }
      } catch (err) {
        if (signal?.aborted) return;
        this.deps.logger.warn('followed wallet trades poll failed', { wallet: tracked.wallet, err });
      }
    }
  }

  private async pollBatch(batch: string[], now: number, signal?: AbortSignal): Promise<void> {
    const floor = now - this.deps.options.initialLookbackMs;
    const wm = (id: string): number => this.watermarks.get(id) ?? floor;
    const oldestNeeded = Math.min(...batch.map(wm));
    const { pageSize, maxPages } = this.deps.options;
    const rows: Trade[] = [];
    for (let page = 0; page < maxPages; page++) {
      const res = await this.deps.polymarket.data.trades(
        { market: batch, takerOnly: false, limit: pageSize, offset: page * pageSize },
        signal,
      );
      rows.push(...res.items);
      const oldest = res.items.reduce((m, t) => Math.min(m, t.timestamp), Number.POSITIVE_INFINITY);
      if (res.items.length < pageSize || oldest < oldestNeeded) break;
    }
    const before = new Map(batch.map((id) => [id, wm(id)]));
    const fresh: Trade[] = [];
    for (const t of rows) {
      const market = t.conditionId.toLowerCase();
      // The watermark is in whole seconds; fills in its second are re-read and deduplicated by id.
      if (t.timestamp < (before.get(market) ?? wm(market))) continue;
      if (t.timestamp > (this.watermarks.get(market) ?? Number.NEGATIVE_INFINITY)) {
        this.watermarks.set(market, t.timestamp);
        this.dirty.add(market);
      }
      fresh.push(t);
    }
    this.record(fresh, rows);
    for (const id of batch) if (!this.watermarks.has(id)) this.watermarks.set(id, floor);
  }

  /**
   * Records the fills of tracked wallets among `fresh` once each (by trade id), hands them on, and writes their
   * attribution rows. `response` is the whole response `fresh` came from: identical fills are numbered by their
   * occurrence in it.
   */
  private record(fresh: readonly Trade[], response: readonly Trade[] = fresh): void {
    const occurrences = new Map<string, number>();
    const ids = new Map<Trade, string>();
    for (const t of response) {
      const key = tradeKey(t);
      const n = occurrences.get(key) ?? 0;
      occurrences.set(key, n + 1);
      ids.set(t, `${key}:${n}`);
    }
    const out: Row[] = [];
    for (const t of fresh) {
      const tracked = this.wallets.get(t.wallet.toLowerCase());
      if (!tracked) continue;
      const tradeId = ids.get(t)!;
      if (this.seen.has(tradeId)) continue;
      this.remember(tradeId);
      const trade: EliteTrade = {
        tradeId,
        wallet: tracked.wallet,
        name: tracked.name || t.name || t.pseudonym,
        rank: tracked.rank,
        score: tracked.score,
        side: t.side,
        marketId: t.conditionId.toLowerCase(),
        tokenId: t.asset,
        outcome: t.outcome,
        size: t.size,
        sizeUsd: t.size * t.price,
        price: t.price,
        transactionHash: t.transactionHash,
        timestamp: t.timestamp,
        isElite: tracked.isElite,
        isWatched: tracked.isWatched,
        isFollowed: tracked.isFollowed === true,
        title: t.title,
      };
      out.push(attributionRow(trade));
      this.recorded++;
      this.deps.onTrade(trade);
      if (trade.isFollowed) this.deps.onFollowedTrade?.(trade);
    }
    if (out.length > 0) this.deps.writer.write('elite_trade_attributions', out);
  }

  private remember(id: string): void {
    this.seen.set(id, true);
    if (this.seen.size > 50_000) {
      const oldest = this.seen.keys().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
  }

  private async loadWatermarks(): Promise<void> {
    const [stored, followed] = await Promise.all([readSyncScope(this.deps.store, TRADES_WM_SCOPE), readSyncScope(this.deps.store, FOLLOW_WM_SCOPE)]);
    for (const [into, entries] of [[this.watermarks, stored], [this.followWatermarks, followed]] as const) {
      for (const [key, value] of entries) {
        const s = Number(value);
        if (Number.isFinite(s)) into.set(key, s * 1000);
      }
    }
    this.loaded = true;
  }

  private saveWatermarks(): void {
    const rows = [
      ...[...this.dirty].map((key) => ({ scope: TRADES_WM_SCOPE, key, value: String(Math.floor(this.watermarks.get(key)! / 1000)) })),
      ...[...this.followDirty].map((key) => ({ scope: FOLLOW_WM_SCOPE, key, value: String(Math.floor(this.followWatermarks.get(key)! / 1000)) })),
    ];
    this.dirty.clear();
    this.followDirty.clear();
    if (rows.length > 0) this.deps.writer.write('sync_state', rows);
  }
}

/** The elite_trade_attributions row of an attributed fill. */
export function attributionRow(t: EliteTrade): Row {
  return {
    trade_id: t.tradeId,
    market_id: t.marketId,
    token_id: t.tokenId,
    wallet_address: t.wallet,
    wallet_name: t.name,
    wallet_rank: t.rank ?? 0,
    side: t.side,
    outcome: t.outcome,
    size: t.size,
    size_usd: t.sizeUsd,
    price: t.price,
    transaction_hash: t.transactionHash,
    is_elite: t.isElite,
    is_watched: t.isWatched,
    elite_score: t.score,
    timestamp: chTime(t.timestamp),
  };
}
