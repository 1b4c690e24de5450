/**
 * Every key of the UI, one table per context. The input handler resolves keys through these tables and the help
 * overlay lists them, so help never lies. Conventions follow k9s/htop/lazygit.
 */
import type { Key } from 'ink';

/** What a key does. */
export type Action =
  | 'forceQuit'
  | 'quit'
  | 'back'
  | 'tab'
  | 'nextTab'
  | 'prevTab'
  | 'up'
  | 'down'
  | 'pageUp'
  | 'pageDown'
  | 'top'
  | 'bottom'
  | 'enter'
  | 'filter'
  | 'category'
  | 'period'
  | 'order'
  | 'sort'
  | 'sortReverse'
  | 'refresh'
  | 'pause'
  | 'faster'
  | 'slower'
  | 'help'
  | 'watch'
  | 'filterClear'
  | 'filterDone'
  | 'filterDelete'
  | 'chartRange'
  | 'yank'
  | 'open'
  | 'timeFormat';

/** One key binding: how it is shown, what it does, how it is recognised. */
export interface Binding {
  keys: string;
  description: string;
  action: Action;
  /** Tab index for `tab`. */
  arg?: number;
  match(input: string, key: Key): boolean;
}

/** Where the keyboard is. Resolution goes from the most specific context to `global`. */
export type KeyContext = 'global' | 'table' | 'tabs' | 'leaderboard' | 'watchable' | 'detail' | 'market' | 'filter' | 'help';

const ch = (c: string) => (input: string, key: Key) => input === c && !key.ctrl && !key.meta;

const tabKeys: Binding[] = [1, 2, 3, 4, 5].map((n) => ({
  keys: String(n),
  description: `tab ${n}`,
  action: 'tab' as const,
  arg: n - 1,
  match: ch(String(n)),
}));

/** The key tables. */
export const KEYMAP: Record<KeyContext, readonly Binding[]> = {
  global: [
    { keys: 'Ctrl-C', description: 'quit', action: 'forceQuit', match: (i, k) => k.ctrl && i === 'c' },
    { keys: '?', description: 'help', action: 'help', match: ch('?') },
    { keys: 'r', description: 'refresh, retry failed jobs', action: 'refresh', match: ch('r') },
    { keys: 'space', description: 'pause/resume refresh', action: 'pause', match: ch(' ') },
    { keys: 'T', description: 'relative / local time', action: 'timeFormat', match: ch('T') },
    { keys: '+', description: 'refresh slower', action: 'slower', match: (i) => i === '+' || i === '=' },
    { keys: '-', description: 'refresh faster', action: 'faster', match: ch('-') },
  ],
  table: [
    { keys: '↑/k', description: 'up', action: 'up', match: (i, k) => k.upArrow || i === 'k' },
    { keys: '↓/j', description: 'down', action: 'down', match: (i, k) => k.downArrow || i === 'j' },
    { keys: 'PgUp', description: 'page up', action: 'pageUp', match: (_i, k) => k.pageUp },
    { keys: 'PgDn', description: 'page down', action: 'pageDown', match: (_i, k) => k.pageDown },
    { keys: 'g', description: 'top', action: 'top', match: (i, k) => i === 'g' || k.home },
    { keys: 'G', description: 'bottom', action: 'bottom', match: (i, k) => i === 'G' || k.end },
    { keys: 'Enter', description: 'open', action: 'enter', match: (_i, k) => k.return },
    { keys: '/', description: 'filter', action: 'filter', match: ch('/') },
    { keys: 's', description: 'sort column', action: 'sort', match: ch('s') },
    { keys: 'S', description: 'reverse sort', action: 'sortReverse', match: ch('S') },
  ],
  watchable: [
    { keys: 'w', description: 'follow / watch', action: 'watch', match: ch('w') },
    { keys: 'y', description: 'yank address / URL', action: 'yank', match: ch('y') },
    // `o` cycles the order on the Leaderboard tab (its context comes first); `O` opens everywhere.
    { keys: 'o/O', description: 'open on polymarket.com', action: 'open', match: (i, k) => (i === 'o' || i === 'O') && !k.ctrl && !k.meta },
  ],
  tabs: [
    ...tabKeys,
    { keys: 'Tab/→', description: 'next tab', action: 'nextTab', match: (_i, k) => (k.tab && !k.shift) || k.rightArrow },
    { keys: 'S-Tab/←', description: 'previous tab', action: 'prevTab', match: (_i, k) => (k.tab && k.shift) || k.leftArrow },
    { keys: 'Esc', description: 'clear filter', action: 'filterClear', match: (_i, k) => k.escape },
    { keys: 'q', description: 'quit', action: 'quit', match: ch('q') },
  ],
  leaderboard: [
    { keys: 'c', description: 'cycle category', action: 'category', match: ch('c') },
    { keys: 'p', description: 'cycle period', action: 'period', match: ch('p') },
    { keys: 'o', description: 'cycle order (PnL/Vol)', action: 'order', match: ch('o') },
  ],
  detail: [
    { keys: 'Esc/Bksp', description: 'back', action: 'back', match: (_i, k) => k.escape || k.backspace || k.delete },
    { keys: 'q', description: 'back', action: 'back', match: ch('q') },
  ],
  market: [{ keys: 't', description: 'chart range (1h/1d/1w/all)', action: 'chartRange', match: ch('t') }],
  filter: [
    { keys: 'Ctrl-C', description: 'quit', action: 'forceQuit', match: (i, k) => k.ctrl && i === 'c' },
    { keys: 'Esc', description: 'clear filter', action: 'filterClear', match: (_i, k) => k.escape },
    { keys: 'Enter', description: 'keep filter', action: 'filterDone', match: (_i, k) => k.return },
    { keys: 'Bksp', description: 'delete a character', action: 'filterDelete', match: (_i, k) => k.backspace || k.delete },
    { keys: '↑/↓', description: 'move', action: 'up', match: (_i, k) => k.upArrow },
    { keys: '', description: '', action: 'down', match: (_i, k) => k.downArrow },
  ],
  help: [
    { keys: 'Ctrl-C', description: 'quit', action: 'forceQuit', match: (i, k) => k.ctrl && i === 'c' },
    { keys: '?/Esc/q', description: 'close help', action: 'help', match: (i, k) => i === '?' || i === 'q' || k.escape },
  ],
};

/** Resolves a key press in `contexts` (most specific first). */
export function resolveKey(contexts: readonly KeyContext[], input: string, key: Key): Binding | undefined {
  for (const c of contexts) {
    const hit = KEYMAP[c].find((b) => b.match(input, key));
    if (hit) return hit;
  }
  return undefined;
}

/** Bindings shown for `contexts` (help overlay, key hints), without hidden entries. */
export function bindingsFor(contexts: readonly KeyContext[]): Binding[] {
  return contexts.flatMap((c) => KEYMAP[c].filter((b) => b.keys !== ''));
}
