/**
 * Tables of the panes, built on `@alcalzone/ink-table`. The base Table draws box borders and a separator line
 * between rows, measures cells by UTF-16 length, cannot mark a row, and hashes every row (object-hash sha1) on
 * every render to key it; DenseTable keeps its class and row/heading renderer hooks and replaces the rest: no
 * borders or separators (one terminal line per row), cells that arrive already fitted to their display width,
 * colour per cell, the selected row drawn in inverse with a `›` gutter, and a render() of its own that keys rows
 * by position in the whole table and draws each as one memoised `<Text>` line. See "Tables" in the README.
 */
import React from 'react';
import { Box, Text } from 'ink';
import { Table } from '@alcalzone/ink-table';
import type { Theme, Tone } from '../theme.ts';
import { displayWidth, fitToWidth, truncateToWidth } from '../../lib/text-width.ts';
import { COLUMN_GAP, fitColumns, windowStart, type ColumnSpec, type FittedColumn } from './columns.ts';

/**
 * A row as DenseTable takes it: fitted cell text per column key, plus `__key` (a stable React key: the row's index
 * in the whole table), `__sel` and `__tone:<key>` markers.
 */
export type DenseRow = Record<string, string | boolean>;

type RowRenderProps = { key: string; data: Partial<DenseRow>; columns: { key: string }[] };

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

/** ink-table's Table with dense rows, per-cell colour and a highlighted selected row. */
export class DenseTable extends Table<DenseRow> {
  /** Set by DataTable through props (the base Table's props type has no room for it). */
  private get ctx(): DenseContext {
    return (this.props as unknown as { ctx: DenseContext }).ctx;
  }

  override header = (): React.JSX.Element => <></>;
  override footer = (): React.JSX.Element => <></>;
  override separator = (): React.JSX.Element => <></>;

  override heading = (props: RowRenderProps): React.JSX.Element => {
    const { theme, keys, headers, width } = this.ctx;
    const line = ' ' + keys.map((k) => headers[k] ?? '').join(' '.repeat(COLUMN_GAP));
    return (
      <Text key={props.key} {...theme.style('title')} wrap="truncate-end">
        {truncateToWidth(line, width).trimEnd()}
      </Text>
    );
  };

  override data = (props: RowRenderProps): React.JSX.Element => {
    const { theme, keys, width } = this.ctx;
    const selected = props.data.__sel === true;
    const runs: Run[] = [];
    let plain = selected ? '›' : ' ';
    let used = 1;
    keys.forEach((k, i) => {
      const text = String(props.data[k] ?? '');
      const gap = i > 0 ? ' '.repeat(COLUMN_GAP) : '';
      const tone = props.data[`__tone:${k}`];
      used += gap.length + displayWidth(text);
      if (typeof tone === 'string' && styled(theme, tone as Tone)) {
        runs.push({ text: plain + gap });
        runs.push({ text, tone: tone as Tone });
        plain = '';
      } else {
        plain += gap + text;
      }
    });
    // Only the selected row needs padding (its inverse bar spans the line); other rows' trailing blanks are
    // what the screen already holds, and every character written costs Ink time per frame.
    plain += selected ? ' '.repeat(Math.max(0, width - used)) : '';
    runs.push({ text: plain });
    const nonEmpty = runs.filter((r) => r.text !== '');
    const signature = nonEmpty.map((r) => `${r.tone ?? ''}\u0001${r.text}`).join('\u0002');
    return <DenseLine key={props.key} runs={nonEmpty} signature={signature} selected={selected} theme={theme} />;
  };

  /**
   * Replaces the base render, which computes column widths from UTF-16 lengths, sha1-hashes every row for its
   * key and wraps each row in two Boxes, on every render: widths are already fitted here, rows are keyed by
   * their index in the table (a scrolled window reuses the rows it keeps), and each row is one Text line.
   */
  override render(): React.JSX.Element {
    return (
      <Box flexDirection="column" flexShrink={0}>
        {this.heading({ key: 'heading', data: {}, columns: [] })}
        {this.props.data.map((row) => this.data({ key: String(row.__key), data: row, columns: [] }))}
      </Box>
    );
  }
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
  const ctx: DenseContext = { theme, keys, headers, width };
  const tableProps = { data, columns: keys, ctx } as unknown as React.ComponentProps<typeof DenseTable>;
  return <DenseTable {...tableProps} />;
}
