import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chTime } from '../../src/store/client.ts';
import type { Row } from '../../src/store/types.ts';
import { HOSTILE_PAYLOADS } from '../../src/sim/hostile.ts';
import { closeTestStore, openTestStore, type TestStore } from '../helpers/store.ts';
import { NOW } from './helpers/seed.ts';
import { waitForFrame, waitForText } from './helpers/frames.ts';
import { KEY, mountApp, press } from './helpers/mount.ts';

const ESC = '\x1b';
const hostile = HOSTILE_PAYLOADS.map((p, i) => `h${i} ${p}${ESC}]0;t${i}\x07${ESC}]8;;http://x${ESC}\\L${ESC}]52;c;Zm9v${ESC}\\\r\u0085\u009b2J\x7f`);
const wallet = (i: number): string => `0x${i.toString(16).padStart(40, 'e')}`;
const market = (i: number): string => `0x${i.toString(16).padStart(64, 'd')}`;
const at = (msAgo: number): string => chTime(NOW - msAgo);

/** Every network string of every table, hostile. */
async function seedHostile(store: TestStore): Promise<void> {
  const n = hostile.length;
  const idx = [...Array(n).keys()];
  const name = (i: number): string => hostile[i % n]!;
  await store.insert('trader_rankings', idx.map((i): Row => ({ proxy_wallet: wallet(i), user_name: name(i), x_username: name(i + 1), rank: i + 1, category: 'OVERALL', time_period: 'ALL', order_by: 'PNL', pnl: 1000 * (i - 5), volume: 1e5, snapshot_time: at(60_000) })));
  await store.insert('trader_profiles', idx.map((i): Row => ({ proxy_wallet: wallet(i), name: name(i + 2), pseudonym: name(i + 3), bio: name(i + 4), x_username: name(i + 5), updated_at: at(60_000) })));
  await store.insert('markets', idx.map((i): Row => ({ condition_id: market(i), question: name(i + 6), category: name(i + 7), outcomes: [name(i + 8), name(i + 9)], outcome_prices: [0.4, 0.6], clob_token_ids: [`${i}1`, `${i}2`], updated_at: at(60_000) })));
  await store.insert('wallet_positions', idx.map((i): Row => ({ proxy_wallet: wallet(i), condition_id: market(i), title: name(i + 10), outcome: name(i + 11), size: 1000, current_value: 500 + i, initial_value: 400, cash_pnl: 100, cur_price: 0.5, updated_at: at(60_000) })));
  await store.insert('wallet_activity', idx.map((i): Row => ({ proxy_wallet: wallet(i), condition_id: market(i), activity_type: 'TRADE', side: 'BUY', outcome: name(i + 12), title: name(i + 13), size: 2000, usdc_size: 1000, price: 0.5, transaction_hash: `0x${i}`, timestamp: at(120_000 + i) })));
  await store.insert('market_holders', idx.flatMap((i): Row[] => [0, 1, 2].map((k) => ({ condition_id: market(i), proxy_wallet: wallet((i + k) % n), pseudonym: name(i + k), outcome_index: k % 2, amount: 100 * (k + 1), snapshot_time: at(60_000) }))));
  await store.insert('fired_signals', idx.map((i): Row => ({ signal_id: `00000000-0000-4000-8000-${i.toString().padStart(12, '0')}`, market_id: market(i), question: name(i + 14), outcome: name(i + 15), token_id: `${i}1`, signal_type: 'ELITE_MOMENTUM', direction: 'UP', momentum_velocity: 1, momentum_acceleration: 0, elite_wallet_address: wallet(i), elite_wallet_name: name(i + 16), elite_rank: 1, elite_side: 'BUY', elite_size_usd: 100, confidence: 'HIGH', entry_window: name(i), price_at_signal: 0.5, timestamp: at(60_000 + i), updated_at: at(1_000) })));
}

/** Fails when the frame holds anything but SGR colour sequences, newlines and printable text. */
function assertClean(frame: string): void {
  const withoutSgr = frame.replace(/\x1b\[[0-9;]*m/g, '');
  const bad = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.exec(withoutSgr);
  if (bad) {
    const at = bad.index;
    throw new Error(`forbidden U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0')} near ${JSON.stringify(withoutSgr.slice(Math.max(0, at - 40), at + 10))}`);
  }
}

let store: TestStore;
beforeAll(async () => {
  store = await openTestStore();
  await seedHostile(store);
});
afterAll(async () => closeTestStore(store));

describe('hostile strings never reach the terminal', () => {
  it('in every pane and both detail views, frame after frame', async () => {
    const app = mountApp(store, { columns: 120, rows: 40 });
    try {
      await waitForText(app.lastFrame, '#1 ');
      const screens: [string, string][] = [['1', '#16'], ['2', '[TRADE]'], ['3', '$515'], ['4', 'Top-5'], ['5', 'hit rate']];
      for (const [key, text] of screens) {
        await press(app.stdin, key);
        await waitForFrame(app.lastFrame, (f) => f.includes(text) && !f.includes('loading…'), 10_000);
        assertClean(app.lastFrame() ?? '');
      }
      await press(app.stdin, '4', KEY.enter);
      await waitForText(app.lastFrame, 'Concentration 3 holders');
      assertClean(app.lastFrame() ?? '');
      await press(app.stdin, KEY.enter);
      await waitForText(app.lastFrame, 'Recent activity');
      assertClean(app.lastFrame() ?? '');
      await press(app.stdin, '?');
      await waitForText(app.lastFrame, 'Help');
      for (const frame of app.frames) assertClean(frame);
      expect(app.frames.length).toBeGreaterThan(5);
    } finally {
      app.done();
    }
  });
});
