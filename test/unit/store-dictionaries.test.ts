import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../../src/lib/log.ts';
import { DictionaryReloader } from '../../src/store/dictionaries.ts';

/** A fake engine: each statement waits until the test lets it finish. */
function engine() {
  const statements: string[] = [];
  const finish: ((err?: Error) => void)[] = [];
  const run = (sql: string) =>
    new Promise<void>((resolve, reject) => {
      statements.push(sql);
      finish.push((err) => (err ? reject(err) : resolve()));
    });
  const tick = () => new Promise((r) => setImmediate(r));
  return { run, statements, finishNext: async (err?: Error) => { finish.shift()?.(err); await tick(); await tick(); }, tick };
}

describe('DictionaryReloader', () => {
  it('reloads only the dictionaries that read the table, and folds inserts during a reload into one follow-up', async () => {
    const e = engine();
    const reloader = new DictionaryReloader(e.run, memoryLogger(), { names: ['a', 'b'], other: ['c'] });
    await reloader.afterInsert('unrelated');
    expect(e.statements).toEqual([]);
    let firstDone = false;
    const first = reloader.afterInsert('db.a').then(() => (firstDone = true));
    await e.tick();
    expect(e.statements).toEqual(['SYSTEM RELOAD DICTIONARY names']);
    // Two inserts land while it runs: they wait for one reload that starts after it.
    const done: number[] = [];
    const second = reloader.afterInsert('a').then(() => done.push(2));
    const third = reloader.afterInsert('b').then(() => done.push(3));
    await e.tick();
    expect(e.statements).toHaveLength(1);
    await e.finishNext();
    expect(firstDone).toBe(true);
    expect(done).toEqual([]);
    expect(e.statements).toEqual(['SYSTEM RELOAD DICTIONARY names', 'SYSTEM RELOAD DICTIONARY names']);
    await e.finishNext();
    await Promise.all([first, second, third]);
    expect(done.sort()).toEqual([2, 3]);
  });

  it('logs a failed reload without failing the insert', async () => {
    const e = engine();
    const logger = memoryLogger();
    const reloader = new DictionaryReloader(e.run, logger, { names: ['a'] });
    const pending = reloader.afterInsert('a');
    await e.tick();
    await e.finishNext(new Error('UNKNOWN_DICTIONARY'));
    await expect(pending).resolves.toBeUndefined();
    expect(logger.lines).toEqual([expect.objectContaining({ level: 'warn', msg: expect.stringContaining('reload of dictionary names failed'), error: 'UNKNOWN_DICTIONARY' })]);
  });
});
