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
import { getWalletPnl, type WalletPnl } from '../../../store/queries/wallet-pnl.ts';
import { WalletPanel, walletPanelNeed } from './Panel.tsx';

/** The wallet view's data: the profile and positions, and the PnL line with live mids. */
export type WalletViewData = TraderDetail & { pnl: WalletPnl };

/**
 * Positions valued at one price each: the live mid where the feed has one from the last hour (source `live`),
 * else the last position sync's price (`sync`); the age of that price rides along for the Now column.
 */
export function livePositions(d: WalletViewData): (PositionRow & { priceSource: 'live' | 'sync'; priceAt: number })[] {
  return d.positions.map((p) => {
    const live = d.pnl.mids[`${p.conditionId}|${p.outcome}`];
    if (!live) return { ...p, priceSource: 'sync' as const, priceAt: p.updatedAt };
    const value = p.size * live.mid;
    const cost = p.size * p.avgPrice;
    return { ...p, curPrice: live.mid, value, cashPnl: value - cost, percentPnl: cost > 0 ? ((value - cost) / cost) * 100 : 0, priceSource: 'live' as const, priceAt: live.at };
  });
}

/** Rows of recent activity shown under the positions. */
export const ACTIVITY_ROWS = 5;

/** The wallet view of `wallet`: profile, ranks, PnL by period, positions by value (Enter → market), activity. */
export function walletView(wallet: string, nameHint: string, theme: Theme): DetailSpec<WalletViewData, PositionRow> {
  return {
    slice: ({ store, now }) => ({
      key: `wallet:${wallet}`,
      run: async (signal) => {
        const [detail, pnl] = await Promise.all([getTraderProfile(store, { wallet, activityLimit: ACTIVITY_ROWS }, signal), getWalletPnl(store, { wallet, now: now() }, signal)]);
        return { ...detail, pnl };
      },
    }),
    title: (d) => traderLabel(d?.name || nameHint, wallet),
    header: walletHeader,
    rows: livePositions,
    columns: positionColumns,
    search: (r) => `${r.title} ${r.outcome}`,
    rowKey: (r) => `${r.conditionId}|${r.outcome}`,
    enter: (r) => ({ kind: 'market', conditionId: r.conditionId, title: r.title, cursor: EMPTY_CURSOR }),
    watch: (d) => ({ kind: 'wallet', id: wallet, label: traderLabel(d?.name || nameHint, wallet) }),
    panel: {
      need: (d) => walletPanelNeed(d.pnl),
      render: (d, now, width, lines) => <WalletPanel pnl={d.pnl} width={width} lines={lines} theme={theme} now={now} />,
    },
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
