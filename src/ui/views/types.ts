import type React from 'react';
import type { ColumnSpec } from '../components/columns.ts';
import type { FooterNeed, HeaderLine, PanelNeed } from './layout.ts';
import type { SliceDef } from '../data/slice.ts';
import type { DetailRoute } from '../state.ts';
import type { PaneContext, WatchTarget } from '../panes/types.ts';

/**
 * A drill-down view: one query, a few header lines, one selectable table (and optional extra lines below). The
 * lines are shared by layoutDetail: header lines declare their information value, the footer how many rows it can
 * take.
 */
export interface DetailSpec<D, T> {
  slice(ctx: PaneContext): SliceDef<D>;
  title(detail: D | undefined): string;
  header(detail: D, now: number): HeaderLine[];
  rows(detail: D): readonly T[];
  columns(now: number): ColumnSpec<T>[];
  search(row: T): string;
  /** The row's natural id; the selection stays on it (see TablePaneSpec.rowKey). */
  rowKey(row: T): string;
  enter?(row: T): DetailRoute | null;
  /** What `w` toggles in this view (the wallet or the market itself). */
  watch(detail: D | undefined): WatchTarget | null;
  /** Optional block under the table (recent activity): how many rows it wants, and how to draw `rows` of them. */
  footer?: {
    need(detail: D): FooterNeed | null;
    render(detail: D, now: number, width: number, rows: number): React.JSX.Element;
  };
  /**
   * Optional block between the header and the table (the market's chart, book and trades): how many lines it
   * wants and how few are still worth drawing; it gives way after the footer, before the header lines.
   */
  panel?: {
    need(detail: D, width: number): PanelNeed | null;
    render(detail: D, now: number, width: number, lines: number): React.JSX.Element;
  };
  /** Rows the table keeps before the panel gives way (default MIN_TABLE_ROWS). */
  minTableRows?: number;
  empty: string;
  /** What an empty table says for this detail (e.g. "fetching…"); default {@link empty}. */
  emptyFor?(detail: D | undefined): string;
}
