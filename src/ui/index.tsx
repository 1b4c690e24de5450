/**
 * Entry point of the Ink UI. The composition root owns the terminal's lifecycle: on quit (q at the top level, or
 * Ctrl-C anywhere) it gets `onQuit`, restores the terminal, stops jobs and flushes.
 */
// First: before Ink and chalk read the environment (see the module).
import './terminal-env.ts';
import React from 'react';
import { render } from 'ink';
import type { StatusSource } from '../lib/status.ts';
import type { Store } from '../store/types.ts';
import { App } from './App.tsx';
import { PaneDataStore } from './data/pane-store.ts';
import { Ticker } from './data/ticker.ts';
import { installRowCachedOutput } from './ink/row-cached-output.ts';
import { ALT_SCREEN_OFF, ALT_SCREEN_ON, MOUSE_OFF, MOUSE_ON } from './hooks/mouse.ts';

// Before any frame: Ink's Output with rows cached across frames (see the module).
await installRowCachedOutput();

/** Options of the UI. */
export interface UiOptions {
  /** Refresh interval of the visible pane, ms (default 5000). */
  refreshMs: number;
  /** false for a monochrome screen (NO_COLOR, --no-color). */
  color: boolean;
  /** Frame-rate cap (default 12). */
  maxFps?: number;
  /** SGR mouse reporting (default true; `--no-mouse`). */
  mouse?: boolean;
}

/** What {@link renderApp} needs. */
export interface RenderDeps {
  store: Store;
  status: StatusSource;
  options: UiOptions;
  onQuit: () => void;
  stdout?: NodeJS.WriteStream;
  stdin?: NodeJS.ReadStream;
  /** Clock (tests, replays); default the wall clock. */
  clock?: { now(): number };
  /** Route stray console output above the frame (default true; off under test runners that replace console). */
  patchConsole?: boolean;
  /** Runs every failed sync job now, ignoring backoff (the `r` key); returns the jobs retried. */
  retryFailedJobs?: () => string[];
}

/** A running UI. */
export interface UiHandle {
  waitUntilExit(): Promise<void>;
  unmount(): void;
}

/** The App with its own data store and ticker, for render() and for tests. */
export function createUi(deps: Omit<RenderDeps, 'stdout' | 'stdin' | 'patchConsole'>): { element: React.JSX.Element; data: PaneDataStore; ticker: Ticker } {
  const now = deps.clock ? () => deps.clock!.now() : Date.now;
  const data = new PaneDataStore({ refreshMs: deps.options.refreshMs, now });
  const ticker = new Ticker(now);
  data.start();
  const element = (
    <App store={deps.store} status={deps.status} data={data} ticker={ticker} color={deps.options.color} now={now} onQuit={deps.onQuit} retryFailedJobs={deps.retryFailedJobs ?? (() => [])} />
  );
  return { element, data, ticker };
}

/** Renders the UI on the terminal. */
export function renderApp(deps: RenderDeps): UiHandle {
  const { element, data } = createUi(deps);
  const out = deps.stdout ?? process.stdout;
  // Like htop: the UI draws on the alternate screen, and the shell's screen is back once it ends.
  const tty = out.isTTY === true;
  const mouse = tty && deps.options.mouse !== false;
  if (tty) out.write(ALT_SCREEN_ON + (mouse ? MOUSE_ON : ''));
  let restored = false;
  const restore = () => {
    if (restored || !tty) return;
    restored = true;
    out.write((mouse ? MOUSE_OFF : '') + ALT_SCREEN_OFF);
  };
  // A crash or a signal that skips unmount still gives the shell its screen and its mouse back.
  process.once('exit', restore);
  const instance = render(element, {
    ...(deps.stdout ? { stdout: deps.stdout } : {}),
    ...(deps.stdin ? { stdin: deps.stdin } : {}),
    exitOnCtrlC: false,
    patchConsole: deps.patchConsole ?? true,
    maxFps: deps.options.maxFps ?? 12,
  });
  return {
    waitUntilExit: async () => {
      try {
        await instance.waitUntilExit();
      } finally {
        data.close();
        restore();
      }
    },
    unmount: () => {
      data.close();
      instance.unmount();
      restore();
    },
  };
}
