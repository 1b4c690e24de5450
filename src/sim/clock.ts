/** The simulator's own clock: real time (optionally sped up) or a manual clock that moves only on `advance`. */
export interface SimClock {
  /** World time, ms since the epoch. */
  now(): number;
  /** Moves a manual clock forward by `ms` (throws on a real-time clock). */
  advance(ms: number): void;
  readonly manual: boolean;
}

/**
 * Creates a clock starting at `startTime` (ms epoch). A real clock runs `speed` times faster than wall time;
 * a manual clock stands still until `advance`.
 */
export function createSimClock(opts: { startTime: number; speed: number; manual: boolean }): SimClock {
  if (opts.manual) {
    let t = opts.startTime;
    return {
      manual: true,
      now: () => t,
      advance: (ms) => {
        if (!(ms >= 0)) throw new RangeError(`advance(ms) needs ms >= 0, got ${ms}`);
        t += ms;
      },
    };
  }
  const wallStart = performance.now();
  return {
    manual: false,
    now: () => Math.floor(opts.startTime + (performance.now() - wallStart) * opts.speed),
    advance: () => {
      throw new Error('advance() needs a simulator started with manualClock: true');
    },
  };
}
