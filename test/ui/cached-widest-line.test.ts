/**
 * The cached widest-line (src/ui/ink/cached-widest-line.ts) that the entry points give Ink: the same widths as
 * widest-line for every kind of text the panes show, and really the one Ink calls when started by bin/setup.js.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import widestLine from 'widest-line';
import cachedWidestLine, { measuredTexts } from '../../src/ui/ink/cached-widest-line.ts';

const TEXTS = [
  '',
  'plain ascii',
  '$1.2M  63.5¢  2m ago',
  'truncated title…',
  '\u001b[32m+$4.1K\u001b[39m \u001b[1mBUY\u001b[22m',
  '漢字のタイトル',
  'whale 🐳 flag 🇺🇸 family 👨‍👩‍👧',
  'e\u0301 combining, zero\u200bwidth',
  'two\nlines, the second longer',
  '│ box ─ drawing █▌ bars',
  'ﾊﾝｶｸ half-width, Ａ full-width',
];

describe('cached widest-line', () => {
  it('measures every text as widest-line does, the first time and from the cache', () => {
    for (const text of TEXTS) expect(cachedWidestLine(text), JSON.stringify(text)).toBe(widestLine(text));
    const before = measuredTexts();
    for (const text of TEXTS) expect(cachedWidestLine(text), JSON.stringify(text)).toBe(widestLine(text));
    expect(measuredTexts()).toBe(before);
  });

  it("is the widest-line Ink imports when started through the entry points' set-up", () => {
    const run = spawnSync(process.execPath, ['bin/run-ts.js', 'test/helpers/ink-widths.tsx'], { encoding: 'utf8', timeout: 30_000 });
    expect(run.stderr).toBe('');
    expect(Number(run.stdout.trim())).toBeGreaterThan(0);
  });
});
