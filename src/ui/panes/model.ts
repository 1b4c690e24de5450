/**
 * From a slice's rows to what a table shows: the `/` filter (case-insensitive substring), the `s`/`S` sort and
 * the selection — the row whose key the cursor holds, wherever it now is, else the cursor's index clamped to the
 * rows. Pure, so the input handler and the view derive the same thing.
 */
import type { ColumnSpec } from '../components/columns.ts';
import type { TableCursor } from '../state.ts';

/** The rows of a table after filter and sort, and the selected one. */
export interface TableModel<T> {
  rows: readonly T[];
  selected: number;
  selectedRow: T | undefined;
  sortLabel: string | null;
  /** The key of the row at `index` (what a cursor holds to stay on it), null past the end. */
  keyAt(index: number): string | null;
}

/**
 * A pane's rows as its query returned them (up to `limit` + 1) → the rows to show (at most `limit`) and the
 * count for its tab: exact, or `limit+` when the query found more. One extra row costs nothing; a count() of its
 * own would be one more statement per tab on an engine that runs one statement at a time.
 */
export function paneRows<T>(rows: readonly T[] | undefined, limit: number): { rows: readonly T[]; count: string | null } {
  if (rows === undefined) return { rows: [], count: null };
  return rows.length > limit ? { rows: rows.slice(0, limit), count: `${limit}+` } : { rows, count: String(rows.length) };
}

/** Columns `s` can cycle through. */
export const sortable = <T,>(columns: readonly ColumnSpec<T>[]): ColumnSpec<T>[] => columns.filter((c) => c.sortValue);

/** Applies `cursor` to `rows`. */
export function tableModel<T>(
  rows: readonly T[],
  columns: readonly ColumnSpec<T>[],
  cursor: TableCursor,
  search: (row: T) => string,
  rowKey: (row: T) => string,
): TableModel<T> {
  const needle = cursor.filter.trim().toLowerCase();
  let out = needle === '' ? rows : rows.filter((r) => search(r).toLowerCase().includes(needle));
  const sortCols = sortable(columns);
  const col = cursor.sortColumn === null ? undefined : sortCols[cursor.sortColumn % Math.max(1, sortCols.length)];
  if (col?.sortValue) {
    const key = col.sortValue;
    const dir = cursor.sortDesc ? -1 : 1;
    out = [...out].sort((a, b) => {
      const x = key(a);
      const y = key(b);
      return (x < y ? -1 : x > y ? 1 : 0) * dir;
    });
  }
  const byKey = cursor.selectedKey === null ? -1 : out.findIndex((r) => rowKey(r) === cursor.selectedKey);
  const selected = byKey >= 0 ? byKey : Math.min(Math.max(0, cursor.selected), Math.max(0, out.length - 1));
  return {
    rows: out,
    selected,
    selectedRow: out[selected],
    sortLabel: col ? `${col.header.trim()} ${cursor.sortDesc ? '↓' : '↑'}` : null,
    keyAt: (index) => (out[index] === undefined ? null : rowKey(out[index])),
  };
}
