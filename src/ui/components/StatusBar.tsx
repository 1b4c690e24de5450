import React from 'react';
import { Box } from 'ink';
import type { FeedStatus, JobStatus, RuntimeStatus } from '../../lib/status.ts';
import type { PaneSnapshot } from '../data/pane-store.ts';
import type { Theme } from '../theme.ts';
import { formatAge, formatDuration } from '../../lib/format.ts';
import { Line, type Segment } from './Line.tsx';

/**
 * Two lines: each job's age since its last success (and its error), then the WS feed state, store kind, last
 * refresh and how long it took, refresh interval and the paused marker.
 */
export function StatusBar({ status, data, now, width, theme }: { status: RuntimeStatus; data: PaneSnapshot; now: number; width: number; theme: Theme }): React.JSX.Element {
  const jobs: Segment[] =
    status.jobs.length === 0
      ? [{ text: 'none running', tone: 'muted' }]
      : status.jobs.flatMap((j, i): Segment[] => [...(i > 0 ? [{ text: ' · ', tone: 'muted' as const }] : []), ...jobSegments(j, now)]);
  const refresh = data.lastRefresh;
  const slow = refresh !== null && refresh.tookMs >= 1_000;
  const feed = feedSegments(status.feed, now);
  // Most important first: a narrow terminal cuts the line's end, so the feed's counters come last.
  const second: Segment[] = [
    ...(data.paused ? [{ text: ' PAUSED ', inverse: true, tone: 'warn' as const }, { text: ' ' }] : []),
    feed.state,
    { text: ' · ', tone: 'muted' },
    { text: `store ${status.storeKind}` },
    ...(status.storeNotice ? [{ text: ` ✗ ${status.storeNotice}`, tone: 'neg' as const }] : []),
    { text: ' · ', tone: 'muted' },
    { text: refresh === null ? 'refresh pending' : `refreshed ${formatAge(now - refresh.at)} ago` },
    ...(refresh === null ? [] : [{ text: ` took ${formatDuration(refresh.tookMs)}`, tone: slow ? ('warn' as const) : ('muted' as const) }]),
    { text: ` · every ${data.refreshMs / 1000}s`, tone: 'muted' },
    ...(feed.detail ? [{ text: ` · ${feed.detail}`, tone: 'muted' as const }] : []),
  ];
  return (
    <Box flexDirection="column">
      <Line segments={[{ text: 'jobs: ', tone: 'muted' }, ...jobs]} width={width} theme={theme} />
      <Line segments={second} width={width} theme={theme} />
    </Box>
  );
}

/**
 * One job: `name age ✓` after a success; `name never` (muted, no mark) before its first run; `…running` while it
 * runs; a red `✗ error` after a failure.
 */
function jobSegments(j: JobStatus, now: number): Segment[] {
  const never = j.lastSuccessAt === null;
  const label: Segment = { text: `${j.name} ${never ? 'never' : formatAge(now - j.lastSuccessAt!)}`, ...(never && !j.lastError ? { tone: 'muted' as const } : {}) };
  if (j.running) return [label, { text: ' …running', tone: 'accent' }];
  if (j.lastError) return [label, { text: ` ✗ ${j.lastError}`, tone: 'neg' }];
  if (never) return [label];
  return [label, { text: ' ✓', tone: 'pos' }];
}

/**
 * The live feed: its state (coloured, with the last error), and the counters shown at the line's end:
 * connections, tokens, messages per second, the age of the last message, reconnects. `idle` says why it is idle.
 */
function feedSegments(feed: FeedStatus | null, now: number): { state: Segment; detail: string | null } {
  if (feed === null) return { state: { text: 'ws off', tone: 'muted' }, detail: null };
  if (feed.state === 'idle') return { state: { text: 'ws idle (no watchlist yet)', tone: 'muted' }, detail: null };
  const tone = feed.state === 'live' ? 'pos' : feed.state === 'stale' || feed.state === 'reconnecting' ? 'warn' : 'muted';
  const last = feed.lastMessageAt === null ? 'no msg yet' : `last msg ${formatAge(Math.max(0, now - feed.lastMessageAt))} ago`;
  const detail = `ws ${feed.connections} conn ${feed.tokens} tok ${Math.round(feed.messagesPerSecond)} msg/s ${last} ${feed.reconnects} reconnects${feed.elite ? ` · ${feed.elite}` : ''}`;
  return { state: { text: `ws ${feed.state}${feed.lastError ? ` (${feed.lastError})` : ''}`, tone }, detail };
}
