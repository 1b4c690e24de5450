import React from 'react';
import { Box } from 'ink';
import { bindingsFor, type KeyContext } from '../keymap.ts';
import type { Theme } from '../theme.ts';
import { displayWidth, fitToWidth } from '../../lib/text-width.ts';
import { Line, type Segment } from './Line.tsx';

/** One line of the most useful keys of the current contexts (from the keymap, so it cannot drift). */
export function KeyHints({ contexts, width, theme }: { contexts: readonly KeyContext[]; width: number; theme: Theme }): React.JSX.Element {
  const shown = bindingsFor(contexts).filter((b) => b.action !== 'forceQuit' && b.action !== 'tab');
  const segments = shown.flatMap((b): Segment[] => [{ text: b.keys, tone: 'accent' }, { text: ` ${b.description}  ` }]);
  return <Line segments={[{ text: '1-5', tone: 'accent' }, { text: ' tabs  ' }, ...segments]} width={width} theme={theme} />;
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
  const rows: Segment[][] = [];
  for (let r = 0; r < Math.min(lines, shown.length); r++) {
    const segs: Segment[] = [];
    for (let c = 0; c < columns; c++) {
      const e = shown[c * lines + r];
      if (!e) continue;
      if (c > 0) segs.push({ text: ' '.repeat(HELP_GAP) });
      segs.push({ text: fitToWidth(e.keys, keyWidth), tone: 'accent' }, { text: ` ${fitToWidth(e.description, colWidth - keyWidth - 1)}` });
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
