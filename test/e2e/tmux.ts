import { execFileSync } from 'node:child_process';

/**
 * Drives a real terminal: a detached tmux session running a command, keys sent as a person would type them,
 * the screen read back as text. Used by the end-to-end tests of the TUI.
 */
export class TmuxSession {
  private constructor(readonly name: string) {}

  /** Starts `command` (a shell string) in a new detached session of `width`×`height` cells. */
  static start(name: string, command: string, width: number, height: number, env: Record<string, string> = {}): TmuxSession {
    const envArgs = Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
    tmux(['kill-session', '-t', name], true);
    tmux(['new-session', '-d', '-s', name, '-x', String(width), '-y', String(height), ...envArgs, command]);
    // Keep the pane after the program exits, so a crash leaves its last screen to read.
    tmux(['set-option', '-t', name, 'remain-on-exit', 'on']);
    return new TmuxSession(name);
  }

  /** The visible screen as plain text (no escape sequences). */
  capture(): string {
    return tmux(['capture-pane', '-p', '-t', this.name]);
  }

  /** The visible screen with its colours and attributes as SGR escape sequences (`capture-pane -e`). */
  captureStyled(): string {
    return tmux(['capture-pane', '-p', '-e', '-t', this.name]);
  }

  /**
   * The visible screen with lines tmux wrapped (a line the program wrote wider than the pane) joined back into one
   * (`capture-pane -J`; trailing blanks kept).
   */
  captureJoined(): string {
    return tmux(['capture-pane', '-p', '-J', '-t', this.name]);
  }

  /** Sends tmux key names (`'Enter'`, `'Escape'`, `'Tab'`, `'j'`, `'C-c'`) one by one. */
  keys(...keys: string[]): void {
    for (const key of keys) tmux(['send-keys', '-t', this.name, key]);
  }

  /** Types literal text. */
  type(text: string): void {
    tmux(['send-keys', '-t', this.name, '-l', text]);
  }

  /**
   * Appends everything the program writes to the terminal (escape sequences included) to `file`, from now on:
   * what `capture()` cannot show, such as whether the cursor was shown again on exit.
   */
  recordOutput(file: string): void {
    tmux(['pipe-pane', '-t', this.name, '-o', `cat >> '${file.replaceAll("'", "'\\''")}'`]);
  }

  /** Resizes the window (and so the pane) to `width`×`height` cells. */
  resize(width: number, height: number): void {
    tmux(['resize-window', '-t', this.name, '-x', String(width), '-y', String(height)]);
  }

  /** true once the program in the pane has exited. */
  exited(): boolean {
    return tmux(['display-message', '-p', '-t', this.name, '#{pane_dead}']).trim() === '1';
  }

  /** The exit status of the pane's command once it has exited (`#{pane_dead_status}`), else undefined. */
  exitStatus(): number | undefined {
    if (!this.exited()) return undefined;
    return Number(tmux(['display-message', '-p', '-t', this.name, '#{pane_dead_status}']).trim());
  }

  /** Waits until `predicate(screen)` holds; on timeout throws with the last screen in the message. */
  async waitFor(predicate: (screen: string) => boolean, what: string, timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let screen = '';
    while (Date.now() < deadline) {
      screen = this.capture();
      if (predicate(screen)) return screen;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last screen:\n${screen}`);
  }

  kill(): void {
    tmux(['kill-session', '-t', this.name], true);
  }
}

function tmux(args: string[], ignoreErrors = false): string {
  try {
    return execFileSync('tmux', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    if (ignoreErrors) return '';
    throw err;
  }
}
