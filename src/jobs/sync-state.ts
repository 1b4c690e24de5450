/**
 * Durable state of the sync engine, kept in ClickHouse `sync_state` (schema/004_state.sql) so that a restart —
 * or a kill -9 in the middle of a run — loses nothing. The Phase 2 spec (README, Decisions) kept all of this in module-level
 * Python sets that died with the process. Here memory is only a mirror: every change is inserted first and the
 * mirror updated once the insert is acknowledged; {@link SyncState.refresh} reads the table back.
 *
 * Scopes (see the schema comments):
 *   tracked_wallet   key = wallet, value = how it was discovered ('leaderboard' | 'holders' | 'manual')
 *   enriched_wallet  key = wallet, value = 'profile' | 'no_profile'
 *   activity_wm      key = wallet, value = newest acknowledged activity timestamp, unix seconds
 */
import { systemClock, type Clock } from '../lib/clock.ts';
import { readSyncState, SYNC_SCOPES, writeSyncState } from '../store/state/sync-state.ts';
import type { Store } from '../store/types.ts';

/** sync_state scopes used by the jobs. */
const SCOPES = {
  tracked: SYNC_SCOPES.tracked,
  enriched: SYNC_SCOPES.enriched,
  activityWatermark: SYNC_SCOPES.activityWatermark,
} as const;

/** How a wallet entered the tracked set. */
export type DiscoveredVia = 'leaderboard' | 'holders' | 'trades' | 'manual';

/** What enrichment found: a profile, or a 404 (stored as a minimal row so it is not retried every run). */
export type EnrichedValue = 'profile' | 'no_profile';

/** One tracked wallet. `since` is when it was first discovered, epoch ms. */
export interface TrackedWallet {
  wallet: string;
  via: DiscoveredVia;
  since: number;
}

function asVia(value: string): DiscoveredVia {
  return value === 'holders' || value === 'trades' || value === 'manual' ? value : 'leaderboard';
}

/**
 * The tracked-wallet set, the enriched set and the per-wallet activity watermarks. One instance is shared by the
 * jobs of a process; it is safe to use from concurrently running jobs (mutations only add to the mirror).
 */
export class SyncState {
  private readonly trackedWallets = new Map<string, TrackedWallet>();
  private readonly enrichedWallets = new Map<string, EnrichedValue>();
  private readonly watermarks = new Map<string, number>();
  private loaded: Promise<void> | null = null;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Loads the state once (later calls reuse the first load). */
  ensureLoaded(signal?: AbortSignal): Promise<void> {
    this.loaded ??= this.refresh(signal).catch((err: unknown) => {
      this.loaded = null;
      throw err;
    });
    return this.loaded;
  }

  /**
   * Reads the table back and merges it into the mirror. Merging (never clearing) keeps entries that a concurrent
   * job inserted while this read was in flight; deleted entries are removed; watermarks only move forward.
   */
  async refresh(signal?: AbortSignal): Promise<void> {
    const rows = await readSyncState(this.store, Object.values(SCOPES), signal);
    for (const row of rows) {
      const deleted = row.deleted;
      if (row.scope === SCOPES.tracked) {
        if (deleted) this.trackedWallets.delete(row.key);
        else if (!this.trackedWallets.has(row.key)) {
          this.trackedWallets.set(row.key, { wallet: row.key, via: asVia(row.value), since: row.at });
        }
      } else if (row.scope === SCOPES.enriched) {
        if (deleted) this.enrichedWallets.delete(row.key);
        else this.enrichedWallets.set(row.key, row.value === 'no_profile' ? 'no_profile' : 'profile');
      } else if (row.scope === SCOPES.activityWatermark) {
        if (deleted) this.watermarks.delete(row.key);
        else this.bumpWatermark(row.key, Number(row.value));
      }
    }
    this.loaded ??= Promise.resolve();
  }

  /** The tracked wallets (a live read-only view). */
  tracked(): ReadonlyMap<string, TrackedWallet> {
    return this.trackedWallets;
  }

  /** Whether the profile enricher already handled `wallet` (found or 404). */
  isEnriched(wallet: string): boolean {
    return this.enrichedWallets.has(wallet);
  }

  /** Number of enriched wallets. */
  enrichedCount(): number {
    return this.enrichedWallets.size;
  }

  /** Newest acknowledged activity timestamp of `wallet`, unix seconds; undefined before its first sync. */
  activityWatermark(wallet: string): number | undefined {
    return this.watermarks.get(wallet);
  }

  /**
   * Adds wallets to the tracked set. Wallets already tracked keep their first discovery (and are not rewritten).
   * @returns how many wallets were new.
   */
  async addTracked(wallets: Iterable<string>, via: DiscoveredVia, signal?: AbortSignal): Promise<number> {
    const fresh = [...new Set(wallets)].filter((w) => w !== '' && !this.trackedWallets.has(w));
    if (fresh.length === 0) return 0;
    const now = this.clock.now();
    await this.insert(
      fresh.map((wallet) => ({ scope: SCOPES.tracked, key: wallet, value: via })),
      now,
      signal,
    );
    for (const wallet of fresh) {
      if (!this.trackedWallets.has(wallet)) this.trackedWallets.set(wallet, { wallet, via, since: now });
    }
    return fresh.length;
  }

  /** Records that the profile enricher handled these wallets. */
  async markEnriched(entries: readonly { wallet: string; value: EnrichedValue }[], signal?: AbortSignal): Promise<void> {
    if (entries.length === 0) return;
    await this.insert(
      entries.map((e) => ({ scope: SCOPES.enriched, key: e.wallet, value: e.value })),
      this.clock.now(),
      signal,
    );
    for (const e of entries) this.enrichedWallets.set(e.wallet, e.value);
  }

  /**
   * Stores new activity watermarks (unix seconds). Call only after the insert holding the rows up to that
   * timestamp has been acknowledged. A watermark never moves backwards: older values are ignored.
   */
  async setActivityWatermarks(watermarks: ReadonlyMap<string, number>, signal?: AbortSignal): Promise<void> {
    const forward = [...watermarks].filter(([wallet, ts]) => ts > (this.watermarks.get(wallet) ?? -Infinity));
    if (forward.length === 0) return;
    await this.insert(
      forward.map(([wallet, ts]) => ({ scope: SCOPES.activityWatermark, key: wallet, value: String(ts) })),
      this.clock.now(),
      signal,
    );
    for (const [wallet, ts] of forward) this.bumpWatermark(wallet, ts);
  }

  private bumpWatermark(wallet: string, ts: number): void {
    if (!Number.isFinite(ts)) return;
    if (ts > (this.watermarks.get(wallet) ?? -Infinity)) this.watermarks.set(wallet, ts);
  }

  private insert(rows: readonly { scope: string; key: string; value: string }[], atMs: number, signal?: AbortSignal): Promise<void> {
    return writeSyncState(this.store, rows, atMs, signal);
  }
}
