/**
 * Seeded pseudo-random numbers for the simulator. The world never touches Math.random: every draw comes from
 * one of these streams, so the same seed yields the same world byte for byte.
 */

/** A stream of uniform floats in [0, 1) plus the helpers the world needs. */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** A uniformly chosen element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** Pareto(xm, alpha) draw: heavy tail, minimum `xm`. */
  pareto(xm: number, alpha: number): number;
  /** Exponential draw with the given mean. */
  exp(mean: number): number;
  /** Standard normal draw (Box–Muller). */
  normal(): number;
  /** `n` lower-case hex digits. */
  hex(n: number): string;
  /** `n` decimal digits, the first one non-zero (token ids). */
  digits(n: number): string;
  /** An independent stream derived from this one (for sub-systems that must not perturb the main sequence). */
  fork(label: number): Rng;
}

/** mulberry32: a tiny 32-bit generator, good enough for simulation and fast (a few ns per draw). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes a seed and a label into a new 32-bit seed (splitmix-style finaliser). */
export function mixSeed(seed: number, label: number): number {
  let h = (seed ^ Math.imul(label + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** Creates a seeded stream. */
export function createRng(seed: number): Rng {
  const raw = mulberry32(seed);
  const rng: Rng = {
    next: raw,
    int: (min, max) => min + Math.floor(raw() * (max - min + 1)),
    chance: (p) => raw() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(raw() * items.length)] as T,
    pareto: (xm, alpha) => xm / Math.pow(1 - raw(), 1 / alpha),
    exp: (mean) => -Math.log(1 - raw()) * mean,
    normal: () => {
      const u = 1 - raw();
      const v = raw();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    hex: (n) => {
      let out = '';
      while (out.length < n) out += Math.floor(raw() * 4294967296).toString(16).padStart(8, '0');
      return out.slice(0, n);
    },
    digits: (n) => {
      let out = String(1 + Math.floor(raw() * 9));
      while (out.length < n) out += Math.floor(raw() * 1e9).toString().padStart(9, '0');
      return out.slice(0, n);
    },
    fork: (label) => createRng(mixSeed(seed, label)),
  };
  return rng;
}

/** A stateless hash of integers to [0, 1): for per-record decisions that must not depend on draw order. */
export function hashUnit(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) h = mixSeed(h, p | 0);
  return h / 4294967296;
}
