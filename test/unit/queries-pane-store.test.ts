import { describe, expect, it } from 'vitest';
import { PaneDataStore } from '../../src/ui/data/pane-store.ts';
import type { SliceDef } from '../../src/ui/data/slice.ts';

/** A query whose runs the test resolves or rejects by hand. */
function manual<T>(key: string) {
  const pending: { resolve(v: T): void; reject(e: Error): void }[] = [];
  let runs = 0;
  const def: SliceDef<T> = {
    key,
    run: () =>
      new Promise<T>((resolve, reject) => {
        runs++;
        pending.push({ resolve, reject });
      }),
  };
  return { def, pending, runs: () => runs };
}

const settle = async (store: PaneDataStore, predicate: () => boolean): Promise<void> => {
  const deadline = Date.now() + 2_000;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`not settled: ${JSON.stringify(store.getSnapshot())}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('PaneDataStore', () => {
  it('loads, drops overlapping refreshes, keeps identity when nothing changed, keeps last rows on error', async () => {
    const store = new PaneDataStore({ refreshMs: 60_000, notifyDelayMs: 1 });
    let notified = 0;
    store.subscribe(() => notified++);
    const q = manual<{ name: string }[]>('q');
    store.setVisible([q.def]);
    expect(store.getSnapshot().slices.q).toBeUndefined();
    store.refreshNow();
    store.refreshNow();
    expect(q.runs()).toBe(1); // the overlapping refreshes were dropped

    q.pending[0]!.resolve([{ name: `A\u001b]0;pwn\u0007B` }]);
    await settle(store, () => store.getSnapshot().slices.q?.state === 'ready');
    const ready = store.getSnapshot().slices.q;
    expect(ready).toMatchObject({ state: 'ready', rows: [{ name: 'AB' }] }); // sanitised at the boundary

    const before = store.getSnapshot();
    const notifiedBefore = notified;
    store.refreshNow();
    q.pending[1]!.resolve([{ name: 'AB' }]);
    await settle(store, () => store.getSnapshot().inFlight === 0 && store.getSnapshot() !== before);
    expect(store.getSnapshot().slices).toBe(before.slices); // same rows: the slices object is not replaced
    expect(notified).toBeGreaterThanOrEqual(notifiedBefore);

    store.refreshNow();
    q.pending[2]!.reject(new Error('CH down'));
    await settle(store, () => store.getSnapshot().slices.q?.state === 'error');
    expect(store.getSnapshot().slices.q).toMatchObject({ state: 'error', message: 'CH down', lastRows: [{ name: 'AB' }] });
    store.close();
  });

  it('pauses the UI refresh and steps the interval', () => {
    const store = new PaneDataStore({ refreshMs: 5_000 });
    store.setPaused(true);
    expect(store.getSnapshot().paused).toBe(true);
    store.stepRefresh(1);
    expect(store.getSnapshot().refreshMs).toBe(10_000);
    store.stepRefresh(-1);
    store.stepRefresh(-1);
    expect(store.getSnapshot().refreshMs).toBe(2_000);
    store.close();
  });
});
