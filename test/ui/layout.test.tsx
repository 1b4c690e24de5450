import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/lib/text-width.ts';
import { closeTestStore, openTestStore, type TestStore } from '../helpers/store.ts';
import { seedDashboard } from './helpers/seed.ts';
import { plain, waitForFrame, waitForText } from './helpers/frames.ts';
import { mountApp, press } from './helpers/mount.ts';

let store: TestStore;
beforeAll(async () => {
  store = await openTestStore();
  await seedDashboard(store);
});
afterAll(async () => closeTestStore(store));

function assertFits(frame: string, columns: number, rows: number): void {
  const lines = plain(frame).split('\n');
  expect(lines.length).toBeLessThanOrEqual(rows - 1);
  for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(columns);
}

describe('layout', () => {
  it('fits 80×24 in every tab: frame ≤ rows − 1, no line wider than the terminal, low-value columns dropped', async () => {
    const app = mountApp(store, { columns: 80, rows: 24 });
    try {
      let frame = await waitForText(app.lastFrame, 'AlphaWhale');
      assertFits(frame, 80, 24);
      for (const [key, text] of [['2', '[REDEEM]'], ['3', '$63.5K'], ['4', 'Top-5'], ['5', '▲ UP']] as const) {
        await press(app.stdin, key);
        frame = await waitForText(app.lastFrame, text);
        assertFits(frame, 80, 24);
      }
      // Live signals at 80 columns: the lowest-priority column (Side/Size) gives way first.
      expect(plain(frame)).not.toContain('Side/Size');
      expect(plain(frame)).toContain('¢/min');
    } finally {
      app.done();
    }
  });

  it('reflows at once on resize and says when the terminal is too small', async () => {
    const app = mountApp(store, { columns: 120, rows: 30 });
    try {
      await waitForFrame(app.lastFrame, (f) => f.includes('AlphaWhale') && f.includes('0x1111…1111'));
      app.resize(60, 20);
      let frame = await waitForFrame(app.lastFrame, (f) => f.includes('AlphaWhale') && !f.includes('0x1111…1111'));
      assertFits(frame, 60, 20);
      app.resize(50, 12);
      frame = await waitForText(app.lastFrame, 'terminal too small: need 60×16 (have 50×12)');
      app.resize(100, 30);
      await waitForText(app.lastFrame, 'AlphaWhale');
    } finally {
      app.done();
    }
  });

  it('is readable without colour: no colour codes, badges keep their brackets, selection still marked', async () => {
    const app = mountApp(store, { color: false });
    try {
      await waitForText(app.lastFrame, 'AlphaWhale');
      await press(app.stdin, '2');
      const frame = await waitForText(app.lastFrame, '[SELL]');
      expect(frame).not.toMatch(/\u001b\[(3[0-9]|9[0-7])m/);
      expect(plain(frame)).toContain('[BUY]');
      expect(plain(frame)).toMatch(/^› /m);
    } finally {
      app.done();
    }
  });
});
