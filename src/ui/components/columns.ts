/**
 * Column specifications and fitting them to the terminal width before any table sees them. Columns give way by
 * the information they carry, never by their position:
 *   - each column declares its `priority`, its information value (1 = the row's identity and its key numbers,
 *     kept longest; higher numbers drop first on a narrow terminal);
 *   - a column whose text is the same on every visible row tells nothing row to row (a `[TRADE]` badge on every
 *     trade, a blank X handle) and drops before any column that varies, whatever its priority;
 *   - among equals, the rightmost drops first, so the table's left part stays put.
 * When a row is too wide: text columns shrink to a comfortable width, then columns drop by information until the
 * rest fits (only those of priority > 1), then text shrinks to its minimum, then whatever still does not fit drops
 * by the same order. Cells are truncated with `…` by display width, so nothing is clipped mid-cell.
 *
 * A new column (a grade, a score) declares its priority beside its peers: 1 if a row means nothing without it, 2 for
 * the main figures, 3+ for detail that helps on a wide screen.
 */
import type { Tone } from '../theme.ts';
import { displayWidth, type Align } from '../../lib/text-width.ts';

/** One column of a pane's table. */
export interface ColumnSpec<T> {
  key: string;
  header: string;
  /** Information value: 1 is kept longest; higher numbers drop first on a narrow terminal (module comment). */
  priority: number;
  minWidth: number;
  /** Upper bound of the natural width (long titles); default unbounded. */
  maxWidth?: number;
  /** Can shrink below its natural width down to minWidth (text columns). */
  shrink?: boolean;
  align?: Align;
  text(row: T): string;
  tone?(row: T): Tone | undefined;
  /** Sort key for `s`; columns without one are not sortable. */
  sortValue?(row: T): number | string;
}

/** A column with its fitted width. */
export interface FittedColumn<T> extends ColumnSpec<T> {
  width: number;
}

/** Width a text column keeps before any lower-value column is dropped. */
const COMFORTABLE_TEXT = 16;

/** Gap between columns, in cells. */
export const COLUMN_GAP = 1;

/** Fits `columns` into `width` cells for `rows` (see module comment). Keeps the columns' order. */
export function fitColumns<T>(columns: readonly ColumnSpec<T>[], rows: readonly T[], width: number): FittedColumn<T>[] {
  let fitted: FittedColumn<T>[] = columns.map((c) => {
    let natural = displayWidth(c.header);
    for (const r of rows) natural = Math.max(natural, displayWidth(c.text(r)));
    natural = Math.min(natural, c.maxWidth ?? Number.POSITIVE_INFINITY);
    return { ...c, width: Math.max(c.minWidth, natural) };
  });
  const total = (cols: FittedColumn<T>[]): number => cols.reduce((s, c) => s + c.width, 0) + COLUMN_GAP * Math.max(0, cols.length - 1);
  const shrinkTo = (floor: (c: FittedColumn<T>) => number): void => {
    let excess = total(fitted) - width;
    for (const c of fitted) {
      if (!c.shrink || excess <= 0) continue;
      const give = Math.max(0, Math.min(excess, c.width - floor(c)));
      c.width -= give;
      excess -= give;
    }
  };
  // What a column tells on this screen: nothing when every visible row shows the same text (Infinity drops it first).
  const constant = new Set(columns.filter((c) => rows.length > 1 && rows.every((r) => c.text(r) === c.text(rows[0]!))).map((c) => c.key));
  const value = (c: FittedColumn<T>): number => (constant.has(c.key) ? Number.POSITIVE_INFINITY : c.priority);
  const dropLeastInformative = (candidates: FittedColumn<T>[]): void => {
    // The last of the least informative: among equals, the rightmost goes.
    const worst = candidates.reduce((a, b) => (value(b) >= value(a) ? b : a));
    fitted = fitted.filter((c) => c !== worst);
  };
  // 1. Text columns give way down to a comfortable width; 2. low-value columns go; 3. text shrinks to its
  // minimum; 4. whatever still does not fit is dropped, least informative first.
  shrinkTo((c) => Math.max(c.minWidth, COMFORTABLE_TEXT));
  const expendable = (): FittedColumn<T>[] => fitted.filter((c) => value(c) > 1);
  while (total(fitted) > width && expendable().length > 0) dropLeastInformative(expendable());
  shrinkTo((c) => c.minWidth);
  while (fitted.length > 0 && total(fitted) > width) dropLeastInformative(fitted);
  // Spare width goes to the first shrinkable column (the title), so long text shows as much as fits.
  const spare = width - total(fitted);
  const grow = fitted.find((c) => c.shrink);
  if (grow && spare > 0) {
    let natural = displayWidth(grow.header);
    for (const r of rows) natural = Math.max(natural, displayWidth(grow.text(r)));
    grow.width += Math.max(0, Math.min(spare, natural - grow.width));
  }
  return fitted;
}

/** The first row index to show so `selected` stays inside a window of `height` rows. */
export function windowStart(selected: number, height: number, count: number): number {
  if (height <= 0 || count <= height) return 0;
  return Math.min(Math.max(0, selected - height + 1), count - height);
}
