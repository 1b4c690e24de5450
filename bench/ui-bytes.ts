/**
 * `npm run bench -- ui-bytes`: bytes whaletop writes to the terminal per cursor move and per pane refresh at
 * 160×45, with Ink's default rendering (the whole frame rewritten) and with `incrementalRendering` (only the lines
 * that changed). Over SSH the bytes are the latency a person feels. A small store synced from the simulator; the
 * same keys and refreshes for both modes, each in its own Ink instance.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import chalk from 'chalk';
import { render } from 'ink';
import { silentLogger } from '../src/lib/log.ts';
import { openStore } from '../src/store/client.ts';
import { migrate } from '../src/store/migrate.ts';
import type { Store } from '../src/store/types.ts';
import { createUi } from '../src/ui/index.tsx';
import type { BenchResult } from './types.ts';
import { fixedStatus } from './ui.ts';
import { syncFromSimulator } from './ui-fill.ts';

const MOVES = 30;
const REFRESHES = 10;

/** A 160×45 terminal that counts what is written to it. */
class CountingStdout extends EventEmitter {
  columns = 160;
  rows = 45;
  isTTY = true;
  bytes = 0;
  write = (data: string | Uint8Array): boolean => {
    this.bytes += typeof data === 'string' ? Buffer.byteLength(data) : data.length;
    return true;
  };
}

class KeyStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write(data: string): void {
    this.data = data;
    this.emit('readable');
  }
  read = (): string | null => {
    const d = this.data;
    this.data = null;
    return d;
  };
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? Number.NaN;

async function bytesFor(store: Store, incremental: boolean): Promise<{ move: number; refresh: number }> {
  chalk.level = 2;
  const ui = createUi({ store, status: fixedStatus(), options: { refreshMs: 600_000, color: true }, onQuit: () => undefined });
  const stdout = new CountingStdout();
  const stdin = new KeyStdin();
  let frames = 0;
  const instance = render(ui.element, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    exitOnCtrlC: false,
    patchConsole: false,
    maxFps: 1000,
    incrementalRendering: incremental,
    onRender: () => (frames += 1),
  });
  const quiet = async () => {
    // Settled: no frame for 300 ms.
    let seen = -1;
    while (seen !== frames) {
      seen = frames;
      await pause(300);
    }
  };
  const moves: number[] = [];
  const refreshes: number[] = [];
  try {
    await quiet();
    for (let i = 0; i < MOVES; i++) {
      const before = stdout.bytes;
      stdin.write(i % 10 < 5 ? 'j' : 'k');
      await pause(30);
      moves.push(stdout.bytes - before);
    }
    for (let i = 0; i < REFRESHES; i++) {
      await quiet();
      const before = stdout.bytes;
      ui.data.refreshNow();
      await quiet();
      refreshes.push(stdout.bytes - before);
    }
  } finally {
    instance.unmount();
    ui.data.close();
  }
  return { move: median(moves), refresh: median(refreshes) };
}

/** Runs the benchmark; see the module comment. */
export async function benchUiBytes(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'whaletop-bench-ui-bytes-'));
  const store = await openStore({ kind: 'embedded', dataDir: dir }, silentLogger);
  try {
    await migrate(store, silentLogger);
    await syncFromSimulator(store, 60);
    const full = await bytesFor(store, false);
    const incremental = await bytesFor(store, true);
    return {
      name: 'ui-bytes',
      metrics: {
        full_bytes_per_move: full.move,
        incremental_bytes_per_move: incremental.move,
        full_bytes_per_refresh: full.refresh,
        incremental_bytes_per_refresh: incremental.refresh,
      },
      notes: `160×45, medians of ${MOVES} cursor moves and ${REFRESHES} refreshes (a refresh of unchanged data may draw no frame: 0 bytes)`,
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
