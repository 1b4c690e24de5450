import type React from 'react';
import type { ColumnSpec } from '../components/columns.ts';
import type { FooterNeed, HeaderLine } from './layout.ts';
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
  empty: string;
}
