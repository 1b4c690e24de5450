/**
 * Issue 11, defect 6: what whaletop measures is what tmux draws. Each string, as whaletop draws it
 * (terminalText), is printed in a real tmux pane by a tiny program that then asks the terminal where the cursor is
 * (DSR, `ESC [ 6 n`); the column tmux reports must equal displayWidth. A measure narrower than the terminal's
 * wraps rows and scrolls the frame.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { displayWidth, terminalText } from '../../src/lib/text-width.ts';
import { WIDE_STRINGS } from '../helpers/wide-strings.ts';
import { TmuxSession } from './tmux.ts';
import { shellQuote } from './screens.ts';

const dir = mkdtempSync(join(tmpdir(), 'whaletop-width-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Prints each string at column 0, asks for the cursor position, records the column; plain Node, no app code. */
const PROBE = `
import { readFileSync, writeFileSync } from 'node:fs';
const [input, output] = process.argv.slice(2);
const samples = JSON.parse(readFileSync(input, 'utf8'));
process.stdin.setRawMode(true);
const columns = [];
for (const s of samples) {
  columns.push(await new Promise((resolve) => {
    let buf = '';
    const on = (d) => {
      buf += d.toString();
      const m = /\\x1b\\[(\\d+);(\\d+)R/.exec(buf);
      if (m) { process.stdin.off('data', on); resolve(Number(m[2]) - 1); }
    };
    process.stdin.on('data', on);
    process.stdout.write('\\r\\x1b[2K' + s + '\\x1b[6n');
  }));
}
writeFileSync(output, JSON.stringify(columns));
process.exit(0);
`;

describe('issue-11 text width as tmux draws it', () => {
  it('every hostile string is exactly as wide in tmux as whaletop measures it', async () => {
    const drawn = WIDE_STRINGS.map(terminalText);
    const probe = join(dir, 'probe.mjs');
    const input = join(dir, 'samples.json');
    const output = join(dir, 'columns.json');
    writeFileSync(probe, PROBE);
    writeFileSync(input, JSON.stringify(drawn));
    const session = TmuxSession.start(`whaletop-width-${process.pid}`, `node ${shellQuote(probe)} ${shellQuote(input)} ${shellQuote(output)}`, 160, 10);
    try {
      await session.waitFor(() => session.exited(), 'the probe to finish', 20_000);
      const columns = JSON.parse(readFileSync(output, 'utf8')) as number[];
      const measured = drawn.map((s) => displayWidth(s));
      expect(drawn.map((s, i) => `${s} → ${columns[i]}`)).toEqual(drawn.map((s, i) => `${s} → ${measured[i]}`));
    } finally {
      session.kill();
    }
  }, 30_000);
});
