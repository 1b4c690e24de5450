/**
 * The fixed lines around the panes: header, stats cards, tabs. Each is one terminal line cut to the width.
 */
import React from 'react';
import type { RuntimeStatus } from '../../lib/status.ts';
import type { WhalesOverview } from '../../store/queries/overview.ts';
import type { Slice } from '../data/slice.ts';
import type { Theme } from '../theme.ts';
import { formatAge, formatClock, formatInt } from '../../lib/format.ts';
import { displayWidth, truncateToWidth } from '../../lib/text-width.ts';
import type { Connectivity } from '../connectivity.ts';
import { Line, type Segment } from './Line.tsx';

/** Header: name, data source, clock. */
export function Header({ status, now, width, theme }: { status: RuntimeStatus; now: number; width: number; theme: Theme }): React.JSX.Element {
  const clock = `${formatClock(now)} UTC`;
  const left: Segment[] = [
    { text: 'whaletop', tone: 'title' },
    { text: ' · ', tone: 'muted' },
    { text: status.sourceLabel, tone: status.source === 'live' ? 'pos' : 'warn' },
  ];
  const used = displayWidth(`whaletop · ${status.sourceLabel}`);
  const gap = Math.max(1, width - used - displayWidth(clock));
  return <Line segments={[...left, { text: ' '.repeat(gap) }, { text: clock }]} width={width} theme={theme} />;
}

/** Narrowest room the banner's reason keeps before it gives up the "since" and "last data" parts. */
const BANNER_MIN_REASON = 28;

/**
 * The offline / degraded banner: what is wrong, why (the client's error), since when, when data last came in, and
 * that `r` retries. On a narrow terminal the parts go by what they tell: "since" first, then "last data"; the
 * label, the reason (cut with …) and the key always stay.
 */
export function Banner({ state, now, width, theme }: { state: Connectivity; now: number; width: number; theme: Theme }): React.JSX.Element {
  const tone = state.level === 'offline' ? 'neg' : 'warn';
  const label: Segment = { text: state.level === 'offline' ? ' OFFLINE ' : ' DEGRADED ', inverse: true, bold: true, tone };
  const since: Segment[] = state.since === null ? [] : [{ text: ` · since ${formatClock(state.since)} UTC`, tone: 'muted' }];
  const last: Segment[] = [{ text: state.lastSuccessAt === null ? ' · no data synced yet' : ` · last data ${formatAge(Math.max(0, now - state.lastSuccessAt))} ago`, tone: 'muted' }];
  const key: Segment[] = [{ text: ' · ', tone: 'muted' }, { text: 'r', tone: 'accent' }, { text: ' retries' }];
  const fixed = displayWidth(label.text) + 1;
  const tails = [[...since, ...last, ...key], [...last, ...key], key];
  const tail = tails.find((t) => width - fixed - segmentsWidth(t) >= BANNER_MIN_REASON) ?? key;
  const room = Math.max(8, width - fixed - segmentsWidth(tail));
  return <Line segments={[label, { text: ' ' }, { text: truncateToWidth(state.reason, room), tone }, ...tail]} width={width} theme={theme} />;
}

/** Full and compact labels of the stats cards (the Phase 2 spec's Whales page), with each card's colour. */
const CARDS: readonly { full: string; compact: string; tone: Segment['tone']; pick(o: WhalesOverview): number }[] = [
  { full: 'Tracked Wallets', compact: 'Wallets', tone: 'violet', pick: (o) => o.trackedWallets },
  { full: 'Whale Trades (24h)', compact: 'Trades 24h', tone: 'amber', pick: (o) => o.whaleTrades24h },
  { full: 'Total Positions', compact: 'Positions', tone: 'emerald', pick: (o) => o.totalPositions },
  { full: 'Markets Held', compact: 'Markets', tone: 'blue', pick: (o) => o.marketsHeld },
];

const segmentsWidth = (segments: readonly Segment[]): number => segments.reduce((w, s) => w + displayWidth(s.text), 0);

/**
 * Stats cards on one line: Tracked Wallets, Whale Trades (24h), Total Positions, Markets Held. When the full
 * labels do not fit the width, compact ones do (all four cards stay visible at 80 columns).
 */
export function StatsCards({ overview, width, theme }: { overview: Slice<unknown> | undefined; width: number; theme: Theme }): React.JSX.Element {
  const o = overview?.state === 'ready' ? (overview.rows as WhalesOverview) : overview?.state === 'error' ? (overview.lastRows as WhalesOverview | undefined) : undefined;
  const build = (compact: boolean): Segment[] =>
    CARDS.flatMap((card, i): Segment[] => [
      ...(i > 0 ? [{ text: ' │ ', tone: 'muted' as const }] : []),
      { text: `${compact ? card.compact : card.full} `, tone: card.tone },
      { text: o === undefined ? '…' : formatInt(card.pick(o)), bold: true },
    ]);
  const full = build(false);
  return <Line segments={segmentsWidth(full) <= width ? full : build(true)} width={width} theme={theme} />;
}

/** Props of {@link Tabs}. */
export interface TabsProps {
  titles: readonly string[];
  /** Short labels, used when the full ones do not fit. */
  short: readonly string[];
  /** Each tab's count as shown (`42`, `200+`, `3 of 200+`), null before its first result. */
  counts: readonly (string | null)[];
  active: number;
  width: number;
  theme: Theme;
}

/**
 * Tabs with counts; the active tab is inverse. The widest layout that fits is used: every label in full; the
 * active one in full and the others short; all short; all short without counts. So all five tabs stay visible
 * down to the minimum width.
 */
export function Tabs(props: TabsProps): React.JSX.Element {
  return <Line segments={tabSegments(props)} width={props.width} theme={props.theme} />;
}

/**
 * The tab line's segments: per tab its label then a one-space gap (the mouse finds a clicked tab by walking them).
 * The widest layout that fits wins: full titles, then short ones but the active tab's, then all short, then no counts.
 */
export function tabSegments({ titles, short, counts, active, width }: Omit<TabsProps, 'theme'>): Segment[] {
  const build = (label: (i: number) => string, withCounts: boolean): Segment[] =>
    titles.flatMap((_, i): Segment[] => {
      const count = counts[i];
      const text = ` ${i + 1} ${label(i)}${!withCounts || count === null || count === undefined ? '' : ` (${count})`} `;
      return [{ text, ...(i === active ? { inverse: true, bold: true } : { tone: 'muted' as const }) }, { text: ' ' }];
    });
  const layouts = [
    () => build((i) => titles[i]!, true),
    () => build((i) => (i === active ? titles[i]! : (short[i] ?? titles[i]!)), true),
    () => build((i) => short[i] ?? titles[i]!, true),
  ];
  let segments = build((i) => short[i] ?? titles[i]!, false);
  for (const layout of layouts) {
    const candidate = layout();
    // The trailing gap after the last tab may fall off the edge.
    if (segmentsWidth(candidate) - 1 <= width) {
      segments = candidate;
      break;
    }
  }
  return segments;
}
