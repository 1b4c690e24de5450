/**
 * issue-12-15: a store that cannot open says why. chDB's binding reports every failure as "Failed to create
 * connection"; whaletop used to add "is another whaletop using this data directory?" to all of them. Each case
 * runs the real executable (`whaletop migrate`) on a data directory broken one way, and checks the one line.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exposureWarning } from '../../src/app/health-server.ts';
import { diagnoseOpenFailure, fsCause } from '../../src/store/open-diagnosis.ts';

const root = mkdtempSync(join(tmpdir(), 'whaletop-open-'));
chmodSync(root, 0o755);
afterAll(() => rmSync(root, { recursive: true, force: true }));

function migrate(dataDir: string, uid?: number) {
  const result = spawnSync(process.execPath, ['bin/whaletop.js', 'migrate', '--data-dir', dataDir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1' },
    ...(uid === undefined ? {} : { uid, gid: uid }),
  });
  // chDB prints its own exception on stderr before ours: ours is the last line.
  const lines = result.stderr.trim().split('\n');
  return { code: result.status, last: lines[lines.length - 1] ?? '', stdout: result.stdout };
}

/** A migrated data directory (its metadata files are real). */
function freshStore(name: string): string {
  const dir = join(root, name);
  const first = migrate(dir);
  expect(first.code, first.last).toBe(0);
  return dir;
}

describe('issue-12-15 store-open failures name the real cause', () => {
  it('a file where the data directory should be', () => {
    const file = join(root, 'a-file');
    writeFileSync(file, 'not a directory');
    const result = migrate(file);
    expect(result.code).toBe(1);
    expect(result.last).toBe(`whaletop: cannot open embedded store in ${file}: a file is where the directory should be (EEXIST) at ${file}`);
    expect(result.last).not.toContain('another whaletop');
  });

  it('a file where one of its folders should be', () => {
    const dir = freshStore('file-for-folder');
    rmSync(join(dir, 'metadata'), { recursive: true, force: true });
    writeFileSync(join(dir, 'metadata'), 'x');
    const result = migrate(dir);
    expect(result.code).toBe(1);
    expect(result.last).toContain(`a file is where a directory should be (ENOTDIR) at ${join(dir, 'metadata')}`);
  });

  it('permission denied (run as another user)', () => {
    // The other user must be able to run the program itself, or the test would see Node's own crash instead.
    const reach = spawnSync(process.execPath, ['-e', "require('fs').accessSync('bin/whaletop.js')"], { uid: 65534, gid: 65534 });
    expect(reach.status, `uid 65534 cannot read ${process.cwd()}/bin/whaletop.js: make the checkout world-readable`).toBe(0);
    const dir = freshStore('denied');
    chmodSync(dir, 0o700);
    const result = migrate(dir, 65534);
    expect(result.code).toBe(1);
    expect(result.last).toContain(`permission denied (EACCES) at ${dir}`);
    expect(result.last).not.toContain('another whaletop');
  });

  it('corrupt metadata', () => {
    const dir = freshStore('corrupt');
    const store = join(dir, 'store');
    const tables = readdirSync(store, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('sync_state.sql'));
    expect(tables).toHaveLength(1);
    const victim = join(store, tables[0]!);
    writeFileSync(victim, 'ATTACH TABLE _ UUID (((( truncated');
    const result = migrate(dir);
    expect(result.code).toBe(1);
    expect(result.last).toContain(`corrupt metadata: the engine cannot read ${victim}`);
  });

  it('another live process holds it: the only case that blames another whaletop', async () => {
    const dir = freshStore('locked');
    const holder = spawn(process.execPath, ['bin/whaletop.js', '--headless', '--data-dir', dir, '--health-port', '0', '--no-live', '--market-sync-cron', '0 0 1 1 *', '--leaderboard-sync-cron', '0 0 1 1 *', '--holder-sync-cron', '0 0 1 1 *', '--position-sync-cron', '0 0 1 1 *', '--profile-enricher-cron', '0 0 1 1 *', '--data-api-url', 'http://127.0.0.1:9', '--gamma-url', 'http://127.0.0.1:9', '--clob-url', 'http://127.0.0.1:9'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    try {
      await new Promise<void>((resolve, reject) => {
        let err = '';
        const timer = setTimeout(() => reject(new Error(`holder did not start: ${err}`)), 30_000);
        holder.stderr.on('data', (d: Buffer) => {
          err += d.toString();
          if (err.includes('running headless')) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      const result = migrate(dir);
      expect(result.code).toBe(1);
      expect(result.last).toContain(`in use by process ${holder.pid} (another whaletop?`);
    } finally {
      holder.kill('SIGTERM');
      await new Promise((r) => holder.once('exit', r));
    }
  });

  it('read-only file system, disk full and a mkdir failure map to their own codes', () => {
    expect(fsCause(Object.assign(new Error('x'), { code: 'EROFS' }), '/d')).toEqual({ code: 'STORE_READ_ONLY', message: 'read-only file system (EROFS) at /d' });
    expect(fsCause(Object.assign(new Error('x'), { code: 'ENOSPC' }), '/d')?.code).toBe('STORE_DISK_FULL');
    expect(diagnoseOpenFailure('/d', Object.assign(new Error('x'), { code: 'EACCES' }), 'Failed').code).toBe('STORE_PERMISSION_DENIED');
    expect(fsCause(new Error('no code'), '/d')).toBeNull();
  });
});

describe('issue-12-14 an invalid cron pattern stops before anything is opened', () => {
  it('exit 2, one line naming the flag, no data directory created', () => {
    const dir = join(root, 'never-created');
    const result = spawnSync(process.execPath, ['bin/whaletop.js', '--headless', '--data-dir', dir, '--holder-sync-cron', '*/99 * * * *'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 30_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('--holder-sync-cron');
    expect(existsSync(dir)).toBe(false);
  });
});

describe('issue-12-18 files are private', () => {
  it('the data directory is 0700 and the log 0600, also when an earlier version left them open', () => {
    const dir = join(root, 'modes');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'whaletop.log'), '', { mode: 0o644 });
    chmodSync(join(dir, 'whaletop.log'), 0o644);
    const result = migrate(dir);
    expect(result.code, result.last).toBe(0);
    expect((statSync(dir).mode & 0o777).toString(8)).toBe('700');
    expect((statSync(join(dir, 'whaletop.log')).mode & 0o777).toString(8)).toBe('600');
    const fresh = join(root, 'modes-new', 'nested');
    expect(migrate(fresh).code).toBe(0);
    expect((statSync(fresh).mode & 0o777).toString(8)).toBe('700');
    expect((statSync(join(fresh, 'whaletop.log')).mode & 0o777).toString(8)).toBe('600');
  });

  it('--health-host 0.0.0.0 warns that /health is reachable from the network; loopback does not', () => {
    expect(exposureWarning('0.0.0.0')).toContain('reachable from the network');
    expect(exposureWarning('192.0.2.1')).toContain('reachable from the network');
    for (const local of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.1.2.3']) expect(exposureWarning(local)).toBeNull();
  });
});

