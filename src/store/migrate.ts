import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../lib/package-root.ts';
import type { Logger } from '../lib/log.ts';
import { chTime } from './time.ts';
import { StoreError } from './errors.ts';
import type { Store } from './types.ts';
import { errorMessage } from '../lib/error-message.ts';

/** `<repo>/schema`, found from this module so it works from any working directory, under tsx or built. */
export const DEFAULT_SCHEMA_DIR = join(packageRoot(), 'schema');

/** Migration files are `NNN_<what>.sql`; NNN is the version, applied in ascending order. */
const MIGRATION_FILE = /^(\d+)_([A-Za-z0-9_\-]+)\.sql$/;

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS schema_migrations
(
    version     UInt32,
    name        String,
    checksum    String,
    applied_at  DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(applied_at)
ORDER BY version`;

/** A migration file failed; the message names the file, the statement number and the ClickHouse error. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
  readonly file: string;
  /** ClickHouse error code when the failure came from ClickHouse (e.g. 62 = SYNTAX_ERROR). */
  readonly clickhouseCode?: number;

  constructor(file: string, message: string, cause: unknown) {
    super(message, { cause });
    this.file = file;
    if (cause instanceof StoreError && cause.clickhouseCode !== undefined) this.clickhouseCode = cause.clickhouseCode;
  }
}

/** One migration file on disk. */
export interface MigrationFile {
  version: number;
  /** File name, e.g. `001_whale_tables.sql`. */
  name: string;
  path: string;
  /** sha256 of the file's bytes. */
  checksum: string;
  sql: string;
}

/** The `NNN_*.sql` files of `schemaDir`, by version. Two files with the same version is an error. */
export function listMigrations(schemaDir: string): MigrationFile[] {
  const files = readdirSync(schemaDir)
    .map((name) => ({ name, match: MIGRATION_FILE.exec(name) }))
    .filter((f): f is { name: string; match: RegExpExecArray } => f.match !== null)
    .map(({ name, match }) => {
      const path = join(schemaDir, name);
      const sql = readFileSync(path, 'utf8');
      return { version: Number(match[1]), name, path, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    })
    .sort((a, b) => a.version - b.version);
  for (let i = 1; i < files.length; i++) {
    if (files[i]!.version === files[i - 1]!.version) {
      throw new MigrationError(files[i]!.name, `migration version ${files[i]!.version} used twice (${files[i - 1]!.name}, ${files[i]!.name})`, null);
    }
  }
  return files;
}

/**
 * Splits a SQL file into statements. A statement ends at a `;` outside quotes and comments; `--` line comments
 * and `/* *\/` block comments are dropped (they may contain `;`), quoted strings and back-quoted identifiers are
 * kept verbatim (they may contain `;` or `--`).
 */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  let i = 0;
  const push = (): void => {
    const trimmed = current.trim();
    if (trimmed) statements.push(trimmed);
    current = '';
  };
  while (i < sql.length) {
    const ch = sql[i]!;
    const next = sql[i + 1];
    if (ch === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end;
    } else if (ch === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end === -1 ? sql.length : end + 2;
      current += ' ';
    } else if (ch === "'" || ch === '"' || ch === '`') {
      let j = i + 1;
      while (j < sql.length && sql[j] !== ch) j += sql[j] === '\\' ? 2 : 1;
      current += sql.slice(i, j + 1);
      i = j + 1;
    } else if (ch === ';') {
      push();
      i++;
    } else {
      current += ch;
      i++;
    }
  }
  push();
  return statements;
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

/**
 * Applies the schema files of `schemaDir` not yet recorded in `schema_migrations`, in version order, and records
 * each one after all its statements succeeded. Idempotent: a second run applies nothing. An applied file whose
 * checksum changed is logged as a warning and not re-applied (add a new file instead). The first failing statement
 * stops everything with a {@link MigrationError}.
 */
export async function migrate(
  store: Store,
  logger: Logger,
  schemaDir: string = DEFAULT_SCHEMA_DIR,
): Promise<{ applied: string[]; skipped: string[] }> {
  const files = listMigrations(schemaDir);
  try {
    await store.command(CREATE_MIGRATIONS_TABLE);
  } catch (err) {
    throw new MigrationError('schema_migrations', `cannot create schema_migrations: ${errorMessage(err)}`, err);
  }
  const done = new Map<number, AppliedRow>();
  for (const row of await store.query<AppliedRow>('SELECT version, name, checksum FROM schema_migrations FINAL')) {
    done.set(Number(row.version), row);
  }
  const applied: string[] = [];
  const skipped: string[] = [];
  for (const file of files) {
    const previous = done.get(file.version);
    if (previous) {
      skipped.push(file.name);
      if (previous.checksum !== file.checksum) {
        logger.warn('migration changed after it was applied; not re-applied (add a new NNN_ file instead)', {
          file: file.name,
          appliedAs: previous.name,
        });
      }
      continue;
    }
    const statements = splitStatements(file.sql);
    for (const [index, statement] of statements.entries()) {
      try {
        await store.command(statement);
      } catch (err) {
        const reason = errorMessage(err);
        throw new MigrationError(
          file.name,
          `migration ${file.name} failed at statement ${index + 1} of ${statements.length}: ${reason}`,
          err,
        );
      }
    }
    await store.insert('schema_migrations', [
      { version: file.version, name: file.name, checksum: file.checksum, applied_at: chTime(Date.now()) },
    ]);
    logger.info('migration applied', { file: file.name, statements: statements.length });
    applied.push(file.name);
  }
  return { applied, skipped };
}
