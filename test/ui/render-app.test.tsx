import { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestStore, openTestStore, type TestStore } from '../helpers/store.ts';
import { seedDashboard, NOW } from './helpers/seed.ts';
import { waitForFrame } from './helpers/frames.ts';
import { fixedStatus } from './helpers/status.ts';
import { renderApp } from '../../src/ui/index.tsx';

/** Minimal TTY-like streams for renderApp (what Ink touches). */
class FakeOut extends EventEmitter {
  columns = 100;
  rows = 30;
  isTTY = true;
  output = '';
  write = (chunk: string): boolean => {
    this.output += chunk;
    return true;
  };
}
class FakeIn extends EventEmitter {
  isTTY = true;
  private queue: string[] = [];
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
  read = (): string | null => this.queue.shift() ?? null;
  type(s: string): void {
    this.queue.push(s);
    this.emit('readable');
  }
}

let store: TestStore;
beforeAll(async () => {
  store = await openTestStore();
  await seedDashboard(store);
});
afterAll(async () => closeTestStore(store));

describe('renderApp', () => {
  it('renders on the given streams and calls onQuit on Ctrl-C (Ink does not exit by itself)', async () => {
    const stdout = new FakeOut();
    const stdin = new FakeIn();
    let quits = 0;
    const ui = renderApp({
      store,
      status: fixedStatus(null),
      options: { refreshMs: 60_000, color: false, maxFps: 12 },
      onQuit: () => quits++,
      stdout: stdout as unknown as NodeJS.WriteStream,
      stdin: stdin as unknown as NodeJS.ReadStream,
      clock: { now: () => NOW },
      patchConsole: false,
    });
    try {
      await waitForFrame(() => stdout.output, (f) => f.includes('AlphaWhale'));
      stdin.type('\u0003');
      await waitForFrame(() => stdout.output, () => quits === 1);
      expect(quits).toBe(1);
    } finally {
      ui.unmount();
    }
    await ui.waitUntilExit();
  });
});
