/**
 * The screen: header, stats cards, tabs (or breadcrumb), the active pane or detail view, flash/filter line,
 * status bar and key hints. State is derived on render; data comes from the PaneDataStore and the status source
 * through useSyncExternalStore. The live frame stays at most rows − 1 tall.
 */
import React, { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Box, Text, useStdout } from 'ink';
import { setAbsoluteTimes } from '../lib/format.ts';
import { osc8 } from './terminal/links.ts';
import type { StatusSource } from '../lib/status.ts';
import type { Store } from '../store/types.ts';
import { activeView } from './active-view.tsx';
import { Banner, Header, StatsCards, tabSegments, Tabs } from './components/Chrome.tsx';
import { connectivity } from './connectivity.ts';
import { HelpOverlay, KeyHints, TooSmall } from './components/KeyHints.tsx';
import { Line, type Segment } from './components/Line.tsx';
import { StatusBar } from './components/StatusBar.tsx';
import { rowsOf, type SliceDef } from './data/slice.ts';
import type { PaneDataStore } from './data/pane-store.ts';
import type { Ticker } from './data/ticker.ts';
import { keyContexts, useKeys } from './hooks/useKeys.ts';
import { useTerminalSize } from './hooks/useTerminalSize.ts';
import { PANES } from './panes/index.ts';
import { paneRows } from './panes/model.ts';
import { activeCursor, initialState, reduce, TAB_SHORT, TABS, type UiMsg, type UiState } from './state.ts';
import { createTheme } from './theme.ts';
import { getWhalesOverview } from '../store/queries/overview.ts';

/** Smallest usable terminal. */
export const MIN_COLUMNS = 60;
export const MIN_ROWS = 16;
/** Lines outside the pane body: header, stats, tabs, subtitle, flash, 2 status, hints (and the banner when shown). */
const CHROME_LINES = 8;
/** How long a flash message stays (ms). */
const FLASH_MS = 3_000;

/** Props of {@link App}. */
export interface AppProps {
  store: Store;
  status: StatusSource;
  data: PaneDataStore;
  ticker: Ticker;
  color: boolean;
  now: () => number;
  onQuit: () => void;
  /** Runs every failed sync job now (the `r` key); returns the jobs retried. */
  retryFailedJobs: () => string[];
}

/** The whole UI. */
export function App({ store, status: statusSource, data, ticker, color, now: clock, onQuit, retryFailedJobs }: AppProps): React.JSX.Element {
  const { columns, rows } = useTerminalSize();
  // Keys can arrive faster than React renders; the reducer runs on a ref so each key sees the state the previous
  // key produced, not the last rendered one.
  const [state, setState] = useState<UiState>(initialState);
  const stateRef = useRef(state);
  const dispatch = useCallback((m: UiMsg) => {
    stateRef.current = reduce(stateRef.current, m);
    setState(stateRef.current);
  }, []);
  const snapshot = useSyncExternalStore(data.subscribe, data.getSnapshot);
  const now = useSyncExternalStore(ticker.subscribe, ticker.getSnapshot);
  const status = useSyncExternalStore(statusSource.subscribe, statusSource.get);
  const theme = useMemo(() => createTheme(color), [color]);
  const ctx = useMemo(() => ({ store, board: state.board, now: clock }), [store, state.board, clock]);
  // Offline / degraded: a banner line under the header (the pane gives up that line) and a word in empty tables.
  const trouble = useMemo(() => connectivity(status), [status]);
  const bodyHeight = Math.max(1, rows - 1 - CHROME_LINES - (trouble ? 1 : 0));
  const { write: writeTerminal } = useStdout();
  // Where things are on screen for the mouse (1-based lines): header, [banner], stats, tabs, subtitle, body.
  const screenRef = useRef({ tabLine: 3, tabs: [] as readonly { text: string }[], tableTop: 5 });
  // Before any view is built: every time on screen follows `T`.
  setAbsoluteTimes(state.absoluteTime);
  const viewFor = (s: UiState) =>
    activeView({ state: s, snapshot, now, ctx: { ...ctx, board: s.board }, theme, feedRunning: status.feed !== null, feedIdle: status.feed?.state === 'idle', connectivity: trouble, width: columns }, bodyHeight);
  const view = viewFor(state);
  const overview: SliceDef = useMemo(() => ({ key: 'overview', run: (signal) => getWhalesOverview(store, { now: clock() }, signal) }), [store, clock]);
  // The hidden tabs' first slices feed their tab counts: refreshed in the background, less often.
  const background = PANES.map((p) => p.slices(ctx)[0]!);
  const sliceKeys = [...view.slices, ...background].map((s) => s.key).join('|');
  useEffect(() => {
    // The stats cards trail the pane: its own queries run first.
    data.setVisible(view.slices, background, [overview]);
    // The slice definitions are rebuilt each render; only a change of keys means a change of queries.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sliceKeys, data, overview]);
  useKeys({ getState: () => stateRef.current, dispatch, viewFor, data, store, now: clock, onQuit, retryFailedJobs, writeTerminal, screen: () => screenRef.current });

  if (columns < MIN_COLUMNS || rows < MIN_ROWS) {
    return <TooSmall columns={columns} rows={rows} minColumns={MIN_COLUMNS} minRows={MIN_ROWS} />;
  }
  const width = columns;
  const contexts = keyContexts(state, view);
  // Each tab's count from its first slice (exact, or 200+); the active tab's follows its filter.
  const counts = PANES.map((p, i) => (i === state.tab && state.stack.length === 0 ? view.count : paneRows(rowsOf(snapshot.slices[p.slices(ctx)[0]!.key]) as unknown[] | undefined, p.rowLimit).count));
  const cursor = activeCursor(state);
  const tabLine = trouble ? 4 : 3;
  screenRef.current = { tabLine, tabs: tabSegments({ titles: TABS, short: TAB_SHORT, counts, active: state.tab, width }), tableTop: tabLine + 2 };
  const message: Segment[] = state.filterEditing
    ? [{ text: '/', tone: 'accent' }, { text: cursor.filter }, { text: '▏', tone: 'accent' }, { text: '  Enter keep · Esc clear', tone: 'muted' }]
    : state.flash && now - state.flash.at < FLASH_MS
      ? [{ text: state.flash.text, tone: 'warn' }]
      : [{ text: ' ' }];
  const crumb: Segment[] = [
    { text: TABS[state.tab], tone: 'muted' },
    ...state.stack.map((r, i): Segment => ({ text: ` › ${i === state.stack.length - 1 ? (view.title ?? '') : r.kind === 'wallet' ? r.name || r.wallet : r.title || r.conditionId}` })),
    { text: '   Esc back', tone: 'muted' },
  ];
  return (
    <Box flexDirection="column" width={width} height={rows - 1} overflowY="hidden">
      <Header status={status} now={now} width={width} theme={theme} />
      {trouble ? <Banner state={trouble} now={now} width={width} theme={theme} /> : null}
      <StatsCards overview={snapshot.slices.overview} width={width} theme={theme} />
      {state.stack.length === 0 ? <Tabs titles={TABS} short={TAB_SHORT} counts={counts} active={state.tab} width={width} theme={theme} /> : <Line segments={crumb} width={width} theme={theme} />}
      <Line segments={[{ text: view.subtitle || ' ', tone: 'muted' }, ...(snapshot.paused ? [{ text: '  ⏸ paused', tone: 'warn' as const }] : [])]} width={width} theme={theme} />
      {state.help ? <HelpOverlay contexts={view.contexts} width={width} height={bodyHeight} theme={theme} /> : view.body(width, bodyHeight)}
      {state.flash?.link && now - state.flash.at < FLASH_MS * 3 && !state.filterEditing ? (
        // Over SSH `o` cannot open a browser: the URL (one of ours, see terminal/links.ts) as a clickable OSC 8 link.
        <Text wrap="truncate-end">
          {state.flash.text}
          {osc8(state.flash.link)}
        </Text>
      ) : (
        <Line segments={message} width={width} theme={theme} />
      )}
      <StatusBar status={status} data={snapshot} now={now} width={width} theme={theme} />
      <KeyHints contexts={contexts} width={width} theme={theme} />
    </Box>
  );
}
