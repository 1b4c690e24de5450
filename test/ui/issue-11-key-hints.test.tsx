/**
 * Issue 11, defect 9: the key-hint line always shows `?` (help) and `q` (quit, or back in a view) and, where there is
 * room, `/` (filter) and `s` (sort): before, they came late in the keymap and fell off the end at every width.
 */
import React from 'react';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/lib/text-width.ts';
import { KeyHints } from '../../src/ui/components/KeyHints.tsx';
import type { KeyContext } from '../../src/ui/keymap.ts';
import { createTheme } from '../../src/ui/theme.ts';
import { plain } from './helpers/frames.ts';

const theme = createTheme(false);
function hints(contexts: KeyContext[], width: number): string {
  const r = render(<KeyHints contexts={contexts} width={width} theme={theme} />);
  // The test terminal is 100 columns unless told otherwise.
  Object.defineProperty(r.stdout, 'columns', { value: width, configurable: true });
  (r.stdout as unknown as { emit(e: string): void }).emit('resize');
  r.rerender(<KeyHints contexts={contexts} width={width} theme={theme} />);
  const line = plain(r.lastFrame());
  r.unmount();
  return line;
}

const TABS: KeyContext[] = ['leaderboard', 'watchable', 'table', 'tabs', 'global'];
const DETAIL: KeyContext[] = ['detail', 'watchable', 'table', 'global'];

describe('issue-11 key hints', () => {
  for (const width of [60, 80, 120, 160]) {
    it(`${width} columns: ? help and q quit always, / filter and s sort too, nothing cut`, () => {
      const line = hints(TABS, width);
      expect(line).toMatch(/\? help/);
      expect(line).toMatch(/q quit/);
      expect(line).toMatch(/\/ filter/);
      expect(line).toMatch(/s sort column/);
      expect(displayWidth(line)).toBeLessThanOrEqual(width);
      expect(line).not.toContain('…');
    });
  }

  it('in a view q goes back, and Enter opens; in help the closing keys show', () => {
    const view = hints(DETAIL, 80);
    expect(view).toMatch(/\? help/);
    expect(view).toMatch(/q back/);
    expect(view).toMatch(/Enter open/);
    expect(hints(['help'], 60)).toContain('?/Esc/q close help');
    expect(hints(['filter'], 60)).toMatch(/Esc clear filter.*Enter keep filter/);
  });

  it('160 columns keep the keymap order, help and quit at the end', () => {
    const line = hints(TABS, 160);
    expect(line.startsWith('c cycle category')).toBe(true);
    expect(line.indexOf('/ filter')).toBeLessThan(line.indexOf('1-5 tabs'));
    expect(line.trimEnd()).toMatch(/q quit {2}\? help$/);
  });
});
