import { useInput, type Key } from 'ink';
import { useRef, type Dispatch } from 'react';
import { toggleWatchMarket } from '../../store/queries/watchlist.ts';
import { toggleFollowWallet } from '../../store/state/followed-wallets.ts';
import type { Store } from '../../store/types.ts';
import type { ActiveView } from '../active-view.tsx';
import type { PaneDataStore } from '../data/pane-store.ts';
import { resolveKey, type Action, type KeyContext } from '../keymap.ts';
import { splitKeys } from './key-chunks.ts';
import { parseMouse, tabAtColumn, type MouseEvent } from './mouse.ts';
import { windowStart } from '../components/columns.ts';
import { CATEGORIES, ORDERS, PERIODS, cycle, toTop, type TabIndex, type UiMsg, type UiState } from '../state.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { canOpenBrowser, marketUrl, openInBrowser, osc52, walletUrl } from '../terminal/links.ts';
import { CHART_RANGES, DEFAULT_CHART_RANGE } from '../../store/queries/price-history.ts';

/** What the key handler acts on. */
export interface KeyDeps {
  /** The latest state (including keys not rendered yet). */
  getState: () => UiState;
  dispatch: Dispatch<UiMsg>;
  /** The view a state shows, with the latest rendered data. */
  viewFor: (state: UiState) => ActiveView;
  data: PaneDataStore;
  store: Store;
  now: () => number;
  onQuit: () => void;
  /** Runs every failed sync job now; returns the jobs retried. */
  retryFailedJobs: () => string[];
  /** Writes control sequences to the terminal (OSC 52); Ink's useStdout().write. */
  writeTerminal?: (data: string) => void;
  /** Where the tab line and the pane's table are on screen (1-based lines), for the mouse. */
  screen?: () => { tabLine: number; tabs: readonly { text: string }[]; tableTop: number };
}

/** Key contexts in force: help and filter entry take over the keyboard. */
export function keyContexts(state: UiState, view: ActiveView): KeyContext[] {
  if (state.help) return ['help'];
  if (state.filterEditing) return ['filter'];
  return view.contexts;
}

/** Wires the keyboard to the keymap (see keymap.ts); every action is a reducer message or a data-store call. */
export function useKeys(deps: KeyDeps): void {
  const ref = useRef(deps);
  ref.current = deps;
  const lastClick = useRef<{ row: number; at: number } | null>(null);
  useInput((input, key) => {
    const mouse = parseMouse(input);
    if (mouse) {
      for (const ev of mouse) handleMouse(ref.current, ev, lastClick);
      return;
    }
    // One read may hold many keys (key repeat, a paste, `send-keys jjjjj`): each acts, in order, on the state the
    // previous one left (getState reads the reducer's ref, not the last render).
    for (const press of splitKeys(input, key)) handleKey(ref.current, press.input, press.key);
  });
}

/** Two presses on one row within this many ms open it. */
const DOUBLE_CLICK_MS = 400;
/** Rows the wheel moves. */
const WHEEL_ROWS = 3;

/** A click on a tab switches to it; on a table row selects it (twice: opens it); the wheel moves the selection. */
function handleMouse(d: KeyDeps, ev: MouseEvent, lastClick: { current: { row: number; at: number } | null }): void {
  const state = d.getState();
  const view = d.viewFor(state);
  const press: Press = { deps: d, state, view };
  if (state.help || state.filterEditing) return;
  if (ev.kind === 'wheelUp') return move(press, (s) => s - WHEEL_ROWS);
  if (ev.kind === 'wheelDown') return move(press, (s) => s + WHEEL_ROWS);
  if (ev.kind !== 'press' || ev.button !== 0) return;
  const screen = d.screen?.();
  if (!screen) return;
  if (ev.y === screen.tabLine && state.stack.length === 0) {
    const tab = tabAtColumn(screen.tabs, ev.x);
    if (tab !== null) d.dispatch({ type: 'tab', tab: tab as TabIndex });
    return;
  }
  // Rows of a tab's table only: a detail view's header and panel vary in height.
  if (state.stack.length > 0) return;
  const count = view.model.rows.length;
  const first = windowStart(view.model.selected, view.pageSize, count);
  const row = first + (ev.y - screen.tableTop - 1);
  if (ev.y <= screen.tableTop || row >= count || row >= first + view.pageSize) return;
  move(press, () => row);
  const now = d.now();
  const again = lastClick.current && lastClick.current.row === row && now - lastClick.current.at <= DOUBLE_CLICK_MS;
  lastClick.current = again ? null : { row, at: now };
  if (again) {
    const target = view.model.rows[row];
    const route = target === undefined ? null : view.enter(target);
    if (route) d.dispatch({ type: 'push', route });
  }
}

function handleKey(d: KeyDeps, input: string, key: Key): void {
  const state = d.getState();
  const view = d.viewFor(state);
  const binding = resolveKey(keyContexts(state, view), input, key);
  if (binding) {
    act({ deps: d, state, view }, binding.action, binding.arg);
    return;
  }
  // Filter entry: any printable text narrows the table live.
  if (state.filterEditing && input.length > 0 && !key.ctrl && !key.meta && !/[\u0000-\u001f\u007f]/.test(input)) {
    d.dispatch({ type: 'cursor', update: (c) => toTop({ ...c, filter: c.filter + input }) });
  }
}

/** One key press: the deps and the state/view it acts on. */
interface Press {
  deps: KeyDeps;
  state: UiState;
  view: ActiveView;
}

/** Moves from the selected row as drawn; the cursor then holds the new row's key (it stays on that row). */
function move({ deps, view }: Press, to: (selected: number, count: number) => number): void {
  const count = view.model.rows.length;
  const from = view.model.selected;
  const selected = Math.max(0, Math.min(Math.max(0, count - 1), to(from, count)));
  const selectedKey = view.model.keyAt(selected);
  deps.dispatch({ type: 'cursor', update: (c) => ({ ...c, selected, selectedKey }) });
}

function act(press: Press, action: Action, arg: number | undefined): void {
  const { deps, state, view } = press;
  const { dispatch, data } = deps;
  const page = view.pageSize;
  switch (action) {
    case 'forceQuit':
      return deps.onQuit();
    case 'quit':
      return state.stack.length === 0 ? deps.onQuit() : dispatch({ type: 'pop' });
    case 'back':
      return dispatch({ type: 'pop' });
    case 'help':
      return dispatch({ type: 'help', on: !state.help });
    case 'tab':
      return dispatch({ type: 'tab', tab: (arg ?? 0) as TabIndex });
    case 'nextTab':
      return dispatch({ type: 'tab', tab: ((state.tab + 1) % 5) as TabIndex });
    case 'prevTab':
      return dispatch({ type: 'tab', tab: ((state.tab + 4) % 5) as TabIndex });
    case 'up':
      return move(press, (s) => s - 1);
    case 'down':
      return move(press, (s) => s + 1);
    case 'pageUp':
      return move(press, (s) => s - page);
    case 'pageDown':
      return move(press, (s) => s + page);
    case 'top':
      return move(press, () => 0);
    case 'bottom':
      return move(press, (_s, n) => n - 1);
    case 'enter': {
      const row = view.model.selectedRow;
      const route = row === undefined ? null : view.enter(row);
      if (route) dispatch({ type: 'push', route });
      return;
    }
    case 'filter':
      return dispatch({ type: 'filterEditing', on: true });
    case 'filterClear':
      dispatch({ type: 'cursor', update: (c) => toTop({ ...c, filter: '' }) });
      return dispatch({ type: 'filterEditing', on: false });
    case 'filterDone':
      return dispatch({ type: 'filterEditing', on: false });
    case 'filterDelete':
      return dispatch({ type: 'cursor', update: (c) => toTop({ ...c, filter: c.filter.slice(0, -1) }) });
    case 'category':
      return dispatch({ type: 'board', board: { ...state.board, category: cycle(CATEGORIES, state.board.category as (typeof CATEGORIES)[number]) } });
    case 'period':
      return dispatch({ type: 'board', board: { ...state.board, period: cycle(PERIODS, state.board.period as (typeof PERIODS)[number]) } });
    case 'order':
      return dispatch({ type: 'board', board: { ...state.board, orderBy: cycle(ORDERS, state.board.orderBy as (typeof ORDERS)[number]) } });
    case 'sort': {
      // Cycles through the sortable columns, then back to the query's own order.
      const count = view.sortCount;
      const nextColumn = (c: number | null): number | null => (c === null ? (count > 0 ? 0 : null) : c + 1 < count ? c + 1 : null);
      return dispatch({ type: 'cursor', update: (c) => toTop({ ...c, sortColumn: nextColumn(c.sortColumn) }) });
    }
    case 'sortReverse':
      return dispatch({ type: 'cursor', update: (c) => ({ ...c, sortDesc: !c.sortDesc, sortColumn: c.sortColumn ?? 0 }) });
    case 'refresh': {
      // r: the screen's queries now, and every failed job now (a job backing off would otherwise wait cycles).
      data.refreshNow();
      const retried = deps.retryFailedJobs();
      if (retried.length > 0) dispatch({ type: 'flash', text: `retrying now: ${retried.join(', ')}`, at: deps.now() });
      return;
    }
    case 'pause':
      return data.setPaused(!data.getSnapshot().paused);
    case 'faster':
      return data.stepRefresh(-1);
    case 'slower':
      return data.stepRefresh(1);
    case 'watch':
      return void watch(press);
    case 'yank':
      return yank(press);
    case 'open':
      return void openLink(press);
    case 'timeFormat':
      return dispatch({ type: 'timeFormat' });
    case 'chartRange':
      return dispatch({ type: 'route', update: (r) => (r.kind === 'market' ? { ...r, range: cycle(CHART_RANGES, r.range ?? DEFAULT_CHART_RANGE) } : r) });
  }
}

/** The full address (wallet) or the polymarket.com URL (market) of what `y`/`o` act on; null when none. */
function linkOf(view: ActiveView): { text: string; url: string | null } | null {
  const row = view.model.selectedRow as { slug?: unknown; wallet?: unknown } | undefined;
  const target = view.watch(row);
  if (!target) return null;
  if (target.kind === 'wallet') return walletUrl(target.id) ? { text: target.id, url: walletUrl(target.id) } : null;
  const slug = view.slug ?? (typeof row?.slug === 'string' ? row.slug : '');
  const url = marketUrl(slug);
  return url ? { text: url, url } : null;
}

function yank({ deps, view }: Press): void {
  const link = linkOf(view);
  if (!link) return deps.dispatch({ type: 'flash', text: 'nothing to yank here', at: deps.now() });
  deps.writeTerminal?.(osc52(link.text));
  // Terminals without OSC 52 ignore it: the status line shows the whole text to copy by hand.
  deps.dispatch({ type: 'flash', text: `yanked: ${link.text}`, at: deps.now() });
}

async function openLink({ deps, view }: Press): Promise<void> {
  const link = linkOf(view);
  if (!link?.url) return deps.dispatch({ type: 'flash', text: 'nothing to open here', at: deps.now() });
  if (canOpenBrowser() && (await openInBrowser(link.url))) return deps.dispatch({ type: 'flash', text: `opened ${link.url}`, at: deps.now() });
  deps.dispatch({ type: 'flash', text: 'open: ', link: link.url, at: deps.now() });
}

async function watch({ deps, view }: Press): Promise<void> {
  const row = view.model.selectedRow;
  const target = view.watch(row);
  if (!target) return;
  try {
    // A wallet's pin is a follow (issue 14: one concept): synced every cycle, its markets watched, its trades alert.
    const text =
      target.kind === 'market'
        ? `${(await toggleWatchMarket(deps.store, target.id, deps.now())) ? 'added to watchlist' : 'removed from watchlist'}: ${target.label}`
        : `${(await toggleFollowWallet(deps.store, target.id, { label: target.label, now: deps.now() })) ? 'following' : 'unfollowed'}: ${target.label}`;
    deps.dispatch({ type: 'flash', text, at: deps.now() });
    deps.data.refreshNow();
  } catch (err) {
    deps.dispatch({ type: 'flash', text: `watchlist: ${errorMessage(err)}`, at: deps.now() });
  }
}
