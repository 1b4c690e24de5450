/**
 * Tables of the panes: one terminal line per row (no borders, no separators), cells fitted to their display width
 * before they get here, colour per cell, the selected row drawn in inverse with a `›` gutter, only the visible
 * window of rows rendered, each row one memoised `<Text>`. Our own component: it began as a subclass of
 * `@alcalzone/ink-table`, but every part of that Table (header, footer, separator, heading, data, render) ended up
 * replaced, so the dependency was dropped. See "Tables" in the README.
 */
import React from 'react';
import { Box, Text } from 'ink';
import type { Theme, Tone } from '../theme.ts';
import { displayWidth, fitToWidth, truncateToWidth } from '../../lib/text-width.ts';
import { COLUMN_GAP, fitColumns, windowStart, type ColumnSpec, type FittedColumn } from './columns.ts';

/**
 * A row as {@link DenseTable} takes it: fitted cell text per column key, plus `__key` (a stable React key: the row's
 * index in the whole table), `__sel` and `__tone:<key>` markers.
 */
export type DenseRow = Record<string, string | boolean>;

/** Shared rendering context, set by {@link DataTable} before each render. */
interface DenseContext {
  theme: Theme;
  keys: string[];
  headers: Record<string, string>;
  width: number;
}

/** A run of a row's text in one style: gaps and uncoloured cells merge into one run. */
interface Run {
  text: string;
  tone?: Tone;
}

/** Props of one table line; `signature` stands for `runs` (same signature, same text and tones). */
interface DenseLineProps {
  runs: readonly Run[];
  signature: string;
  selected: boolean;
  theme: Theme;
}

/**
 * One table row: a single `<Text>` with a nested `<Text>` per coloured run (fewer Ink nodes to lay out and
 * squash than a Box per cell). Memoised on its signature, so a cursor move re-renders only the two rows whose
 * selection changed, and a clock tick re-renders only rows whose text changed (ages).
 */
const DenseLine = React.memo(
  function DenseLine({ runs, selected, theme }: DenseLineProps): React.JSX.Element {
    return (
      <Text inverse={selected} wrap="truncate-end">
        {runs.map((r, i) => (r.tone ? <Text key={i} {...theme.style(r.tone)}>{r.text}</Text> : r.text))}
      </Text>
    );
  },
  (a, b) => a.signature === b.signature && a.selected === b.selected && a.theme === b.theme,
);

/** Does `tone` change how text looks under `theme` (no colour: most tones do not)? */
const styled = (theme: Theme, tone: Tone | undefined): tone is Tone => tone !== undefined && Object.keys(theme.style(tone)).length > 0;

/** The heading line: column titles over their cells. */
function Heading({ ctx }: { ctx: DenseContext }): React.JSX.Element {
  const { theme, keys, headers, width } = ctx;
  const line = ' ' + keys.map((k) => headers[k] ?? '').join(' '.repeat(COLUMN_GAP));
  return (
    <Text {...theme.style('title')} wrap="truncate-end">
      {truncateToWidth(line, width).trimEnd()}
    </Text>
  );
}

/** One row → its runs of text (gaps and uncoloured cells merged), ready for {@link DenseLine}. */
function rowRuns(row: DenseRow, ctx: DenseContext): { runs: Run[]; signature: string; selected: boolean } {
  const { theme, keys, width } = ctx;
  const selected = row.__sel === true;
  const runs: Run[] = [];
  let plain = selected ? '›' : ' ';
  let used = 1;
  keys.forEach((k, i) => {
    const text = String(row[k] ?? '');
    const gap = i > 0 ? ' '.repeat(COLUMN_GAP) : '';
    const tone = row[`__tone:${k}`];
    used += gap.length + displayWidth(text);
    if (typeof tone === 'string' && styled(theme, tone as Tone)) {
      runs.push({ text: plain + gap });
      runs.push({ text, tone: tone as Tone });
      plain = '';
    } else {
      plain += gap + text;
    }
  });
  // Only the selected row needs padding (its inverse bar spans the line); other rows' trailing blanks are what the
  // screen already holds, and every character written costs Ink time per frame.
  plain += selected ? ' '.repeat(Math.max(0, width - used)) : '';
  runs.push({ text: plain });
  const nonEmpty = runs.filter((r) => r.text !== '');
  return { runs: nonEmpty, signature: nonEmpty.map((r) => `${r.tone ?? ''}\u0001${r.text}`).join('\u0002'), selected };
}

/**
 * Dense rows under a heading. Rows are keyed by their index in the whole table (a window scrolled by one row reuses
 * the rows it keeps) and each is one memoised Text line.
 */
export function DenseTable({ data, ctx }: { data: readonly DenseRow[]; ctx: DenseContext }): React.JSX.Element {
  return (
    <Box flexDirection="column" flexShrink={0}>
      <Heading ctx={ctx} />
      {data.map((row) => {
        const { runs, signature, selected } = rowRuns(row, ctx);
        return <DenseLine key={String(row.__key)} runs={runs} signature={signature} selected={selected} theme={ctx.theme} />;
      })}
    </Box>
  );
}

/** Props of {@link DataTable}. */
export interface DataTableProps<T> {
  columns: readonly ColumnSpec<T>[];
  rows: readonly T[];
  selected: number;
  width: number;
  /** Rows of data shown (the header line is extra). */
  height: number;
  theme: Theme;
}

/**
 * Fits columns to the width, windows the rows to the height around the selection and renders them through
 * {@link DenseTable}. Cells are fitted through the memoised {@link fitToWidth}, so a frame re-measures only
 * text it has not seen.
 */
export function DataTable<T>({ columns, rows, selected, width, height, theme }: DataTableProps<T>): React.JSX.Element {
  const start = windowStart(selected, height, rows.length);
  const shown = rows.slice(start, start + Math.max(0, height));
  const fitted: FittedColumn<T>[] = fitColumns(columns, shown, width - 1);
  const keys = fitted.map((c) => c.key);
  const headers = Object.fromEntries(fitted.map((c) => [c.key, fitToWidth(c.header, c.width, c.align)]));
  const data: DenseRow[] = shown.map((row, i) => {
    const out: DenseRow = { __key: String(start + i), __sel: start + i === selected };
    for (const c of fitted) {
      out[c.key] = fitToWidth(c.text(row), c.width, c.align);
      const tone = c.tone?.(row);
      if (tone) out[`__tone:${c.key}`] = tone;
    }
    return out;
  });
  return <DenseTable data={data} ctx={{ theme, keys, headers, width }} />;
}
