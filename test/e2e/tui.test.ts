/**
 * The whole product in a real terminal: `whaletop --demo` (simulator, sync jobs, live feed, Ink UI) inside tmux
 * at 160×45 and at 80×24, driven by keys as a person would, every screen captured as text and asserted on.
 * Every wait is a predicate with a deadline; a failure names the step, shows the last screen and keeps all
 * captured screens (and the app's log) in a temp dir.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { TmuxSession } from './tmux.ts';
import { colourCodes, lastInkedLine, leaderboardRows, lines, ScreenLog, shellQuote, step, styledLines, styleOf, widestLine } from './screens.ts';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const TABS = ['Leaderboard', 'Whale Activity', 'Smart Money', 'Concentration', 'Live Signals'];
const EXIT_MARKER = 'whaletop exited with';
const BEFORE_MARKER = 'the shell screen before whaletop';
/** First data needs the simulator, two sync jobs and a migration on a 2-core machine shared with other work. */
const FIRST_DATA_MS = 60_000;

/** One app under test: its data dir, tmux session, captured screens and raw terminal output. */
class Run {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'whaletop-e2e-data-'));
  readonly screens: ScreenLog;
  readonly rawFile: string;
  readonly session: TmuxSession;

  constructor(label: string, width: number, height: number, extraArgs: string[], env: Record<string, string>) {
    this.screens = new ScreenLog(label);
    this.rawFile = join(this.screens.dir, 'terminal.raw');
    const args = ['--demo', '--health-port', '0', '--data-dir', this.dataDir, '--tracked-max', '60', ...extraArgs];
    // The shell line after whaletop shows how it ended, on the screen itself, right under its last frame.
    // A line on the shell's screen before whaletop starts: quitting must bring it back (the alternate screen).
    const command = `cd ${shellQuote(repoRoot)} && echo "${BEFORE_MARKER}" && node bin/whaletop.js ${args.map(shellQuote).join(' ')}; echo "${EXIT_MARKER} $?"`;
    const name = `whaletop-e2e-${label}-${process.pid}-${Date.now().toString(36)}`;
    this.session = TmuxSession.start(name, command, width, height, env);
    this.session.recordOutput(this.rawFile);
  }

  /** The screen with its SGR attributes, saved under `name` beside the plain captures. */
  styled(name: string): string {
    const raw = this.session.captureStyled();
    this.screens.save(`${name}-styled`, raw);
    return raw;
  }

  /** Waits for `predicate` and saves the screen under `name`. */
  step(name: string, predicate: (screen: string) => boolean, timeoutMs?: number): Promise<string> {
    return step(this.session, this.screens, name, predicate, timeoutMs);
  }

  /** Runs the scenario; on failure keeps the screens and adds where they are to the error. */
  async scenario(body: () => Promise<void>): Promise<void> {
    try {
      await body();
    } catch (err) {
      const where = this.screens.keep(join(this.dataDir, 'whaletop.log'));
      if (err instanceof Error) err.message = `${err.message}\n${where}`;
      throw err;
    }
    // WHALETOP_E2E_KEEP_SCREENS=1 keeps the screens of a passing run too (to look at them).
    if (process.env.WHALETOP_E2E_KEEP_SCREENS) process.stderr.write(`${this.screens.keep(join(this.dataDir, 'whaletop.log'))}\n`);
    else this.screens.remove();
  }

  dispose(): void {
    this.session.kill();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

const runs: Run[] = [];
afterAll(() => {
  for (const run of runs) run.dispose();
});

/**
 * Every run exports CI=true, as CI jobs and some container images do: Ink and chalk must still draw live and in
 * colour at a terminal (issue 11, defect 1: chalk turned colour off whenever CI was set, even to false).
 */
function start(label: string, width: number, height: number, extraArgs: string[] = [], env: Record<string, string> = {}): Run {
  const run = new Run(label, width, height, extraArgs, { CI: 'true', ...env });
  runs.push(run);
  return run;
}

const hasLeaderboard = (s: string) => leaderboardRows(s).some((r) => r.rank === 1);
const hasWhaleRows = (s: string) => /(\d+[smhd] ago|just now) .*\[(TRADE|SPLIT|MERGE|REDEEM|REWARD|CONVERSION)\]/.test(s);
const hasSmartMoneyRows = (s: string) => /#\d+ \S+.*\[[^\]]+\]\s+\$[\d.]+[KM]?/.test(s);
const hasConcentrationRows = (s: string) => s.includes('Top-5 Share') && /\d+\.\d% [█░]{10}/.test(s);
const SIGNALS_EMPTY = 'no signals fired in the last 24 h';

/** Signed dollar amounts (PnL) as the panes print them: `+$23K`, `-$1.2K`. */
const SIGNED_USD = /[+-]\$[\d.,]+[KMB]?/g;

/**
 * Every signed amount on a captured screen is green (+) or red (−); returns how many of each it saw, so a scenario
 * can require both. Colour comes from the SGR state tmux reports (capture-pane -e), not from what the app meant.
 */
function signedAmountColours(raw: string): { pos: number; neg: number } {
  const seen = { pos: 0, neg: 0 };
  for (const line of styledLines(raw)) {
    for (const m of line.text.matchAll(SIGNED_USD)) {
      const fg = line.styles[m.index]?.fg;
      if (m[0].startsWith('+')) {
        expect(fg, `${m[0]} on: ${line.text}`).toBe(32);
        seen.pos += 1;
      } else {
        expect(fg, `${m[0]} on: ${line.text}`).toBe(31);
        seen.neg += 1;
      }
    }
  }
  return seen;
}

/** The selected row (›) is drawn inverse across its text; the active tab is inverse, the others are not. */
function expectSelectionAndTabStyles(raw: string, activeTab: string, otherTab: string): void {
  const styled = styledLines(raw);
  const selected = styled.find((l) => l.text.startsWith('›'));
  expect(selected, raw).toBeDefined();
  expect(styleOf(selected!, '›')?.inverse).toBe(true);
  expect(styleOf(selected!, /\S(?=\S*\s*$)/)?.inverse, 'the last cell of the selected row').toBe(true);
  const unselected = styled.find((l) => /^ +#\d+ /.test(l.text));
  if (unselected) expect(styleOf(unselected, '#')?.inverse).toBe(false);
  const tabs = styled[2]!;
  expect(styleOf(tabs, activeTab)?.inverse, tabs.text).toBe(true);
  expect(styleOf(tabs, otherTab)?.inverse, tabs.text).toBe(false);
}

/** The leaderboard's first ten ranks, in order, with the board line above them. */
function expectLeaderboard(screen: string, minRows: number): void {
  expect(screen).toContain('OVERALL · ALL · PNL');
  const ranks = leaderboardRows(screen).map((r) => r.rank);
  expect(ranks.length).toBeGreaterThanOrEqual(minRows);
  expect(ranks).toEqual(ranks.map((_, i) => i + 1));
}

/** A trader label that only one visible row shows and that cannot match a hex wallet (it has a letter past f). */
function distinctiveTrader(screen: string): string {
  const rows = leaderboardRows(screen);
  const pick = rows.find(
    (r) => r.rank > 1 && r.trader.length >= 6 && !r.trader.startsWith('0x') && /[g-z]/.test(r.trader) && rows.filter((o) => o.line.toLowerCase().includes(r.trader.toLowerCase())).length === 1,
  );
  if (!pick) throw new Error(`no distinctive trader name on the leaderboard:\n${screen}`);
  return pick.trader;
}

/** Types a filter on the visible table and checks only matching rows remain, then Esc clears it. */
async function filterLeaderboard(run: Run): Promise<void> {
  const before = run.session.capture();
  const needle = distinctiveTrader(before);
  run.session.type('/');
  await run.step('filter-editing', (s) => s.includes('/▏') && s.includes('Enter keep · Esc clear'));
  run.session.type(needle);
  const filtered = await run.step('filter-applied', (s) => {
    const rows = leaderboardRows(s);
    return s.includes(`filter “${needle}”`) && rows.length >= 1 && rows.every((r) => r.line.toLowerCase().includes(needle.toLowerCase()));
  });
  expect(leaderboardRows(filtered).some((r) => r.trader === needle)).toBe(true);
  expect(leaderboardRows(filtered).some((r) => r.rank === 1)).toBe(false);
  run.session.keys('Enter');
  const kept = await run.step('filter-kept', (s) => !s.includes('/▏') && s.includes(`filter “${needle}”`));
  expect(leaderboardRows(kept).every((r) => r.line.toLowerCase().includes(needle.toLowerCase()))).toBe(true);
  run.session.keys('Escape');
  const cleared = await run.step('filter-cleared', (s) => !s.includes('filter “') && hasLeaderboard(s));
  expect(leaderboardRows(cleared).length).toBeGreaterThan(leaderboardRows(filtered).length);
}

/** `?` shows the key help of the current context; `?` closes it again. */
async function helpRoundTrip(run: Run): Promise<void> {
  run.session.type('?');
  const help = await run.step('help', (s) => s.includes('Help — keys here'));
  expect(help).toContain('cycle category');
  expect(help).toMatch(/\?\/Esc\/q\s+close help/);
  expect(leaderboardRows(help)).toEqual([]);
  run.session.type('?');
  await run.step('help-closed', (s) => !s.includes('Help — keys here') && hasLeaderboard(s));
}

/** `q` at the top level quits: the process exits 0 and the terminal gets its cursor back. */
async function quit(run: Run, opts: { resizedWhileOpen?: boolean } = {}): Promise<string> {
  run.session.type('q');
  await run.session.waitFor(() => run.session.exited(), 'the process to exit after q', 20_000);
  const screen = await run.step('after-exit', (s) => s.includes(EXIT_MARKER));
  expect(screen).toContain(`${EXIT_MARKER} 0`);
  // Like htop: the TUI ran on the alternate screen, so quitting brings back the shell's screen as it was — the line
  // printed before the start, then the exit line, and no frame of the TUI left behind.
  const all = lines(screen);
  const marker = all.findIndex((l) => l.startsWith(EXIT_MARKER));
  // (tmux may drop the saved shell screen's lines — after a resize under the alternate screen, and on a loaded
  // machine also without one — so where the shell line survived it must sit right above the exit line; that the
  // program used and left the alternate screen is proven from the raw output below.)
  if (!opts.resizedWhileOpen && marker > 0) expect(all[marker - 1]).toBe(BEFORE_MARKER);
  expect(all.slice(marker + 1).filter((l) => l.trim() !== '' && !l.startsWith('Pane is dead'))).toEqual([]);
  expect(screen).not.toContain('whaletop · ');
  // What capture-pane cannot show: the program entered the alternate screen, and after its last frame it showed
  // the cursor, turned mouse reporting off (when on) and left the alternate screen, writing nothing else.
  const raw = readFileSync(run.rawFile, 'latin1');
  const tail = raw.slice(0, raw.lastIndexOf(EXIT_MARKER));
  expect(raw).toContain('\x1b[?1049h');
  expect(tail).toMatch(/\x1b\[\?25h(\x1b\[\?1006l\x1b\[\?1000l)?\x1b\[\?1049l(\x1b\[\?25h)?$/);
  return screen;
}

describe('whaletop --demo in a real terminal', () => {
  it('160×45: every tab with data, a filter, a wallet and two markets drilled into, help, quit', async () => {
    // On a fresh store the scheduler runs every sync job once at start, so every pane gets rows within seconds.
    const run = start('160x45', 160, 45);
    await run.scenario(async () => {
      // The status line follows the rows it reports by one status batch: wait for both.
      const first = await run.step('leaderboard', (s) => hasLeaderboard(s) && s.includes('Leaderboard (200') && /leaderboard-sync \d+[smh] ✓/.test(s), FIRST_DATA_MS);
      const [header, stats, tabs] = lines(first);
      expect(header).toMatch(/^whaletop · demo · sim 127\.0\.0\.1:\d+ +\d\d:\d\d:\d\d UTC$/);
      expect(stats).toMatch(/^Tracked Wallets [\d,]+ │ Whale Trades \(24h\) [\d,]+ │ Total Positions [\d,]+ │ Markets Held [\d,]+/);
      TABS.forEach((tab, i) => expect(tabs).toContain(`${i + 1} ${tab}`));
      expect(tabs).toContain('1 Leaderboard (200)');
      expectLeaderboard(first, 30);
      expect(first).toMatch(/jobs: market-sync \d+[smh] ✓ · leaderboard-sync \d+[smh] ✓/);
      expect(widestLine(first)).toBeLessThanOrEqual(160);
      // Colour reaches the terminal although CI=true is exported: green PnL, inverse selection and active tab.
      const firstStyled = run.styled('leaderboard');
      expectSelectionAndTabStyles(firstStyled, '1 Leaderboard', '2 Whale Activity');
      const amounts = signedAmountColours(firstStyled);
      expect(amounts.pos).toBeGreaterThanOrEqual(10);
      expect(styleOf(styledLines(firstStyled)[0]!, 'demo')?.fg, 'the header says demo in yellow').toBe(33);

      // Five keys in one read (what send-keys, key repeat and pastes produce) move five rows, and back.
      run.session.keys('jjjjj');
      await run.step('five-down-in-one-read', (s) => /^›\s*#6 /m.test(s));
      run.session.keys('kkkkk');
      await run.step('five-up-in-one-read', (s) => /^›\s*#1 /m.test(s));

      await filterLeaderboard(run);
      await helpRoundTrip(run);

      // Tab walks right from the Leaderboard; position-sync must have run for Whale Activity to have rows.
      run.session.keys('Tab');
      const whales = await run.step('whale-activity', hasWhaleRows, FIRST_DATA_MS);
      expect(whales).toMatch(/Time\s+Trader\s+Market\s+Type\s+Side\s+Outcome\s+Size\s+Price/);
      expect(whales).toMatch(/2 Whale Activity \([1-9][\d,]*\+?\)/);
      expect(whales).not.toContain('no whale activity');

      run.session.type('3');
      const smart = await run.step('smart-money', hasSmartMoneyRows, FIRST_DATA_MS);
      expect(smart).toMatch(/#\s+Trader\s+Market\s+Outcome\s+Position\s+PnL\s+Return\s+Price/);
      // Smart money holds losing positions too: every amount on screen in its colour, at least one red.
      const smartStyled = run.styled('smart-money');
      expectSelectionAndTabStyles(smartStyled, '3 Smart Money', '1 Leaderboard');
      const smartAmounts = signedAmountColours(smartStyled);
      expect(smartAmounts.pos + amounts.pos).toBeGreaterThan(0);
      expect(smartAmounts.neg, 'a red PnL on the smart money screen').toBeGreaterThan(0);
      const smartTitle = selectedTitle(smart, /^›\s*#\d+ \S+(?: [+-]\d+)?\s+(.+?)\s{2,}\[/);
      run.session.keys('Enter');
      const smartMarket = await run.step('smart-money-market', (s) => s.includes('Smart Money › ') && s.includes('Esc back') && /Price .+? \d+(\.\d+)?¢/.test(s), FIRST_DATA_MS);
      expect(lines(smartMarket)[2]).toContain(`Smart Money › ${smartTitle}`);
      run.session.keys('Escape');
      await run.step('smart-money-back', (s) => s.includes('3 Smart Money (') && !s.includes('Esc back'));

      run.session.type('4');
      const conc = await run.step('concentration', hasConcentrationRows, FIRST_DATA_MS);
      expect(conc).toMatch(/4 Concentration \([1-9]\d*\+?\)/);
      // A refresh may land between reading the screen and Enter and drop the selected market from the list (the
      // selection then moves to a neighbour): the market opened is the selected one or one listed beside it.
      const concTitles = listedTitles(conc, /^[ ›](.+?)\s{2,}\d+\s/);
      run.session.keys('Enter');
      const market = await run.step('concentration-market', (s) => s.includes('Concentration › ') && /Concentration \d+ holders · top-5 \d+\.\d%/.test(s), FIRST_DATA_MS);
      const opened = lines(market)[2]!.replace(/^.*Concentration › /, '');
      expect(concTitles.some((t) => opened.startsWith(t)), `${opened} among ${concTitles.join(' | ')}`).toBe(true);
      // The price reads "(live mid)" once the feed has a book for the market, else it is the last synced price.
      expect(market).toMatch(/Price .+? \d+(\.\d+)?¢( \(live mid\))? · .+? \d+(\.\d+)?¢/);
      expect(market).toMatch(/Outcome\s+Holder\s+Amount\s+Updated/);
      expect(market).toMatch(/\[(Yes|No|\S+)\]\s+\S+\s+[\d.]+[KM]?\s+(\d+[smh] ago|just now)/);
      run.session.keys('Escape');
      await run.step('concentration-back', (s) => s.includes('Top-5 Share') && !s.includes('Esc back'));

      run.session.type('5');
      const signals = await run.step('live-signals', (s) => /hit rate/.test(s) && s.includes('5 Live Signals ('));
      expect(signals).toMatch(new RegExp(`${SIGNALS_EMPTY}|ELITE|MOMENTUM`));

      // The wallet of rank #1 (position-sync has run and the top ranks are among the tracked wallets).
      run.session.type('1');
      const board = await run.step('leaderboard-again', (s) => hasLeaderboard(s) && !s.includes('Esc back'));
      const top = leaderboardRows(board).find((r) => r.rank === 1)!;
      run.session.keys('Enter');
      const wallet = await run.step('wallet', (s) => s.includes(`Leaderboard › ${top.trader}`) && s.includes('PnL DAY') && s.includes('Recent activity'), FIRST_DATA_MS);
      expect(wallet).toMatch(/PnL DAY \S+\s+WEEK \S+\s+MONTH \S+\s+ALL \S+/);
      expect(wallet).toMatch(/Ranks .*OVERALL\/ALL\/PNL #1/);
      expect(wallet).toMatch(/Market\s+Outcome\s+Value\s+PnL\s+Return/);
      expect(wallet).not.toContain('no open positions');
      // Drill one level deeper: the wallet's first position opens its market.
      const positionTitle = selectedTitle(wallet, /^›(.+?)\s{2,}\[/);
      run.session.keys('Enter');
      await run.step('wallet-market', (s) => s.includes(`Leaderboard › ${top.trader} › ${positionTitle}`) && /Price .+? \d+(\.\d+)?¢/.test(s), FIRST_DATA_MS);
      run.session.keys('Escape');
      await run.step('wallet-back', (s) => s.includes('Recent activity') && s.includes(`Leaderboard › ${top.trader}`));
      run.session.keys('Escape');
      expectLeaderboard(await run.step('leaderboard-back', (s) => hasLeaderboard(s) && !s.includes('Esc back')), 30);

      await quit(run);
      // The shipped entry point (bin/whaletop.js → dist/) runs the Ink that patch-package patched at install.
      const log = readFileSync(join(run.dataDir, 'whaletop.log'), 'utf8');
      expect(log).toMatch(/"msg":"ink patch active".*"ink":"6\.8\.0"/);
      expect(log).not.toContain('ink patch inactive');
    });
  }, 150_000);

  it('80×24: every screen fits the terminal, tabs, filter, wallet view, help, too-small notice, quit', async () => {
    // --no-color: not one colour anywhere, and the selection still shows by its › gutter.
    const run = start('80x24', 80, 24, ['--no-color']);
    await run.scenario(async () => {
      const fits = (s: string) => widestLine(s) <= 80 && lastInkedLine(s) <= 22;
      const first = await run.step('leaderboard', (s) => hasLeaderboard(s) && s.includes('Leaderboard (200'), FIRST_DATA_MS);
      expect(colourCodes(run.styled('leaderboard'))).toEqual([]);
      expect(lines(first).filter((l) => l.startsWith('›'))).toHaveLength(1);
      expect(lines(first)[0]).toMatch(/^whaletop · demo · sim 127\.0\.0\.1:\d+ +\d\d:\d\d:\d\d UTC$/);
      // All five tabs fit 80 columns: the active one in full (or short when even that is too wide), the others short.
      expect(lines(first)[2]).toMatch(/^ 1 (Leaderboard|Board) \(200\)\s+2 Whales( \(\d+\))?\s+3 Smart( \(\d+\))?\s+4 Conc( \(\d+\))?\s+5 Signals( \(\d+\))?\s*$/);
      expectLeaderboard(first, 10);
      assertFits(first);

      await filterLeaderboard(run);
      assertFits(run.session.capture());

      const tabs: [string, (s: string) => boolean][] = [
        ['2', hasWhaleRows],
        ['3', hasSmartMoneyRows],
        ['4', hasConcentrationRows],
        ['5', (s) => s.includes(SIGNALS_EMPTY) || /ELITE|MOMENTUM/.test(s)],
      ];
      for (const [key, ready] of tabs) {
        run.session.type(key);
        assertFits(await run.step(`tab-${key}`, (s) => ready(s) && fits(s), FIRST_DATA_MS));
        expect(colourCodes(run.styled(`tab-${key}`))).toEqual([]);
      }

      run.session.type('1');
      const board = await run.step('leaderboard-again', (s) => hasLeaderboard(s) && !s.includes('Esc back'));
      const top = leaderboardRows(board).find((r) => r.rank === 1)!;
      run.session.keys('Enter');
      const wallet = await run.step('wallet', (s) => s.includes(`Leaderboard › ${top.trader}`) && s.includes('PnL DAY') && /Market\s+Outcome\s+Value/.test(s), FIRST_DATA_MS);
      expect(wallet).toMatch(/Ranks .*#1/);
      assertFits(wallet);
      run.session.keys('Escape');
      await run.step('wallet-back', (s) => hasLeaderboard(s) && !s.includes('Esc back'));

      run.session.type('?');
      assertFits(await run.step('help', (s) => s.includes('Help — keys here')));
      run.session.keys('Escape');
      await run.step('help-closed', (s) => hasLeaderboard(s) && !s.includes('Help — keys here'));

      run.session.resize(50, 12);
      const small = await run.step('too-small', (s) => s.includes('terminal too small'));
      expect(small).toContain('terminal too small: need 60×16 (have 50×12)');
      expect(widestLine(small)).toBeLessThanOrEqual(50);
      run.session.resize(80, 24);
      assertFits(await run.step('resized-back', (s) => hasLeaderboard(s) && !s.includes('terminal too small') && fits(s)));

      await quit(run, { resizedWhileOpen: true });
    });
  }, 150_000);
});

describe('whaletop --demo at the minimum useful size', () => {
  it('60×20 with NO_COLOR: no colour, whale activity keeps its market, the hints keep ? and q, the wallet view fits', async () => {
    const run = start('60x20', 60, 20, [], { NO_COLOR: '1' });
    await run.scenario(async () => {
      const fits = (s: string) => widestLine(s) <= 60 && lastInkedLine(s) <= 18;
      const first = await run.step('leaderboard', (s) => hasLeaderboard(s) && fits(s), FIRST_DATA_MS);
      expect(colourCodes(run.styled('leaderboard'))).toEqual([]);
      const hints = lines(first)[lastInkedLine(first)]!;
      expect(hints).toMatch(/q quit {2}\? help\s*$/);
      expect(hints).toContain('/ filter');
      run.session.type('2');
      const whales = await run.step('whale-activity', (s) => hasWhaleRows(s) || (/ ago /.test(s) && /\[(BUY|SELL)\]/.test(s)), FIRST_DATA_MS);
      const header = lines(whales).find((l) => /^\s+Time\s+Trader/.test(l))!;
      expect(header).toMatch(/Time\s+Trader\s+Market\s+Side\s+Size/);
      expect(header).not.toContain('Type');
      expect(colourCodes(run.styled('whale-activity'))).toEqual([]);
      run.session.type('1');
      await run.step('leaderboard-again', (s) => hasLeaderboard(s) && !s.includes('Esc back'));
      run.session.keys('Enter');
      const wallet = await run.step('wallet', (s) => s.includes('Leaderboard › ') && s.includes('PnL DAY') && /Market\s+Outcome\s+Value/.test(s) && fits(s), FIRST_DATA_MS);
      const rows = lines(wallet).filter((l) => /^[›\s].*\d¢\s*$/.test(l));
      expect(rows.length, wallet).toBeGreaterThanOrEqual(4);
      run.session.keys('Escape');
      await run.step('wallet-back', (s) => hasLeaderboard(s) && !s.includes('Esc back'));
      await quit(run);
    });
  }, 150_000);
});

/** 80×24: no line wider than the terminal, and the frame at most rows − 1 = 23 lines tall. */
function assertFits(screen: string): void {
  expect(widestLine(screen), screen).toBeLessThanOrEqual(80);
  expect(lastInkedLine(screen), screen).toBeLessThanOrEqual(22);
}

/** The title of the selected (›) row, cut before any truncation ellipsis, for matching a breadcrumb. */
/** Every row title a list screen shows (trimmed as {@link selectedTitle} trims), for a selection that may move. */
function listedTitles(screen: string, pattern: RegExp): string[] {
  return lines(screen).flatMap((line) => {
    const m = pattern.exec(line);
    return m ? [m[1]!.trim().replace(/…$/, '').slice(0, 30).trimEnd()] : [];
  });
}

function selectedTitle(screen: string, pattern: RegExp): string {
  for (const line of lines(screen)) {
    const m = pattern.exec(line);
    if (m) return m[1]!.trim().replace(/…$/, '').slice(0, 30).trimEnd();
  }
  throw new Error(`no selected row matching ${pattern}:\n${screen}`);
}
