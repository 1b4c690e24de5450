/**
 * Line charts drawn by asciichart (box-drawing characters, readable without colour), sized to a pane: the series
 * are resampled to the columns left of the price axis and the chart takes exactly `height` lines. What asciichart
 * does not do is here and small: resampling, fixed-width cent labels, the time-axis marks.
 */
import asciichart from 'asciichart';
import { firstPriced, resample } from './resample.ts';

/** Width of a price label (`100¢`); the axis character follows it. */
export const LABEL_WIDTH = 4;
/** Columns taken left of the plot: the label and the axis. */
export const AXIS_COLUMNS = LABEL_WIDTH + 1;

/** One line of the chart. */
export interface ChartSeries {
  values: readonly (number | null)[];
  /** An asciichart colour (ANSI) or undefined for the terminal's own. */
  color?: string;
}

/** The drawn chart: its lines, and where the plot starts (columns with no price yet are left blank). */
export interface DrawnChart {
  lines: string[];
  /** Plot columns (right of the axis). */
  columns: number;
  /** First plot column with a price. */
  firstColumn: number;
}

/** How the price axis labels its lines: a fixed label width and the formatter. */
export interface AxisFormat {
  width: number;
  format(x: number): string;
}

/** Prices 0–1 as cents (`51¢`). */
export const CENTS_AXIS: AxisFormat = { width: LABEL_WIDTH, format: (x) => `${Math.round(x * 100)}¢`.padStart(LABEL_WIDTH) };

/** Dollar amounts, compact (`-$1.2K`), 7 cells. */
export const USD_AXIS: AxisFormat = {
  width: 7,
  format: (x) => {
    const a = Math.abs(x);
    const t = a >= 1e6 ? `${(a / 1e6).toFixed(1)}M` : a >= 1e3 ? `${(a / 1e3).toFixed(1)}K` : a.toFixed(0);
    return `${x < 0 ? '-' : ''}$${t}`.padStart(7).slice(-7);
  },
};

/**
 * Draws `series` (prices 0–1, bucketed oldest first) in `width`×`height` cells; null values before a series'
 * first price are left blank (the chart starts where the data starts), later ones carry the last price. Returns no
 * lines when no series has a price.
 */
export function drawLineChart(series: readonly ChartSeries[], width: number, height: number, axis: AxisFormat = CENTS_AXIS): DrawnChart {
  const columns = Math.max(2, width - axis.width - 1);
  const sampled = series.map((s) => resample(s.values, columns));
  const first = firstPriced(sampled);
  if (first < 0 || height < 2) return { lines: [], columns, firstColumn: 0 };
  // asciichart needs numbers: a series that starts later starts flat at its first price; a series with no price
  // at all (an outcome with no stored prices) is not drawn.
  const priced = series.map((_, i) => i).filter((i) => sampled[i]!.some((v) => v !== null));
  const plotted = priced.map((i) => sampled[i]!).map((s) => {
    const tail = s.slice(first);
    const head = tail.find((v) => v !== null) ?? 0;
    return tail.map((v) => v ?? head);
  });
  const all = plotted.flat();
  let min = Math.min(...all);
  let max = Math.max(...all);
  // A flat price still gets an axis a cent either side, so it draws as a line in the middle, not on the floor.
  if (axis === CENTS_AXIS && max - min < 0.01) {
    min = Math.max(0, min - 0.005);
    max = Math.min(1, max + 0.005);
  } else if (max - min < 1e-9) {
    min -= 1;
    max += 1;
  }
  const colors = priced.map((i) => series[i]!.color);
  const text = asciichart.plot(plotted, {
    min,
    max,
    height: height - 1,
    offset: 2,
    format: axis.format,
    ...(colors.some((c) => c !== undefined) ? { colors: colors.map((c) => c ?? asciichart.default) } : {}),
  });
  // offset 2 puts the label in slot 0 and the axis in slot 1; the plot follows. The blank columns before the first
  // price go between the axis and the plot.
  const pad = ' '.repeat(first);
  let lines = text.split('\n').map((l) => {
    const axisAt = l.indexOf('┤') >= 0 ? l.indexOf('┤') : l.indexOf('┼');
    if (axisAt < 0) return l;
    // asciichart marks the first value on the axis; when the data starts later, the axis stays plain.
    const axis = first > 0 ? '┤' : l[axisAt];
    return l.slice(0, axisAt) + axis + pad + l.slice(axisAt + 1);
  });
  // Rounding in asciichart can give one line more or fewer than asked for.
  if (lines.length > height) lines = lines.slice(0, height);
  while (lines.length < height) lines.push(' '.repeat(axis.width) + '│');
  return { lines, columns, firstColumn: first };
}

/** A mark under the chart at time `at`: a signal (▲ up, ▼ down) or a tracked wallet's trade (●). */
export interface AxisMark {
  at: number;
  symbol: string;
}

/**
 * The line under the chart: the axis with a symbol in the column of each mark between `from` and `to` (a signal
 * wins a column over a trade), and `◆` where both fall.
 */
export function markLine(marks: readonly AxisMark[], from: number, to: number, columns: number, labelWidth = LABEL_WIDTH): string {
  const cells = new Array<string>(columns).fill('─');
  const span = Math.max(1, to - from);
  for (const m of marks) {
    if (m.at < from || m.at > to) continue;
    const c = Math.min(columns - 1, Math.floor(((m.at - from) / span) * columns));
    const had = cells[c]!;
    cells[c] = had === '─' || had === m.symbol ? m.symbol : had === '●' || m.symbol === '●' ? '◆' : m.symbol;
  }
  return ' '.repeat(labelWidth) + '└' + cells.join('');
}

/** The time labels under the mark line: the range's start at the left, `now` (or the right edge's age) at the right. */
export function timeLine(left: string, right: string, columns: number, labelWidth = LABEL_WIDTH): string {
  const gap = Math.max(1, columns - left.length - right.length);
  return ' '.repeat(labelWidth + 1) + left + ' '.repeat(gap) + right;
}
