import React from 'react';
import { getMarketView, type MarketViewData } from '../../../store/queries/market-view.ts';
import type { HolderRow } from '../../../store/queries/holders.ts';
import { DEFAULT_CHART_RANGE, type ChartRange } from '../../../store/queries/price-history.ts';
import { EMPTY_CURSOR } from '../../state.ts';
import type { Theme } from '../../theme.ts';
import type { DetailSpec } from '../types.ts';
import { MarketPanel, panelNeed } from './Panel.tsx';
import { holderColumns, marketHeader } from './View.tsx';

/**
 * The market view of `conditionId`: question, prices, concentration, the price chart over `range`, the live book,
 * recent trades, and the top holders of each outcome (Enter → wallet).
 */
export function marketView(conditionId: string, titleHint: string, theme: Theme, range: ChartRange = DEFAULT_CHART_RANGE): DetailSpec<MarketViewData, HolderRow> {
  return {
    slice: ({ store, now }) => ({ key: `market:${conditionId}:${range}`, run: (signal) => getMarketView(store, { conditionId, range, now: now() }, signal) }),
    title: (d) => d?.detail.question || titleHint || conditionId,
    header: (d, now) => marketHeader(d.detail, now),
    rows: (d) => d.detail.outcomes.flatMap((o) => o.holders),
    columns: holderColumns,
    search: (r) => `${r.name} ${r.wallet} ${r.outcome}`,
    rowKey: (r) => `${r.outcomeIndex}|${r.wallet}`,
    enter: (r) => ({ kind: 'wallet', wallet: r.wallet, name: r.name, cursor: EMPTY_CURSOR }),
    watch: (d) => ({ kind: 'market', id: conditionId, label: d?.detail.question || titleHint || conditionId }),
    panel: {
      need: (_d, width) => panelNeed(width),
      render: (d, now, width, lines) => <MarketPanel data={d} now={now} width={width} lines={lines} theme={theme} />,
    },
    minTableRows: 2,
    empty: 'no holders recorded for this market',
    emptyFor: (d) => (d?.fill && d.fill.doneAt === null ? 'fetching holders from Polymarket…' : d?.fill?.error ? `holders could not be fetched: ${d.fill.error}` : 'no holders recorded for this market'),
  };
}
