/**
 * Tables of the panes, built on `@alcalzone/ink-table`. The base Table draws box borders and a separator line
 * between rows, measures cells by UTF-16 length and cannot mark a row; DenseTable keeps its row iteration and
 * replaces its row renderers: no borders or separators (one terminal line per row), cells that arrive already
 * fitted to their display width, colour per cell, and the selected row drawn in inverse with a `›` gutter.
 * See "Tables" in the README for what ink-table cannot do and how this class covers it.
 */
import React from 'react';
import { Box, Text } from 'ink';
import { Table } from '@alcalzone/ink-table';
import type { Theme, Tone } from '../theme.ts';
import { displayWidth, fitToWidth } from '../../lib/text-width.ts';
import { COLUMN_GAP, fitColumns, windowStart, type ColumnSpec, type FittedColumn } from './columns.ts';

/** A row as DenseTable takes it: fitted cell text per column key, plus `__sel` and `__tone:<key>` markers. */
export type DenseRow = Record<string, string | boolean>;

type RowRenderProps = { key: string; data: Partial<DenseRow>; columns: { key: string }[] };

/** Shared rendering context, set by {@link DataTable} before each render. */
interface DenseContext {
  theme: Theme;
  keys: string[];
  headers: Record<string, string>;
  width: number;
}

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
      <Box key={props.key} flexShrink={0}>
        <Text {...theme.style('title')} wrap="truncate-end">
          {fitToWidth(line, width)}
        </Text>
      </Box>
    );
  };

  override data = (props: RowRenderProps): React.JSX.Element => {
    const { theme, keys, width } = this.ctx;
    const selected = props.data.__sel === true;
    const used = 1 + keys.reduce((s, k) => s + displayWidth(String(props.data[k] ?? '')), 0) + COLUMN_GAP * Math.max(0, keys.length - 1);
    return (
      <Box key={props.key} flexShrink={0}>
        <Text inverse={selected} wrap="truncate-end">
          {selected ? '›' : ' '}
          {keys.map((k, i) => {
            const tone = props.data[`__tone:${k}`];
            return (
              <React.Fragment key={k}>
                {i > 0 ? ' '.repeat(COLUMN_GAP) : ''}
                <Text {...theme.style(typeof tone === 'string' ? (tone as Tone) : undefined)}>{String(props.data[k] ?? '')}</Text>
              </React.Fragment>
            );
          })}
          {' '.repeat(Math.max(0, width - used))}
        </Text>
      </Box>
    );
  };
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
 * {@link DenseTable}.
 */
export function DataTable<T>({ columns, rows, selected, width, height, theme }: DataTableProps<T>): React.JSX.Element {
  const start = windowStart(selected, height, rows.length);
  const shown = rows.slice(start, start + Math.max(0, height));
  const fitted: FittedColumn<T>[] = fitColumns(columns, shown, width - 1);
  const keys = fitted.map((c) => c.key);
  const headers = Object.fromEntries(fitted.map((c) => [c.key, fitToWidth(c.header, c.width, c.align)]));
  const data: DenseRow[] = shown.map((row, i) => {
    const out: DenseRow = { __sel: start + i === selected };
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
