import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Issue 16: no import cycle in src/ (sim/index.ts ↔ sim/cli.ts was one; store/rows.ts ↔ row-mappers.ts and
 * polymarket/data-api.ts ↔ activity-walk.ts were type-only ones). `npm run check:cycles -- <dir>` is madge over
 * .ts/.tsx, type imports included.
 */
function cyclesIn(dir: string): string[][] {
  const result = spawnSync('npm', ['run', '--silent', 'check:cycles', '--', '--json', dir], { encoding: 'utf8', timeout: 120_000 });
  if (result.error) throw result.error;
  return JSON.parse(result.stdout) as string[][];
}

const scratch = mkdtempSync(join(tmpdir(), 'whaletop-cycles-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('import cycles (issue 16)', () => {
  it('the check finds a cycle when there is one, type-only imports included', () => {
    writeFileSync(join(scratch, 'a.ts'), "import type { B } from './b.ts';\nexport interface A { b?: B }\n");
    writeFileSync(join(scratch, 'b.ts'), "import type { A } from './a.ts';\nexport interface B { a?: A }\n");
    expect(cyclesIn(scratch)).toEqual([['a.ts', 'b.ts']]);
  });

  // madge parses every file of src/: seconds on an idle machine, far more on a busy CI runner.
  it('src/ has none', () => {
    expect(cyclesIn('src')).toEqual([]);
  }, 150_000);
});
