/**
 * What the screen shows right now, derived (never stored) from the UI state and the data snapshot: the queries
 * to poll, the key contexts, the table model the keys act on, and the body to render.
 */
import React from 'react';
import { Box } from 'ink';
import { Line } from './components/Line.tsx';
import type { ColumnSpec } from './components/columns.ts';
import { rowsOf, type Slice, type SliceDef } from './data/slice.ts';
import type { PaneSnapshot } from './data/pane-store.ts';
import type { KeyContext } from './keymap.ts';
import { paneRows, sortable, tableModel, type TableModel } from './panes/model.ts';
import { PANES } from './panes/index.ts';
import { HIT_RATE_KEY } from './panes/LiveSignals/index.ts';
import { hitRateSegments } from './panes/LiveSignals/View.tsx';
import { TableView } from './panes/TableView.tsx';
import type { PaneContext, WatchTarget } from './panes/types.ts';
import { activeCursor, type DetailRoute, type UiState } from './state.ts';
import { emptyBecause, type Connectivity } from './connectivity.ts';
import type { Theme } from './theme.ts';
import type { HitRateRow } from '../store/queries/signals.ts';
import { walletView } from './views/Wallet/index.tsx';
import { layoutDetail } from './views/layout.ts';
import { marketView } from './views/Market/index.tsx';
import type { DetailSpec } from './views/types.ts';

/** The derived view. */
export interface ActiveView {
  slices: SliceDef[];
  contexts: KeyContext[];
  model: TableModel<unknown>;
  /** Pane line under the tabs (board, sort, filter). */
  subtitle: string;
  /** Breadcrumb title of a detail view; null on the tabs. */
  title: string | null;
  /**
   * The active tab's count as its label shows it: the rows (`200+` when the query found more), and while a filter
   * is set, the matching rows of them (`12 of 200+`). null in a detail view or before the first result.
   */
  count: string | null;
  /** Sortable columns of the table (`s` cycles through them). */
  sortCount: number;
  /** Data rows a page holds (PgUp/PgDn). */
  pageSize: number;
  /** The market slug of a market detail view (`y`/`o` build its URL); undefined elsewhere. */
  slug?: string;
  enter(row: unknown): DetailRoute | null;
  watch(row: unknown): WatchTarget | null;
  body(width: number, height: number): React.JSX.Element;
}

/** Inputs of {@link activeView}. */
export interface ViewInputs {
  state: UiState;
  snapshot: PaneSnapshot;
  now: number;
  ctx: PaneContext;
  theme: Theme;
  feedRunning: boolean;
  /** The live feed runs but has no tokens to watch yet (the watchlist fills after the first syncs). */
  feedIdle?: boolean;
  /** Offline or degraded: empty tables say so (null while data flows). */
  connectivity?: Connectivity | null;
  /** Terminal columns (a detail's panel lays out by them); default 160. */
  width?: number;
}

const bodyWidth = (inp: ViewInputs): number => inp.width ?? 160;

const cursorText = (m: TableModel<unknown>, filter: string): string =>
  [m.sortLabel ? `sort ${m.sortLabel}` : '', filter ? `filter “${filter}”` : ''].filter(Boolean).join(' · ');

/** Builds the active view (tabs pane or the detail on top of the stack). `bodyHeight` is the pane's line budget. */
export function activeView(inp: ViewInputs, bodyHeight: number): ActiveView {
  const top = inp.state.stack[inp.state.stack.length - 1];
  return top ? detailView(inp, top, bodyHeight) : paneView(inp, bodyHeight);
}

function paneView(inp: ViewInputs, bodyHeight: number): ActiveView {
  const { state, snapshot, now, ctx, theme } = inp;
  const pane = PANES[state.tab] ?? PANES[0]!;
  const slices = pane.slices(ctx);
  const main = snapshot.slices[slices[0]!.key];
  const columns = pane.columns(now);
  const cursor = activeCursor(state);
  const { rows: shownRows, count } = paneRows(rowsOf(main) as unknown[] | undefined, pane.rowLimit);
  const model = tableModel(shownRows, columns, cursor, pane.search, pane.rowKey);
  const signals = state.tab === 4;
  const footerLines = signals ? 1 : 0;
  const board = state.tab === 0 ? `${state.board.category} · ${state.board.period} · ${state.board.orderBy}` : '';
  const notRunning = signals && !inp.feedRunning;
  const subtitle = [board, notRunning ? 'live feed is not running: no new signals' : '', cursorText(model, cursor.filter)].filter(Boolean).join(' · ');
  const contexts: KeyContext[] = state.tab === 0 ? ['leaderboard', 'watchable', 'table', 'tabs', 'global'] : ['watchable', 'table', 'tabs', 'global'];
  const empty = notRunning
    ? 'the live feed is not running, so no signals are generated (start without --no-live)'
    : signals && inp.feedIdle
      ? 'no signals yet: the watchlist fills after the first market and position syncs'
      : pane.empty + emptyBecause(inp.connectivity ?? null);
  return {
    slices,
    contexts,
    model,
    subtitle,
    title: null,
    count: count === null ? null : cursor.filter ? `${model.rows.length} of ${count}` : count,
    sortCount: sortable(columns).length,
    pageSize: Math.max(1, bodyHeight - 2 - footerLines),
    enter: (row) => pane.enter?.(row) ?? null,
    watch: (row) => pane.watch?.(row) ?? null,
    body: (width, height) => (
      <Box flexDirection="column" height={height}>
        <TableView slice={main} model={model} columns={columns as ColumnSpec<unknown>[]} width={width} height={height - footerLines} theme={theme} empty={cursor.filter ? `no rows match “${cursor.filter}”` : empty} />
        {signals ? <Line segments={hitRateSegments(rowsOf(snapshot.slices[HIT_RATE_KEY]) as HitRateRow[] | undefined)} width={width} theme={theme} /> : null}
      </Box>
    ),
  };
}

function detailView(inp: ViewInputs, route: DetailRoute, bodyHeight: number): ActiveView {
  const spec = (route.kind === 'wallet' ? walletView(route.wallet, route.name, inp.theme) : marketView(route.conditionId, route.title, inp.theme, route.range)) as DetailSpec<unknown, unknown>;
  const def = spec.slice(inp.ctx);
  const slice = inp.snapshot.slices[def.key] as Slice<unknown> | undefined;
  const detail = rowsOf(slice);
  const columns = spec.columns(inp.now);
  const model = tableModel(detail === undefined ? [] : spec.rows(detail), columns, route.cursor, spec.search, spec.rowKey);
  const panelNeed = detail !== undefined && spec.panel ? spec.panel.need(detail, bodyWidth(inp)) : null;
  const layout = layoutDetail(bodyHeight, detail === undefined ? [] : spec.header(detail, inp.now), model.rows.length, detail !== undefined && spec.footer ? spec.footer.need(detail) : null, panelNeed, spec.minTableRows);
  return {
    slices: [def],
    contexts: route.kind === 'market' ? ['detail', 'market', 'watchable', 'table', 'global'] : ['detail', 'watchable', 'table', 'global'],
    model,
    subtitle: cursorText(model, route.cursor.filter),
    count: null,
    title: spec.title(detail),
    sortCount: sortable(columns).length,
    pageSize: Math.max(1, layout.tableHeight - 2),
    enter: (row) => spec.enter?.(row) ?? null,
    watch: () => spec.watch(detail),
    ...(route.kind === 'market' && detail !== undefined ? { slug: String((detail as { detail?: { slug?: string } }).detail?.slug ?? '') } : {}),
    body: (width, height) => (
      <Box flexDirection="column" height={height}>
        {layout.header.map((segments, i) => (
          <Line key={i} segments={segments} width={width} theme={inp.theme} />
        ))}
        {detail !== undefined && spec.panel && layout.panelLines > 0 ? spec.panel.render(detail, inp.now, width, layout.panelLines) : null}
        <TableView slice={slice} model={model} columns={columns} width={width} height={layout.tableHeight} theme={inp.theme} empty={(spec.emptyFor?.(detail) ?? spec.empty) + emptyBecause(inp.connectivity ?? null)} />
        {detail !== undefined && spec.footer && layout.footerRows > 0 ? spec.footer.render(detail, inp.now, width, layout.footerRows) : null}
      </Box>
    ),
  };
}
