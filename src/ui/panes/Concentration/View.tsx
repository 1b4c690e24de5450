import type { ColumnSpec } from '../../components/columns.ts';
import { shareBar } from '../../components/Bar.ts';
import type { ConcentrationRow } from '../../../store/queries/concentration.ts';
import { formatCompact, formatInt, formatShare, traderLabel } from '../../../lib/format.ts';

/** Concentration columns (the Phase 2 spec's Whales page): market, holders, total held, top-5 share with a bar, top holder. */
export function concentrationColumns(): ColumnSpec<ConcentrationRow>[] {
  return [
    { key: 'market', header: 'Market', priority: 1, minWidth: 14, shrink: true, text: (r) => r.question || r.conditionId, sortValue: (r) => r.question.toLowerCase() },
    { key: 'holders', header: 'Holders', priority: 2, minWidth: 7, align: 'right', text: (r) => formatInt(r.holders), sortValue: (r) => r.holders },
    { key: 'total', header: 'Total Held', priority: 3, minWidth: 7, align: 'right', text: (r) => formatCompact(r.totalAmount), sortValue: (r) => r.totalAmount },
    { key: 'share', header: 'Top-5', priority: 1, minWidth: 6, align: 'right', text: (r) => formatShare(r.top5Share), tone: (r) => (r.top5Share >= 0.9 ? 'warn' : undefined), sortValue: (r) => r.top5Share },
    { key: 'bar', header: 'Share', priority: 2, minWidth: 10, text: (r) => shareBar(r.top5Share), tone: () => 'accent' },
    { key: 'top', header: 'Top Holder', priority: 3, minWidth: 10, maxWidth: 20, shrink: true, text: (r) => traderLabel(r.topName, r.topWallet) },
    { key: 'topAmount', header: 'Top Amount', priority: 4, minWidth: 7, align: 'right', text: (r) => formatCompact(r.topAmount), sortValue: (r) => r.topAmount },
  ];
}
