import type { Clock, TimerHandle, Timers } from '../../src/lib/clock.ts';

interface FakeTimer {
  id: number;
  at: number;
  fn: () => void;
}

/**
 * A manual clock + timer queue for the Polymarket client tests: rate-limit waits and backoff sleeps run on
 * virtual time (advanced explicitly), while sockets keep using real time.
 */
export class FakeTime implements Clock, Timers {
  private t: number;
  private seq = 0;
  private timers: FakeTimer[] = [];
  /** Every delay passed to setTimeout, in order (tests assert backoff/Retry-After waits). */
  readonly requestedDelays: number[] = [];

  constructor(start = 1_780_000_000_000) {
    this.t = start;
  }

  now(): number {
    return this.t;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const id = ++this.seq;
    this.requestedDelays.push(ms);
    this.timers.push({ id, at: this.t + Math.max(0, ms), fn });
    this.timers.sort((a, b) => a.at - b.at || a.id - b.id);
    return id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers = this.timers.filter((x) => x.id !== handle);
  }

  /** Timers not yet fired. */
  pending(): number {
    return this.timers.length;
  }

  /** Advances the clock to the earliest timer and fires it; false when none is pending. */
  runNext(): boolean {
    const next = this.timers.shift();
    if (!next) return false;
    this.t = Math.max(this.t, next.at);
    next.fn();
    return true;
  }
}

/** Lets pending promise callbacks and I/O callbacks run once. */
export function tick(): Promise<void> {
  return new Promise((r) => setImmediate(r));
}

/**
 * Awaits `promise` while firing fake timers whenever the process is otherwise idle for a turn. Fails after a
 * real-time deadline instead of hanging.
 */
export async function drive<T>(promise: Promise<T>, time: FakeTime, deadlineMs = 10_000): Promise<T> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  const deadline = Date.now() + deadlineMs;
  while (!settled) {
    if (Date.now() > deadline) throw new Error('drive: promise did not settle before the deadline');
    await tick();
    if (!settled && time.pending() > 0) time.runNext();
  }
  return promise;
}
