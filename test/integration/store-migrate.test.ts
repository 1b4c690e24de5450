import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger, silentLogger } from '../../src/lib/log.ts';
import { openStore } from '../../src/store/client.ts';
import { DEFAULT_SCHEMA_DIR, MigrationError, listMigrations, migrate } from '../../src/store/migrate.ts';
import type { Store } from '../../src/store/types.ts';

const ALL_TABLES = [
  'board_latest',
  'board_latest_source',
  'elite_trade_attributions',
  'fired_signals',
  'job_runs',
  'market_holders',
  'markets',
  'price_snapshots_10s',
  'schema_migrations',
  'store_source',
  'sync_state',
  'trader_profiles',
  'trader_rankings',
  'wallet_activity',
  'wallet_names',
  'wallet_names_source',
  'wallet_positions',
  'wallet_sync_metadata',
  'watchlist_markets',
  'watchlist_wallets',
];

describe('migrate', () => {
  let dataDir: string;
  let schemaDir: string;
  let store: Store;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'whaletop-migrate-'));
    schemaDir = mkdtempSync(join(tmpdir(), 'whaletop-schema-'));
    store = await openStore({ kind: 'embedded', dataDir }, silentLogger);
  });

  afterAll(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(schemaDir, { recursive: true, force: true });
  });

  it('applies every schema file to an empty data dir, then is a no-op', async () => {
    const first = await migrate(store, silentLogger);
    expect(first).toEqual({
      // Every file of schema/, in version order: each engineer's new migration is covered without editing this list.
      applied: listMigrations(DEFAULT_SCHEMA_DIR).map((m) => m.name),
      skipped: [],
    });
    const tables = await store.query<{ name: string }>(
      'SELECT name FROM system.tables WHERE database = currentDatabase() ORDER BY name',
    );
    expect(tables.map((t) => t.name)).toEqual(ALL_TABLES);

    const second = await migrate(store, silentLogger);
    expect(second.applied).toEqual([]);
    const migrationCount = listMigrations(DEFAULT_SCHEMA_DIR).length;
    expect(second.skipped).toHaveLength(migrationCount);
    const recorded = await store.query<{ n: string }>('SELECT count() AS n FROM schema_migrations FINAL');
    expect(Number(recorded[0]?.n)).toBe(migrationCount);
  });

  it('stops at a broken file with an error naming the file and the ClickHouse code', async () => {
    writeFileSync(join(schemaDir, '100_ok.sql'), '-- a comment; with a semicolon\nCREATE TABLE IF NOT EXISTS ok_t (a UInt8) ENGINE = Memory;\n');
    writeFileSync(join(schemaDir, '101_broken.sql'), 'CREATE TABLE broken_t (a UInt8) ENGINE = Memory;\nCREAT TABLE nope (a UInt8) ENGINE = Memory;\n');
    const error = await migrate(store, silentLogger, schemaDir).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MigrationError);
    const migrationError = error as MigrationError;
    expect(migrationError.file).toBe('101_broken.sql');
    expect(migrationError.clickhouseCode).toBe(62);
    expect(migrationError.message).toContain('101_broken.sql');
    expect(migrationError.message).toContain('statement 2 of 2');
    expect(migrationError.message).toContain('ClickHouse error 62 (SYNTAX_ERROR)');
    // 100 was recorded, 101 was not: fixing the file and re-running applies only 101.
    writeFileSync(join(schemaDir, '101_broken.sql'), 'CREATE TABLE IF NOT EXISTS broken_t (a UInt8) ENGINE = Memory;\n');
    expect(await migrate(store, silentLogger, schemaDir)).toEqual({ applied: ['101_broken.sql'], skipped: ['100_ok.sql'] });
  });

  it('warns about an applied file whose checksum changed and does not re-apply it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'whaletop-schema-'));
    try {
      writeFileSync(join(dir, '200_x.sql'), 'CREATE TABLE IF NOT EXISTS x_t (a UInt8) ENGINE = Memory;');
      expect((await migrate(store, silentLogger, dir)).applied).toEqual(['200_x.sql']);
      writeFileSync(join(dir, '200_x.sql'), 'DROP TABLE x_t;');
      const log = memoryLogger();
      expect(await migrate(store, log, dir)).toEqual({ applied: [], skipped: ['200_x.sql'] });
      expect(log.lines.filter((l) => l.level === 'warn').map((l) => l.file)).toEqual(['200_x.sql']);
      const stillThere = await store.query('SELECT 1 FROM system.tables WHERE name = {t:String}', { t: 'x_t' });
      expect(stillThere).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
