/**
 * Issue 11, defect 9: pane queries honour their AbortSignal. Every pane and view hands its signal to the store; a
 * tab switch (or leaving a view) cancels the queries started for what is no longer on screen and drops their
 * results should they arrive anyway (chDB cannot interrupt a statement it already runs: it rejects at once and
 * finishes in the background); closing the UI cancels everything; a cancelled statement still queued never runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryParams, Store } from '../../src/store/types.ts';
import { getLeaderboard } from '../../src/store/queries/leaderboard.ts';
import { PaneDataStore } from '../../src/ui/data/pane-store.ts';
import type { SliceDef } from '../../src/ui/data/slice.ts';
import { PANES } from '../../src/ui/panes/index.ts';
import { createTheme } from '../../src/ui/theme.ts';
import { marketView } from '../../src/ui/views/Market/index.tsx';
import { walletView } from '../../src/ui/views/Wallet/index.tsx';
import { closeTestStore, openTestStore, type TestStore } from '../helpers/store.ts';

/**
 * A query whose answer the test gives, and the signals it ran with. Like the store's clients it rejects when its
 * signal fires, unless `deaf` (a statement the engine already runs: its answer still comes, later).
 */
function pending(key: string, deaf = false) {
  let resolve!: (rows: unknown) => void;
  const calls: AbortSignal[] = [];
  const def: SliceDef = {
    key,
    run: (signal) => {
      calls.push(signal);
      return new Promise((r, reject) => {
        resolve = r;
        if (!deaf) signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
    },
  };
  return { def, calls, answer: (rows: unknown) => resolve(rows) };
}

const settle = async (data: PaneDataStore, until: () => boolean): Promise<void> => {
  const deadline = Date.now() + 2_000;
  while (!until() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
};

describe('issue-11 the pane store cancels what left the screen', () => {
  it('a tab switch aborts the old tab query and drops its late result; background counts go on', async () => {
    const data = new PaneDataStore({ notifyDelayMs: 1 });
    const leaderboard = pending('leaderboard');
    const whales = pending('whales');
    const smart = pending('smart');
    const count = pending('count-of-tab-4');
    try {
      data.setVisible([leaderboard.def], [count.def]);
      await settle(data, () => leaderboard.calls.length === 1);
      // Tab 2: the leaderboard's query is cancelled.
      data.setVisible([whales.def], [count.def]);
      expect(leaderboard.calls[0]!.aborted).toBe(true);
      await settle(data, () => whales.calls.length === 1);
      whales.answer([{ fresh: true }]);
      // The hidden tab's count runs once the pane's own query is drawn; a switch to tab 3 leaves it running.
      await settle(data, () => count.calls.length === 1);
      data.setVisible([smart.def], [count.def]);
      expect(count.calls[0]!.aborted).toBe(false);
      count.answer([{ n: 3 }]);
      await settle(data, () => data.getSnapshot().slices['count-of-tab-4'] !== undefined);
      // Cancelled, it left no error behind either.
      expect(data.getSnapshot().slices.leaderboard).toBeUndefined();
      expect(data.getSnapshot().slices.whales).toMatchObject({ state: 'ready', rows: [{ fresh: true }] });
      expect(data.getSnapshot().slices['count-of-tab-4']).toMatchObject({ state: 'ready', rows: [{ n: 3 }] });
      // Back on the leaderboard, it is fetched afresh.
      data.setVisible([leaderboard.def], []);
      await settle(data, () => leaderboard.calls.length === 2);
      expect(leaderboard.calls[1]!.aborted).toBe(false);
      expect(smart.calls[0]!.aborted).toBe(true);
    } finally {
      data.close();
    }
  });

  it('a statement the engine finishes after it was cancelled publishes nothing', async () => {
    const data = new PaneDataStore({ notifyDelayMs: 1 });
    const wallet = pending('wallet:0x1', true);
    const board = pending('leaderboard');
    try {
      data.setVisible([wallet.def]);
      await settle(data, () => wallet.calls.length === 1);
      // Esc: the wallet view is left; its statement runs on in the engine.
      data.setVisible([board.def]);
      expect(wallet.calls[0]!.aborted).toBe(true);
      await settle(data, () => board.calls.length === 1);
      board.answer([{ rank: 1 }]);
      wallet.answer({ late: true });
      await settle(data, () => data.getSnapshot().slices.leaderboard !== undefined);
      await new Promise((r) => setTimeout(r, 20));
      expect(data.getSnapshot().slices['wallet:0x1']).toBeUndefined();
      expect(data.getSnapshot().inFlight).toBe(0);
    } finally {
      data.close();
    }
  });

  it('closing (quit) aborts every query in flight', async () => {
    const data = new PaneDataStore({ notifyDelayMs: 1 });
    const q = pending('x');
    data.setVisible([q.def]);
    await settle(data, () => q.calls.length === 1);
    data.close();
    expect(q.calls[0]!.aborted).toBe(true);
  });
});

describe('issue-11 every pane and view passes its signal to the store', () => {
  it('each statement of each slice runs with the slice signal', async () => {
    const seen: (AbortSignal | undefined)[] = [];
    const fake = {
      kind: 'embedded', description: 'fake', client: null as never,
      query: async (_sql: string, _params?: QueryParams, signal?: AbortSignal) => {
        seen.push(signal);
        return [];
      },
      insert: async () => {}, command: async () => {}, ping: async () => true, close: async () => {},
    } as unknown as Store;
    const ctx = { store: fake, board: { category: 'OVERALL', period: 'ALL', orderBy: 'PNL' }, now: () => Date.now() };
    const defs: SliceDef[] = [
      ...PANES.flatMap((p) => p.slices(ctx)),
      walletView('0x' + '1'.repeat(40), 'w', createTheme(false)).slice(ctx),
      marketView('0x' + 'a'.repeat(64), 'm', createTheme(false)).slice(ctx),
    ];
    for (const def of defs) {
      seen.length = 0;
      const controller = new AbortController();
      await def.run(controller.signal).catch(() => undefined);
      expect(seen.length, def.key).toBeGreaterThan(0);
      expect(seen.every((s) => s === controller.signal), def.key).toBe(true);
    }
  });
});

describe('issue-11 the embedded engine and a cancelled query', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(async () => closeTestStore(store));

  it('rejects at once when the signal fires, and a pre-cancelled statement is never run', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(getLeaderboard(store, {}, controller.signal)).rejects.toThrow();
    // The store still answers afterwards.
    await expect(getLeaderboard(store, {})).resolves.toEqual([]);
  });
});
