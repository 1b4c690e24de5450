/**
 * UI state (which tab, which row, filters, the drill-down stack) as a pure reducer. Data lives in the
 * PaneDataStore; this holds only what the trader chose.
 */

/** The five tabs. */
export const TABS = ['Leaderboard', 'Whale Activity', 'Smart Money', 'Concentration', 'Live Signals'] as const;
/** Short tab labels for narrow terminals (all five tabs fit 80 columns with their counts). */
export const TAB_SHORT = ['Board', 'Whales', 'Smart', 'Conc', 'Signals'] as const;
export type TabIndex = 0 | 1 | 2 | 3 | 4;

/**
 * Cursor, filter and sort of one table. The selection is held by the selected row's key (its natural id: wallet,
 * trade, market, signal): rows that arrive above it move it down the screen, not onto another row. `selected`, its
 * index when chosen, is where the selection falls back to when that row is gone (see tableModel).
 */
export interface TableCursor {
  selected: number;
  /** Key of the selected row (the table's `rowKey`); null = no row chosen yet, `selected` alone decides. */
  selectedKey: string | null;
  filter: string;
  /** Index into the table's sortable columns; null = the query's own order. */
  sortColumn: number | null;
  sortDesc: boolean;
}

/** Leaderboard board choice. */
export interface BoardChoice {
  category: string;
  period: string;
  orderBy: string;
}

import type { ChartRange } from '../store/queries/price-history.ts';

/** A drill-down view on the stack. */
export type DetailRoute =
  | { kind: 'wallet'; wallet: string; name: string; cursor: TableCursor }
  | { kind: 'market'; conditionId: string; title: string; cursor: TableCursor; range?: ChartRange };

/** The whole UI state. */
export interface UiState {
  tab: TabIndex;
  cursors: readonly TableCursor[];
  board: BoardChoice;
  stack: readonly DetailRoute[];
  filterEditing: boolean;
  help: boolean;
  flash: { text: string; at: number; link?: string } | null;
  /** Times as `3m ago` (false) or local clock time (true; `T` toggles, TZ honoured). */
  absoluteTime: boolean;
}

/** Leaderboard categories, periods and orders (Polymarket's /v1/leaderboard). */
export const CATEGORIES = ['OVERALL', 'POLITICS', 'SPORTS', 'CRYPTO', 'CULTURE', 'MENTIONS', 'WEATHER', 'ECONOMICS', 'TECH', 'FINANCE', 'ESPORTS'] as const;
export const PERIODS = ['DAY', 'WEEK', 'MONTH', 'ALL'] as const;
export const ORDERS = ['PNL', 'VOL'] as const;

export const EMPTY_CURSOR: TableCursor = { selected: 0, selectedKey: null, filter: '', sortColumn: null, sortDesc: true };

/** The cursor moved back to the first row (a new filter, sort or board: the first row is the one to see). */
export const toTop = (c: TableCursor): TableCursor => ({ ...c, selected: 0, selectedKey: null });

/** The state at start. */
export const initialState: UiState = {
  tab: 0,
  cursors: TABS.map(() => EMPTY_CURSOR),
  board: { category: 'OVERALL', period: 'ALL', orderBy: 'PNL' },
  stack: [],
  filterEditing: false,
  help: false,
  flash: null,
  absoluteTime: false,
};

/** Messages the reducer understands. */
export type UiMsg =
  | { type: 'tab'; tab: TabIndex }
  | { type: 'cursor'; update: (c: TableCursor) => TableCursor }
  | { type: 'push'; route: DetailRoute }
  | { type: 'pop' }
  | { type: 'board'; board: BoardChoice }
  | { type: 'filterEditing'; on: boolean }
  | { type: 'help'; on: boolean }
  | { type: 'flash'; text: string; at: number; link?: string }
  | { type: 'timeFormat' }
  | { type: 'route'; update: (r: DetailRoute) => DetailRoute };

const next = <T,>(list: readonly T[], current: T): T => list[(list.indexOf(current) + 1) % list.length] ?? current;

/** The next value of a cycle (category, period, order). */
export const cycle = next;

/** The cursor of the view on top. */
export function activeCursor(s: UiState): TableCursor {
  const top = s.stack[s.stack.length - 1];
  return top ? top.cursor : (s.cursors[s.tab] ?? EMPTY_CURSOR);
}

/** Applies a message. */
export function reduce(s: UiState, m: UiMsg): UiState {
  switch (m.type) {
    case 'tab':
      return { ...s, tab: m.tab, stack: [], filterEditing: false };
    case 'cursor': {
      const top = s.stack[s.stack.length - 1];
      if (top) return { ...s, stack: [...s.stack.slice(0, -1), { ...top, cursor: m.update(top.cursor) }] };
      return { ...s, cursors: s.cursors.map((c, i) => (i === s.tab ? m.update(c) : c)) };
    }
    case 'push':
      return { ...s, stack: [...s.stack, m.route], filterEditing: false };
    case 'pop':
      return { ...s, stack: s.stack.slice(0, -1), filterEditing: false };
    case 'board':
      return { ...s, board: m.board, cursors: s.cursors.map((c, i) => (i === 0 ? toTop(c) : c)) };
    case 'filterEditing':
      return { ...s, filterEditing: m.on };
    case 'help':
      return { ...s, help: m.on };
    case 'flash':
      return { ...s, flash: { text: m.text, at: m.at, ...(m.link ? { link: m.link } : {}) } };
    case 'timeFormat':
      return { ...s, absoluteTime: !s.absoluteTime };
    case 'route': {
      const top = s.stack[s.stack.length - 1];
      return top ? { ...s, stack: [...s.stack.slice(0, -1), m.update(top)] } : s;
    }
  }
}
