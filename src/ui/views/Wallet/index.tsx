import React from 'react';
import { Box } from 'ink';
import { getTraderProfile, type PositionRow, type TraderDetail } from '../../../store/queries/trader.ts';
import { traderLabel } from '../../../lib/format.ts';
import { DataTable } from '../../components/DenseTable.tsx';
import { Line } from '../../components/Line.tsx';
import { activityColumns } from '../../panes/WhaleActivity/View.tsx';
import type { Theme } from '../../theme.ts';
import { EMPTY_CURSOR } from '../../state.ts';
import type { DetailSpec } from '../types.ts';
import { positionColumns, walletHeader } from './View.tsx';

/** Rows of recent activity shown under the positions. */
export const ACTIVITY_ROWS = 5;

/** The wallet view of `wallet`: profile, ranks, PnL by period, positions by value (Enter → market), activity. */
export function walletView(wallet: string, nameHint: string, theme: Theme): DetailSpec<TraderDetail, PositionRow> {
  return {
    slice: ({ store }) => ({ key: `wallet:${wallet}`, run: (signal) => getTraderProfile(store, { wallet, activityLimit: ACTIVITY_ROWS }, signal) }),
    title: (d) => traderLabel(d?.name || nameHint, wallet),
    header: walletHeader,
    rows: (d) => d.positions,
    columns: positionColumns,
    search: (r) => `${r.title} ${r.outcome}`,
    rowKey: (r) => `${r.conditionId}|${r.outcome}`,
    enter: (r) => ({ kind: 'market', conditionId: r.conditionId, title: r.title, cursor: EMPTY_CURSOR }),
    watch: (d) => ({ kind: 'wallet', id: wallet, label: traderLabel(d?.name || nameHint, wallet) }),
    footer: {
      // Worth showing with three trades or more; it gives way to the positions on a short terminal.
      need: (d) => (d.activity.length === 0 ? null : { rows: Math.min(ACTIVITY_ROWS, d.activity.length), minRows: Math.min(3, d.activity.length), chrome: 2 }),
      render: (d, now, width, rows) => (
        <Box flexDirection="column">
          <Line segments={[{ text: 'Recent activity', tone: 'title' }]} width={width} theme={theme} />
          <DataTable columns={activityColumns(now).filter((c) => c.key !== 'trader')} rows={d.activity.slice(0, rows)} selected={-1} width={width} height={rows} theme={theme} />
        </Box>
      ),
    },
    empty: 'no open positions',
  };
}
