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

/** Waits (a macrotask at a time, at most 1 s) until `predicate` holds. */
async function until(predicate: () => boolean): Promise<void> {
  const deadline = Date.now() + 1_000;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met within 1 s');
    await new Promise((r) => setTimeout(r, 1));
  }
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
    // Never two of the same in flight: a refresh while its query runs starts nothing…
    store.refreshNow();
    expect(a.runs).toBe(2);
    // …but leaving the view cancels that query (issue 11: a tab switch cancels what left the screen), so showing
    // it again runs it afresh, and only the fresh run's answer is published.
    store.setVisible([b.def]);
    now += 10_000;
    store.setVisible([a.def]);
    expect(a.runs).toBe(3);
    await a.resolve(['cancelled']);
    await a.resolve([2]);
    await until(() => (store!.getSnapshot().slices.a as { rows?: unknown } | undefined)?.rows?.toString() === '2');
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
    expect(hidden.runs).toBe(0); // after the visible pane's own
    await a.resolve([1]);
    expect(a.runs).toBe(1);
    await until(() => hidden.runs === 1);
    await hidden.resolve([7]);
    now += 5_000 * BACKGROUND_INTERVALS - 1;
    store.setVisible([a.def], [hidden.def]);
    expect(hidden.runs).toBe(1);
  });

  it('runs the pane’s own queries first, then the trailing ones (stats cards) once the pane is drawn, then hidden tabs’ counts', async () => {
    store = new PaneDataStore({ refreshMs: 5_000, now: () => 0, notifyDelayMs: 0 });
    let notified = 0;
    store.subscribe(() => (notified += 1));
    const pane = [controlled('pane-1'), controlled('pane-2')];
    const cards = controlled('cards');
    const hidden = controlled('hidden');
    store.setVisible(pane.map((p) => p.def), [hidden.def], [cards.def]);
    expect(pane.map((p) => p.runs)).toEqual([1, 1]); // the pane's own start together
    expect([cards.runs, hidden.runs]).toEqual([0, 0]);
    await pane[0]!.resolve([1]);
    expect(cards.runs).toBe(0); // still waiting for the pane's second query
    await pane[1]!.resolve([2]);
    expect(cards.runs).toBe(0); // not before the listeners have the pane's data
    await until(() => cards.runs === 1);
    expect(notified).toBeGreaterThan(0);
    expect(hidden.runs).toBe(0);
    await cards.resolve([3]);
    await until(() => hidden.runs === 1);
    await hidden.resolve([4]);
    expect(store.getSnapshot().inFlight).toBe(0);
    // `r` refreshes the pane and the cards, in the same order; the pane's data is published before the cards run.
    store.refreshNow();
    expect(pane.map((p) => p.runs)).toEqual([2, 2]);
    expect(cards.runs).toBe(1);
    await pane[0]!.resolve([10]);
    await pane[1]!.resolve([20]);
    expect(store.getSnapshot().slices['pane-1']).toMatchObject({ state: 'ready', rows: [10] });
    await until(() => cards.runs === 2);
    expect(store.getSnapshot().inFlight).toBe(1);
    await cards.resolve([30]);
    expect(store.getSnapshot().inFlight).toBe(0);
  });
});
