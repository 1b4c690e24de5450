import React from 'react';
import { Box, Text } from 'ink';
import { DataTable } from '../components/DenseTable.tsx';
import { Line } from '../components/Line.tsx';
import type { ColumnSpec } from '../components/columns.ts';
import type { Slice } from '../data/slice.ts';
import type { Theme } from '../theme.ts';
import { formatDuration } from '../../lib/format.ts';
import type { TableModel } from './model.ts';

/** Props of {@link TableView}. */
export interface TableViewProps<T> {
  slice: Slice<unknown> | undefined;
  model: TableModel<T>;
  columns: readonly ColumnSpec<T>[];
  width: number;
  /** Lines available for the header row plus data rows plus one state line. */
  height: number;
  theme: Theme;
  empty: string;
}

/**
 * A pane's table with its state line: loading before the first result, an honest empty message, an error kept
 * beside the last good rows, "took N s" when a query was slow. Pure: everything arrives as props.
 */
export function TableView<T>({ slice, model, columns, width, height, theme, empty }: TableViewProps<T>): React.JSX.Element {
  const state = stateLine(slice, model.rows.length, empty);
  const tableHeight = Math.max(1, height - 2);
  return (
    <Box flexDirection="column" height={height}>
      {model.rows.length > 0 ? (
        <DataTable columns={columns} rows={model.rows} selected={model.selected} width={width} height={tableHeight} theme={theme} />
      ) : null}
      {state ? <Line segments={[state]} width={width} theme={theme} /> : <Text> </Text>}
    </Box>
  );
}

function stateLine(slice: Slice<unknown> | undefined, shown: number, empty: string): { text: string; tone?: 'neg' | 'muted' | 'warn' } | null {
  if (!slice || slice.state === 'loading') return { text: 'loading…', tone: 'muted' };
  if (slice.state === 'error') {
    return { text: `error: ${slice.message}${slice.lastRows ? ' (showing last good rows)' : ''}`, tone: 'neg' };
  }
  if (shown === 0) return { text: empty, tone: 'muted' };
  if (slice.tookMs >= 1_000) return { text: `slow query: took ${formatDuration(slice.tookMs)}`, tone: 'warn' };
  return null;
}
