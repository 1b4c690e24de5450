const TICKS = '▁▂▃▄▅▆▇█';

/**
 * Values as a sparkline of at most `cells` characters (the newest last; older points are dropped first). A flat
 * series draws the middle tick; no values draw nothing.
 */
export function sparkline(values: readonly number[], cells = 10): string {
  const tail = values.slice(-cells);
  if (tail.length === 0) return '';
  const min = Math.min(...tail);
  const max = Math.max(...tail);
  if (max - min < 1e-12) return (TICKS[3] ?? '▄').repeat(tail.length);
  return tail.map((v) => TICKS[Math.round(((v - min) / (max - min)) * (TICKS.length - 1))] ?? '').join('');
}
