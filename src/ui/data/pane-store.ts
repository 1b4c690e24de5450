/**
 * The polling store of the UI, outside React. It runs only the visible pane's queries every `refreshMs`, never
 * two of the same in flight (an overlapping tick is dropped), the pane's own first and what is drawn around it (the
 * stats cards) after them, so the pane never waits behind the cards on an engine that runs one query at a time, sanitises every string of every result once, keeps
 * each slice loading / ready / error, publishes immutable snapshots only when something changed (structural
 * equality), and batches notifications so a burst of results causes one render. Components read it through
 * `useSyncExternalStore`. Pausing stops the UI refresh only; collection in the background goes on.
 */
import { sanitizeDeep } from '../../lib/sanitize.ts';
import { sameData, type Slice, type SliceDef } from './slice.ts';
import { errorMessage } from '../../lib/error-message.ts';

/** The immutable state the UI renders. A new object whenever anything in it changed. */
export interface PaneSnapshot {
  readonly slices: Readonly<Record<string, Slice<unknown>>>;
  readonly paused: boolean;
  readonly refreshMs: number;
  /** The last completed refresh round: when it ended and how long its slowest query took. */
  readonly lastRefresh: { readonly at: number; readonly tookMs: number } | null;
  /** Queries running now. */
  readonly inFlight: number;
}

/** Options of {@link PaneDataStore}. */
export interface PaneDataStoreOptions {
  refreshMs?: number;
  /** Delay that coalesces notifications (ms, default 50). */
  notifyDelayMs?: number;
  now?: () => number;
}

/** Allowed refresh intervals for `+`/`-`, in ms. */
export const REFRESH_STEPS = [1_000, 2_000, 5_000, 10_000, 30_000, 60_000] as const;

/**
 * Background slices (hidden tabs' counts) refresh at most once per this many refresh intervals: their labels stay
 * roughly current without running every pane's query on every tick.
 */
export const BACKGROUND_INTERVALS = 6;

/** Polls the visible slices; see the module comment. */
export class PaneDataStore {
  private snapshot: PaneSnapshot;
  private visible: SliceDef[] = [];
  private trailing: SliceDef[] = [];
  private background: SliceDef[] = [];
  private readonly inFlight = new Map<string, AbortController>();
  private readonly listeners = new Set<() => void>();
  private timer: NodeJS.Timeout | null = null;
  private notifyTimer: NodeJS.Timeout | null = null;
  /** Waiting for the pending notification to reach the listeners (see {@link drawn}). */
  private notifyWaiters: (() => void)[] = [];
  private readonly notifyDelayMs: number;
  private readonly now: () => number;
  private roundStartedAt = 0;
  private roundSlowest = 0;
  private closed = false;

  constructor(options: PaneDataStoreOptions = {}) {
    this.notifyDelayMs = options.notifyDelayMs ?? 50;
    this.now = options.now ?? Date.now;
    this.snapshot = { slices: {}, paused: false, refreshMs: options.refreshMs ?? 5_000, lastRefresh: null, inFlight: 0 };
  }

  /** The current snapshot (same object until something changes). */
  getSnapshot = (): PaneSnapshot => this.snapshot;

  /** Registers a listener; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Starts the periodic refresh. */
  start(): void {
    this.schedule();
  }

  /**
   * Sets the queries of the visible pane; `background` ones (the hidden tabs' counts); and `trailing` ones, on
   * screen with the pane but not part of it (the stats cards), refreshed with it, after its own. A visible or
   * trailing slice never loaded is fetched at once (even while paused, so a newly opened view is never blank);
   * one older than one refresh interval is fetched at once too unless paused (a revisited tab never shows data
   * from when it was last on screen until the next tick). Background slices load once at once, then refresh on
   * ticks, at most every {@link BACKGROUND_INTERVALS} intervals. A slice already in flight is never started twice.
   */
  setVisible(defs: readonly SliceDef[], background: readonly SliceDef[] = [], trailing: readonly SliceDef[] = []): void {
    this.visible = [...defs];
    const keys = new Set(defs.map((d) => d.key));
    this.trailing = trailing.filter((d) => !keys.has(d.key));
    for (const d of this.trailing) keys.add(d.key);
    this.background = background.filter((d) => !keys.has(d.key));
    const now = this.now();
    const isDue = (d: SliceDef) => {
      const at = this.sliceAt(d.key);
      return at === null || (!this.snapshot.paused && now - at >= this.snapshot.refreshMs);
    };
    // A hidden tab's count never loaded is fetched once at once too, so every tab label has a count.
    const unloaded = this.snapshot.paused ? [] : this.background.filter((d) => this.snapshot.slices[d.key] === undefined);
    this.refresh([defs.filter(isDue), this.trailing.filter(isDue), unloaded]);
  }

  /** When a slice last got a result (ready or error), or null if never. */
  private sliceAt(key: string): number | null {
    const slice = this.snapshot.slices[key];
    return slice === undefined || slice.state === 'loading' ? null : slice.at;
  }

  /** Refreshes every visible slice now (the `r` key). */
  refreshNow(): void {
    this.refresh([this.visible, this.trailing]);
  }

  /** Pauses or resumes the UI refresh. */
  setPaused(paused: boolean): void {
    if (paused === this.snapshot.paused) return;
    this.publish({ ...this.snapshot, paused });
    if (!paused) this.refresh([this.visible, this.trailing]);
  }

  /** Changes the refresh interval and restarts the timer. */
  setRefreshMs(refreshMs: number): void {
    if (refreshMs === this.snapshot.refreshMs) return;
    this.publish({ ...this.snapshot, refreshMs });
    this.schedule();
  }

  /** Moves the refresh interval one step faster (-1) or slower (+1) along {@link REFRESH_STEPS}. */
  stepRefresh(direction: 1 | -1): void {
    const current = this.snapshot.refreshMs;
    const index = REFRESH_STEPS.findIndex((s) => s >= current);
    const from = index === -1 ? REFRESH_STEPS.length - 1 : index;
    const next = REFRESH_STEPS[Math.min(REFRESH_STEPS.length - 1, Math.max(0, from + direction))] ?? current;
    this.setRefreshMs(next);
  }

  /** Stops the timer and aborts running queries. */
  close(): void {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    if (this.notifyTimer) clearTimeout(this.notifyTimer);
    this.notifyTimer = null;
    for (const w of this.notifyWaiters.splice(0)) w();
    for (const c of this.inFlight.values()) c.abort();
    this.inFlight.clear();
    this.listeners.clear();
  }

  private schedule(): void {
    if (this.closed) return;
    if (this.timer) clearInterval(this.timer);
    this.timer = setInterval(() => {
      if (this.snapshot.paused) return;
      const now = this.now();
      const stale = this.background.filter((d) => {
        const at = this.sliceAt(d.key);
        return at === null || now - at >= this.snapshot.refreshMs * BACKGROUND_INTERVALS;
      });
      this.refresh([this.visible, this.trailing, stale]);
    }, this.snapshot.refreshMs);
    this.timer.unref?.();
  }

  /**
   * Refreshes `groups` in order: every slice of a group starts together, the next group once they all settled.
   * Queued slices count as in flight (an overlapping refresh drops them too).
   */
  private refresh(groups: readonly (readonly SliceDef[])[]): void {
    if (this.closed) return;
    const picked = groups.map((group) =>
      group.flatMap((def) => {
        if (this.inFlight.has(def.key)) return []; // an overlapping refresh of the same query is dropped
        const controller = new AbortController();
        this.inFlight.set(def.key, controller);
        return [{ def, controller }];
      }),
    );
    if (picked.every((g) => g.length === 0)) return;
    if (this.inFlight.size === picked.flat().length) {
      this.roundStartedAt = this.now();
      this.roundSlowest = 0;
    }
    this.publish({ ...this.snapshot, inFlight: this.inFlight.size }, true);
    void (async () => {
      for (const [index, group] of picked.entries()) {
        if (this.closed) return;
        // The next group waits until the previous one's results are on screen: its queries would otherwise take
        // CPU from that frame (the engine runs in this process).
        if (index > 0 && picked[index - 1]!.length > 0) await this.drawn();
        await Promise.all(group.map(({ def, controller }) => this.runOne(def, controller)));
      }
    })();
  }

  private async runOne(def: SliceDef, controller: AbortController): Promise<void> {
    const started = this.now();
    let next: Slice<unknown>;
    const previous = this.snapshot.slices[def.key];
    try {
      const rows = sanitizeDeep(await def.run(controller.signal));
      const tookMs = this.now() - started;
      if (previous?.state === 'ready' && sameData(previous.rows, rows)) {
        // Nothing changed: keep the old object (and its rows) so no view re-renders for it.
        next = previous;
      } else {
        next = { state: 'ready', rows, tookMs, at: this.now() };
      }
      this.roundSlowest = Math.max(this.roundSlowest, tookMs);
    } catch (err) {
      const lastRows = previous?.state === 'ready' ? previous.rows : previous?.state === 'error' ? previous.lastRows : undefined;
      const message = errorMessage(err);
      next = { state: 'error', message, at: this.now(), ...(lastRows === undefined ? {} : { lastRows }) };
    }
    if (this.closed) return;
    this.inFlight.delete(def.key);
    const slices = next === previous ? this.snapshot.slices : { ...this.snapshot.slices, [def.key]: next };
    const done = this.inFlight.size === 0;
    this.publish({
      ...this.snapshot,
      slices,
      inFlight: this.inFlight.size,
      lastRefresh: done ? { at: this.now(), tookMs: Math.max(this.roundSlowest, this.now() - this.roundStartedAt) } : this.snapshot.lastRefresh,
    });
  }

  private publish(next: PaneSnapshot, quiet = false): void {
    const prev = this.snapshot;
    if (
      prev.slices === next.slices &&
      prev.paused === next.paused &&
      prev.refreshMs === next.refreshMs &&
      prev.inFlight === next.inFlight &&
      sameData(prev.lastRefresh, next.lastRefresh)
    ) {
      return;
    }
    this.snapshot = next;
    if (quiet && prev.slices === next.slices && prev.paused === next.paused && prev.refreshMs === next.refreshMs) {
      // Only the in-flight count moved: folded into the next real notification.
      return;
    }
    this.notify();
  }

  private notify(): void {
    if (this.notifyTimer || this.closed) return;
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = null;
      for (const l of [...this.listeners]) l();
      const waiters = this.notifyWaiters;
      this.notifyWaiters = [];
      // React renders the listeners' update in a microtask and Ink draws it in the same turn: past this
      // macrotask, the frame is drawn.
      if (waiters.length > 0) setImmediate(() => waiters.forEach((w) => w()));
    }, this.notifyDelayMs);
  }

  /** Resolves once the pending notification (if any) reached the listeners and the frame it causes is drawn. */
  private drawn(): Promise<void> {
    if (this.notifyTimer === null || this.closed) return Promise.resolve();
    return new Promise((resolve) => this.notifyWaiters.push(resolve));
  }
}
