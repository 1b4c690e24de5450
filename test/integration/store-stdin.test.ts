import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Regression: chDB's `INSERT … FORMAT` reads the process's stdin when stdin is a pipe — it silently added the piped
// lines to the table (async_insert=0) or failed ("inlined and external data", async_insert=1). The Store inserts
// through format(JSONEachRow, {rows:String}); these children prove it for a data pipe, an idle pipe and /dev/null.

const ROWS = 5;
const CHILD_TIMEOUT_MS = 25_000;
const PIPED = Array.from({ length: 3 }, (_, i) => JSON.stringify({ scope: 'stdin', key: `piped${i}`, value: 'x' })).join('\n') + '\n';
const dirs: string[] = [];

interface ChildResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the child with the given stdin; `feed` gets its stdin pipe (if any). Fails clearly if it does not exit. */
function runChild(stdin: 'pipe' | 'ignore', feed?: (pipe: NodeJS.WritableStream) => void): Promise<ChildResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'whaletop-stdin-'));
  dirs.push(dataDir);
  const child = spawn(process.execPath, ['bin/run-ts.js', 'test/fixtures/stdin-insert-child.ts', dataDir, String(ROWS)], {
    cwd: join(import.meta.dirname, '../..'),
    stdio: [stdin, 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  if (child.stdin) {
    child.stdin.on('error', () => {}); // the child may exit before reading: EPIPE is expected
    feed?.(child.stdin);
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`child did not exit within ${CHILD_TIMEOUT_MS} ms (stdin ${stdin}); stdout=${stdout} stderr=${stderr}`));
    }, CHILD_TIMEOUT_MS);
    child.on('exit', (code) => {
      clearTimeout(timer);
      child.stdin?.destroy();
      resolve({ code, stdout, stderr });
    });
  });
}

function expectExactCount(result: ChildResult): void {
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(JSON.parse(result.stdout.trim())).toEqual({ count: ROWS });
}

describe('embedded inserts never read stdin', () => {
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('stdin is a pipe carrying JSONEachRow lines, left open', async () => {
    expectExactCount(await runChild('pipe', (pipe) => pipe.write(PIPED)));
  }, 30_000);

  it('stdin is a pipe carrying JSONEachRow lines, then closed', async () => {
    expectExactCount(await runChild('pipe', (pipe) => pipe.end(PIPED)));
  }, 30_000);

  it('stdin is an open, empty pipe that never closes', async () => {
    expectExactCount(await runChild('pipe'));
  }, 30_000);

  it('stdin is /dev/null', async () => {
    expectExactCount(await runChild('ignore'));
  }, 30_000);
});
