import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestStore, openTestStore, type TestStore } from '../helpers/store.ts';
import { seedDashboard } from './helpers/seed.ts';
import { plain, waitForFrame, waitForText } from './helpers/frames.ts';
import { KEY, mountApp, press } from './helpers/mount.ts';

let store: TestStore;
beforeAll(async () => {
  store = await openTestStore();
  await seedDashboard(store);
});
afterAll(async () => closeTestStore(store));

const lineWith = (frame: string, text: string): string => plain(frame).split('\n').find((l) => l.includes(text)) ?? '';

describe('panes render from a real store', () => {
  it('header, stats cards, tabs and the leaderboard with coloured PnL', async () => {
    const app = mountApp(store);
    try {
      // The cards' query runs after the pane's own, so they may arrive a frame later.
      const frame = await waitForFrame(app.lastFrame, (f) => f.includes('AlphaWhale') && f.includes('Tracked Wallets 3'));
      const text = plain(frame);
      expect(text).toContain('whaletop · demo (simulator)');
      expect(text).toContain('Tracked Wallets 3 │ Whale Trades (24h) 3 │ Total Positions 4 │ Markets Held 2');
      expect(text).toContain('1 Leaderboard (3)');
      expect(lineWith(frame, '#1')).toMatch(/›\s+#1 AlphaWhale\s+\+\$1\.2M\s+—\s+—\s+\$9\.9M \[✓\] @alphawhale/);
      expect(lineWith(frame, '#3')).toContain('0x3333…3333');
      expect(text).not.toContain('GoneGuy');
      // PnL carries meaning in colour: green for gains, red for losses.
      expect(frame).toMatch(/\u001b\[32m\s*\+\$1\.2M/);
      expect(frame).toMatch(/\u001b\[31m\s*-\$45\.6K/);
      expect(text).toContain('holders 15m ✗ timeout after 30 s');
      // The feed's state, connections, tokens, messages/s, last message age and reconnects.
      expect(text).toContain('ws live · store embedded');
      // The counters come last, so at 100 columns the reconnect count is what gets cut.
      expect(text).toMatch(/· ws 1 conn 42 tok 12 msg\/s last msg \S+ ago …/);
    } finally {
      app.done();
    }
  });

  it('whale activity: relative times, badges, sizes and cents', async () => {
    const app = mountApp(store);
    try {
      await waitForText(app.lastFrame, 'AlphaWhale');
      await press(app.stdin, '2');
      const frame = await waitForText(app.lastFrame, '[REDEEM]');
      expect(lineWith(frame, '2m ago')).toMatch(/2m ago AlphaWhale\s+Will BTC hit \$100k by June\?\s+\[TRADE\]\s+\[BUY\]\s+Yes\s+\$12K\s+60¢/);
      expect(lineWith(frame, '1h ago')).toMatch(/BetaBear.*\[SELL\].*\$3\.4K\s+42\.5¢/);
      expect(frame).toMatch(/\u001b\[32m\[BUY\]/);
      expect(frame).toMatch(/\u001b\[31m\[SELL\]/);
      expect(plain(frame)).toContain('2 Whale Activity (3)');
    } finally {
      app.done();
    }
  });

  it('smart money, concentration (with bar) and live signals (with sparkline and hit rate)', async () => {
    const app = mountApp(store);
    try {
      await waitForText(app.lastFrame, 'AlphaWhale');
      await press(app.stdin, '3');
      let frame = await waitForText(app.lastFrame, '$63.5K');
      expect(lineWith(frame, '$63.5K')).toMatch(/#1 AlphaWhale\s+Will BTC hit \$100k by June\?\s+\[Yes\]\s+\$63\.5K\s+\+\$8\.5K\s+\+15\.5%\s+63\.5¢/);
      expect(lineWith(frame, '$7.3K')).toMatch(/#2 BetaBear.*\[No\].*-\$1\.2K\s+-14\.1%/);

      await press(app.stdin, '4');
      frame = await waitForText(app.lastFrame, 'Top-5');
      expect(lineWith(frame, 'Fed cuts')).toMatch(/Fed cuts rates in July\?\s+3\s+10K\s+100\.0% ██████████ AlphaWhale\s+5K/);
      expect(lineWith(frame, 'BTC')).toMatch(/6\s+127K\s+99\.9% ██████████/);

      await press(app.stdin, '5');
      // The hit-rate line is its own query: wait for the signal rows too.
      frame = await waitForFrame(app.lastFrame, (f) => f.includes('hit rate 5m') && f.includes('ELITE'));
      const btc = lineWith(frame, 'BTC');
      expect(btc).toMatch(/3m \[HIGH\] ELITE Will BTC hit \$100k… ▲ UP\s+63\.5¢\s+60¢\s+\+1\.2 AlphaWhale #1 \[BUY\] \$12K ▁▂▃▃▄▅▆▆▇█/);
      expect(lineWith(frame, 'Fed')).toMatch(/20m \[LOW\]\s+MOM\s+Fed cuts rates in … ▼ DOWN\s+12¢\s+15¢\s+-0\.8/);
      expect(plain(frame)).toContain('MOM/LOW 1/1 100% · 15m 0/1 0%');
      expect(frame).toMatch(/\u001b\[32m\[HIGH\]/);
    } finally {
      app.done();
    }
  });

  it('says honestly that the live feed is not running', async () => {
    const app = mountApp(store, { feed: null });
    try {
      await waitForText(app.lastFrame, 'AlphaWhale');
      await press(app.stdin, '5');
      const frame = await waitForText(app.lastFrame, 'live feed is not running');
      expect(plain(frame)).toContain('ws off');
    } finally {
      app.done();
    }
  });

  it('wallet view: profile, PnL by period, ranks, positions and activity; market view: prices and holders', async () => {
    // The wallet's PnL chart takes 11 lines and recent activity gives way first (layoutDetail): 40 rows hold both.
    const app = mountApp(store, { rows: 40 });
    try {
      await waitForText(app.lastFrame, 'AlphaWhale');
      await press(app.stdin, KEY.enter);
      let frame = await waitForText(app.lastFrame, 'Recent activity');
      let text = plain(frame);
      expect(text).toContain('Leaderboard › AlphaWhale');
      expect(text).toMatch(/AlphaWhale \[✓\] @alphawhale\s+0x1111…1111 · first seen 10d ago/);
      expect(text).toContain('Macro and crypto.');
      expect(text).toMatch(/PnL DAY –\s+WEEK \+\$40K\s+MONTH –\s+ALL \+\$1\.2M\s*$/m);
      expect(text).toContain('Open 2 positions worth $67.9K · PnL +$8.9K');
      // The category bars also show $63.5K: the position row is the one with the market's title.
      const positionLine = plain(frame).split('\n').find((l) => l.includes('Will BTC') && l.includes('$63.5K')) ?? '';
      expect(text).toContain('Ranks OVERALL/ALL/PNL #1 · CRYPTO/ALL/PNL #2 · OVERALL/WEEK/PNL #5');
      expect(positionLine).toMatch(/›\s*Will BTC hit \$100k by June\?\s+\[Yes\]\s+\$63\.5K\s+\+\$8\.5K/);
      expect(text).toMatch(/2m ago\s+Will BTC hit \$100k by June\?\s+\[TRADE\]\s+\[BUY\]/);
      expect(text).toMatch(/PnL over time \+\$51\.8K\s+net cash of 3 activities/);
      expect(lineWith(frame, 'Market ')).toMatch(/Now\s+Price from/);
      expect(positionLine).toMatch(/63\.5¢\s+live 0s/);

      await press(app.stdin, KEY.enter);
      frame = await waitForText(app.lastFrame, 'Concentration 6 holders');
      text = plain(frame);
      expect(text).toContain('Will BTC hit $100k by June?');
      expect(text).toMatch(/Crypto · vol \$5\.4M · 24h \$320K · liq \$150K · ends in 30d/);
      expect(text).toContain('Price Yes 63.5¢ (live mid) · No 36.5¢');
      expect(text).toContain('top-5 99.9% ██████████ · top AlphaWhale 100K');
      expect(lineWith(frame, 'Shy-Otter')).toMatch(/\[Yes\]\s+Shy-Otter\s+1K\s+6m ago/);
      // BetaBear is a holder and, in the market's trades, a seller: both lines are there.
      expect(text).toMatch(/\[No\]\s+BetaBear\s+20K/);
      expect(text).toMatch(/1h ago\s+SELL\s+\$3\.4K \[No\] @42\.5¢ BetaBear/);

      await press(app.stdin, KEY.esc);
      await waitForText(app.lastFrame, 'Recent activity');
      await press(app.stdin, KEY.esc);
      frame = await waitForFrame(app.lastFrame, (f) => f.includes('1 Leaderboard (3)'));
      expect(plain(frame)).not.toContain('Recent activity');
    } finally {
      app.done();
    }
  });
});
