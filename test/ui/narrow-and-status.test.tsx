/**
 * Regressions found by the end-to-end run at 80×24 and in the status line: the help overlay's columns ran into
 * each other, tab 5 and the last stats card fell off the edge, never-run jobs showed a green check, the wallet's
 * PnL total had no label, and an idle live feed said nothing about why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobStatus, RuntimeStatus, StatusSource } from '../../src/lib/status.ts';
import { displayWidth } from '../../src/lib/text-width.ts';
import { closeTestStore, openTestStore, type TestStore } from '../helpers/store.ts';
import { NOW, seedDashboard } from './helpers/seed.ts';
import { plain, waitForFrame, waitForText } from './helpers/frames.ts';
import { KEY, mountApp, press } from './helpers/mount.ts';
import { LIVE_FEED } from './helpers/status.ts';

let store: TestStore;
beforeAll(async () => {
  store = await openTestStore();
  await seedDashboard(store);
});
afterAll(async () => closeTestStore(store));

const job = (name: string, o: Partial<JobStatus>): JobStatus => ({
  name, schedule: '*/5 * * * *', running: false, lastStartedAt: null, lastFinishedAt: null, lastSuccessAt: null, lastError: null,
  lastRows: 0, lastDurationMs: null, nextRunAt: null, consecutiveFailures: 0, ...o,
});

function statusWith(jobs: JobStatus[], feed: RuntimeStatus['feed']): StatusSource {
  const status: RuntimeStatus = { source: 'demo', sourceLabel: 'demo (simulator)', storeKind: 'embedded', storeDescription: 'embedded', startedAt: NOW, feed, jobs };
  return { get: () => status, subscribe: () => () => undefined };
}

/** The frame's lines without the offline/degraded banner (the fixed status has a failing job: see issue-11 tests). */
const linesOf = (frame: string): string[] => plain(frame).split('\n').filter((l) => !/^ (OFFLINE|DEGRADED) /.test(l));

describe('80×24 and the status line', () => {
  it('help-overlay-columns-run-together: at 80×24 every entry is whole, with a gap between columns', async () => {
    const app = mountApp(store, { columns: 80, rows: 24 });
    try {
      await waitForText(app.lastFrame, 'AlphaWhale');
      await press(app.stdin, '?');
      const frame = await waitForText(app.lastFrame, 'Help — keys here');
      const text = plain(frame);
      for (const description of ['cycle order (PnL/Vol)', 'follow / watch', 'pause/resume refresh', 'cycle category', 'reverse sort', 'previous tab', 'switch tab']) {
        expect(text, description).toContain(description);
      }
      // Two columns: the left description is followed by blanks before the right column's key.
      const row = linesOf(frame).find((l) => l.includes('cycle category'))!;
      expect(row).toMatch(/cycle category\s{3,}\S/);
      for (const line of linesOf(frame)) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
      await press(app.stdin, KEY.esc);
      await waitForFrame(app.lastFrame, (f) => !f.includes('Help — keys here'));
    } finally {
      app.done();
    }
  });

  it('help at the minimum size says how many keys it could not show, instead of crushing them', async () => {
    const app = mountApp(store, { columns: 60, rows: 16 });
    try {
      await waitForText(app.lastFrame, 'AlphaWhale');
      await press(app.stdin, '?');
      const frame = await waitForText(app.lastFrame, 'Help — keys here');
      expect(plain(frame)).toMatch(/\+\d+ more keys: enlarge the terminal to see them/);
      // Each column is as wide as its own entries: the description is whole and a gap comes before the next column.
      expect(plain(frame)).toMatch(/o +cycle order \(PnL\/Vol\) {3,}\S/);
      for (const line of linesOf(frame)) expect(displayWidth(line), line).toBeLessThanOrEqual(60);
    } finally {
      app.done();
    }
  });

  it('tabs-cut-at-80-columns: all five tabs with counts and all four stats cards fit 80 columns', async () => {
    const app = mountApp(store, { columns: 80, rows: 24 });
    try {
      const frame = await waitForFrame(app.lastFrame, (f) => f.includes('5 Signals (2)') && f.includes('2 Whales (3)'));
      const tabs = linesOf(frame)[2]!;
      expect(tabs).toMatch(/^ 1 Leaderboard \(3\)\s+2 Whales \(3\)\s+3 Smart \(\d+\)\s+4 Conc \(2\)\s+5 Signals \(2\)\s*$/);
      expect(linesOf(frame)[1]).toBe('Tracked Wallets 3 │ Whale Trades (24h) 3 │ Total Positions 4 │ Markets Held 2');
      // The active tab keeps its full name.
      await press(app.stdin, '5');
      const signals = await waitForText(app.lastFrame, '5 Live Signals (2)');
      expect(linesOf(signals)[2]).toMatch(/^ 1 Board \(3\)\s+2 Whales \(3\)\s+3 Smart \(\d+\)\s+4 Conc \(2\)\s+5 Live Signals \(2\)/);
    } finally {
      app.done();
    }
  });

  it('stats cards turn compact when the full labels do not fit', async () => {
    const app = mountApp(store, { columns: 70, rows: 24 });
    try {
      // The cards' query runs after the pane's own, so they may arrive a frame later.
      const frame = await waitForFrame(app.lastFrame, (f) => f.includes('AlphaWhale') && !linesOf(f)[1]!.includes('…'));
      expect(linesOf(frame)[1]).toBe('Wallets 3 │ Trades 24h 3 │ Positions 4 │ Markets 2');
    } finally {
      app.done();
    }
  });

  it('never-run-job-shows-check: never run has no mark, running says so, failed is a red ✗ with the error', async () => {
    const status = statusWith(
      [
        job('market-sync', { lastSuccessAt: NOW - 120_000, lastStartedAt: NOW - 125_000, lastFinishedAt: NOW - 120_000 }),
        job('holder-sync', {}),
        job('position-sync', { running: true, lastStartedAt: NOW - 1_000 }),
        job('profile-enricher', { lastError: 'HTTP 503', lastStartedAt: NOW - 5_000, lastFinishedAt: NOW - 4_000, consecutiveFailures: 1 }),
      ],
      LIVE_FEED,
    );
    const app = mountApp(store, { columns: 200, rows: 30, status });
    try {
      const frame = await waitForText(app.lastFrame, '✗ HTTP 503');
      const line = linesOf(frame).find((l) => l.startsWith('jobs: '))!;
      expect(line).toBe('jobs: market-sync 2m ✓ · holder-sync never · position-sync never …running · profile-enricher never ✗ HTTP 503');
      // Colour: the check green, the never-run job muted (gray), the failure red.
      expect(frame).toContain('\u001b[32m ✓');
      expect(frame).toContain('\u001b[90m · holder-sync never · ');
      expect(frame).toContain('\u001b[31m ✗ HTTP 503');
    } finally {
      app.done();
    }
  });

  it('an idle live feed says there is no watchlist yet, and the signals tab explains when it fills', async () => {
    const idle = { ...LIVE_FEED, state: 'idle' as const, tokens: 0, connections: 0 };
    // No signals yet, as on a first start (the last test of this file: its store is its own).
    await store.command('TRUNCATE TABLE fired_signals');
    const app = mountApp(store, { status: statusWith([], idle) });
    try {
      await waitForText(app.lastFrame, 'ws idle (no watchlist yet)');
      await press(app.stdin, '5');
      const frame = await waitForText(app.lastFrame, 'no signals yet');
      expect(plain(frame)).toContain('no signals yet: the watchlist fills after the first market and position syncs');
      expect(plain(frame)).toContain('jobs: none running');
    } finally {
      app.done();
    }
  });
});
