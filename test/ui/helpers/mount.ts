import chalk from 'chalk';
import { render } from 'ink-testing-library';
import type { FeedStatus, StatusSource } from '../../../src/lib/status.ts';
import type { Store } from '../../../src/store/types.ts';
import { createUi } from '../../../src/ui/index.tsx';
import { NOW } from './seed.ts';
import { fixedStatus, LIVE_FEED } from './status.ts';

/** Options of {@link mountApp}. */
export interface MountOptions {
  color?: boolean;
  feed?: FeedStatus | null;
  columns?: number;
  rows?: number;
  onQuit?: () => void;
  /** A status source of the test's own (jobs, feed); default {@link fixedStatus} with `feed`. */
  status?: StatusSource;
  /** What `r` retries (the scheduler's retryFailed); default nothing. */
  retryFailedJobs?: () => string[];
}

/** Renders the whole App over `store` at a fixed clock and terminal size; `done()` unmounts and stops polling. */
export function mountApp(store: Store, o: MountOptions = {}) {
  // The test streams are not TTYs, so chalk would print no colour at all; colours carry meaning here.
  chalk.level = 1;
  const ui = createUi({
    store,
    status: o.status ?? fixedStatus(o.feed === undefined ? LIVE_FEED : o.feed),
    options: { refreshMs: 60_000, color: o.color ?? true },
    onQuit: o.onQuit ?? (() => undefined),
    clock: { now: () => NOW },
    ...(o.retryFailedJobs ? { retryFailedJobs: o.retryFailedJobs } : {}),
  });
  const r = render(ui.element);
  resize(r.stdout, o.columns ?? 100, o.rows ?? 30, true);
  return {
    ...r,
    data: ui.data,
    resize: (columns: number, rows: number) => resize(r.stdout, columns, rows, true),
    done: () => {
      r.unmount();
      ui.data.close();
    },
  };
}

function resize(stdout: object, columns: number, rows: number, emit: boolean): void {
  Object.defineProperty(stdout, 'columns', { value: columns, configurable: true });
  Object.defineProperty(stdout, 'rows', { value: rows, configurable: true });
  if (emit) (stdout as { emit(e: string): void }).emit('resize');
}

/** Writes keys to stdin one at a time, letting Ink's input parser settle between them. */
export async function press(stdin: { write(s: string): void }, ...keys: string[]): Promise<void> {
  for (const k of keys) {
    stdin.write(k);
    // A lone ESC is held briefly by Ink's parser (it could start a sequence); give every key a turn of the loop.
    await new Promise((resolve) => setTimeout(resolve, k === '\u001B' ? 60 : 5));
  }
}

export const KEY = { esc: '\u001B', enter: '\r', tab: '\t', shiftTab: '\u001B[Z', up: '\u001B[A', down: '\u001B[B', right: '\u001B[C', left: '\u001B[D', ctrlC: '\u0003', backspace: '\u007F' };
