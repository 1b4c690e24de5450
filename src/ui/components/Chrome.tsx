/**
 * The fixed lines around the panes: header, stats cards, tabs. Each is one terminal line cut to the width.
 */
import React from 'react';
import type { RuntimeStatus } from '../../lib/status.ts';
import type { WhalesOverview } from '../../store/queries/overview.ts';
import type { Slice } from '../data/slice.ts';
import type { Theme } from '../theme.ts';
import { formatClock, formatInt } from '../../lib/format.ts';
import { Line, type Segment } from './Line.tsx';

/** Header: name, data source, clock. */
export function Header({ status, now, width, theme }: { status: RuntimeStatus; now: number; width: number; theme: Theme }): React.JSX.Element {
  const clock = `${formatClock(now)} UTC`;
  const left: Segment[] = [
    { text: 'whaletop', tone: 'title' },
    { text: ' · ', tone: 'muted' },
    { text: status.sourceLabel, tone: status.source === 'live' ? 'pos' : 'warn' },
  ];
  const used = 'whaletop · '.length + status.sourceLabel.length;
  const gap = Math.max(1, width - used - clock.length);
  return <Line segments={[...left, { text: ' '.repeat(gap) }, { text: clock }]} width={width} theme={theme} />;
}

/** Stats cards (seed §9.2) on one line: Tracked Wallets, Whale Trades (24h), Total Positions, Markets Held. */
export function StatsCards({ overview, width, theme }: { overview: Slice<unknown> | undefined; width: number; theme: Theme }): React.JSX.Element {
  const o = overview?.state === 'ready' ? (overview.rows as WhalesOverview) : overview?.state === 'error' ? (overview.lastRows as WhalesOverview | undefined) : undefined;
  const value = (n: number | undefined): string => (n === undefined ? '…' : formatInt(n));
  const cards: [string, number | undefined, Segment['tone']][] = [
    ['Tracked Wallets', o?.trackedWallets, 'violet'],
    ['Whale Trades (24h)', o?.whaleTrades24h, 'amber'],
    ['Total Positions', o?.totalPositions, 'emerald'],
    ['Markets Held', o?.marketsHeld, 'blue'],
  ];
  const segments = cards.flatMap(([label, n, tone], i): Segment[] => [
    ...(i > 0 ? [{ text: ' │ ', tone: 'muted' as const }] : []),
    { text: `${label} `, tone },
    { text: value(n), bold: true },
  ]);
  return <Line segments={segments} width={width} theme={theme} />;
}

/** Tabs with counts; the active tab is inverse. */
export function Tabs({ titles, counts, active, width, theme }: { titles: readonly string[]; counts: readonly (number | null)[]; active: number; width: number; theme: Theme }): React.JSX.Element {
  const segments = titles.flatMap((title, i): Segment[] => {
    const count = counts[i];
    const label = ` ${i + 1} ${title}${count === null || count === undefined ? '' : ` (${count})`} `;
    return [{ text: label, ...(i === active ? { inverse: true, bold: true } : { tone: 'muted' as const }) }, { text: ' ' }];
  });
  return <Line segments={segments} width={width} theme={theme} />;
}
