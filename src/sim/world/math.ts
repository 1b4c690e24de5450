/** Small numeric helpers of the world engine. */

/** arr[i] += v for typed arrays (indexes are always in range here). */
export function addAt(arr: Float64Array, i: number, v: number): void {
  arr[i] = (arr[i] ?? 0) + v;
}

/** Rounds to `d` decimals. */
export const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;

/** Running sums of weights (for weighted picks). */
export function cumulative(weights: number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let s = 0;
  weights.forEach((w, i) => (out[i] = s += w));
  return out;
}

/** Index picked with probability proportional to its weight; `roll` uniform in [0, 1). */
export function weightedIndex(cum: Float64Array, roll: number): number {
  const target = roll * (cum[cum.length - 1] ?? 0);
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cum[mid] ?? 0) > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

