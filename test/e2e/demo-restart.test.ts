/**
 * Issue 11, defect 3: a demo restart never duplicates history. The demo's world is built anew at each start (its
 * history dated back from that start), so a restarted demo must not keep the last world's rows beside the new
 * world's copies of the same trades. Three `--demo --once` runs on one data dir: afterwards every whale-activity
 * row is a distinct trade by its natural key, and the store holds the last world alone.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/lib/log.ts';
import { openStore } from '../../src/store/client.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'whaletop-demo-restart-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// A small world keeps three full sync passes inside a minute or two on a loaded machine.
const DEMO = ['--demo', '--headless', '--once', '--data-dir', dataDir, '--health-port', '0', '--wallets', '200', '--markets', '30',
  '--history-trades', '6000', '--tracked-max', '30'];

function demoOnce(): void {
  const run = spawnSync(process.execPath, ['bin/whaletop.js', ...DEMO], { encoding: 'utf8', timeout: 240_000, env: { ...process.env, CI: 'true' } });
  expect(run.status, run.stderr).toBe(0);
}

interface Counts {
  rows: number;
  distinct: number;
  worlds: number;
}

async function counts(): Promise<Counts> {
  const store = await openStore({ kind: 'embedded', dataDir }, silentLogger);
  try {
    const [activity] = await store.query<{ rows: string; distinct: string }>(
      `SELECT count() AS rows, uniqExact(proxy_wallet, transaction_hash, asset, activity_type, fill_seq) AS distinct FROM wallet_activity`,
    );
    const [worlds] = await store.query<{ n: string }>('SELECT count() AS n FROM demo_world');
    return { rows: Number(activity?.rows), distinct: Number(activity?.distinct), worlds: Number(worlds?.n) };
  } finally {
    await store.close();
  }
}

describe('issue-11 defect 3: demo restarts', () => {
  it('two restarts on one data dir leave every whale-activity row a distinct trade', async () => {
    demoOnce();
    const first = await counts();
    expect(first.rows).toBeGreaterThan(100);
    expect(first.distinct).toBe(first.rows);
    demoOnce();
    demoOnce();
    const last = await counts();
    expect(last.worlds).toBe(3);
    expect(last.distinct).toBe(last.rows);
    // The same sizes and seed sync about as many rows each time: the store holds one world's worth, not three.
    expect(last.rows).toBeLessThan(first.rows * 1.5);
    expect(last.rows).toBeGreaterThan(first.rows * 0.5);
  }, 900_000);
});
