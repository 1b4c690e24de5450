import React from 'react';
import { Box } from 'ink';
import { bindingsFor, type KeyContext } from '../keymap.ts';
import type { Theme } from '../theme.ts';
import { Line, type Segment } from './Line.tsx';

/** One line of the most useful keys of the current contexts (from the keymap, so it cannot drift). */
export function KeyHints({ contexts, width, theme }: { contexts: readonly KeyContext[]; width: number; theme: Theme }): React.JSX.Element {
  const shown = bindingsFor(contexts).filter((b) => b.action !== 'forceQuit' && b.action !== 'tab');
  const segments = shown.flatMap((b): Segment[] => [{ text: b.keys, tone: 'accent' }, { text: ` ${b.description}  ` }]);
  return <Line segments={[{ text: '1-5', tone: 'accent' }, { text: ' tabs  ' }, ...segments]} width={width} theme={theme} />;
}

/** The help overlay: every key of the current context, one per line (in columns when there is room). */
export function HelpOverlay({ contexts, width, height, theme }: { contexts: readonly KeyContext[]; width: number; height: number; theme: Theme }): React.JSX.Element {
  const all = bindingsFor(contexts);
  const lines = Math.max(1, height - 1);
  const columns = Math.ceil(all.length / lines);
  const colWidth = Math.floor(width / Math.max(1, columns));
  const rows: Segment[][] = [];
  for (let r = 0; r < Math.min(lines, all.length); r++) {
    const segs: Segment[] = [];
    for (let c = 0; c < columns; c++) {
      const b = all[c * lines + r];
      if (!b) continue;
      segs.push({ text: b.keys.padEnd(10), tone: 'accent' }, { text: ` ${b.description}`.padEnd(Math.max(0, colWidth - 10)).slice(0, Math.max(0, colWidth - 10)) });
    }
    rows.push(segs);
  }
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
