import type { ColumnSpec } from '../../components/columns.ts';
import { sideBadge, typeBadge } from '../../components/Badge.ts';
import type { WhaleActivityRow } from '../../../store/queries/activity.ts';
import { formatCents, formatRelative, formatUsd, traderLabel } from '../../../lib/format.ts';

/**
 * Whale activity columns (the Phase 2 spec's Whales page): time, trader, market, type and side badges, size, price.
 * By information: when, who, what market, which side and how much are the trade (1); the price next (2), the
 * outcome (3), the activity type last (4: nearly every row is a [TRADE]).
 */
export function activityColumns(now: number): ColumnSpec<WhaleActivityRow>[] {
  return [
    { key: 'time', header: 'Time', priority: 1, minWidth: 8, align: 'right', text: (r) => formatRelative(r.at, now), sortValue: (r) => r.at },
    { key: 'trader', header: 'Trader', priority: 1, minWidth: 10, maxWidth: 22, shrink: true, text: (r) => traderLabel(r.name, r.wallet), sortValue: (r) => traderLabel(r.name, r.wallet).toLowerCase() },
    { key: 'market', header: 'Market', priority: 1, minWidth: 12, shrink: true, text: (r) => r.title || r.conditionId, sortValue: (r) => r.title.toLowerCase() },
    { key: 'type', header: 'Type', priority: 4, minWidth: 7, text: (r) => typeBadge(r.type).text, tone: (r) => typeBadge(r.type).tone },
    { key: 'side', header: 'Side', priority: 1, minWidth: 6, text: (r) => sideBadge(r.side).text, tone: (r) => sideBadge(r.side).tone },
    { key: 'outcome', header: 'Outcome', priority: 3, minWidth: 4, maxWidth: 12, shrink: true, text: (r) => r.outcome },
    { key: 'size', header: 'Size', priority: 1, minWidth: 7, align: 'right', text: (r) => formatUsd(r.usd), sortValue: (r) => r.usd },
    { key: 'price', header: 'Price', priority: 2, minWidth: 6, align: 'right', text: (r) => formatCents(r.price), sortValue: (r) => r.price },
  ];
}
