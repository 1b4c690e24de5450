/**
 * Entry point of the Ink UI. The composition root owns the terminal's lifecycle: on quit (q at the top level, or
 * Ctrl-C anywhere) it gets `onQuit`, restores the terminal, stops jobs and flushes.
 */
// First: before Ink and chalk read the environment (see the module).
import './terminal-env.ts';
import React from 'react';
import { Box, render, Text } from 'ink';
import type { StatusSource } from '../lib/status.ts';
import type { Store } from '../store/types.ts';
import { App } from './App.tsx';
import { PaneDataStore } from './data/pane-store.ts';
import { Ticker } from './data/ticker.ts';
import { reportInkPatch } from './ink/patch-status.ts';
import type { Logger } from '../lib/log.ts';
import { ALT_SCREEN_OFF, ALT_SCREEN_ON, MOUSE_OFF, MOUSE_ON } from './hooks/mouse.ts';

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
  /** Where the UI reports that Ink's patch is not active (once per process). */
  logger?: Logger;
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

/** Ink's options for whaletop's terminal: the same for the start-up screen and the App (one Ink instance). */
function inkOptions(deps: Pick<RenderDeps, 'stdout' | 'stdin' | 'patchConsole' | 'options'>): Parameters<typeof render>[1] {
  return {
    ...(deps.stdout ? { stdout: deps.stdout } : {}),
    ...(deps.stdin ? { stdin: deps.stdin } : {}),
    exitOnCtrlC: false,
    patchConsole: deps.patchConsole ?? true,
    maxFps: deps.options.maxFps ?? 12,
    // Ink's incrementalRendering would write ~450 bytes per cursor move instead of ~4,950 (npm run bench --
    // ui-bytes), but in tmux at full height it left a stale header line above a scrolled frame (tui e2e, 160×45):
    // off until that is understood.
    incrementalRendering: false,
  };
}

/** Restores the shell's screen (and mouse) once; null until the UI has taken the terminal. */
let restoreScreen: (() => void) | null = null;

/**
 * Like htop: the UI draws on the alternate screen, and the shell's screen is back once it ends. Entered once, by
 * the first screen drawn (the start-up screen, then the App in the same Ink instance); idempotent.
 */
function takeScreen(deps: { stdout?: NodeJS.WriteStream; options: UiOptions }): () => void {
  if (restoreScreen) return restoreScreen;
  const out = deps.stdout ?? process.stdout;
  const tty = out.isTTY === true;
  const mouse = tty && deps.options.mouse !== false;
  if (tty) out.write(ALT_SCREEN_ON + (mouse ? MOUSE_ON : ''));
  let restored = false;
  const restore = (): void => {
    if (restored || !tty) return;
    restored = true;
    restoreScreen = null;
    out.write((mouse ? MOUSE_OFF : '') + ALT_SCREEN_OFF);
  };
  // A crash or a signal that skips unmount still gives the shell its screen and its mouse back.
  process.once('exit', restore);
  restoreScreen = restore;
  return restore;
}

/**
 * Draws the start-up screen at once, before the simulator, the store and its schema are ready (they take
 * seconds on a fresh data dir): the person sees whaletop is up. {@link renderApp} later draws the App into the same
 * Ink instance (Ink keeps one per stdout). `unmount` clears it when the start fails before the App.
 */
export function renderStartup(deps: { title: string; options: UiOptions; stdout?: NodeJS.WriteStream; stdin?: NodeJS.ReadStream }): Pick<UiHandle, 'unmount'> {
  const restore = takeScreen(deps);
  const instance = render(
    <Box flexDirection="column">
      <Text bold>{deps.title}</Text>
      <Text dimColor>starting: store, schema, sync jobs…</Text>
    </Box>,
    inkOptions(deps),
  );
  return {
    unmount: () => {
      instance.unmount();
      restore();
    },
  };
}

/** Renders the UI on the terminal (into the start-up screen's Ink instance when there is one). */
export function renderApp(deps: RenderDeps): UiHandle {
  if (deps.logger) reportInkPatch(deps.logger);
  const { element, data } = createUi(deps);
  const restore = takeScreen(deps);
  const instance = render(element, inkOptions(deps));
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
