/**
 * Issue 11's "done when", as a new user does it: `npm run demo`, quit, then `npm start` with no network — both with
 * their default data directories (a fresh XDG_DATA_HOME). The live screen says live, shows none of the demo's
 * rows, and shows the OFFLINE banner with its reason (defects 2 and 7).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { offlineArgs } from './offline.ts';
import { leaderboardRows, lines, ScreenLog, shellQuote, step } from './screens.ts';
import { TmuxSession } from './tmux.ts';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const home = mkdtempSync(join(tmpdir(), 'whaletop-home-'));
const sessions: TmuxSession[] = [];
afterAll(() => {
  for (const s of sessions) s.kill();
  rmSync(home, { recursive: true, force: true });
});

/** whaletop in tmux with `args`, its default data dirs under the temp XDG_DATA_HOME. */
function start(label: string, args: string[]): TmuxSession {
  const command = `cd ${shellQuote(repoRoot)} && node bin/whaletop.js ${args.map(shellQuote).join(' ')}; code=$?; echo "exited $code"; exit $code`;
  const session = TmuxSession.start(`whaletop-${label}-${process.pid}`, command, 160, 45, { CI: 'true', XDG_DATA_HOME: home });
  sessions.push(session);
  return session;
}

describe('issue-11 demo, quit, then live offline', () => {
  it('the live screen says live, has no demo row and shows the offline banner with its reason', async () => {
    const screens = new ScreenLog('demo-then-live');
    try {
      const demo = start('demo', ['--demo', '--health-port', '0', '--tracked-max', '60']);
      const demoScreen = await step(demo, screens, 'demo', (s) => /^whaletop · demo · sim /.test(s) && leaderboardRows(s).length >= 10, 90_000);
      const demoNames = leaderboardRows(demoScreen).map((r) => r.trader).filter((t) => !t.startsWith('0x'));
      expect(demoNames.length).toBeGreaterThan(3);
      demo.type('q');
      // The pane's own exit status, not the echoed line: under load tmux may drop the lines written as the
      // alternate screen closes, while the status of the command is always kept (remain-on-exit).
      await demo.waitFor(() => demo.exited(), 'the demo to exit after q', 60_000);
      expect(demo.exitStatus()).toBe(0);
      expect(existsSync(join(home, 'whaletop-demo'))).toBe(true);

      const live = start('live', ['--health-port', '0', ...(await offlineArgs())]);
      const screen = await step(live, screens, 'live-offline', (s) => / OFFLINE /.test(s) && s.includes('no leaderboard rows yet'), 60_000);
      const all = lines(screen);
      expect(all[0]).toMatch(/^whaletop · live · 127\.0\.0\.1:\d+ +\d\d:\d\d:\d\d UTC$/);
      expect(all[1]).toMatch(/^ OFFLINE  cannot reach 127\.0\.0\.1:\d+: connect ECONNREFUSED 127\.0\.0\.1:\d+ · since \d\d:\d\d:\d\d UTC · no data synced yet · r retries$/);
      expect(screen).toContain('— Polymarket unreachable (ECONNREFUSED); r retries now');
      expect(leaderboardRows(screen)).toEqual([]);
      for (const name of demoNames) expect(screen, `demo trader ${name} on the live screen`).not.toContain(name);
      expect(screen).toMatch(/Tracked Wallets 0 │ Whale Trades \(24h\) 0 │ Total Positions 0 │ Markets Held 0/);
      // Other tabs hold nothing of the demo either.
      live.type('2');
      const whales = await step(live, screens, 'live-whales', (s) => s.includes('no whale activity'), 20_000);
      for (const name of demoNames) expect(whales).not.toContain(name);
      live.type('q');
      await live.waitFor(() => live.exited(), 'the live monitor to exit after q', 60_000);
      expect(live.exitStatus()).toBe(0);
      expect(existsSync(join(home, 'whaletop'))).toBe(true);
      screens.remove();
    } catch (err) {
      const where = screens.keep(join(home, 'whaletop', 'whaletop.log'));
      if (err instanceof Error) err.message = `${err.message}\n${where}`;
      throw err;
    }
  }, 240_000);
});
