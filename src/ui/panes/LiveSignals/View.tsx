import type { ColumnSpec } from '../../components/columns.ts';
import { confidenceBadge, sideBadge } from '../../components/Badge.ts';
import { sparkline } from '../../components/Sparkline.ts';
import type { Segment } from '../../components/Line.tsx';
import type { HitRateRow, SignalRow } from '../../../store/queries/signals.ts';
import { formatAge, formatCents, formatUsd, traderLabel } from '../../../lib/format.ts';
import { signTone } from '../../theme.ts';

/** Short label of a signal type: ELITE (confirmed by an elite fill), EXIT (an elite sells into the rise), MOM. */
export function signalTypeLabel(type: string): string {
  return type === 'ELITE_MOMENTUM' ? 'ELITE' : type === 'ELITE_EXITING' ? 'EXIT' : type === 'MOMENTUM_ONLY' ? 'MOM' : type;
}

const elite = (r: SignalRow): string =>
  r.eliteWallet ? `${traderLabel(r.eliteName, r.eliteWallet)}${r.eliteRank !== null ? ` #${r.eliteRank}` : ''}` : '';

/** Live signal columns: age, confidence, type, market, direction, price now / at signal, move, elite, spark. */
export function signalColumns(now: number): ColumnSpec<SignalRow>[] {
  return [
    { key: 'age', header: 'Age', priority: 1, minWidth: 4, align: 'right', text: (r) => formatAge(now - r.at), sortValue: (r) => r.at },
    { key: 'conf', header: 'Conf', priority: 1, minWidth: 6, text: (r) => confidenceBadge(r.confidence).text, tone: (r) => confidenceBadge(r.confidence).tone, sortValue: (r) => ['LOW', 'MEDIUM', 'HIGH'].indexOf(r.confidence) },
    { key: 'type', header: 'Type', priority: 4, minWidth: 5, text: (r) => signalTypeLabel(r.type), tone: (r) => (r.type === 'ELITE_EXITING' ? 'warn' : undefined) },
    { key: 'market', header: 'Market', priority: 1, minWidth: 12, shrink: true, text: (r) => `${r.question || r.conditionId}${r.outcome ? ` · ${r.outcome}` : ''}` },
    { key: 'dir', header: 'Dir', priority: 1, minWidth: 6, text: (r) => (r.direction === 'UP' ? '▲ UP' : r.direction === 'DOWN' ? '▼ DOWN' : r.direction), tone: (r) => (r.direction === 'UP' ? 'pos' : r.direction === 'DOWN' ? 'neg' : undefined) },
    { key: 'now', header: 'Now', priority: 2, minWidth: 5, align: 'right', text: (r) => (r.priceNow === null ? '–' : formatCents(r.priceNow)) },
    { key: 'at', header: '@Sig', priority: 3, minWidth: 5, align: 'right', text: (r) => formatCents(r.priceAtSignal) },
    { key: 'move', header: '¢/min', priority: 2, minWidth: 6, align: 'right', text: (r) => `${r.velocity > 0 ? '+' : ''}${r.velocity.toFixed(1)}`, tone: (r) => signTone(r.velocity), sortValue: (r) => Math.abs(r.velocity) },
    { key: 'elite', header: 'Elite', priority: 3, minWidth: 8, maxWidth: 20, shrink: true, text: elite },
    { key: 'trade', header: 'Side/Size', priority: 5, minWidth: 8, text: (r) => (r.eliteSide ? `${sideBadge(r.eliteSide).text} ${r.eliteSizeUsd === null ? '' : formatUsd(r.eliteSizeUsd)}` : ''), tone: (r) => sideBadge(r.eliteSide).tone },
    { key: 'spark', header: '10m', priority: 4, minWidth: 10, text: (r) => sparkline(r.spark, 10), tone: () => 'accent' },
  ];
}

const pct = (hits: number, of: number): string => (of === 0 ? '–' : `${Math.round((hits / of) * 100)}%`);

/** The footer: hit rate so far (5 and 15 minutes after) by type/confidence. */
export function hitRateSegments(rows: readonly HitRateRow[] | undefined): Segment[] {
  if (!rows || rows.length === 0) return [{ text: 'hit rate: no signals resolved yet', tone: 'muted' }];
  const parts = rows.map(
    (r) =>
      `${signalTypeLabel(r.type)}/${r.confidence} ${r.hits5m}/${r.resolved5m} ${pct(r.hits5m, r.resolved5m)} · 15m ${r.hits15m}/${r.resolved15m} ${pct(r.hits15m, r.resolved15m)}`,
  );
  return [{ text: 'hit rate 5m: ', tone: 'muted' }, { text: parts.join('  |  ') }];
}
