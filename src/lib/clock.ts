/** A source of wall-clock time in epoch **milliseconds**. Injected wherever tests need fake time. */
export interface Clock {
  now(): number;
}

/** The real clock. Reads `Date.now()` on every call, so it also follows vitest fake timers. */
export const systemClock: Clock = { now: () => Date.now() };

/** An opaque handle returned by {@link Timers.setTimeout}. */
export type TimerHandle = unknown;

/**
 * One-shot timers, injectable beside {@link Clock} so rate limiters and backoff sleeps can run on fake time
 * while real I/O (sockets) keeps using real timers.
 */
export interface Timers {
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** The global timers, looked up at call time (so vitest fake timers apply). */
export const systemTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Resolves after `ms` on `timers`, or rejects with the signal's reason as soon as `signal` aborts. */
export function sleepOn(timers: Timers, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      timers.clearTimeout(handle);
      reject(signal?.reason);
    };
    const handle = timers.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
