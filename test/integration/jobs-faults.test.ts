/**
 * The sync engine under a hostile upstream. Contract under test:
 *   - 429s, 5xx and hung requests are retried by the clients; the jobs never see most of them.
 *     With ~20 % of requests failing that way, one pass stores exactly what a fault-free pass stores — the
 *     simulator's truth, which jobs-sync.test.ts shows a fault-free pass equals.
 *   - A malformed record the client rejects is not a silent gap: the jobs treat an answer with rejected records
 *     as incomplete, fetch it again (`incompleteRefetches` times) and merge the attempts by agreement (a record
 *     must be seen in two answers). Asserted exactly on the fields the client validates strictly (board, rank,
 *     wallet). KNOWN GAP (client side): the client maps a null/missing pnl, vol, size, usdcSize, price, amount
 *     or side to 0/'' instead of rejecting the record, so such a corruption in an answer that has no rejected
 *     record is stored as a wrong value; those fields are therefore not asserted under malformed faults.
 *   - If an answer stays incomplete, its valid records are stored but the wallet's activity watermark does not
 *     advance, so the next run reads the same window again and fills the gap (natural keys prevent duplicates).
 *   - An unreachable host or a 429 storm ends that run 'error' with the reason; other jobs and later runs go on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEADERBOARD_CATEGORIES, LEADERBOARD_ORDERS, LEADERBOARD_PERIODS } from '../../src/polymarket/types.ts';
import { startSimulator, type Simulator } from '../../src/sim/index.ts';
import type { JobRunResult } from '../../src/jobs/scheduler.ts';
import { readTrackedWalletCount } from '../../src/store/state/sync-state.ts';
import { closeTestStore, openTestStore, type TestStore } from '../helpers/store.ts';
import { JOBS_WORLD, syncRig, worldActivity, type SyncRig } from '../helpers/jobs.ts';

const LOOKBACK_DAYS = 7;
const HTTP_FAULTS = { rate429: 0.08, rate5xx: 0.08, hangRate: 0.04, retryAfterSeconds: null } as const;

let store: TestStore;
let sim: Simulator;
let rig: SyncRig;
let results: JobRunResult[];
let fromSec: number;

beforeAll(async () => {
  store = await openTestStore();
  sim = await startSimulator({ ...JOBS_WORLD, manualClock: true, burstEveryMs: 0, faults: HTTP_FAULTS });
  rig = syncRig(store, sim, {
    timeoutMs: 400,
    maxRetries: 8,
    options: { activityLookbackDays: LOOKBACK_DAYS, incompleteRefetches: 5, trackedWalletMax: 200 },
  });
  fromSec = Math.floor(sim.now() / 1000) - LOOKBACK_DAYS * 86_400;
  results = await rig.scheduler.runAllOnce();
}, 240_000);

afterAll(async () => {
  await rig?.close();
  await sim?.stop();
  if (store) await closeTestStore(store);
});

describe('with ~20 % of requests failing (429, 5xx, hangs)', () => {
  it('the upstream really misbehaved, and every run still ended ok with nothing missing', () => {
    const stats = rig.polymarket.stats();
    expect(stats.retries).toBeGreaterThan(100);
    expect(results.map((r) => [r.name, r.status, r.error, r.rejected])).toEqual([
      ['market-sync', 'ok', undefined, 0],
      ['leaderboard-sync', 'ok', undefined, 0],
      ['holder-sync', 'ok', undefined, 0],
      ['position-sync', 'ok', undefined, 0],
      ['profile-enricher', 'ok', undefined, 0],
      ['closed-position-sync', 'ok', undefined, 0],
      ['resolution-sync', 'ok', undefined, 0],
      ['wallet-scores', 'ok', undefined, 0],
    ]);
  });

  it('trader_rankings equal the world boards', async () => {
    const rows = await store.query<{ b: string; rank: number; w: string; pnl: number }>(
      `SELECT concat(category, '/', time_period, '/', order_by) AS b, rank, proxy_wallet AS w, pnl FROM trader_rankings FINAL`,
    );
    const got = rows.map((r) => `${r.b}|${Number(r.rank)}|${r.w}|${Number(r.pnl) + 0}`).sort();
    const truth: string[] = [];
    for (const category of LEADERBOARD_CATEGORIES)
      for (const timePeriod of LEADERBOARD_PERIODS)
        for (const orderBy of LEADERBOARD_ORDERS)
          for (const t of sim.world.leaderboard({ category, timePeriod, orderBy }).slice(0, 200))
            truth.push(`${category}/${timePeriod}/${orderBy}|${Number(t.rank)}|${t.proxyWallet}|${t.pnl + 0}`);
    expect(got).toEqual(truth.sort());
  });

  it('markets and holders equal the world', async () => {
    const active = sim.world.markets().filter((m) => m.active === true && m.closed === false);
    // resolution-sync adds the closed markets the wallets traded (issue 13): the active ones are market-sync's.
    const [markets] = await store.query<{ n: string }>(`SELECT count() AS n FROM markets FINAL WHERE closed = 0`);
    expect(Number(markets?.n)).toBe(active.length);
    // holder-sync scans every active market; one nobody holds ≥ 1 share of has no rows to store.
    const top = active
      .map((m) => String(m.conditionId))
      .filter((cid) => sim.world.holdersOf(cid).some((g) => g.holders.length > 0));
    expect(top.length).toBeGreaterThan(50);
    const stored = await store.query<{ c: string; w: string; amount: number; o: number }>(
      `SELECT condition_id AS c, proxy_wallet AS w, amount, outcome_index AS o FROM market_holders FINAL`,
    );
    const truth = top.flatMap((c) => sim.world.holdersOf(c).flatMap((g) => g.holders.map((h) => `${c}|${String(h.proxyWallet)}|${Number(h.amount)}|${Number(h.outcomeIndex)}`)));
    expect(stored.map((r) => `${r.c}|${r.w}|${Number(r.amount)}|${Number(r.o)}`).sort()).toEqual(truth.sort());
  });

  it('activity and positions of every polled wallet equal the world', async () => {
    const polled = (await store.query<{ w: string }>(`SELECT proxy_wallet AS w FROM wallet_sync_metadata FINAL`)).map((r) => r.w);
    // position-sync drains the queue: every tracked wallet is polled (trackedWalletMax only sizes each batch).
    expect(polled.length).toBe(await readTrackedWalletCount(store));
    expect(polled.length).toBeGreaterThan(200);
    const stored = await store.query<{ w: string; n: string; usdc: number }>(
      `SELECT proxy_wallet AS w, count() AS n, sum(usdc_size) AS usdc FROM wallet_activity GROUP BY proxy_wallet`,
    );
    const storedOf = new Map(stored.map((r) => [r.w, { count: Number(r.n), usdc: Number(r.usdc) }]));
    for (const wallet of polled) {
      const truth = worldActivity(sim, wallet, fromSec);
      expect({ wallet, count: storedOf.get(wallet)?.count ?? 0 }).toEqual({ wallet, count: truth.count });
      expect(storedOf.get(wallet)?.usdc ?? 0).toBeCloseTo(truth.usdc, 4);
    }
    const positions = await store.query<{ k: string }>(
      `SELECT concat(proxy_wallet, '|', condition_id, '|', toString(outcome_index), '|', toString(size)) AS k FROM wallet_positions FINAL WHERE size > 0`,
    );
    const truth = polled.flatMap((w) =>
      sim.world.positionsOf(w).filter((p) => Number(p.size) >= 1).map((p) => `${w}|${String(p.conditionId)}|${Number(p.outcomeIndex)}|${Number(p.size)}`),
    );
    expect(positions.map((p) => p.k).sort()).toEqual(truth.sort());
  });
});

describe('malformed records (3 % of records)', () => {
  it('rejected records are refetched and merged: every board holds exactly ranks 1..200 with the world\'s wallets', async () => {
    sim.faults.set({ rate429: 0, rate5xx: 0, hangRate: 0, malformedRate: 0.03 });
    try {
      const result = await rig.scheduler.runOnce('leaderboard-sync');
      expect(result).toMatchObject({ status: 'ok', rejected: 0 });
      expect(rig.polymarket.stats().rejected).toBeGreaterThan(50);
    } finally {
      sim.faults.clear();
    }
    const rows = await store.query<{ b: string; rank: number; w: string }>(
      `SELECT concat(category, '/', time_period, '/', order_by) AS b, rank, proxy_wallet AS w FROM trader_rankings FINAL`,
    );
    const truth: string[] = [];
    for (const category of LEADERBOARD_CATEGORIES)
      for (const timePeriod of LEADERBOARD_PERIODS)
        for (const orderBy of LEADERBOARD_ORDERS)
          for (const t of sim.world.leaderboard({ category, timePeriod, orderBy }).slice(0, 200)) truth.push(`${category}/${timePeriod}/${orderBy}|${Number(t.rank)}|${t.proxyWallet}`);
    expect(rows.map((r) => `${r.b}|${Number(r.rank)}|${r.w}`).sort()).toEqual(truth.sort());
  });
});

describe('answers that stay incomplete', () => {
  it('keep the watermark in place; the next complete run fills the gap without duplicates', async () => {
    sim.advance(30 * 60_000);
    const brokenAt = sim.now();
    const readMarks = () =>
      store.query<{ key: string; value: string }>(`SELECT key, value FROM sync_state FINAL WHERE scope = 'activity_wm' ORDER BY key`);
    const marksBefore = await readMarks();
    // Every activity answer loses its newest record to validation, however often it is fetched.
    const data = rig.polymarket.data;
    const original = data.activitySince.bind(data);
    data.activitySince = async (...args) => {
      const page = await original(...args);
      return page.items.length > 0 ? { items: page.items.slice(0, -1), rejected: page.rejected + 1 } : page;
    };
    let broken;
    try {
      broken = await rig.scheduler.runOnce('position-sync');
    } finally {
      data.activitySince = original;
    }
    expect(broken.status).toBe('ok');
    expect(broken.rejected).toBeGreaterThan(0);
    const marksDuring = await readMarks();
    const advanced = marksDuring.filter((m) => marksBefore.find((b) => b.key === m.key)?.value !== m.value);
    // Only wallets with no activity in the window (nothing to lose) may have moved; none did here.
    expect(advanced).toEqual([]);

    const healed = await rig.scheduler.runOnce('position-sync');
    expect(healed).toMatchObject({ status: 'ok', rejected: 0 });
    // The queue polls up to trackedWalletMax (+ due wallets) per run, so a wallet neither run took is still at
    // its earlier sync; the wallets of the broken run (incomplete, so first in the queue) and of the healed run
    // must all equal the world now.
    const polled = (
      await store.query<{ w: string }>(
        `SELECT proxy_wallet AS w FROM wallet_sync_metadata FINAL WHERE last_position_sync >= fromUnixTimestamp64Milli({at:Int64})`,
        { at: brokenAt },
      )
    ).map((r) => r.w);
    expect(polled.length).toBeGreaterThanOrEqual(200);
    const stillIncomplete = await store.query<{ w: string }>(`SELECT proxy_wallet AS w FROM wallet_sync_metadata FINAL WHERE last_activity_sync IS NULL`);
    expect(stillIncomplete).toEqual([]);
    const stored = await store.query<{ w: string; n: string }>(`SELECT proxy_wallet AS w, count() AS n FROM wallet_activity GROUP BY proxy_wallet`);
    const storedOf = new Map(stored.map((r) => [r.w, Number(r.n)]));
    for (const wallet of polled) {
      expect({ wallet, count: storedOf.get(wallet) ?? 0 }).toEqual({ wallet, count: worldActivity(sim, wallet, fromSec).count });
    }
    const [dups] = await store.query<{ d: string }>(
      `SELECT count() - uniqExact(proxy_wallet, transaction_hash, asset, side, size, price, timestamp, fill_seq) AS d FROM wallet_activity`,
    );
    expect(Number(dups?.d)).toBe(0);
    expect((await readMarks()).length).toBeGreaterThan(0);
  });
});

describe('errors stay inside the job', () => {
  it('an unreachable host ends the run as error; the scheduler and the other jobs carry on', async () => {
    const deadSim = { ...sim, urls: { ...sim.urls, gamma: 'http://127.0.0.1:9/gamma-api' } } as Simulator;
    const dead = syncRig(store, deadSim, { timeoutMs: 300, maxRetries: 1 });
    try {
      const market = await dead.scheduler.runOnce('market-sync');
      expect(market.status).toBe('error');
      expect(market.error).toBeTruthy();
      const leaderboard = await dead.scheduler.runOnce('leaderboard-sync');
      expect(leaderboard.status).toBe('ok');
      expect(dead.scheduler.statuses()[0]).toMatchObject({ name: 'market-sync', consecutiveFailures: 1 });
    } finally {
      await dead.close();
    }
  });

  it('a 429 storm ends the run as error with the reason recorded in job_runs', async () => {
    sim.faults.set({ rate429: 1, retryAfterSeconds: null, paths: ['/gamma-api/markets', '/markets'] });
    const storm = syncRig(store, sim, { maxRetries: 2 });
    try {
      const result = await storm.scheduler.runOnce('market-sync');
      expect(result.status).toBe('error');
      await storm.scheduler.stop();
      const [run] = await store.query<{ status: string; error: string }>(
        `SELECT toString(status) AS status, error FROM job_runs FINAL WHERE job = 'market-sync' ORDER BY started DESC LIMIT 1`,
      );
      expect(run).toEqual({ status: 'error', error: result.error });
    } finally {
      sim.faults.clear();
      await storm.close();
    }
  });
});
