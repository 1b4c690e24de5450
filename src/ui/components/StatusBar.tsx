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
  const second: Segment[] = [
    feedSegment(status.feed),
    { text: ' · ', tone: 'muted' },
    { text: `store ${status.storeKind}` },
    { text: ' · ', tone: 'muted' },
    { text: refresh === null ? 'refresh pending' : `refreshed ${formatAge(now - refresh.at)} ago` },
    ...(refresh === null ? [] : [{ text: ` took ${formatDuration(refresh.tookMs)}`, tone: slow ? ('warn' as const) : ('muted' as const) }]),
    { text: ` · every ${data.refreshMs / 1000}s`, tone: 'muted' },
    ...(data.paused ? [{ text: ' ', tone: undefined }, { text: ' PAUSED ', inverse: true, tone: 'warn' as const }] : []),
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

/** The live feed: its state and tokens; `idle` says why it is idle (no watchlist yet). */
function feedSegment(feed: FeedStatus | null): Segment {
  if (feed === null) return { text: 'ws off', tone: 'muted' };
  if (feed.state === 'idle') return { text: 'ws idle (no watchlist yet)', tone: 'muted' };
  const tone = feed.state === 'live' ? 'pos' : feed.state === 'stale' || feed.state === 'reconnecting' ? 'warn' : 'muted';
  return { text: `ws ${feed.state} ${feed.tokens} tok${feed.lastError ? ` (${feed.lastError})` : ''}`, tone };
}
