/**
 * Mounting the whole Ink UI (ink-testing-library) over a store the simulator filled, at the simulator's clock, and
 * reading its frames line by line. Shared by the UI tests that check panes against the simulator's truth.
 */
import chalk from 'chalk';
import { render } from 'ink-testing-library';
import type { StatusSource } from '../../src/lib/status.ts';
import { sanitizeText } from '../../src/lib/sanitize.ts';
import type { Store } from '../../src/store/types.ts';
import { createUi } from '../../src/ui/index.tsx';
import { plain } from '../ui/helpers/frames.ts';

/** Options of {@link mountSimUi}. */
export interface SimUiOptions {
  /** The clock the UI measures windows and ages against: the simulator's world clock. */
  now: () => number;
  status: StatusSource;
  /** Poll interval of the visible pane (ms); long by default so only explicit loads happen. */
  refreshMs?: number;
  columns?: number;
  rows?: number;
}

/** The App rendered over `store`; `done()` unmounts and stops polling. */
export function mountSimUi(store: Store, o: SimUiOptions) {
  // The test streams are not TTYs, so chalk would print no colour at all; colours carry meaning here.
  chalk.level = 1;
  const ui = createUi({ store, status: o.status, options: { refreshMs: o.refreshMs ?? 60_000, color: true }, onQuit: () => undefined, clock: { now: o.now } });
  const r = render(ui.element);
  Object.defineProperty(r.stdout, 'columns', { value: o.columns ?? 160, configurable: true });
  Object.defineProperty(r.stdout, 'rows', { value: o.rows ?? 40, configurable: true });
  (r.stdout as unknown as { emit(e: string): void }).emit('resize');
  return {
    ...r,
    done: () => {
      r.unmount();
      ui.data.close();
    },
  };
}

/** The first line of `frame` (ANSI kept) whose plain text contains `text`; '' when none. */
export function rawLineWith(frame: string, text: string): string {
  return frame.split('\n').find((l) => plain(l).includes(text)) ?? '';
}

/** The first line of `frame` (plain) containing `text`; '' when none. */
export const lineWith = (frame: string, text: string): string => plain(rawLineWith(frame, text));

/** A string as the UI shows it: sanitised like every query result (the pane store cleans each string once). */
export const shown = (text: unknown): string => sanitizeText(text);

/** Escapes `text` for use inside a RegExp. */
export const re = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
