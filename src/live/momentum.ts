/**
 * Momentum of one token's mid price: velocity over a window, acceleration (velocity now minus velocity over the
 * window before), and volume surge (traded volume in the window over the average of earlier windows). Pure: the
 * feed keeps the samples (see {@link MidRing} / {@link VolumeRing}) and calls {@link computeMomentum} on every
 * snapshot and on every trade or mid change, so a burst is not held back to the next 10 s boundary.
 *
 * Units: prices are in [0, 1] (dollars per share); velocity in **cents per minute**, acceleration in cents per
 * minute per minute, volume in shares.
 */

/** Thresholds and windows. See {@link DEFAULT_MOMENTUM_CONFIG} for the reasoning behind the numbers. */
export interface MomentumConfig {
  /** Velocity window, ms. */
  windowMs: number;
  /**
   * The reference price at `now − windowMs` must come from a sample at most this much older than that instant;
   * otherwise (a gap, a fresh subscription) the momentum is unknown rather than guessed.
   */
  maxReferenceAgeMs: number;
  /** |velocity| at or above this fires (cents/min). */
  minVelocityCentsPerMin: number;
  /** |velocity| at or above this is a strong move (cents/min). */
  strongVelocityCentsPerMin: number;
  /** Volume in the window over the earlier average at or above this is a surge. */
  minVolumeSurge: number;
  /** How far back the volume average reaches (ms, whole windows before the current one). */
  volumeBaselineMs: number;
}

/**
 * Defaults, chosen for prices in [0, 1] (the CASCADIAN plan's "1 % per second" = 60 ¢/min never fires on a real
 * market):
 * - Real markets: the captured /prices-history of "Xi Jinping out before 2027?" moved 0.0445 → 0.0455 in 595 s,
 *   0.01 ¢/min. A liquid market's mid walks by one 1 ¢ tick now and then (one tick inside a minute = 1 ¢/min);
 *   news moves are 5–30 ¢ within a minute or two.
 * - The simulator (default world, 300 markets, 3 trades/s, one hour of world time, |velocity| every 5 s for every
 *   token: 348,476 evaluations; script in the live helper's report): the random walk's p50 is 0, p99 2 ¢/min,
 *   p99.9 3, p99.99 5, max 7; 292 evaluations (0.08 %) reach 4 ¢/min and none reaches 8.
 *   An elite burst (`triggerEliteBurst`, 5–7 BUYs 5–8 s apart, 1–2 ticks each) measured 5, 4, 6, 6, 8, 10, 10, 12,
 *   13 ¢/min at 5 s steps from its first trade.
 * So: fire at ≥ 4 ¢/min (four ticks in a minute, above the walk's p99.9), strong at ≥ 8 ¢/min (above anything the
 * walk produced; a burst gets there within ~20 s), surge at 2× the average volume of the previous 10 minutes.
 */
export const DEFAULT_MOMENTUM_CONFIG: MomentumConfig = {
  windowMs: 60_000,
  maxReferenceAgeMs: 15_000,
  minVelocityCentsPerMin: 4,
  strongVelocityCentsPerMin: 8,
  minVolumeSurge: 2,
  volumeBaselineMs: 600_000,
};

/** A computed momentum at `at`. */
export interface Momentum {
  at: number;
  price: number;
  /** Price at `at − windowMs`. */
  referencePrice: number;
  velocityCentsPerMin: number;
  /** null when the window before the current one is not covered. */
  accelerationCentsPerMin2: number | null;
  /** null when no earlier window of volume history exists. */
  volumeSurge: number | null;
  /** Traded volume (shares) in the current window. */
  windowVolume: number;
}

/** A read-only view of a time series of mid prices. */
export interface MidSeries {
  /** The latest sample at or before `t`, or null. */
  at(t: number): { t: number; price: number } | null;
  /** The latest sample, or null. */
  latest(): { t: number; price: number } | null;
}

/** A read-only view of traded volume. */
export interface VolumeSeries {
  /** Volume traded in [from, to), shares. */
  sum(from: number, to: number): number;
  /** Earliest time the series covers (volume is known to be 0 before trades started being counted). */
  since(): number | null;
}

/**
 * Momentum at `now`, or null when the velocity window is not covered (no sample near `now − windowMs`).
 * The current price is the latest sample at or before `now`.
 */
export function computeMomentum(mids: MidSeries, volume: VolumeSeries, now: number, cfg: MomentumConfig): Momentum | null {
  const current = mids.at(now);
  if (!current) return null;
  const w = cfg.windowMs;
  const ref = reference(mids, now - w, cfg.maxReferenceAgeMs);
  if (!ref) return null;
  const minutes = w / 60_000;
  const velocity = ((current.price - ref.price) * 100) / minutes;
  const prev = reference(mids, now - 2 * w, cfg.maxReferenceAgeMs);
  const acceleration = prev ? (velocity - ((ref.price - prev.price) * 100) / minutes) / minutes : null;

  const windowVolume = volume.sum(now - w, now + 1);
  const since = volume.since();
  let surge: number | null = null;
  if (since !== null) {
    const baselineStart = Math.max(now - w - cfg.volumeBaselineMs, since);
    const baselineWindows = (now - w - baselineStart) / w;
    if (baselineWindows >= 1) {
      const average = volume.sum(baselineStart, now - w) / baselineWindows;
      surge = average > 0 ? windowVolume / average : windowVolume > 0 ? Number.POSITIVE_INFINITY : 0;
    }
  }
  return {
    at: now,
    price: current.price,
    referencePrice: ref.price,
    velocityCentsPerMin: velocity,
    accelerationCentsPerMin2: acceleration,
    volumeSurge: surge,
    windowVolume,
  };
}

function reference(mids: MidSeries, t: number, maxAge: number): { t: number; price: number } | null {
  const s = mids.at(t);
  return s && t - s.t <= maxAge ? s : null;
}

/** How strong a momentum is; null when it is below the firing threshold. */
export interface MomentumClass {
  direction: 'UP' | 'DOWN';
  /** |velocity| ≥ strong threshold. */
  strong: boolean;
  /** Volume surge at or above the threshold. */
  surging: boolean;
  /** Acceleration has the direction's sign (the move is speeding up). */
  accelerating: boolean;
}

/** Classifies a momentum against the thresholds; null when |velocity| is below `minVelocityCentsPerMin`. */
export function classifyMomentum(m: Momentum, cfg: MomentumConfig): MomentumClass | null {
  const speed = Math.abs(m.velocityCentsPerMin);
  // A tiny epsilon keeps float noise (0.53 − 0.50 = 0.030000000000000027) from flipping exact thresholds.
  if (speed + 1e-9 < cfg.minVelocityCentsPerMin) return null;
  const direction = m.velocityCentsPerMin > 0 ? 'UP' : 'DOWN';
  const sign = direction === 'UP' ? 1 : -1;
  return {
    direction,
    strong: speed + 1e-9 >= cfg.strongVelocityCentsPerMin,
    surging: m.volumeSurge !== null && m.volumeSurge >= cfg.minVolumeSurge,
    accelerating: m.accelerationCentsPerMin2 !== null && m.accelerationCentsPerMin2 * sign > 0,
  };
}

/**
 * Mid samples of one token in a fixed-size ring, one per `bucketMs` (a later sample in the same bucket replaces
 * the earlier one), so a flood of price changes costs O(1) each and the history stays bounded.
 */
export class MidRing implements MidSeries {
  private readonly times: Float64Array;
  private readonly prices: Float64Array;
  private start = 0;
  private count = 0;

  constructor(
    capacity: number,
    private readonly bucketMs = 1_000,
  ) {
    this.times = new Float64Array(capacity);
    this.prices = new Float64Array(capacity);
  }

  /** Records `price` at `t` (t must not go backwards; an older sample is ignored). */
  push(t: number, price: number): void {
    const cap = this.times.length;
    if (this.count > 0) {
      const last = (this.start + this.count - 1) % cap;
      const lastT = this.times[last]!;
      if (t < lastT) return;
      if (Math.floor(t / this.bucketMs) === Math.floor(lastT / this.bucketMs)) {
        this.times[last] = t;
        this.prices[last] = price;
        return;
      }
    }
    if (this.count < cap) {
      const i = (this.start + this.count) % cap;
      this.times[i] = t;
      this.prices[i] = price;
      this.count++;
    } else {
      this.times[this.start] = t;
      this.prices[this.start] = price;
      this.start = (this.start + 1) % cap;
    }
  }

  latest(): { t: number; price: number } | null {
    if (this.count === 0) return null;
    const i = (this.start + this.count - 1) % this.times.length;
    return { t: this.times[i]!, price: this.prices[i]! };
  }

  at(t: number): { t: number; price: number } | null {
    // Binary search over logical positions for the last sample with time ≤ t.
    let lo = 0;
    let hi = this.count;
    const cap = this.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.times[(this.start + mid) % cap]! <= t) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return null;
    const i = (this.start + lo - 1) % cap;
    return { t: this.times[i]!, price: this.prices[i]! };
  }

  /** Number of samples held. */
  get size(): number {
    return this.count;
  }
}

/** Traded volume of one token in aligned buckets (default 10 s), covering a bounded horizon. */
export class VolumeRing implements VolumeSeries {
  private readonly buckets: Float64Array;
  private readonly keys: Float64Array;
  private firstAt: number | null = null;

  constructor(
    horizonMs: number,
    private readonly bucketMs = 10_000,
  ) {
    const n = Math.ceil(horizonMs / bucketMs) + 2;
    this.buckets = new Float64Array(n);
    this.keys = new Float64Array(n).fill(-1);
  }

  /** Marks the start of observation (volume before this instant is unknown, not zero). */
  observeFrom(t: number): void {
    this.firstAt ??= t;
  }

  /** Adds `size` traded at `t`. */
  add(t: number, size: number): void {
    this.observeFrom(t);
    const key = Math.floor(t / this.bucketMs);
    const i = key % this.buckets.length;
    if (this.keys[i] !== key) {
      this.keys[i] = key;
      this.buckets[i] = 0;
    }
    this.buckets[i]! += size;
  }

  since(): number | null {
    return this.firstAt;
  }

  sum(from: number, to: number): number {
    // Buckets are attributed whole to the window that holds their start; windows here are multiples of 10 s.
    const first = Math.ceil(from / this.bucketMs);
    const last = Math.ceil(to / this.bucketMs) - 1;
    let total = 0;
    for (let key = first; key <= last; key++) {
      const i = key % this.buckets.length;
      if (this.keys[i] === key) total += this.buckets[i]!;
    }
    return total;
  }
}
