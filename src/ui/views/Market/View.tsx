import type { ColumnSpec } from '../../components/columns.ts';
import type { Segment } from '../../components/Line.tsx';
import type { HeaderLine } from '../layout.ts';
import { outcomeBadge } from '../../components/Badge.ts';
import { shareBar } from '../../components/Bar.ts';
import type { HolderRow } from '../../../store/queries/holders.ts';
import type { MarketDetail } from '../../../store/queries/market.ts';
import { formatCents, formatCompact, formatRelative, formatShare, formatUsd, traderLabel } from '../../../lib/format.ts';

/** Top holders (the Phase 2 spec's market detail): outcome badge, holder, amount, updated. */
export function holderColumns(now: number): ColumnSpec<HolderRow>[] {
  return [
    { key: 'outcome', header: 'Outcome', priority: 1, minWidth: 5, maxWidth: 14, shrink: true, text: (r) => outcomeBadge(r.outcome).text, tone: (r) => outcomeBadge(r.outcome).tone, sortValue: (r) => r.outcomeIndex },
    { key: 'holder', header: 'Holder', priority: 1, minWidth: 10, maxWidth: 28, shrink: true, text: (r) => traderLabel(r.name, r.wallet), sortValue: (r) => traderLabel(r.name, r.wallet).toLowerCase() },
    { key: 'amount', header: 'Amount', priority: 1, minWidth: 7, align: 'right', text: (r) => formatCompact(r.amount), sortValue: (r) => r.amount },
    { key: 'updated', header: 'Updated', priority: 3, minWidth: 8, align: 'right', text: (r) => formatRelative(r.snapshotAt, now), sortValue: (r) => r.snapshotAt },
  ];
}

/** Header lines: question (1), prices per outcome (2), concentration (3), market facts (4). */
export function marketHeader(d: MarketDetail, now: number): HeaderLine[] {
  const question: Segment[] = [
    { text: d.question || d.conditionId, tone: 'title' },
    ...(d.watched ? [{ text: ' [watched]', tone: 'accent' as const }] : []),
  ];
  const facts: Segment[] = d.known
    ? [
        { text: `${d.category || 'uncategorised'} · vol ${formatUsd(d.volume)} · 24h ${formatUsd(d.volume24hr)} · liq ${formatUsd(d.liquidity)}`, tone: 'muted' },
        ...(d.endDate ? [{ text: ` · ends ${formatRelative(d.endDate, now)}`, tone: 'muted' as const }] : []),
        ...(d.closed ? [{ text: ' · closed', tone: 'warn' as const }] : []),
      ]
    : [{ text: 'market not in the local markets table (closed or not synced yet)', tone: 'muted' }];
  const prices: Segment[] = [{ text: 'Price ', tone: 'muted' }];
  d.outcomes.forEach((o, i) => {
    prices.push(
      ...(i > 0 ? [{ text: ' · ', tone: 'muted' as const }] : []),
      { text: `${o.label} `, tone: outcomeBadge(o.label).tone },
      { text: formatCents(o.mid ?? o.price) },
      ...(o.mid !== null ? [{ text: ' (live mid)', tone: 'muted' as const }] : []),
    );
  });
  const c = d.concentration;
  const conc: Segment[] = c
    ? [
        { text: 'Concentration ', tone: 'muted' },
        { text: `${c.holders} holders · top-5 ${formatShare(c.top5Share)} ` },
        { text: shareBar(c.top5Share), tone: 'accent' },
        { text: ` · top ${traderLabel(c.topName, c.topWallet)} ${formatCompact(c.topAmount)}` },
      ]
    : [{ text: 'Concentration: no holder snapshot yet', tone: 'muted' }];
  return [
    { segments: question, priority: 1 },
    { segments: facts, priority: 4 },
    { segments: prices, priority: 2 },
    { segments: conc, priority: 3 },
  ];
}
