import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  ClickHouseLogLevel,
  createClient,
  type ClickHouseClient,
  type ClickHouseClientConfigOptions,
  type Logger as ClientLogger,
} from '@clickhouse/client';
import type { Logger } from '../lib/log.ts';
import { DictionaryReloader } from './dictionaries.ts';
import { StoreError, toStoreError } from './errors.ts';
import { diagnoseOpenFailure, misplacedFile } from './open-diagnosis.ts';
import type { InsertOptions, QueryParams, Row, Store } from './types.ts';
import { errorMessage } from '../lib/error-message.ts';

/** How to reach ClickHouse: chDB in this process (one data dir per process), or a server over HTTP. */
export type StoreOptions =
  | { kind: 'embedded'; dataDir: string }
  | { kind: 'server'; url: string; username?: string; password?: string; database?: string };

export { chTime } from './time.ts';

/**
 * Settings on every insert: synchronous (so a row is readable once `insert` resolves — chDB defaults to
 * async_insert=1) and deduplicated by token (tables set `non_replicated_deduplication_window`).
 */
const INSERT_SETTINGS = { async_insert: 0, wait_for_async_insert: 1, insert_deduplicate: 1 } as const;

/**
 * Session settings of the embedded engine, which shares a small machine with the UI and runs one statement at a
 * time. Measured on bench/queries' 10 M-row store (2 cores): one thread per statement makes the dashboard's
 * small statements 20-40 % faster (a parallel pipeline costs more to set up than it saves on thousands of rows)
 * and leaves a core to Node; the whale activity pane's `ORDER BY timestamp DESC LIMIT n` over the by_time
 * projection takes 16 → 11 ms without ClickHouse 26's top-K dynamic filter. A statement that needs more sets
 * its own (bench/ui-fill's bulk INSERT). A server keeps its own defaults.
 */
const EMBEDDED_SESSION_SETTINGS = { max_threads: 1, use_top_k_dynamic_filtering: 0 } as const;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SAFE_TOKEN = /^[A-Za-z0-9_.:\-]{1,128}$/;

/** A table name, optionally `db.table`, checked so it can be back-quoted into SQL (identifiers cannot be bound). */
function quoteTable(table: string): string {
  const parts = table.split('.');
  if (parts.length > 2 || !parts.every((p) => IDENTIFIER.test(p))) {
    throw new StoreError('STORE_INVALID_TABLE', `invalid table name ${JSON.stringify(table)}`);
  }
  return parts.map((p) => `\`${p}\``).join('.');
}

/** A dedup token safe to write inline in a SETTINGS clause: kept when plain, otherwise its sha1 (deterministic). */
function inlineToken(token: string): string {
  return SAFE_TOKEN.test(token) ? token : createHash('sha1').update(token).digest('hex');
}

/** One JSONEachRow line. BigInt (UInt64 columns) is written as a decimal string, which ClickHouse parses. */
function rowJson(row: Row): string {
  try {
    return JSON.stringify(row);
  } catch (err) {
    // A replacer function slows every row down, so it is only used for the rare row that needs it.
    if (!(err instanceof TypeError)) throw err;
    return JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  }
}

/** The insertable columns of a table (no MATERIALIZED/ALIAS/EPHEMERAL), name → ClickHouse type. */
type ColumnTypes = ReadonlyMap<string, string>;

interface DescribeRow {
  name: string;
  type: string;
  default_type: string;
}

const DDL = /^\s*(ALTER|CREATE|DROP|RENAME|EXCHANGE|TRUNCATE)\b/i;

/**
 * The Store over one `@clickhouse/client` instance. Embedded inserts go through
 * `INSERT … SELECT * FROM format(JSONEachRow, {structure}, {rows})` with the rows as a bound parameter:
 * chDB's `INSERT … FORMAT` reads the process's stdin when stdin is a pipe (silently adding whatever is piped, or
 * failing under async_insert), and the table-function path never does.
 */
class ClickHouseStore implements Store {
  readonly kind: Store['kind'];
  readonly description: string;
  readonly client: ClickHouseClient;
  private readonly logger: Logger;
  private closed = false;
  private closing: Promise<void> | null = null;
  private readonly columnCache = new Map<string, Promise<ColumnTypes>>();
  private readonly dictionaries: DictionaryReloader;

  constructor(kind: Store['kind'], description: string, client: ClickHouseClient, logger: Logger) {
    this.kind = kind;
    this.description = description;
    this.client = client;
    this.logger = logger;
    this.dictionaries = new DictionaryReloader((sql) => this.command(sql), logger);
  }

  private assertOpen(where: string): void {
    if (this.closed) throw new StoreError('STORE_CLOSED', `${where}: store is closed (${this.description})`);
  }

  private fail(err: unknown, where: string, signal?: AbortSignal): StoreError {
    if (this.closed) return new StoreError('STORE_CLOSED', `${where}: store is closed (${this.description})`, { cause: err });
    return toStoreError(err, where, this.kind === 'server', signal);
  }

  async query<T = Row>(sql: string, params?: QueryParams, signal?: AbortSignal): Promise<T[]> {
    this.assertOpen('query');
    try {
      const result = await this.client.query({
        query: sql,
        format: 'JSONEachRow',
        ...(params && Object.keys(params).length > 0 ? { query_params: params } : {}),
        ...(signal ? { abort_signal: signal } : {}),
      });
      return await result.json<T>();
    } catch (err) {
      throw this.fail(err, 'query', signal);
    }
  }

  async command(sql: string, params?: QueryParams): Promise<void> {
    this.assertOpen('command');
    // A schema change may alter a table's columns: forget the cached structures.
    if (DDL.test(sql)) this.columnCache.clear();
    try {
      await this.client.command({
        query: sql,
        ...(params && Object.keys(params).length > 0 ? { query_params: params } : {}),
      });
    } catch (err) {
      throw this.fail(err, 'command');
    }
  }

  async insert(table: string, rows: readonly Row[], options: InsertOptions = {}): Promise<void> {
    const where = `insert into ${table}`;
    this.assertOpen(where);
    if (rows.length === 0) return;
    const quoted = quoteTable(table);
    try {
      if (this.kind === 'server') {
        await this.client.insert({
          table: quoted,
          values: rows as Row[],
          format: 'JSONEachRow',
          clickhouse_settings: {
            ...INSERT_SETTINGS,
            // Same contract as the embedded path: a key that is not a column is an error, not silently dropped.
            input_format_skip_unknown_fields: 0,
            ...(options.dedupToken ? { insert_deduplication_token: options.dedupToken } : {}),
          },
          ...(options.signal ? { abort_signal: options.signal } : {}),
        });
      } else {
        await this.insertEmbedded(table, quoted, rows, options);
      }
    } catch (err) {
      if (err instanceof StoreError) throw err;
      if (clickHouseColumnError(err)) this.columnCache.delete(table);
      throw this.fail(err, where, options.signal);
    }
    // Rows are readable once insert resolves: through the dictionaries built from this table too.
    await this.dictionaries.afterInsert(table);
  }

  /**
   * Rows are grouped by their key set and each group is one INSERT naming exactly those columns, so a column a
   * row omits gets its table DEFAULT (with an explicit structure, a key missing from one row of a mixed batch
   * would get the type's zero instead). Settings are written in the statement's SETTINGS clause, never via
   * `clickhouse_settings`: chDB applies those as session-wide `SET`s that would leak a dedup token into later
   * inserts.
   */
  private async insertEmbedded(table: string, quoted: string, rows: readonly Row[], options: InsertOptions): Promise<void> {
    const columns = await this.columnsOf(table, quoted);
    const groups = groupByShape(rows);
    let index = 0;
    for (const [shape, lines] of groups) {
      const names = shape.split(',');
      const structure = names.map((name) => {
        const type = columns.get(name);
        if (type === undefined) {
          throw new StoreError('STORE_UNKNOWN_COLUMN', `insert into ${table}: no insertable column "${name}"`);
        }
        return `\`${name}\` ${type}`;
      });
      const settings = Object.entries(INSERT_SETTINGS).map(([k, v]) => `${k} = ${v}`);
      if (options.dedupToken) {
        const token = groups.size === 1 ? options.dedupToken : `${options.dedupToken}#${index}`;
        settings.push(`insert_deduplication_token = '${inlineToken(token)}'`);
      }
      const sql =
        `INSERT INTO ${quoted} (${names.map((n) => `\`${n}\``).join(', ')}) SETTINGS ${settings.join(', ')} ` +
        'SELECT * FROM format(JSONEachRow, {structure:String}, {rows:String})';
      await this.client.command({
        query: sql,
        query_params: { structure: structure.join(', '), rows: lines.join('\n') },
        ...(options.signal ? { abort_signal: options.signal } : {}),
      });
      index++;
    }
  }

  private columnsOf(table: string, quoted: string): Promise<ColumnTypes> {
    let cached = this.columnCache.get(table);
    if (!cached) {
      cached = this.client
        .query({ query: `DESCRIBE TABLE ${quoted}`, format: 'JSONEachRow' })
        .then((r) => r.json<DescribeRow>())
        .then((described) => {
          const map = new Map<string, string>();
          for (const c of described) {
            if (c.default_type === '' || c.default_type === 'DEFAULT') map.set(c.name, c.type);
          }
          return map;
        });
      cached.catch(() => this.columnCache.delete(table));
      this.columnCache.set(table, cached);
    }
    return cached;
  }

  async ping(): Promise<boolean> {
    if (this.closed) return false;
    try {
      const result = await this.client.ping();
      return result.success;
    } catch {
      return false;
    }
  }

  /**
   * Refuses new statements, closes the client and, embedded, waits until chDB has no native call in flight:
   * an aborted statement goes on running on a worker thread, and a process that exits meanwhile segfaults
   * (issue 12 item 13). Every caller waits for the same close, so a second one (an abandoned shutdown) waits too.
   */
  close(): Promise<void> {
    this.closing ??= this.closeOnce();
    return this.closing;
  }

  private async closeOnce(): Promise<void> {
    this.closed = true;
    try {
      await this.client.close();
      if (this.kind === 'embedded') await (await import('chdb')).drainPending();
    } catch (err) {
      this.logger.warn('store close failed', { err });
    }
  }
}

/** ClickHouse codes meaning the table's columns differ from what we cached (16 NO_SUCH_COLUMN_IN_TABLE, 47, 10). */
function clickHouseColumnError(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return code === '16' || code === '47' || code === '10';
}

/** Rows keyed by their (sorted) defined keys → JSON lines. Keys whose value is `undefined` count as absent. */
function groupByShape(rows: readonly Row[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const row of rows) {
    const shape = Object.keys(row)
      .filter((k) => row[k] !== undefined)
      .sort()
      .join(',');
    let lines = groups.get(shape);
    if (!lines) groups.set(shape, (lines = []));
    lines.push(rowJson(row));
  }
  return groups;
}

/** `http://user:secret@host:8123/` → `http://user@host:8123` (never show a password). */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return '<invalid url>';
  }
}

/**
 * The client's own log, routed into ours: its default logger writes to the console, which Ink owns. Its
 * warnings/errors duplicate what the Store throws, so they are kept at debug level.
 */
function clientLog(logger: Logger): NonNullable<ClickHouseClientConfigOptions['log']> {
  const forward = (p: { module: string; message: string; err?: Error }): void =>
    logger.debug('clickhouse client', { module: p.module, message: p.message, ...(p.err ? { err: p.err } : {}) });
  class ForwardingLogger implements ClientLogger {
    trace = forward;
    debug = forward;
    info = forward;
    warn = forward;
    error = forward;
  }
  return { LoggerClass: ForwardingLogger, level: ClickHouseLogLevel.WARN };
}

/** The message when the embedded store is chosen and chdb is not installed (a server-mode image skips it). */
export const CHDB_MISSING_MESSAGE =
  "the embedded store needs chdb, an optional dependency that is not installed: run `npm install chdb` in whaletop's directory, or use a ClickHouse server with --clickhouse-url";

/** chDB's connection module, or a clear StoreError when chdb (or its native library) is not installed. */
async function loadChdb(): Promise<typeof import('chdb/connection')> {
  try {
    return await import('chdb/connection');
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') throw new StoreError('STORE_ENGINE_MISSING', CHDB_MISSING_MESSAGE, { cause: err });
    throw err;
  }
}

async function openEmbedded(dataDir: string, logger: Logger): Promise<Store> {
  const dir = resolve(dataDir);
  let client: ClickHouseClient;
  let mkdirError: unknown;
  try {
    mkdirError = makePrivateDir(dir);
    if (mkdirError !== undefined) throw mkdirError;
    const misplaced = misplacedFile(dir);
    if (misplaced) throw new StoreError(misplaced.code, misplaced.message);
    // Loaded on demand: a server store (and any module importing this file) never loads the native engine.
    const { createChdbConnection } = await loadChdb();
    // chDB implements the Connection interface of @clickhouse/client-common 1.23.0, structurally the same as the
    // one bundled in @clickhouse/client 1.23.1 but declared in another package, hence the cast.
    const connection = createChdbConnection({ path: dir }) as unknown as ClickHouseClientConfigOptions['connection'];
    client = createClient({ connection, log: clientLog(logger) });
    for (const [name, value] of Object.entries(EMBEDDED_SESSION_SETTINGS)) {
      await client.command({ query: `SET ${name} = ${value}` });
    }
  } catch (err) {
    if (err instanceof StoreError) throw err;
    // chDB says only "Failed to create connection": look at the directory for the real cause.
    const cause = diagnoseOpenFailure(dir, mkdirError, errorMessage(err));
    throw new StoreError(cause.code, cause.message, { cause: err });
  }
  const store = new ClickHouseStore('embedded', `embedded ${dir}`, client, logger);
  logger.info('store opened', { store: store.description });
  return store;
}

/**
 * Creates the data directory 0700, and makes an existing one 0700 (it holds watchlists and wallets; an earlier
 * version created it 0755). Returns what mkdir threw, if anything.
 */
function makePrivateDir(dir: string): unknown {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (err) {
    return err;
  }
  try {
    if ((statSync(dir).mode & 0o077) !== 0) chmodSync(dir, 0o700);
  } catch {
    // Not ours to change (another owner): the open goes on, the engine's own checks decide.
  }
  return undefined;
}

async function openServer(opts: Extract<StoreOptions, { kind: 'server' }>, logger: Logger): Promise<Store> {
  const database = opts.database ?? 'default';
  const description = `server ${redactUrl(opts.url)}`;
  const base = {
    url: opts.url,
    log: clientLog(logger),
    ...(opts.username !== undefined ? { username: opts.username } : {}),
    ...(opts.password !== undefined ? { password: opts.password } : {}),
  };
  if (database !== 'default') {
    const bootstrap = createClient(base);
    try {
      await bootstrap.command({ query: 'CREATE DATABASE IF NOT EXISTS {db:Identifier}', query_params: { db: database } });
    } catch (err) {
      throw toStoreError(err, `open ${description}`, true);
    } finally {
      await bootstrap.close();
    }
  }
  const store = new ClickHouseStore('server', description, createClient({ ...base, database }), logger);
  try {
    await store.query('SELECT 1');
  } catch (err) {
    await store.close();
    throw err;
  }
  logger.info('store opened', { store: description, database });
  return store;
}

/**
 * Opens the store. Embedded: creates `dataDir` and binds chDB to it (one data dir per process). Server: creates
 * `database` if missing, then checks the server answers; an unreachable server throws a {@link StoreError} with
 * code `STORE_UNREACHABLE` (or `CLICKHOUSE` with the server's code, e.g. 516 for bad credentials).
 */
export async function openStore(opts: StoreOptions, logger: Logger): Promise<Store> {
  return opts.kind === 'embedded' ? openEmbedded(opts.dataDir, logger) : openServer(opts, logger);
}
