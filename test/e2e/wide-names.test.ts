/**
 * Issue 11, defect 6, in a real terminal: a live store whose names and market titles carry ZWJ families, flags,
 * skin tones, VS16, keycaps and Indic conjuncts, shown by whaletop in tmux at 160×45. No row may be wider than the
 * terminal: tmux marks a line that overflowed as wrapped, so the screen captured with wrapped lines joined
 * (`capture-pane -J`) must equal the plain capture, and the header must stay on the first line (a wrapped row
 * scrolls the frame up on every redraw).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { seedWideStore } from '../helpers/seed-wide.ts';
import { offlineArgs } from './offline.ts';
import { lastInkedLine, lines, ScreenLog, shellQuote, step } from './screens.ts';
import { TmuxSession } from './tmux.ts';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'whaletop-wide-'));
let session: TmuxSession | null = null;
afterAll(() => {
  session?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The same screen with wrapped lines joined: equal to the plain capture when no line overflowed. */
function unwrapped(s: TmuxSession): string[] {
  return lines(s.captureJoined()).map((l) => l.trimEnd());
}

describe('issue-11 wide names in tmux', () => {
  it('160×45: rows of emoji sequences never overflow the terminal, in the leaderboard, whale activity and market view', async () => {
    const names = await seedWideStore(dataDir);
    const args = ['--data-dir', dataDir, '--health-port', '0', '--no-live', ...(await offlineArgs())];
    const command = `cd ${shellQuote(repoRoot)} && node bin/whaletop.js ${args.map(shellQuote).join(' ')}`;
    session = TmuxSession.start(`whaletop-wide-${process.pid}`, command, 160, 45, { CI: 'true' });
    const screens = new ScreenLog('wide');
    const s = session;
    const fits = (screen: string): boolean => {
      const plain = lines(screen).map((l) => l.trimEnd());
      const joined = unwrapped(s);
      return plain[0]!.startsWith('whaletop') && lastInkedLine(screen) <= 43 && joined.length === plain.length && joined.every((l, i) => l === plain[i]);
    };
    // Two captures are two moments: while a frame is being redrawn they may differ. An overflowing row is
    // marked wrapped on every capture for as long as it is on screen, so "the captures agree" is waited for, with a
    // deadline, and never holds when a row is too wide.
    const check = (name: string, ready: (screen: string) => boolean): Promise<string> => step(s, screens, name, (sc) => ready(sc) && fits(sc), 60_000);
    try {
      const selected = (rank: number) => (sc: string) => lines(sc).some((l) => l.startsWith('›') && l.includes(`#${rank} `));
      await check('leaderboard', (sc) => sc.includes('family 1') && sc.includes('#20 ') && selected(1)(sc));
      // The selected row is padded to the full width: each name in turn on the widest row of the screen.
      for (let rank = 2; rank <= names.length; rank++) {
        s.keys('j');
        await check(`leaderboard-${rank}`, selected(rank));
      }
      s.keys('g');
      await check('leaderboard-top', selected(1));
      // Whale activity fits its rows to the width exactly: a long title fills the Market column to the last cell.
      s.type('2');
      const whales = await check('whale-activity', (sc) => sc.includes('[TRADE]') && sc.includes('flags'));
      expect(whales).toContain('[SELL]');
      for (let row = 2; row <= 20; row++) {
        s.keys('j');
        await check(`whale-activity-${row}`, (sc) => {
          const all = lines(sc);
          const header = all.findIndex((l) => /^\s+Time\s+Trader\s+Market/.test(l));
          return all.filter((l) => /^ +\d+m ago/.test(l)).length >= 19 && all.findIndex((l) => l.startsWith('›')) === header + row;
        });
      }
      s.keys('Enter');
      await check('wallet-view', (sc) => sc.includes('Whale Activity › ') && sc.includes('Recent activity'));
      s.keys('Escape');
      s.type('1');
      await check('leaderboard-again', (sc) => sc.includes('#1 ') && !sc.includes('Esc back'));
      expect(names).toHaveLength(40);
      s.type('q');
      await s.waitFor(() => s.exited(), 'whaletop to exit after q');
      screens.remove();
    } catch (err) {
      const where = screens.keep(join(dataDir, 'whaletop.log'));
      if (err instanceof Error) err.message = `${err.message}\n${where}`;
      throw err;
    }
  }, 120_000);
});
