import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { displayWidth } from '../../src/lib/text-width.ts';
import type { TmuxSession } from './tmux.ts';

/**
 * The screens an end-to-end run captured, numbered in order, in a temp dir. The dir is removed when the run
 * passes and kept (with the app's log) when it fails, so the failure message can point at every screen.
 */
export class ScreenLog {
  readonly dir: string;
  private count = 0;

  constructor(label: string) {
    this.dir = mkdtempSync(join(tmpdir(), `whaletop-e2e-${label}-`));
  }

  /** Writes `screen` as `NN-<step>.txt` and returns it. */
  save(step: string, screen: string): string {
    this.count += 1;
    writeFileSync(join(this.dir, `${String(this.count).padStart(2, '0')}-${step}.txt`), screen);
    return screen;
  }

  /** Keeps the screens and a copy of `logFile`; returns a line naming the dir for the failure message. */
  keep(logFile: string): string {
    mkdirSync(this.dir, { recursive: true });
    if (existsSync(logFile)) copyFileSync(logFile, join(this.dir, 'whaletop.log'));
    return `screens and log kept in ${this.dir}`;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Waits for `predicate`, saves the screen it held on, and returns it. */
export async function step(session: TmuxSession, log: ScreenLog, name: string, predicate: (screen: string) => boolean, timeoutMs = 20_000): Promise<string> {
  try {
    return log.save(name, await session.waitFor(predicate, name, timeoutMs));
  } catch (err) {
    log.save(`${name}-TIMEOUT`, session.capture());
    throw err;
  }
}

/** The screen's lines (capture-pane ends with a newline; the last empty piece is not a line). */
export function lines(screen: string): string[] {
  const all = screen.split('\n');
  return all[all.length - 1] === '' ? all.slice(0, -1) : all;
}

/** Index of the last line with anything on it, -1 for a blank screen. */
export function lastInkedLine(screen: string): number {
  const all = lines(screen);
  for (let i = all.length - 1; i >= 0; i--) if (all[i]!.trim() !== '') return i;
  return -1;
}

/** Widest line, in terminal cells (trailing blanks excluded: tmux pads nothing, but be safe). */
export function widestLine(screen: string): number {
  return Math.max(0, ...lines(screen).map((l) => displayWidth(l.trimEnd())));
}

/** Leaderboard rows on screen: rank and the trader's label as shown. */
export function leaderboardRows(screen: string): { rank: number; trader: string; line: string }[] {
  const rows: { rank: number; trader: string; line: string }[] = [];
  for (const line of lines(screen)) {
    const m = /^[›\s]\s*#(\d+) (\S+)/.exec(line);
    if (m) rows.push({ rank: Number(m[1]), trader: m[2]!, line });
  }
  return rows;
}

/** Single-quotes `s` for a POSIX shell. */
export function shellQuote(s: string): string {
  return `'${s.replaceAll("'", "'\\''")}'`;
}

/** How one character of a captured screen is drawn (from `capture-pane -e`): its SGR state. */
export interface CellStyle {
  /** Foreground: an SGR colour code (31 red, 32 green, 90–97 bright), 38 for 256/true colour, null = default. */
  fg: number | null;
  bg: number | null;
  bold: boolean;
  inverse: boolean;
}

/** One captured line: its text and the style of each UTF-16 unit of it. */
export interface StyledLine {
  text: string;
  styles: CellStyle[];
}

const PLAIN: CellStyle = { fg: null, bg: null, bold: false, inverse: false };

/** Applies the parameters of one SGR sequence (`\x1b[…m`) to `s`. */
function applySgr(s: CellStyle, params: string): CellStyle {
  const codes = params === '' ? [0] : params.split(';').map(Number);
  let out = { ...s };
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c === 0) out = { ...PLAIN };
    else if (c === 1) out.bold = true;
    else if (c === 22) out.bold = false;
    else if (c === 7) out.inverse = true;
    else if (c === 27) out.inverse = false;
    else if ((c >= 30 && c <= 37) || (c >= 90 && c <= 97)) out.fg = c;
    else if (c === 39) out.fg = null;
    else if ((c >= 40 && c <= 47) || (c >= 100 && c <= 107)) out.bg = c;
    else if (c === 49) out.bg = null;
    else if (c === 38 || c === 48) {
      // 38;5;n or 38;2;r;g;b: an extended colour (its own parameters are skipped).
      if (c === 38) out.fg = 38;
      else out.bg = 48;
      i += codes[i + 1] === 5 ? 2 : 4;
    }
  }
  return out;
}

/** Parses a screen captured with `capture-pane -e -p` into styled lines (tmux starts each line afresh). */
export function styledLines(raw: string): StyledLine[] {
  return lines(raw).map((line) => {
    let style = { ...PLAIN };
    let text = '';
    const styles: CellStyle[] = [];
    for (let i = 0; i < line.length; ) {
      const m = /^\x1b\[([\d;]*)m/.exec(line.slice(i, i + 40));
      if (m) {
        style = applySgr(style, m[1]!);
        i += m[0].length;
        continue;
      }
      text += line[i];
      styles.push(style);
      i += 1;
    }
    return { text, styles };
  });
}

/** The style of the first character of the first occurrence of `needle` on `line`, or undefined. */
export function styleOf(line: StyledLine, needle: string | RegExp): CellStyle | undefined {
  const at = typeof needle === 'string' ? line.text.indexOf(needle) : (needle.exec(line.text)?.index ?? -1);
  return at < 0 ? undefined : line.styles[at];
}

/** Every SGR colour parameter (foreground or background) on a captured screen: none with colour off. */
export function colourCodes(raw: string): number[] {
  const codes: number[] = [];
  for (const line of styledLines(raw)) {
    for (const s of line.styles) {
      if (s.fg !== null) codes.push(s.fg);
      if (s.bg !== null) codes.push(s.bg);
    }
  }
  return [...new Set(codes)];
}
