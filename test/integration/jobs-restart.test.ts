/**
 * Restart safety: the sync engine runs in child processes against a simulator held by this (parent) process
 * with a manual clock, so the world does not move between runs. One child discovers wallets; a second is
 * killed with SIGKILL in the middle of position-sync, once some activity has been committed; a third runs
 * position-sync again. The store must then hold every activity row of the world exactly once, and the tracked
 * set and the watermarks must be intact.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/lib/log.ts';
import { startSimulator, type Simulator } from '../../src/sim/index.ts';
import { openStore } from '../../src/store/client.ts';
import type { Store } from '../../src/store/types.ts';
import { JOBS_WORLD, worldActivity } from '../helpers/jobs.ts';
import { runChild } from '../helpers/jobs-child.ts';

const LOOKBACK_DAYS = 7; // the default of SyncOptions.activityLookbackDays, which the child uses

type Results = { name: string; status: string; rows: number; error?: string }[];

let sim: Simulator;
let dataDir: string;
let store: Store | undefined;
let trackedAfterDiscovery = 0;
let killedCommits: Record<string, unknown>[] = [];
let finalResults: Results = [];

beforeAll(async () => {
  sim = await startSimulator({ ...JOBS_WORLD, manualClock: true, burstEveryMs: 0 });
  dataDir = mkdtempSync(join(tmpdir(), 'whaletop-restart-'));

  const discover = runChild(dataDir, sim, 'market-sync,leaderboard-sync,holder-sync');
  const done = await discover.waitFor((l) => l.msg === 'child done');
  expect((done.results as Results).map((r) => r.status)).toEqual(['ok', 'ok', 'ok']);
  trackedAfterDiscovery = Number(done.tracked);
  expect((await discover.exited).code).toBe(0);

  // Slow answers so position-sync is mid-run when the first batch has been committed.
  sim.faults.set({ latencyMs: 25 });
  const victim = runChild(dataDir, sim, 'position-sync');
  await victim.waitFor((l) => l.msg === 'wallets committed' && Number(l.activityInserted) > 0);
  victim.child.kill('SIGKILL');
  const killed = await victim.exited;
  expect(killed.signal).toBe('SIGKILL');
  expect(victim.lines.some((l) => l.msg === 'child done')).toBe(false);
  killedCommits = victim.lines.filter((l) => l.msg === 'wallets committed');

  sim.faults.set({ latencyMs: 0 });
  const restart = runChild(dataDir, sim, 'position-sync');
  const restarted = await restart.waitFor((l) => l.msg === 'child done');
  finalResults = restarted.results as Results;
  expect((await restart.exited).code).toBe(0);

  store = await openStore({ kind: 'embedded', dataDir }, silentLogger);
}, 240_000);

afterAll(async () => {
  await store?.close();
  await sim?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('kill -9 during position-sync, then run again', () => {
  it('the killed run had committed part of the wallets only; the rerun ended ok', () => {
    const committedWallets = killedCommits.reduce((n, l) => n + Number(l.wallets), 0);
    expect(committedWallets).toBeGreaterThan(0);
    expect(committedWallets).toBeLessThan(500);
    expect(finalResults).toHaveLength(1);
    expect(finalResults[0]).toMatchObject({ name: 'position-sync', status: 'ok' });
  });

  it('no natural key is stored twice', async () => {
    const [row] = await store!.query<{ total: string; distinct: string }>(
      `SELECT count() AS total,
              uniqExact(proxy_wallet, transaction_hash, asset, side, size, price, timestamp, fill_seq) AS distinct
       FROM wallet_activity`,
    );
    expect(Number(row?.total)).toBeGreaterThan(1000);
    expect(Number(row?.total)).toBe(Number(row?.distinct));
  });

  it('no activity row is missing versus the simulator, for every polled wallet', async () => {
    const fromSec = Math.floor(sim.now() / 1000) - LOOKBACK_DAYS * 86_400;
    const polled = (await store!.query<{ w: string }>(`SELECT proxy_wallet AS w FROM wallet_sync_metadata FINAL`)).map((r) => r.w);
    // position-sync drains the queue: after the rerun every tracked wallet has been polled.
    expect(polled.length).toBe(trackedAfterDiscovery);
    const stored = await store!.query<{ w: string; n: string; usdc: number }>(
      `SELECT proxy_wallet AS w, count() AS n, sum(usdc_size) AS usdc FROM wallet_activity GROUP BY proxy_wallet`,
    );
    const storedOf = new Map(stored.map((r) => [r.w, { count: Number(r.n), usdc: Number(r.usdc) }]));
    for (const wallet of polled) {
      const truth = worldActivity(sim, wallet, fromSec);
      const got = storedOf.get(wallet) ?? { count: 0, usdc: 0 };
      expect({ wallet, count: got.count }).toEqual({ wallet, count: truth.count });
      expect(got.usdc).toBeCloseTo(truth.usdc, 4);
    }
  });

  it('the tracked set survived both restarts unchanged', async () => {
    const [row] = await store!.query<{ n: string }>(
      `SELECT count() AS n FROM sync_state FINAL WHERE scope = 'tracked_wallet' AND deleted = 0`,
    );
    expect(trackedAfterDiscovery).toBeGreaterThan(500);
    expect(Number(row?.n)).toBe(trackedAfterDiscovery);
  });

  it('every watermark equals the newest stored activity second of its wallet', async () => {
    const marks = await store!.query<{ key: string; value: string }>(
      `SELECT key, value FROM sync_state FINAL WHERE scope = 'activity_wm' AND deleted = 0`,
    );
    const newest = await store!.query<{ w: string; ts: string }>(
      `SELECT proxy_wallet AS w, toUnixTimestamp(max(timestamp)) AS ts FROM wallet_activity GROUP BY proxy_wallet`,
    );
    expect(new Map(marks.map((m) => [m.key, Number(m.value)]))).toEqual(new Map(newest.map((n) => [n.w, Number(n.ts)])));
  });
});
