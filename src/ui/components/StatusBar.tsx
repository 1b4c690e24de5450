import React from 'react';
import { Box } from 'ink';
import type { RuntimeStatus } from '../../lib/status.ts';
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
      ? [{ text: 'jobs: none running', tone: 'muted' }]
      : status.jobs.flatMap((j, i): Segment[] => {
          const age = j.lastSuccessAt === null ? 'never' : formatAge(now - j.lastSuccessAt);
          const mark: Segment = j.lastError
            ? { text: ` ✗ ${j.lastError}`, tone: 'neg' }
            : j.running
              ? { text: ' …', tone: 'accent' }
              : { text: ' ✓', tone: 'pos' };
          return [...(i > 0 ? [{ text: ' · ', tone: 'muted' as const }] : []), { text: `${j.name} ${age}` }, mark];
        });
  const feed = status.feed;
  const feedSeg: Segment = feed === null
    ? { text: 'ws off', tone: 'muted' }
    : { text: `ws ${feed.state} ${feed.tokens} tok${feed.lastError ? ` (${feed.lastError})` : ''}`, tone: feed.state === 'live' ? 'pos' : feed.state === 'stale' || feed.state === 'reconnecting' ? 'warn' : 'muted' };
  const refresh = data.lastRefresh;
  const slow = refresh !== null && refresh.tookMs >= 1_000;
  const second: Segment[] = [
    feedSeg,
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
