/**
 * issue 12 items 5 and 6, repaired at the next start (store/recovery.ts, called by `whaletop` before the jobs):
 *   - item 6: a kill -9 during a run left its job_runs row 'running' forever; it is closed as 'interrupted'.
 *   - item 5: truncating a part of wallet_activity made chDB detach it at start (`broken-on-start_…`); its rows
 *     were gone, nothing was said, and the watermarks were already past them, so they were never fetched again.
 *     Now the start says so, rewinds the watermarks, and the next position-sync restores every row.
 * The sync runs in child processes against a simulator with a manual clock held here; compared by natural key.
 */
import { readdirSync, readFileSync, rmSync, statSync, truncateSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJobHistory } from '../../src/jobs/job-runs.ts';
import { silentLogger } from '../../src/lib/log.ts';
import { startSimulator, type Simulator } from '../../src/sim/index.ts';
import { openStore } from '../../src/store/client.ts';
import { recoverAtStart, type RecoveryReport } from '../../src/store/recovery.ts';
import type { Store } from '../../src/store/types.ts';
import { surplus, storedActivity, truthActivity } from '../helpers/activity-truth.ts';
import { JOBS_WORLD, syncRig } from '../helpers/jobs.ts';
import { runChild } from '../helpers/jobs-child.ts';

const LOOKBACK_DAYS = 7; // jobs-child uses the default lookback

let sim: Simulator;
let dataDir: string;
let store: Store;
let runningBefore: { job: string }[] = [];
let rowsBefore = 0;
let rowsAfterTruncation = 0;
let marksBefore = new Map<string, number>();
let report: RecoveryReport;
let victimPart = '';

/** The directory of wallet_activity's parts (its UUID from the table's metadata file). */
function activityTableDir(dir: string): string {
  const files = readdirSync(join(dir, 'store'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('/wallet_activity.sql'));
  const uuid = /UUID '([0-9a-f-]+)'/.exec(readFileSync(join(dir, 'store', files[0]!), 'utf8'))![1]!;
  return join(dir, 'store', uuid.slice(0, 3), uuid);
}

async function watermarks(s: Store): Promise<Map<string, number>> {
  const rows = await s.query<{ key: string; value: string }>(`SELECT key, value FROM sync_state FINAL WHERE scope = 'activity_wm'`);
  return new Map(rows.map((r) => [r.key, Number(r.value)]));
}

beforeAll(async () => {
  sim = await startSimulator({ ...JOBS_WORLD, manualClock: true, burstEveryMs: 0 });
  dataDir = mkdtempSync(join(tmpdir(), 'whaletop-recovery-'));
  const first = runChild(dataDir, sim, 'market-sync,leaderboard-sync,position-sync');
  await first.waitFor((l) => l.msg === 'child done');
  expect((await first.exited).code).toBe(0);

  // A second position-sync, killed with SIGKILL once it is well into its run.
  sim.faults.set({ latencyMs: 25 });
  const victim = runChild(dataDir, sim, 'position-sync');
  await victim.waitFor((l) => l.msg === 'wallets committed');
  victim.child.kill('SIGKILL');
  expect((await victim.exited).signal).toBe('SIGKILL');
  sim.faults.set({ latencyMs: 0 });

  // The part to damage: the biggest part no other part covers (a merge leaves its sources on disk for a while,
  // and a broken source part loses nothing).
  const tableDir = activityTableDir(dataDir);
  const parts = readdirSync(tableDir)
    .map((n) => /^(\d{6})_(\d+)_(\d+)_(\d+)$/.exec(n))
    .filter((m): m is RegExpExecArray => m !== null);
  const uncovered = parts.filter((m) => !parts.some((o) => o !== m && o[1] === m[1] && Number(o[2]) <= Number(m[2]) && Number(o[3]) >= Number(m[3])));
  victimPart = uncovered.map((m) => m[0]).sort((a, b) => statSync(join(tableDir, b, 'data.bin')).size - statSync(join(tableDir, a, 'data.bin')).size)[0]!;
  const count = Number(readFileSync(join(tableDir, victimPart, 'count.txt'), 'utf8'));
  expect(count).toBeGreaterThan(0);
  rowsBefore = count; // rows of the victim part
  // The engine would rebuild a broken merged part from its source parts still on disk: damage those too.
  const [, partition, lo, hi] = /^(\d{6})_(\d+)_(\d+)_/.exec(victimPart)!;
  for (const m of parts) {
    if (m[1] === partition && Number(m[2]) >= Number(lo) && Number(m[3]) <= Number(hi)) truncateSync(join(tableDir, m[0], 'data.bin'), 16);
  }

  store = await openStore({ kind: 'embedded', dataDir }, silentLogger);
  runningBefore = await store.query<{ job: string }>(`SELECT job FROM job_runs FINAL WHERE status = 'running'`);
  const [n] = await store.query<{ n: string }>('SELECT count() AS n FROM wallet_activity');
  rowsAfterTruncation = Number(n?.n);
  marksBefore = await watermarks(store);
  report = await recoverAtStart(store, { nowMs: Date.now(), liveRunsBeforeMs: Date.now() });
}, 300_000);

afterAll(async () => {
  await store?.close();
  await sim?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('issue-12-6 runs left running by kill -9', () => {
  it('are closed as interrupted at start, and history says so', async () => {
    expect(runningBefore.map((r) => r.job)).toEqual(['position-sync']);
    expect(report.interruptedRuns).toBe(1);
    const [left] = await store.query<{ n: string }>(`SELECT count() AS n FROM job_runs FINAL WHERE status = 'running'`);
    expect(Number(left?.n)).toBe(0);
    const history = await readJobHistory(store);
    expect(history.get('position-sync')).toMatchObject({ lastStatus: 'interrupted', lastError: 'interrupted: the process ended during this run' });
    // Once closed, a second start finds nothing to close.
    expect((await recoverAtStart(store, { nowMs: Date.now(), liveRunsBeforeMs: Date.now() })).interruptedRuns).toBe(0);
  });
});

describe('issue-12-5 a part detached as broken at start', () => {
  it('is found and said loudly, and the watermarks past it are rewound', async () => {
    expect(report.brokenParts).toContainEqual(expect.objectContaining({ table: 'wallet_activity', name: `broken-on-start_${victimPart}` }));
    expect(report.brokenParts.every((p) => p.table === 'wallet_activity' && p.fromMs! > 0)).toBe(true);
    expect(report.notice).toMatch(/^\d+ broken parts? detached at start \(wallet_activity\): rows lost; activity of \d+ wallets will be fetched again from /);
    const after = await watermarks(store);
    const from = Math.floor(Math.min(...report.brokenParts.map((p) => p.fromMs!)) / 1000);
    const moved = [...after].filter(([w, v]) => v !== marksBefore.get(w));
    expect(moved.length).toBe(report.rewoundWallets);
    expect(moved.length).toBeGreaterThan(0);
    for (const [, v] of moved) expect(v).toBe(from - 1);
    for (const [w, v] of marksBefore) if (v < from) expect(after.get(w)).toBe(v);
    // Reported once: the next start does not rewind again.
    expect((await recoverAtStart(store, { nowMs: Date.now(), liveRunsBeforeMs: Date.now() })).brokenParts).toEqual([]);
  });

  it('the next position-sync restores every row: 0 missing, 0 extra by natural key', async () => {
    expect(rowsAfterTruncation).toBeGreaterThan(0);
    expect(rowsBefore).toBeGreaterThan(0);
    const wallets = (await store.query<{ w: string }>(`SELECT proxy_wallet AS w FROM wallet_sync_metadata FINAL`)).map((r) => r.w);
    const truth = truthActivity(sim, wallets, Math.floor(sim.now() / 1000) - LOOKBACK_DAYS * 86_400);
    expect(surplus(truth, await storedActivity(store, wallets)).length).toBeGreaterThan(0); // the damage is real
    const rig = syncRig(store, sim, { options: { activityLookbackDays: LOOKBACK_DAYS } });
    try {
      expect(await rig.scheduler.runOnce('position-sync')).toMatchObject({ status: 'ok' });
    } finally {
      await rig.close();
    }
    const stored = await storedActivity(store, wallets);
    expect({ missing: surplus(truth, stored).slice(0, 3), extra: surplus(stored, truth).slice(0, 3) }).toEqual({ missing: [], extra: [] });
  });
});
