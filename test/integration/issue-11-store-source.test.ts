/**
 * Issue 11, defect 2: demo and live data never share a store. The first run records its source; a run with the
 * other source is refused with one clear line (and exit code 1), before it writes anything.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/lib/log.ts';
import { chTime, openStore } from '../../src/store/client.ts';
import { migrate } from '../../src/store/migrate.ts';
import { claimStoreSource, mixedSourceMessage, readStoreSource } from '../../src/store/source.ts';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'whaletop-source-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('issue-11 a store holds one source', () => {
  it('records the first source, keeps it, refuses the other; a store with older rows is claimed as "had data"', async () => {
    const store = await openStore({ kind: 'embedded', dataDir }, silentLogger);
    try {
      await migrate(store, silentLogger);
      expect(await readStoreSource(store)).toBeNull();
      // Rows from before sources were recorded (the simulator's, say).
      await store.insert('markets', [{ condition_id: `0x${'d'.repeat(64)}`, question: 'Old demo market?', updated_at: chTime(Date.now()) }]);
      expect(await claimStoreSource(store, 'demo')).toEqual({ ok: true, source: 'demo', claimedNow: true });
      expect(await claimStoreSource(store, 'demo')).toEqual({ ok: true, source: 'demo', claimedNow: false });
      const refused = await claimStoreSource(store, 'live');
      expect(refused).toEqual({ ok: false, recorded: 'demo', wanted: 'live' });
      expect(await readStoreSource(store)).toBe('demo');
      const notes = await store.query<{ source: string; note: string }>('SELECT source, note FROM store_source');
      expect(notes).toEqual([{ source: 'demo', note: 'had data' }]);
      if (!refused.ok) {
        expect(mixedSourceMessage(refused, `the store in ${dataDir}`)).toBe(
          `the store in ${dataDir} holds simulated demo data (written by --demo); live mode (no --demo) keeps its data apart: drop --data-dir to use its default store, or choose another directory`,
        );
      }
    } finally {
      await store.close();
    }
  });

  it('whaletop in live mode on that demo store prints the one line and exits 1 without starting', () => {
    const closed = 'http://127.0.0.1:9';
    const r = spawnSync(process.execPath, ['bin/whaletop.js', '--headless', '--once', '--data-dir', dataDir, '--health-port', '0', '--data-api-url', closed, '--gamma-url', closed, '--clob-url', closed], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`the store in ${dataDir} holds simulated demo data (written by --demo)`);
    // Nothing ran: no job wrote a run record.
    expect(r.stdout).not.toMatch(/market-sync/);
  });
});
