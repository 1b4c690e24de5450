import type { ColumnSpec } from '../../components/columns.ts';
import type { Segment } from '../../components/Line.tsx';
import type { HeaderLine } from '../layout.ts';
import { outcomeBadge } from '../../components/Badge.ts';
import type { PositionRow, TraderDetail } from '../../../store/queries/trader.ts';
import { formatAge, formatCents, formatPercentSigned, formatRelative, formatUsd, shortWallet, traderLabel } from '../../../lib/format.ts';
import { signTone } from '../../theme.ts';

/** ` live 10s` / ` sync 3m` after a position's price when its source is known (see livePositions). */
function priceSourceText(r: PositionRow, now: number): string {
  const x = r as PositionRow & { priceSource?: 'live' | 'sync'; priceAt?: number };
  if (!x.priceSource || now <= 0) return '';
  return ` ${x.priceSource} ${formatAge(Math.max(0, now - (x.priceAt ?? now)))}`;
}

/** Open positions by value. */
export function positionColumns(now = 0): ColumnSpec<PositionRow>[] {
  return [
    { key: 'market', header: 'Market', priority: 1, minWidth: 14, shrink: true, text: (r) => r.title || r.conditionId, sortValue: (r) => r.title.toLowerCase() },
    { key: 'outcome', header: 'Outcome', priority: 2, minWidth: 5, maxWidth: 14, shrink: true, text: (r) => outcomeBadge(r.outcome).text, tone: (r) => outcomeBadge(r.outcome).tone },
    { key: 'value', header: 'Value', priority: 1, minWidth: 7, align: 'right', text: (r) => formatUsd(r.value), sortValue: (r) => r.value },
    { key: 'pnl', header: 'PnL', priority: 1, minWidth: 8, align: 'right', text: (r) => formatUsd(r.cashPnl, { signed: true }), tone: (r) => signTone(r.cashPnl), sortValue: (r) => r.cashPnl },
    { key: 'return', header: 'Return', priority: 3, minWidth: 7, align: 'right', text: (r) => formatPercentSigned(r.percentPnl), tone: (r) => signTone(r.percentPnl), sortValue: (r) => r.percentPnl },
    { key: 'avg', header: 'Avg', priority: 4, minWidth: 5, align: 'right', text: (r) => formatCents(r.avgPrice) },
    // One price per row, and where it came from: the live mid (`live`) or the last position sync (`sync 3m`).
    { key: 'cur', header: 'Now', priority: 3, minWidth: 5, align: 'right', text: (r) => formatCents(r.curPrice) },
    { key: 'src', header: 'Price from', priority: 5, minWidth: 8, text: (r) => priceSourceText(r, now).trim() },
  ];
}

/**
 * Header lines: identity, bio, PnL by period, open positions' totals with their PnL, ranks across boards. By
 * information (what a short terminal keeps): who (1), PnL (2), totals (3), ranks (4), the bio last (5).
 */
export function walletHeader(d: TraderDetail, now: number): HeaderLine[] {
  const p = d.profile;
  const identity: Segment[] = [
    { text: traderLabel(d.name, d.wallet), tone: 'title' },
    ...(p?.verified ? [{ text: ' [✓]', tone: 'accent' as const }] : []),
    ...(p?.xUsername ? [{ text: ` @${p.xUsername}`, tone: 'info' as const }] : []),
    { text: `  ${shortWallet(d.wallet)}`, tone: 'muted' },
    ...(p && p.firstSeenAt > 0 ? [{ text: ` · first seen ${formatRelative(p.firstSeenAt, now)}`, tone: 'muted' as const }] : []),
    ...(p === null ? [{ text: ' · no public profile', tone: 'muted' as const }] : []),
  ];
  const pnl: Segment[] = [{ text: 'PnL ', tone: 'muted' }];
  for (const period of ['DAY', 'WEEK', 'MONTH', 'ALL']) {
    const e = d.pnlByPeriod.find((x) => x.period === period);
    pnl.push({ text: `${period} ` }, e ? { text: formatUsd(e.pnl, { signed: true }), tone: signTone(e.pnl) } : { text: '–', tone: 'muted' }, { text: ' ' });
  }
  // Totals on their own line: on the PnL line they fell off an 80-column screen.
  const totals: Segment[] = [
    { text: 'Open ', tone: 'muted' },
    { text: `${d.totals.positions} ${d.totals.positions === 1 ? 'position' : 'positions'} worth ${formatUsd(d.totals.value)}` },
    { text: ' · PnL ', tone: 'muted' },
    { text: formatUsd(d.totals.cashPnl, { signed: true }), tone: signTone(d.totals.cashPnl) ?? 'muted' },
  ];
  const ranks: Segment[] = [{ text: 'Ranks ', tone: 'muted' }];
  if (d.ranks.length === 0) ranks.push({ text: 'not on any board', tone: 'muted' });
  d.ranks.forEach((r, i) => {
    ranks.push(
      ...(i > 0 ? [{ text: ' · ', tone: 'muted' as const }] : []),
      { text: `${r.category}/${r.period}/${r.orderBy} ` },
      r.current ? { text: `#${r.rank}`, tone: 'accent' } : { text: `(was #${r.rank})`, tone: 'muted' },
    );
  });
  const lines: HeaderLine[] = [
    { segments: identity, priority: 1 },
    { segments: pnl, priority: 2 },
    { segments: totals, priority: 3 },
    { segments: ranks, priority: 4 },
  ];
  if (p?.bio) lines.splice(1, 0, { segments: [{ text: p.bio, tone: 'muted' }], priority: 5 });
  return lines;
}
