/**
 * Series of bucketed prices resampled to a chart's columns: each column takes the last price of the buckets it
 * covers, so the right edge is the newest price and a jump shows in the column where it happened.
 */
export function resample(values: readonly (number | null)[], columns: number): (number | null)[] {
  if (columns <= 0 || values.length === 0) return [];
  const out: (number | null)[] = [];
  let last: number | null = null;
  for (let c = 0; c < columns; c++) {
    const start = Math.floor((c * values.length) / columns);
    const end = Math.max(start + 1, Math.floor(((c + 1) * values.length) / columns));
    for (let i = start; i < end && i < values.length; i++) if (values[i] !== null) last = values[i]!;
    out.push(last);
  }
  return out;
}

/** Index of the first column where any series has a price (−1 when none has). */
export function firstPriced(series: readonly (readonly (number | null)[])[]): number {
  let first = -1;
  for (const s of series) {
    const i = s.findIndex((v) => v !== null);
    if (i >= 0 && (first < 0 || i < first)) first = i;
  }
  return first;
}
