import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestStore, openTestStore, type TestStore } from '../helpers/store.ts';
import { M, seedDashboard } from './helpers/seed.ts';
import { plain, selectedLine, waitForFrame, waitForText } from './helpers/frames.ts';
import { KEY, mountApp, press } from './helpers/mount.ts';

let store: TestStore;
beforeAll(async () => {
  store = await openTestStore();
  await seedDashboard(store);
});
afterAll(async () => closeTestStore(store));

describe('keyboard', () => {
  it('switches tabs with digits, Tab, Shift-Tab and arrows', async () => {
    const app = mountApp(store);
    try {
      await waitForText(app.lastFrame, 'AlphaWhale');
      await press(app.stdin, KEY.tab);
      await waitForText(app.lastFrame, '[REDEEM]');
      await press(app.stdin, KEY.right);
      await waitForText(app.lastFrame, 'Position');
      await press(app.stdin, KEY.left, KEY.shiftTab);
      await waitForFrame(app.lastFrame, (f) => f.includes('Volume') && f.includes('#1 AlphaWhale'));
      await press(app.stdin, '5');
      await waitForText(app.lastFrame, 'hit rate 5m');
    } finally {
      app.done();
    }
  });

  it('moves the selection with j/k, G/g and filters live; Esc clears', async () => {
    const app = mountApp(store);
    try {
      await waitForText(app.lastFrame, 'AlphaWhale');
      await press(app.stdin, 'j');
      await waitForFrame(app.lastFrame, (f) => selectedLine(f).includes('BetaBear'));
      await press(app.stdin, 'G');
      await waitForFrame(app.lastFrame, (f) => selectedLine(f).includes('#3'));
      await press(app.stdin, 'g');
      await waitForFrame(app.lastFrame, (f) => selectedLine(f).includes('AlphaWhale'));
      await press(app.stdin, '/', 'b', 'e', 't');
      let frame = await waitForFrame(app.lastFrame, (f) => f.includes('/bet') && !f.includes('AlphaWhale'));
      expect(selectedLine(frame)).toContain('BetaBear');
      await press(app.stdin, KEY.backspace, KEY.backspace, KEY.backspace, 'z', 'z');
      await waitForText(app.lastFrame, 'no rows match “zz”');
      await press(app.stdin, KEY.esc);
      frame = await waitForFrame(app.lastFrame, (f) => f.includes('AlphaWhale') && f.includes('BetaBear'));
      expect(plain(frame)).not.toContain('filter “');
    } finally {
      app.done();
    }
  });

  it('sorts with s (cycle column) and S (reverse)', async () => {
    const app = mountApp(store);
    try {
      await waitForText(app.lastFrame, 'AlphaWhale');
      await press(app.stdin, 's');
      await waitForText(app.lastFrame, 'sort # ↓');
      await waitForFrame(app.lastFrame, (f) => selectedLine(f).includes('#3'));
      await press(app.stdin, 's', 's');
      await waitForText(app.lastFrame, 'sort PnL ↓');
      await press(app.stdin, 'S');
      const frame = await waitForFrame(app.lastFrame, (f) => f.includes('sort PnL ↑'));
      expect(selectedLine(frame)).toContain('BetaBear');
    } finally {
      app.done();
    }
  });

  it('cycles category, period and order of the leaderboard', async () => {
    const app = mountApp(store);
    try {
      await waitForText(app.lastFrame, 'AlphaWhale');
      await press(app.stdin, 'p');
      await waitForText(app.lastFrame, 'OVERALL · DAY · PNL');
      await press(app.stdin, 'p');
      await waitForFrame(app.lastFrame, (f) => f.includes('OVERALL · WEEK · PNL') && f.includes('#5 AlphaWhale'));
      await press(app.stdin, 'p', 'p', 'c', 'c', 'c');
      await waitForFrame(app.lastFrame, (f) => f.includes('CRYPTO · ALL · PNL') && f.includes('#2 AlphaWhale'));
      await press(app.stdin, 'o');
      await waitForText(app.lastFrame, 'CRYPTO · ALL · VOL');
      await waitForText(app.lastFrame, 'no leaderboard rows yet');
    } finally {
      app.done();
    }
  });

  it('drills in and out with Enter, Backspace, q; help lists the keys of the context', async () => {
    let quits = 0;
    const app = mountApp(store, { onQuit: () => quits++ });
    try {
      await waitForText(app.lastFrame, 'AlphaWhale');
      await press(app.stdin, '4');
      await waitForText(app.lastFrame, 'Top-5');
      await press(app.stdin, KEY.enter);
      await waitForText(app.lastFrame, 'Concentration 3 holders');
      await press(app.stdin, '?');
      let frame = await waitForText(app.lastFrame, 'Help — keys here');
      expect(plain(frame)).toMatch(/Esc\/Bksp\s+back/);
      expect(plain(frame)).toMatch(/w\s+follow \/ watch/);
      await press(app.stdin, KEY.esc);
      await waitForFrame(app.lastFrame, (f) => !f.includes('Help — keys here'));
      await press(app.stdin, 'G', KEY.enter);
      // At 100×30 the wallet view shows its PnL chart; recent activity gives way first (layoutDetail).
      await waitForFrame(app.lastFrame, (f) => f.includes('› AlphaWhale') && f.includes('PnL over time'));
      await press(app.stdin, KEY.backspace);
      await waitForText(app.lastFrame, 'Concentration 3 holders');
      await press(app.stdin, 'q');
      await waitForText(app.lastFrame, '4 Concentration (2)');
      expect(quits).toBe(0);
      await press(app.stdin, '?');
      frame = await waitForText(app.lastFrame, 'Help — keys here');
      expect(plain(frame)).toMatch(/q\s+quit/);
      expect(plain(frame)).toMatch(/space\s+pause\/resume refresh/);
      await press(app.stdin, '?', 'q');
      await waitForFrame(app.lastFrame, () => quits === 1);
      await press(app.stdin, KEY.ctrlC);
      await waitForFrame(app.lastFrame, () => quits === 2);
    } finally {
      app.done();
    }
  });

  it('pauses and resumes, changes the interval, and w toggles the watchlist with a flash', async () => {
    const app = mountApp(store);
    try {
      await waitForText(app.lastFrame, 'AlphaWhale');
      await press(app.stdin, ' ');
      await waitForText(app.lastFrame, 'PAUSED');
      await press(app.stdin, ' ');
      await waitForFrame(app.lastFrame, (f) => !f.includes('PAUSED'));
      await press(app.stdin, '-');
      await waitForText(app.lastFrame, 'every 30s');
      await press(app.stdin, '3');
      await waitForText(app.lastFrame, '$63.5K');
      await press(app.stdin, 'w');
      await waitForText(app.lastFrame, 'added to watchlist: Will BTC hit $100k by June?');
      const [row] = await store.query<{ removed: number; auto: number }>(
        'SELECT argMax(removed, updated_at) AS removed, argMax(auto_added, updated_at) AS auto FROM watchlist_markets WHERE market_id = {id:String}',
        { id: M.btc },
      );
      expect(row).toEqual({ removed: 0, auto: 0 });
      await press(app.stdin, KEY.enter);
      await waitForText(app.lastFrame, '[watched]');
      await press(app.stdin, 'w');
      await waitForText(app.lastFrame, 'removed from watchlist');
      await press(app.stdin, 'r');
      await waitForFrame(app.lastFrame, (f) => !f.includes('[watched]'));
    } finally {
      app.done();
    }
  });
});
