/**
 * stale-data-on-revisited-tab: a view that comes back on screen fetches at once every slice older than one
 * refresh interval (it used to show what it had when last visible until the next tick), still never running two
 * of the same query at once; hidden tabs' count slices load once and then refresh in the background.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BACKGROUND_INTERVALS, PaneDataStore } from '../../src/ui/data/pane-store.ts';
import type { SliceDef } from '../../src/ui/data/slice.ts';

/** A query whose runs are counted and resolved by the test. */
function controlled(key: string) {
  const pending: ((rows: unknown) => void)[] = [];
  let runs = 0;
  const def: SliceDef = {
    key,
    run: () => {
      runs += 1;
      return new Promise((resolve) => pending.push(resolve));
    },
  };
  return {
    def,
    get runs() {
      return runs;
    },
    resolve: async (rows: unknown) => {
      pending.shift()?.(rows);
      await new Promise((r) => setImmediate(r));
    },
  };
}

let store: PaneDataStore | null = null;
afterEach(() => store?.close());

describe('PaneDataStore on revisiting a view', () => {
  it('fetches at once a slice older than one refresh interval, and not one that is fresh', async () => {
    let now = 1_000_000;
    store = new PaneDataStore({ refreshMs: 5_000, now: () => now });
    const a = controlled('a');
    const b = controlled('b');
    store.setVisible([a.def]);
    expect(a.runs).toBe(1);
    await a.resolve([1]);
    expect(store.getSnapshot().slices.a).toMatchObject({ state: 'ready', rows: [1] });

    store.setVisible([b.def]);
    now += 4_999;
    store.setVisible([a.def]);
    expect(a.runs).toBe(1); // fresh: within one interval
    store.setVisible([b.def]);
    now += 1;
    store.setVisible([a.def]);
    expect(a.runs).toBe(2); // exactly one interval old: fetched on sight
    // Never two of the same in flight: showing it again while its query runs starts nothing.
    store.setVisible([b.def]);
    now += 10_000;
    store.setVisible([a.def]);
    expect(a.runs).toBe(2);
    await a.resolve([2]);
    expect(store.getSnapshot().slices.a).toMatchObject({ state: 'ready', rows: [2] });
  });

  it('does not refetch stale slices while paused (only never-loaded ones)', async () => {
    let now = 0;
    store = new PaneDataStore({ refreshMs: 5_000, now: () => now });
    const a = controlled('a');
    const c = controlled('c');
    store.setVisible([a.def]);
    await a.resolve([1]);
    store.setPaused(true);
    now += 60_000;
    store.setVisible([a.def, c.def]);
    expect(a.runs).toBe(1);
    expect(c.runs).toBe(1);
  });

  it('loads hidden tabs’ count slices once at once, not again while they are younger than the background interval', async () => {
    let now = 0;
    store = new PaneDataStore({ refreshMs: 5_000, now: () => now });
    const a = controlled('a');
    const hidden = controlled('hidden');
    store.setVisible([a.def], [hidden.def, a.def]);
    expect(a.runs).toBe(1); // a visible slice listed as background too runs once
    expect(hidden.runs).toBe(1);
    await hidden.resolve([7]);
    now += 5_000 * BACKGROUND_INTERVALS - 1;
    store.setVisible([a.def], [hidden.def]);
    expect(hidden.runs).toBe(1);
  });
});
