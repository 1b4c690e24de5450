import type { Store } from '../../store/types.ts';
import type { ColumnSpec } from '../components/columns.ts';
import type { SliceDef } from '../data/slice.ts';
import type { BoardChoice, DetailRoute } from '../state.ts';

/** What a pane needs to say which queries it wants. */
export interface PaneContext {
  store: Store;
  board: BoardChoice;
  now: () => number;
}

/** A row the trader can pin with `w`. */
export type WatchTarget = { kind: 'market'; id: string; label: string } | { kind: 'wallet'; id: string; label: string };

/**
 * A table pane: its queries, columns and what Enter and `w` do on a row. The first slice holds the table's rows;
 * further slices (hit rate) feed extras.
 */
export interface TablePaneSpec<T> {
  title: string;
  slices(ctx: PaneContext): SliceDef[];
  columns(now: number): ColumnSpec<T>[];
  /** Text the `/` filter matches against (case-insensitive). */
  search(row: T): string;
  /**
   * The row's natural id (wallet, trade, market, signal): the selection stays on it while rows arrive or leave
   * around it. Unique among the table's rows.
   */
  rowKey(row: T): string;
  enter?(row: T): DetailRoute | null;
  watch?(row: T): WatchTarget | null;
  /** What an empty ready table says (never "failed"). */
  empty: string;
  /**
   * Rows the table shows at most. Its query asks for one more, so the tab count can say `200+` when there are
   * more rather than pretend the 200 shown are all (see paneRows).
   */
  rowLimit: number;
}
