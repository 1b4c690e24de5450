/**
 * The sync engine in a child process (test/fixtures/jobs-child.ts) against a simulator held by the test process,
 * for kill -9 tests (chDB binds one data dir per process, and a kill needs a process to kill).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Simulator } from '../../src/sim/index.ts';

/** A running child: its log lines (JSON), its exit, and a wait for a line. */
export interface ChildRun {
  child: ChildProcess;
  lines: Record<string, unknown>[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the first log line matching `predicate` (rejects if the child exits first). */
  waitFor(predicate: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
}

/** Starts a child running `jobs` (comma-separated) on `dataDir` against `sim`, at the world's current time. */
export function runChild(dataDir: string, sim: Simulator, jobs: string): ChildRun {
  const child = spawn(
    process.execPath,
    ['bin/run-ts.js', 'test/fixtures/jobs-child.ts', dataDir, sim.urls.dataApi, sim.urls.gamma, sim.urls.clob, String(sim.now()), jobs],
    { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const lines: Record<string, unknown>[] = [];
  const waiters: { predicate: (l: Record<string, unknown>) => boolean; resolve: (l: Record<string, unknown>) => void; reject: (e: Error) => void }[] = [];
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  createInterface({ input: child.stdout! }).on('line', (text) => {
    let line: Record<string, unknown>;
    try {
      line = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return;
    }
    lines.push(line);
    for (const w of [...waiters]) {
      if (w.predicate(line)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      for (const w of waiters) w.reject(new Error(`child exited (${code ?? signal}) before the awaited line; stderr: ${stderr.slice(-2000)}`));
      resolve({ code, signal });
    }),
  );
  return {
    child,
    lines,
    exited,
    waitFor: (predicate) => {
      const seen = lines.find(predicate);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => waiters.push({ predicate, resolve, reject }));
    },
  };
}

