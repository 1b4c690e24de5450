import type { FeedStatus, RuntimeStatus, StatusSource } from '../../../src/lib/status.ts';
import { NOW } from './seed.ts';

/** A fixed status source for UI tests (jobs with one failing, feed as given). */
export function fixedStatus(feed: FeedStatus | null = null): StatusSource {
  const status: RuntimeStatus = {
    source: 'demo',
    sourceLabel: 'demo (simulator)',
    storeKind: 'embedded',
    storeDescription: 'embedded /tmp/test',
    startedAt: NOW - 3_600_000,
    feed,
    jobs: [
      { name: 'leaderboard', schedule: '0 * * * *', running: false, lastStartedAt: NOW - 125_000, lastFinishedAt: NOW - 120_000, lastSuccessAt: NOW - 120_000, lastError: null, lastRows: 200, lastDurationMs: 5_000, nextRunAt: null, consecutiveFailures: 0 },
      { name: 'holders', schedule: '*/15 * * * *', running: false, lastStartedAt: NOW - 60_000, lastFinishedAt: NOW - 30_000, lastSuccessAt: NOW - 900_000, lastError: 'timeout after 30 s', lastRows: 0, lastDurationMs: 30_000, nextRunAt: null, consecutiveFailures: 1 },
    ],
  };
  return { get: () => status, subscribe: () => () => undefined };
}

/** A live feed status. */
export const LIVE_FEED: FeedStatus = { state: 'live', connections: 1, tokens: 42, messagesPerSecond: 12, lastMessageAt: NOW, reconnects: 0, signalsFired: 2, lastError: null };
