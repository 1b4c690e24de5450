/**
 * Issue 11, defect 9: the wallet view shares its lines by what they tell. At 80×24 it showed 1 of 112 positions
 * (its header and the recent-activity block kept their full height), and at 60×20 the bio was drawn over the name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/lib/text-width.ts';
import { chTime } from '../../src/store/client.ts';
import { layoutDetail, type HeaderLine } from '../../src/ui/views/layout.ts';
import { closeTestStore, openTestStore, type TestStore } from '../helpers/store.ts';
import { NOW, seedDashboard, W } from './helpers/seed.ts';
import { plain, waitForFrame, waitForText } from './helpers/frames.ts';
import { KEY, mountApp, press } from './helpers/mount.ts';

const POSITIONS = 112;
let store: TestStore;
beforeAll(async () => {
  store = await openTestStore();
  await seedDashboard(store);
  // AlphaWhale holds 112 more positions, synced with its others (4 minutes ago).
  await store.insert(
    'wallet_positions',
    Array.from({ length: POSITIONS }, (_, i) => ({
      proxy_wallet: W.alpha, condition_id: `0x${(i + 1).toString(16).padStart(64, 'e')}`, title: `Position market ${String(i + 1).padStart(3, '0')}`,
      outcome: 'Yes', market_slug: '', size: 1_000, avg_price: 0.5, cur_price: 0.5, initial_value: 500, current_value: 500 - i, cash_pnl: 0, percent_pnl: 0,
      updated_at: chTime(NOW - 4 * 60_000),
    })),
  );
});
afterAll(async () => closeTestStore(store));

const header = (priorities: number[]): HeaderLine[] => priorities.map((priority) => ({ segments: [{ text: `p${priority}` }], priority }));

describe('issue-11 the wallet view at small sizes', () => {
  it('layout: the table keeps five rows first; the footer shrinks then goes; header lines go by priority', () => {
    const lines = header([1, 5, 2, 3, 4]);
    const footer = { rows: 5, minRows: 3, chrome: 2 };
    // 160×45: everything, the table gets the rest.
    expect(layoutDetail(36, lines, 112, footer)).toMatchObject({ footerRows: 5, tableHeight: 24 });
    // 80×24 (15 lines): footer gone, header whole, the table 10 lines = 8 rows.
    expect(layoutDetail(15, lines, 112, footer)).toEqual({ header: lines.map((l) => l.segments), footerRows: 0, tableHeight: 10, panelLines: 0 });
    // 60×20 (11 lines): the bio (5) goes too.
    expect(layoutDetail(11, lines, 112, footer).header.map((s) => s[0]!.text)).toEqual(['p1', 'p2', 'p3', 'p4']);
    // 60×16 (7 lines): only who it is, and the table.
    expect(layoutDetail(7, lines, 112, footer)).toMatchObject({ header: [[{ text: 'p1' }]], tableHeight: 6 });
    // Few rows: the footer keeps its room.
    expect(layoutDetail(15, lines, 2, footer)).toMatchObject({ footerRows: 4, tableHeight: 4 });
  });

  // The fixed status has a failing job, so a DEGRADED banner takes one line of each screen.
  for (const [columns, rows, minPositions] of [[80, 24, 7], [60, 20, 5]] as const) {
    it(`${columns}×${rows}: at least ${minPositions} positions, the name on its own line, nothing drawn over anything`, async () => {
      const app = mountApp(store, { columns, rows });
      try {
        await waitForText(app.lastFrame, 'AlphaWhale');
        await press(app.stdin, KEY.enter);
        const frame = plain(await waitForFrame(app.lastFrame, (f) => f.includes('Position market 001') && f.includes('PnL DAY')));
        const lines = frame.split('\n');
        // Position rows end with the price now (`50¢`); the wallet's recent activity is not shown at these sizes.
        expect(lines.filter((l) => /^[›\s].*\d¢\s*((live|sync) \S+)?\s*$/.test(l)).length, frame).toBeGreaterThanOrEqual(minPositions);
        const identity = lines.find((l) => l.startsWith('AlphaWhale'));
        expect(identity, frame).toMatch(/^AlphaWhale \[✓\] @alphawhale {2}0x1111…1111/);
        // The bio is either on a line of its own or not shown: never mixed into another line.
        expect(lines.filter((l) => l.includes('Macro and crypto.')).every((l) => l.trim() === 'Macro and crypto.')).toBe(true);
        expect(lines.length).toBeLessThanOrEqual(rows - 1);
        for (const l of lines) expect(displayWidth(l), l).toBeLessThanOrEqual(columns);
      } finally {
        app.done();
      }
    });
  }
});
