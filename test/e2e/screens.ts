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
