import { systemClock, systemTimers } from './clock.ts';
import type { Clock, TimerHandle, Timers } from './clock.ts';

/**
 * Rate limiting for the Polymarket clients.
 *
 * Why a sliding-window log and not a classic token bucket: Polymarket publishes its limits "per 10 s sliding
 * window" (POLYMARKET_API.md §6). A token bucket of capacity C refilled at r admits up to C + r·W requests in a
 * window W, so it is only safe if C + r·W ≤ budget — which either wastes throughput or needs that proof for
 * every setting. A sliding-window log is exact by construction: it remembers the times of the last `limit`
 * grants and admits a new one only when the oldest of them is at least `windowMs` old, so any half-open interval
 * of length `windowMs` holds at most `limit` grants, for every arrival pattern. Memory is O(limit) (≤ a few
 * thousand numbers here).
 *
 * Even against Cloudflare's *approximate* sliding window (previous fixed window weighted by overlap + current
 * window), a budget of 0.5 × limit is safe: the estimate never exceeds the count over two windows, ≤ 2 × budget.
 */
export class SlidingWindowLog {
  private readonly grants: number[];
  private head = 0;
  private count = 0;

  /** @param limit grants allowed in any window; @param windowMs the window length in ms. */
  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
    this.grants = new Array<number>(limit).fill(0);
  }

  /** Earliest time (ms, ≥ `now`) at which one more grant keeps the window within its limit. */
  nextFreeAt(now: number): number {
    if (this.count < this.limit) return now;
    // head points at the oldest of the last `limit` grants once the ring is full.
    return Math.max(now, (this.grants[this.head] ?? 0) + this.windowMs);
  }

  /** Records a grant at `now`. The caller must have checked {@link nextFreeAt} ≤ now. */
  record(now: number): void {
    this.grants[this.head] = now;
    this.head = (this.head + 1) % this.limit;
    if (this.count < this.limit) this.count++;
  }

  /** Grants within the window ending at `now` (for stats and tests). */
  inWindow(now: number): number {
    let n = 0;
    for (let i = 0; i < this.count; i++) {
      const t = this.grants[(this.head - 1 - i + this.limit * 2) % this.limit] ?? 0;
      if (t > now - this.windowMs) n++;
    }
    return n;
  }
}

/** A named limit: at most `limit` requests in any `windowMs` window. */
export interface LimitSpec {
  key: string;
  limit: number;
  windowMs: number;
}

interface Waiter {
  /** FIFO lane: a waiter is never granted before an earlier waiter of the same lane. */
  lane: string;
  windows: SlidingWindowLog[];
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

/**
 * A gate in front of many limits. A request names the limits it consumes (e.g. its endpoint's window and its
 * API's general window) and waits until ALL of them admit it, then takes a grant from each at the same instant —
 * so a request never holds one limit's grant while queuing on another. Waiters of one lane are served FIFO; a lane
 * blocked on its own limit does not hold up other lanes. Waits are timer driven (one timer for the earliest
 * possible grant), never polling or fixed sleeps, and abortable.
 */
export class SlidingWindowLimiter {
  private readonly windows = new Map<string, SlidingWindowLog[]>();
  private readonly waiters: Waiter[] = [];
  private timer: TimerHandle | undefined;
  private timerAt = Infinity;

  constructor(
    private readonly clock: Clock = systemClock,
    private readonly timers: Timers = systemTimers,
  ) {}

  /** Declares (or replaces) limit `key`; several windows per key may be given (e.g. 10 s budget + 1 s pacing). */
  define(key: string, specs: ReadonlyArray<{ limit: number; windowMs: number }>): void {
    this.windows.set(
      key,
      specs.map((s) => new SlidingWindowLog(s.limit, s.windowMs)),
    );
  }

  /** Whether limit `key` was defined. */
  has(key: string): boolean {
    return this.windows.has(key);
  }

  /**
   * Waits for a grant from every limit in `keys` (undefined keys are an error), FIFO within `lane`.
   * Rejects with `signal.reason` if the signal aborts first.
   */
  acquire(lane: string, keys: readonly string[], signal?: AbortSignal): Promise<void> {
    const windows = keys.flatMap((k) => {
      const w = this.windows.get(k);
      if (!w) throw new Error(`SlidingWindowLimiter: unknown limit ${k}`);
      return w;
    });
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const waiter: Waiter = {
        lane,
        windows,
        resolve,
        reject,
        signal,
        onAbort: () => {
          const i = this.waiters.indexOf(waiter);
          if (i >= 0) this.waiters.splice(i, 1);
          reject(signal?.reason);
          this.pump();
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.waiters.push(waiter);
      this.pump();
    });
  }

  /** Waiters per lane (the stats' queue lengths). */
  queued(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const w of this.waiters) out[w.lane] = (out[w.lane] ?? 0) + 1;
    return out;
  }

  /** Rejects every waiter with `reason` and clears the timer (used on close). */
  cancelAll(reason: unknown): void {
    const all = this.waiters.splice(0);
    for (const w of all) {
      w.signal?.removeEventListener('abort', w.onAbort);
      w.reject(reason);
    }
    this.clearTimer();
  }

  private pump(): void {
    const now = this.clock.now();
    const blockedLanes = new Set<string>();
    let wakeAt = Infinity;
    for (let i = 0; i < this.waiters.length; ) {
      const w = this.waiters[i]!;
      if (blockedLanes.has(w.lane)) {
        i++;
        continue;
      }
      let freeAt = now;
      for (const win of w.windows) freeAt = Math.max(freeAt, win.nextFreeAt(now));
      if (freeAt <= now) {
        for (const win of w.windows) win.record(now);
        this.waiters.splice(i, 1);
        w.signal?.removeEventListener('abort', w.onAbort);
        w.resolve();
        continue;
      }
      blockedLanes.add(w.lane);
      wakeAt = Math.min(wakeAt, freeAt);
      i++;
    }
    this.schedule(wakeAt, now);
  }

  private schedule(at: number, now: number): void {
    if (at === Infinity) return this.clearTimer();
    if (this.timer !== undefined && this.timerAt <= at) return;
    this.clearTimer();
    this.timerAt = at;
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      this.timerAt = Infinity;
      this.pump();
    }, Math.max(0, at - now));
  }

  private clearTimer(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
  }
}
