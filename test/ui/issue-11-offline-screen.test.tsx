/**
 * Issue 11, defect 7, on screen: with Polymarket unreachable the App shows an OFFLINE banner under the header
 * with the reason, since when and the last data; empty tables say the network is why; `r` retries the failed jobs
 * now and says which.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobStatus, RuntimeStatus, StatusSource } from '../../src/lib/status.ts';
import { closeTestStore, openTestStore, type TestStore } from '../helpers/store.ts';
import { NOW } from './helpers/seed.ts';
import { plain, waitForText } from './helpers/frames.ts';
import { mountApp, press } from './helpers/mount.ts';

let store: TestStore;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => closeTestStore(store));

const failing = (name: string): JobStatus => ({
  name, schedule: '*/10 * * * *', running: false, lastStartedAt: NOW - 60_000, lastFinishedAt: NOW - 59_000, lastSuccessAt: NOW - 3 * 3_600_000,
  lastError: 'connect ECONNREFUSED 127.0.0.1:9', lastRows: 0, lastDurationMs: 1_000, nextRunAt: null, consecutiveFailures: 2,
});

const offline: RuntimeStatus = {
  source: 'live', sourceLabel: 'live · polymarket.com', storeKind: 'embedded', storeDescription: 'embedded', startedAt: NOW - 120_000, feed: null,
  jobs: [failing('market-sync'), failing('leaderboard-sync')],
  network: { lastOkAt: null, failingSince: NOW - 61_000, lastFailure: { at: NOW - 59_000, kind: 'network', code: 'ECONNREFUSED', status: null, message: 'connect ECONNREFUSED 127.0.0.1:9', host: 'data-api.polymarket.com' } },
};
const source: StatusSource = { get: () => offline, subscribe: () => () => undefined };

describe('issue-11 offline on screen', () => {
  it('banner with reason, since and last data; empty tables name the network; r retries the failed jobs', async () => {
    const retried: string[][] = [];
    const app = mountApp(store, { status: source, columns: 160, rows: 40, retryFailedJobs: () => (retried.push(['market-sync', 'leaderboard-sync']), ['market-sync', 'leaderboard-sync']) });
    try {
      const frame = plain(await waitForText(app.lastFrame, 'no leaderboard rows yet'));
      const lines = frame.split('\n');
      expect(lines[0]).toMatch(/^whaletop · live · polymarket\.com/);
      expect(lines[1]).toMatch(/^ OFFLINE  cannot reach data-api\.polymarket\.com: connect ECONNREFUSED 127\.0\.0\.1:9 · since \d\d:\d\d:\d\d UTC · last data 3h ago · r retries$/);
      expect(frame).toContain('no leaderboard rows yet for this board (the leaderboard sync has not written it) — Polymarket unreachable (ECONNREFUSED); r retries now');
      // The frame still fits: one line less for the pane.
      expect(lines.length).toBeLessThanOrEqual(39);
      await press(app.stdin, '2');
      await waitForText(app.lastFrame, 'no whale activity ≥ $500 in the last 24 h — Polymarket unreachable (ECONNREFUSED)');
      await press(app.stdin, 'r');
      await waitForText(app.lastFrame, 'retrying now: market-sync, leaderboard-sync');
      expect(retried).toHaveLength(1);
    } finally {
      app.done();
    }
  });
});
