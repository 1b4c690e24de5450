/**
 * `npm run bench -- start` (or `node bin/run-ts.js bench/start.ts [--runs N]`): how long a person waits, measured
 * in a real terminal (a detached 160×45 tmux session) by polling what the screen shows.
 * - `first_frame`: `node bin/whaletop.js --demo` started → the header is on the screen (target ≤ 0.5 s).
 * - `first_rows`: the same start → the leaderboard shows its first data rows, on a fresh data dir (target ≤ 3 s).
 * - `npm_demo_first_rows`: `npm run demo` → first data rows, fresh data dir: the same plus npm's own start-up,
 *   which `npx whaletop` or the bin avoid.
 * - `help`: `node bin/whaletop.js --help` to exit (no terminal needed).
 * Each is the median of N runs (default 3), every run on a new data dir.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult } from './types.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const socket = `whaletop-bench-start-${process.pid}`;
const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const quote = (s: string): string => `'${s.replaceAll("'", "'\\''")}'`;

const HEADER = /whaletop · demo/;
// A leaderboard row with data: rank, name, PnL.
const DATA_ROW = /#1 .+[+-]\$/;

interface Timing {
  firstFrameMs: number;
  firstRowsMs: number;
}

/** Starts `command` in tmux and times the header and the first data rows; the session is killed afterwards. */
async function timeStart(command: string, timeoutMs = 60_000): Promise<Timing> {
  const session = 'start';
  const started = performance.now();
  tmux('new-session', '-d', '-s', session, '-x', '160', '-y', '45', '-c', root, `unset CI; ${command}`);
  let firstFrameMs = Number.NaN;
  try {
    while (performance.now() - started < timeoutMs) {
      const screen = tmux('capture-pane', '-p', '-t', session);
      const now = performance.now() - started;
      if (Number.isNaN(firstFrameMs) && HEADER.test(screen)) firstFrameMs = now;
      if (DATA_ROW.test(screen)) return { firstFrameMs: Number.isNaN(firstFrameMs) ? now : firstFrameMs, firstRowsMs: now };
      await new Promise((r) => setTimeout(r, 10));
    }
    // No rows within the deadline (a loaded machine): reported as such, not as a number.
    return { firstFrameMs, firstRowsMs: Number.NaN };
  } finally {
    tmux('kill-server');
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The start benchmark: medians of `runs` runs. */
export async function benchStart(runs = 3): Promise<BenchResult> {
  const direct: Timing[] = [];
  const viaNpm: Timing[] = [];
  const help: number[] = [];
  for (let run = 0; run < runs; run++) {
    for (const [target, wrap] of [
      [direct, (dir: string) => `exec node bin/whaletop.js --demo --health-port 0 --data-dir ${quote(dir)}`],
      [viaNpm, (dir: string) => `WHALETOP_DATA_DIR=${quote(dir)} WHALETOP_HEALTH_PORT=0 exec npm run demo`],
    ] as const) {
      const dataDir = mkdtempSync(join(tmpdir(), 'whaletop-bench-start-'));
      try {
        const timing = await timeStart(wrap(dataDir));
        target.push(timing);
        process.stderr.write(`start: ${target === direct ? 'bin' : 'npm run demo'} first frame ${timing.firstFrameMs.toFixed(0)} ms, first rows ${timing.firstRowsMs.toFixed(0)} ms\n`);
      } finally {
        // The killed app may still be closing its store for a moment.
        rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 });
      }
    }
    const t = performance.now();
    spawnSync(process.execPath, [join(root, 'bin/whaletop.js'), '--help'], { stdio: 'ignore' });
    help.push(performance.now() - t);
  }
  return {
    name: 'start',
    metrics: {
      first_frame_ms: median(direct.map((t) => t.firstFrameMs)),
      first_rows_ms: median(direct.map((t) => t.firstRowsMs)),
      npm_demo_first_frame_ms: median(viaNpm.map((t) => t.firstFrameMs)),
      npm_demo_first_rows_ms: median(viaNpm.map((t) => t.firstRowsMs)),
      help_ms: median(help),
    },
    notes: `median of ${runs} runs, fresh data dir each; runs (frame/rows ms): direct ${direct.map((t) => `${t.firstFrameMs.toFixed(0)}/${t.firstRowsMs.toFixed(0)}`).join(' ')}, npm ${viaNpm.map((t) => `${t.firstFrameMs.toFixed(0)}/${t.firstRowsMs.toFixed(0)}`).join(' ')}`,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const at = process.argv.indexOf('--runs');
  const result = await benchStart(at >= 0 ? Number(process.argv[at + 1]) : 3);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
