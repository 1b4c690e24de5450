import React from 'react';
import { Box } from 'ink';
import { bindingsFor, type Action, type KeyContext } from '../keymap.ts';
import type { Theme } from '../theme.ts';
import { displayWidth, fitToWidth } from '../../lib/text-width.ts';
import { Line, type Segment } from './Line.tsx';

/**
 * Which keys a hint line shows first when it cannot show them all, by how much a newcomer needs them: how to get
 * help and how to leave come first (always shown), then filtering, sorting, opening a row, moving, tabs; the rest
 * as room allows. Every key is in the help overlay (`?`) anyway.
 */
const HINT_RANK: readonly Action[] = [
  'help', 'quit', 'back', 'filter', 'sort', 'enter', 'down', 'up', 'tab', 'category', 'period', 'order', 'watch', 'refresh',
  'filterDone', 'filterClear', 'filterDelete', 'pause', 'sortReverse', 'nextTab', 'prevTab', 'top', 'bottom', 'pageDown', 'pageUp', 'slower', 'faster',
];
const rank = (a: Action): number => {
  const i = HINT_RANK.indexOf(a);
  return i === -1 ? HINT_RANK.length : i;
};

/** One hint: `keys description`, and its width on the line with the gap after it. */
interface Hint {
  keys: string;
  description: string;
  action: Action;
  order: number;
}
const hintWidth = (h: Hint): number => displayWidth(h.keys) + 1 + displayWidth(h.description) + 2;

/**
 * One line of the keys of the current contexts (from the keymap, so it cannot drift). When they do not all fit,
 * the most needed ones are kept ({@link HINT_RANK}): `?` (help) and `q` (quit, or back in a view) always, `/` and
 * `s` next. Shown in the keymap's order, help and quit at the end of the line.
 */
export function KeyHints({ contexts, width, theme }: { contexts: readonly KeyContext[]; width: number; theme: Theme }): React.JSX.Element {
  const bindings = bindingsFor(contexts).filter((b) => b.action !== 'forceQuit');
  const hints: Hint[] = [];
  const seen = new Set<string>();
  bindings.forEach((b, order) => {
    // The five tab digits are one hint, `1-5 tabs`.
    const h: Hint = b.action === 'tab' ? { keys: '1-5', description: 'tabs', action: 'tab', order } : { keys: b.keys, description: b.description, action: b.action, order };
    const id = `${h.action}|${h.keys}`;
    if (seen.has(id)) return;
    seen.add(id);
    hints.push(h);
  });
  const pinned = (h: Hint): boolean => h.keys === '?' || h.keys === 'q' || h.keys.startsWith('?/');
  const chosen = new Set(hints.filter(pinned));
  let used = [...chosen].reduce((w, h) => w + hintWidth(h), 0);
  for (const h of [...hints].sort((a, b) => rank(a.action) - rank(b.action) || a.order - b.order)) {
    if (chosen.has(h) || used + hintWidth(h) - 2 > width) continue;
    chosen.add(h);
    used += hintWidth(h);
  }
  const shown = hints.filter((h) => chosen.has(h)).sort((a, b) => Number(pinned(a)) - Number(pinned(b)) || a.order - b.order);
  const segments = shown.flatMap((h, i): Segment[] => [...(i > 0 ? [{ text: '  ' }] : []), { text: h.keys, tone: 'accent' }, { text: ` ${h.description}` }]);
  return <Line segments={segments} width={width} theme={theme} />;
}

/** Gap between help columns, in cells. */
const HELP_GAP = 3;
/** Narrowest description a help column keeps before the overlay uses fewer columns. */
const HELP_MIN_DESCRIPTION = 16;

/** The help entries of `contexts`: every binding, the five tab digits folded into one `1-5` entry. */
export function helpEntries(contexts: readonly KeyContext[]): { keys: string; description: string }[] {
  const all = bindingsFor(contexts);
  const firstTab = all.findIndex((b) => b.action === 'tab');
  const entries = all.filter((b) => b.action !== 'tab').map((b) => ({ keys: b.keys, description: b.description }));
  if (firstTab >= 0) entries.splice(firstTab, 0, { keys: '1-5', description: 'switch tab' });
  return entries;
}

/**
 * The help overlay: every key of the current context, in as many columns as fit with a readable description
 * (keys padded to the widest key, descriptions cut with `…` by display width, a gap between columns). When even
 * that cannot hold every entry, the last line says how many are left out.
 */
export function HelpOverlay({ contexts, width, height, theme }: { contexts: readonly KeyContext[]; width: number; height: number; theme: Theme }): React.JSX.Element {
  const entries = helpEntries(contexts);
  const keyWidth = Math.max(...entries.map((e) => displayWidth(e.keys)), 1);
  const available = Math.max(1, height - 1);
  const fitColumns = Math.max(1, Math.floor((width + HELP_GAP) / (keyWidth + 1 + HELP_MIN_DESCRIPTION + HELP_GAP)));
  const columns = Math.min(Math.ceil(entries.length / available), fitColumns);
  const colWidth = Math.floor((width - HELP_GAP * (columns - 1)) / columns);
  // Everything fits, or the last line says how many entries did not.
  const overflow = entries.length > columns * available;
  const lines = overflow ? Math.max(1, available - 1) : available;
  const shown = overflow ? entries.slice(0, columns * lines) : entries;
  const hidden = entries.length - shown.length;
  // Each column is as wide as its own entries need; when they do not all fit, the longest descriptions are cut
  // first (to one common cap), never below the even share of the width.
  const cols = Array.from({ length: columns }, (_, c) => shown.slice(c * lines, (c + 1) * lines));
  const keyWidths = cols.map((col) => Math.max(1, ...col.map((e) => displayWidth(e.keys))));
  const natural = cols.map((col) => Math.max(1, ...col.map((e) => displayWidth(e.description))));
  const total = (cap: number): number => cols.reduce((w, _, c) => w + keyWidths[c]! + 1 + Math.min(natural[c]!, cap), 0) + HELP_GAP * (columns - 1);
  let cap = Math.max(...natural);
  while (cap > colWidth - keyWidth - 1 && total(cap) > width) cap -= 1;
  const descWidths = natural.map((n) => Math.min(n, cap));
  const rows: Segment[][] = [];
  for (let r = 0; r < Math.min(lines, shown.length); r++) {
    const segs: Segment[] = [];
    for (let c = 0; c < columns; c++) {
      const e = shown[c * lines + r];
      if (!e) continue;
      if (c > 0) segs.push({ text: ' '.repeat(HELP_GAP) });
      segs.push({ text: fitToWidth(e.keys, keyWidths[c]!), tone: 'accent' }, { text: ` ${fitToWidth(e.description, descWidths[c]!)}` });
    }
    rows.push(segs);
  }
  if (hidden > 0) rows.push([{ text: `+${hidden} more keys: enlarge the terminal to see them`, tone: 'muted' }]);
  return (
    <Box flexDirection="column" height={height}>
      <Line segments={[{ text: 'Help — keys here (? or Esc closes)', tone: 'title' }]} width={width} theme={theme} />
      {rows.map((segs, i) => (
        <Line key={i} segments={segs} width={width} theme={theme} />
      ))}
    </Box>
  );
}

/** Below the minimum size: one honest line. */
export function TooSmall({ columns, rows, minColumns, minRows }: { columns: number; rows: number; minColumns: number; minRows: number }): React.JSX.Element {
  const theme = { color: false, style: () => ({}) };
  return <Line segments={[{ text: `terminal too small: need ${minColumns}×${minRows} (have ${columns}×${rows})` }]} width={Math.max(1, columns)} theme={theme} />;
}
