import { afterEach, describe, expect, it } from 'vitest';
import { Shutdown } from '../../src/app/shutdown.ts';
import { memoryLogger } from '../../src/lib/log.ts';

/** A promise and the function that resolves it (a step that ends when the test says so). */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

let removeHandlers: (() => void) | null = null;
afterEach(() => {
  removeHandlers?.();
  removeHandlers = null;
});

describe('Shutdown: the one exit point', () => {
  it('runs the steps once, in order, then the settle work, and resolves the first end’s code', async () => {
    const order: string[] = [];
    const shutdown = new Shutdown(memoryLogger())
      .add('ui', () => void order.push('ui'))
      .add('writer', async () => void order.push('writer'))
      .add('store', () => {
        order.push('store');
        throw new Error('already closed');
      })
      .settleBeforeExit('native', () => void order.push('native'));
    expect(shutdown.ending).toBe(false);
    const first = shutdown.end('quit', 0);
    const second = shutdown.end('crash', 1);
    expect(shutdown.ending).toBe(true);
    expect(await first).toBe(0);
    expect(await second).toBe(0);
    expect(order).toEqual(['ui', 'writer', 'store', 'native']);
  });

  it('a step past the budget abandons the rest with code 1, after the settle work is done', async () => {
    const logger = memoryLogger();
    const stuck = gate();
    const settled: string[] = [];
    const shutdown = new Shutdown(logger, { budgetMs: 30, settleBudgetMs: 2_000 })
      .add('scheduler', () => stuck.promise)
      .add('store', () => void settled.push('store step'))
      .settleBeforeExit('store', async () => {
        await new Promise((r) => setTimeout(r, 20));
        settled.push('native drained');
      });
    expect(await shutdown.end('SIGTERM', 0)).toBe(1);
    expect(settled).toEqual(['native drained']);
    expect(logger.lines.map((l) => l.msg)).toContain('shutdown budget exceeded; abandoning the rest');
    stuck.open();
  });

  it('an abandoned shutdown waits at most settleBudgetMs for native work that never ends', async () => {
    const logger = memoryLogger();
    const never = gate();
    const shutdown = new Shutdown(logger, { settleBudgetMs: 30 }).settleBeforeExit('store', () => never.promise);
    expect(await shutdown.abandon('SIGINT', 130)).toBe(130);
    expect(logger.lines.map((l) => l.msg)).toContain('work still running at exit');
    never.open();
  });

  it('SIGINT ends in order with the code chosen for signals; a second one abandons with 130 once settled', async () => {
    const logger = memoryLogger();
    const writer = gate();
    let drained = false;
    const shutdown = new Shutdown(logger)
      .add('writer', () => writer.promise)
      .settleBeforeExit('store', async () => {
        await new Promise((r) => setTimeout(r, 10));
        drained = true;
      });
    removeHandlers = shutdown.installSignalHandlers(() => 7);
    process.emit('SIGINT', 'SIGINT');
    expect(shutdown.ending).toBe(true);
    process.emit('SIGINT', 'SIGINT');
    expect(await shutdown.exited).toBe(130);
    expect(drained).toBe(true);
    expect(logger.lines.find((l) => l.msg === 'shutdown')?.reason).toBe('SIGINT');
    writer.open();
  });

  it('one SIGTERM resolves the code chosen for signals', async () => {
    const shutdown = new Shutdown(memoryLogger());
    removeHandlers = shutdown.installSignalHandlers((signal) => (signal === 'SIGTERM' ? 0 : 130));
    process.emit('SIGTERM', 'SIGTERM');
    expect(await shutdown.exited).toBe(0);
  });
});
