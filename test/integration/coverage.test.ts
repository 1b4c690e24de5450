/**
 * Issue 14, "Done when" (coverage part), against the simulator's truth on real embedded ClickHouse:
 *  1. one pass of the jobs (the `--headless --once` path) on a world of 2,000 wallets and 300 markets syncs every
 *     wallet that holds anything in any active market, once, with no duplicate rows;
 *  2. `whaletop backfill` killed with SIGKILL mid-run, then `--resume`, ends with exactly the simulator's activity
 *     (by natural key) and closed positions — including wallets whose history is deeper than the /activity offset
 *     cap the simulator enforces (5,000), which only the time-window walk reaches.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVITY_MAX_OFFSET, startSimulator, type Simulator } from '../../src/sim/index.ts';
import { openStore } from '../../src/store/client.ts';
import { readClosedPositionKeys, readQueueStats } from '../../src/store/queries/coverage.ts';
import type { Store } from '../../src/store/types.ts';
import { silentLogger } from '../../src/lib/log.ts';
import { closeTestStore, openTestStore, type TestStore } from '../helpers/store.ts';
import { syncRig } from '../helpers/jobs.ts';
import { storedActivity, surplus, truthActivity } from '../helpers/activity-truth.ts';

const num = (v: unknown): number => Number(v);

function activeHolders(sim: Simulator): Set<string> {
  const out = new Set<string>();
  for (const m of sim.world.markets().filter((x) => x.active === true && x.closed === false)) {
    for (const g of sim.world.holdersOf(String(m.conditionId), Number.MAX_SAFE_INTEGER, Number.MIN_VALUE)) {
      for (const h of g.holders) out.add(String(h.proxyWallet));
    }
  }
  return out;
}

describe('one pass over a 2,000-wallet, 300-market world', () => {
  let store: TestStore;
  let sim: Simulator;

  beforeAll(async () => {
    store = await openTestStore();
    sim = await startSimulator({ seed: 5, walletCount: 2000, marketCount: 300, manualClock: true, burstEveryMs: 0 });
  }, 60_000);
  afterAll(async () => {
    await sim?.stop();
    if (store) await closeTestStore(store);
  });

  it('syncs every wallet holding anything in an active market at least once, with no duplicates', async () => {
    const rig = syncRig(store, sim, { options: { activityLookbackDays: 7 } });
    try {
      const results = await rig.scheduler.runAllOnce();
      expect(results.map((r) => [r.name, r.status])).toEqual([
        ['market-sync', 'ok'],
        ['leaderboard-sync', 'ok'],
        ['holder-sync', 'ok'],
        ['position-sync', 'ok'],
        ['profile-enricher', 'ok'],
        ['closed-position-sync', 'ok'],
        ['resolution-sync', 'ok'],
        ['wallet-scores', 'ok'],
      ]);
    } finally {
      await rig.close();
    }
    const holders = activeHolders(sim);
    expect(holders.size).toBeGreaterThan(1500);
    const synced = new Set((await store.query<{ w: string }>(`SELECT proxy_wallet AS w FROM wallet_sync_metadata FINAL`)).map((r) => r.w));
    const missing = [...holders].filter((w) => !synced.has(w));
    expect(missing).toEqual([]);
    const [meta] = await store.query<{ n: string; u: string }>(`SELECT count() AS n, uniqExact(proxy_wallet) AS u FROM wallet_sync_metadata FINAL`);
    expect(num(meta?.n)).toBe(num(meta?.u));
    const [dups] = await store.query<{ d: string }>(
      `SELECT count() - uniqExact(proxy_wallet, transaction_hash, asset, side, size, price, timestamp, fill_seq) AS d FROM wallet_activity`,
    );
    expect(num(dups?.d)).toBe(0);
    // Every active market was scanned once, and the queue reports nothing left due.
    const [scans] = await store.query<{ n: string }>(`SELECT uniqExact(condition_id) AS n FROM holder_scans`);
    expect(num(scans?.n)).toBe(sim.world.markets().filter((m) => m.active === true && m.closed === false).length);
    const stats = await readQueueStats(store, sim.now(), 3_600_000);
    expect(stats.depth).toBe(0);
    expect(stats.tracked).toBeGreaterThanOrEqual(holders.size);
  }, 600_000);
});

interface ChildRun {
  lines: Record<string, unknown>[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(): void;
}

function backfill(args: string[], onLine?: (line: Record<string, unknown>, kill: () => void) => void): ChildRun {
  const child = spawn(process.execPath, ['bin/whaletop.js', 'backfill', '--headless', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Record<string, unknown>[] = [];
  let buf = '';
  const kill = (): void => {
    child.kill('SIGKILL');
  };
  child.stderr.on('data', (chunk: Buffer) => {
    buf += chunk.toString('utf8');
    for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
      const text = buf.slice(0, i);
      buf = buf.slice(i + 1);
      try {
        const line = JSON.parse(text) as Record<string, unknown>;
        lines.push(line);
        onLine?.(line, kill);
      } catch {
        lines.push({ text });
      }
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { lines, exited, kill };
}

describe('backfill: kill -9, then --resume', () => {
  let sim: Simulator;
  let dataDir: string;
  let walletsFile: string;
  let wallets: string[];
  let deep: string[];
  let store: Store | undefined;
  let killedAt = 0;
  let resumePlan: Record<string, unknown> | undefined;

  beforeAll(async () => {
    sim = await startSimulator({ seed: 11, walletCount: 2000, marketCount: 300, historyTrades: 250_000, manualClock: true, burstEveryMs: 0 });
    dataDir = mkdtempSync(join(tmpdir(), 'h-coverage-backfill-'));
    const all = sim.world.wallets();
    deep = all.filter((w) => sim.world.activityOf(w).length > ACTIVITY_MAX_OFFSET);
    wallets = [...new Set([...deep, ...all.slice(0, 120)])];
    walletsFile = join(dataDir, 'wallets.txt');
    writeFileSync(walletsFile, `# wallets to backfill\n${wallets.join('\n')}\n`);
    const common = ['--wallets', walletsFile, '--data-dir', join(dataDir, 'store'), '--data-api-url', sim.urls.dataApi, '--gamma-url', sim.urls.gamma, '--clob-url', sim.urls.clob, '--rate-fraction', '1'];

    const first = backfill(common, (line, kill) => {
      if (line.event === 'progress' && num(line.done) >= 30 && killedAt === 0) {
        killedAt = num(line.done);
        kill();
      }
    });
    const killed = await first.exited;
    expect(killed.signal).toBe('SIGKILL');

    const second = backfill([...common, '--resume']);
    expect((await second.exited).code).toBe(0);
    resumePlan = second.lines.find((l) => l.event === 'plan');
    store = await openStore({ kind: 'embedded', dataDir: join(dataDir, 'store') }, silentLogger);
  }, 600_000);

  afterAll(async () => {
    await store?.close();
    await sim?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the killed run had finished part of the wallets; --resume skipped them', () => {
    expect(deep.length).toBeGreaterThan(0);
    expect(killedAt).toBeGreaterThanOrEqual(30);
    expect(killedAt).toBeLessThan(wallets.length);
    expect(num(resumePlan?.alreadyDone)).toBeGreaterThanOrEqual(killedAt);
    expect(num(resumePlan?.wallets) + num(resumePlan?.alreadyDone)).toBe(wallets.length);
  });

  it('activity equals the simulator by natural key: nothing missing, nothing twice (deep wallets included)', async () => {
    const truth = truthActivity(sim, wallets, 0);
    const stored = await storedActivity(store!, wallets);
    expect(surplus(truth, stored)).toEqual([]);
    expect(surplus(stored, truth)).toEqual([]);
    for (const w of deep) expect(sim.world.activityOf(w).length).toBeGreaterThan(ACTIVITY_MAX_OFFSET);
  }, 240_000);

  it('closed positions equal the simulator, each once', async () => {
    const stored = await readClosedPositionKeys(store!, wallets);
    const truth = new Map<string, number>();
    for (const w of wallets) for (const c of sim.world.closedPositionsOf(w)) truth.set(`${w}|${String(c.conditionId)}|${String(c.asset)}`, 1);
    expect(truth.size).toBeGreaterThan(0);
    expect(new Map([...stored].sort())).toEqual(new Map([...truth].sort()));
  });

  it('every wallet has a done checkpoint', async () => {
    const rows = await store!.query<{ n: string }>(
      `SELECT countIf(s = 'done') AS n FROM (SELECT argMax(status, finished_at) AS s FROM backfill_checkpoints GROUP BY proxy_wallet)`,
    );
    expect(num(rows[0]?.n)).toBe(wallets.length);
  });
});
