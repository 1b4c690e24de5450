import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA_DIR, listMigrations } from '../../src/store/migrate.ts';

/** Runs the real executable as a user would, with no stdin (as under CI), and returns what it printed. */
function whaletop(args: string[], timeoutMs = 240_000) {
  const result = spawnSync(process.execPath, ['bin/whaletop.js', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: timeoutMs,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const dataDir = mkdtempSync(join(tmpdir(), 'whaletop-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('whaletop executable', () => {
  it('rejects an unknown flag and a bad value with one line and exit code 2', () => {
    const unknown = whaletop(['--frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe('whaletop: unknown flag --frobnicate (see --help)');
    const bad = whaletop(['--refresh', 'soon']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('--refresh');
  });

  it('migrates an empty data dir, and a second migrate changes nothing', () => {
    const first = whaletop(['migrate', '--data-dir', dataDir]);
    expect(first.code, first.stderr).toBe(0);
    const names = listMigrations(DEFAULT_SCHEMA_DIR).map((m) => m.name);
    expect(names.slice(0, 9)).toEqual(['001_whale_tables.sql', '002_markets.sql', '003_live_signals.sql', '004_state.sql', '005_activity_by_time.sql', '006_wallet_names.sql', '007_board_latest.sql', '008_store_source.sql', '009_demo_world.sql']);
    expect(first.stdout.startsWith(`applied ${names.join(', ')} to embedded `), first.stdout).toBe(true);
    const second = whaletop(['migrate', '--data-dir', dataDir]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('schema already up to date');
  });

  it('says clearly when the ClickHouse server is unreachable', () => {
    const dead = whaletop(['migrate', '--clickhouse-url', 'http://127.0.0.1:9', '--data-dir', dataDir], 60_000);
    expect(dead.code).toBe(1);
    expect(dead.stderr).toContain('cannot open ClickHouse at http://127.0.0.1:9');
  });

  it('--demo --headless --once runs every sync job against the simulator and `query` prints real rows', () => {
    const run = whaletop(['--demo', '--headless', '--once', '--data-dir', dataDir, '--health-port', '0', '--tracked-max', '60']);
    expect(run.code, run.stderr).toBe(0);
    for (const job of ['market-sync', 'leaderboard-sync', 'holder-sync', 'position-sync', 'profile-enricher']) {
      expect(run.stderr).toMatch(new RegExp(`${job}\\s+ok\\s+rows=[1-9]`));
    }

    const board = whaletop(['query', 'leaderboard', '--json', '--limit', '10', '--data-dir', dataDir]);
    expect(board.code, board.stderr).toBe(0);
    const rows = JSON.parse(board.stdout) as { wallet: string; rank: number; category: string; period: string }[];
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const r of rows) {
      expect(r.wallet).toMatch(/^0x[0-9a-f]{40}$/);
      expect([r.category, r.period]).toEqual(['OVERALL', 'ALL']);
    }

    const overview = whaletop(['query', 'overview', '--csv', '--data-dir', dataDir]);
    expect(overview.code).toBe(0);
    const [header, values] = overview.stdout.trim().split('\n');
    expect(header).toBe('trackedWallets,whaleTrades24h,totalPositions,marketsHeld');
    expect(Number(values?.split(',')[0])).toBeGreaterThan(60);

    const unknown = whaletop(['query', 'nope', '--data-dir', dataDir]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown query 'nope'");
  }, 240_000);

  it('`sim` serves the documented shapes and applies fault flags to the paths named', async () => {
    const child = spawn(process.execPath, ['bin/whaletop.js', 'sim', '--port', '0', '--seed', '1', '--fail-429', '1', '--retry-after', '7', '--fault-paths', '/positions', '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let printed = '';
      const dataApi = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed; got: ${printed}`)), 60_000);
        child.stdout.on('data', (chunk: Buffer) => {
          printed += chunk.toString();
          const match = /data api\s+(http:\/\/127\.0\.0\.1:\d+\/data-api)/.exec(printed);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
      });
      const board = await fetch(`${dataApi}/v1/leaderboard?category=OVERALL&timePeriod=ALL&orderBy=PNL&limit=3`);
      expect(board.status).toBe(200);
      const rows = (await board.json()) as { rank: unknown; proxyWallet: string }[];
      expect(rows.map((r) => r.rank)).toEqual(['1', '2', '3']);
      const positions = await fetch(`${dataApi}/positions?user=${rows[0]?.proxyWallet}`);
      expect(positions.status).toBe(429);
      expect(positions.headers.get('retry-after')).toBe('7');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
