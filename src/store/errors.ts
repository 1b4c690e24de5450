/**
 * Store error classification. Everything is decided by codes — `ClickHouseError.code` (a numeric string such as
 * "60"), Node's socket error codes, or our own {@link StoreErrorCode} — never by message text.
 */
import { errorMessage } from '../lib/error-message.ts';

/** Codes the store itself assigns (ClickHouse errors keep their numeric code in {@link StoreError.clickhouseCode}). */
export type StoreErrorCode =
  /** `close()` was called; nothing more can be done with this store. */
  | 'STORE_CLOSED'
  /** The server did not answer (connection refused/reset, timeout, DNS). */
  | 'STORE_UNREACHABLE'
  /** The embedded store was chosen but chdb (an optional dependency) is not installed. */
  | 'STORE_ENGINE_MISSING'
  /** The embedded engine could not be opened and none of the causes below was found. */
  | 'STORE_OPEN_FAILED'
  /** Another live process holds the embedded data directory (chDB's `status` lock). */
  | 'STORE_LOCKED'
  /** The data directory (or a folder in it) may not be written by this user (EACCES / EPERM). */
  | 'STORE_PERMISSION_DENIED'
  /** The data directory is on a read-only file system (EROFS). */
  | 'STORE_READ_ONLY'
  /** A file stands where the data directory or one of its folders should be (ENOTDIR / EEXIST). */
  | 'STORE_NOT_A_DIRECTORY'
  /** No space (or quota) left where the data directory is (ENOSPC / EDQUOT). */
  | 'STORE_DISK_FULL'
  /** A table or database definition in the data directory cannot be read by the engine. */
  | 'STORE_CORRUPT_METADATA'
  /** A row carries a key that is not an insertable column of the table; the batch was not sent. */
  | 'STORE_UNKNOWN_COLUMN'
  /** The table name is not a plain identifier (`name` or `db.name`); nothing was sent. */
  | 'STORE_INVALID_TABLE'
  /** The request was aborted by the caller's AbortSignal. */
  | 'STORE_ABORTED'
  /** ClickHouse answered with an exception; see `clickhouseCode` / `clickhouseType`. */
  | 'CLICKHOUSE'
  /** Anything else (an engine or client failure without a code). */
  | 'STORE_UNKNOWN';

/**
 * ClickHouse error codes worth retrying: the server is busy, short of memory or parts, or the network between
 * us hiccupped. Source: ClickHouse `src/Common/ErrorCodes.cpp`.
 */
export const TRANSIENT_CLICKHOUSE_CODES: ReadonlySet<number> = new Set([
  159, // TIMEOUT_EXCEEDED
  164, // READONLY (server in read-only mode during start-up)
  202, // TOO_MANY_SIMULTANEOUS_QUERIES
  203, // NO_FREE_CONNECTION
  209, // SOCKET_TIMEOUT
  210, // NETWORK_ERROR
  241, // MEMORY_LIMIT_EXCEEDED
  242, // TABLE_IS_READ_ONLY
  252, // TOO_MANY_PARTS
  285, // TOO_FEW_LIVE_REPLICAS
  319, // UNKNOWN_STATUS_OF_INSERT
  373, // SESSION_IS_LOCKED
  425, // SYSTEM_ERROR
  999, // KEEPER_EXCEPTION
  1002, // UNKNOWN_EXCEPTION (usually a dropped connection inside the server)
]);

/** Node / undici socket-level codes that mean "try again later". */
export const TRANSIENT_NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** The one error type every Store method throws. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly code: StoreErrorCode;
  /** ClickHouse numeric error code when `code === 'CLICKHOUSE'` (e.g. 60 = UNKNOWN_TABLE). */
  readonly clickhouseCode?: number;
  /** ClickHouse error name when known (e.g. `UNKNOWN_TABLE`). */
  readonly clickhouseType?: string;
  /** Whether retrying the same request later may succeed. */
  readonly transient: boolean;

  constructor(
    code: StoreErrorCode,
    message: string,
    opts: { clickhouseCode?: number; clickhouseType?: string; transient?: boolean; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.code = code;
    if (opts.clickhouseCode !== undefined) this.clickhouseCode = opts.clickhouseCode;
    if (opts.clickhouseType !== undefined) this.clickhouseType = opts.clickhouseType;
    this.transient = opts.transient ?? false;
  }
}

/**
 * The numeric ClickHouse code of `err`, if it is a ClickHouse exception. Duck-typed on purpose: chDB throws the
 * `ClickHouseError` of `@clickhouse/client-common`, a different class object from the one `@clickhouse/client`
 * exports, so `instanceof` would miss it.
 */
export function clickHouseCodeOf(err: unknown): number | undefined {
  if (err instanceof StoreError) return err.clickhouseCode;
  if (!(err instanceof Error)) return undefined;
  const { code, type } = err as Error & { code?: unknown; type?: unknown };
  if (typeof code !== 'string' || !/^\d+$/.test(code) || typeof type !== 'string') return undefined;
  return Number(code);
}

/** The socket-level code of `err` (or of its `cause`), e.g. `ECONNREFUSED`. */
export function networkCodeOf(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    const code = (e as Error & { code?: unknown }).code;
    if (typeof code === 'string' && TRANSIENT_NETWORK_CODES.has(code)) return code;
    const errors = (e as Error & { errors?: unknown }).errors;
    if (Array.isArray(errors)) {
      const inner = errors.map(networkCodeOf).find((c) => c !== undefined);
      if (inner) return inner;
    }
  }
  return undefined;
}

/**
 * true when a failed store call may succeed if retried with the same arguments: network failures, the server's
 * "busy" codes ({@link TRANSIENT_CLICKHOUSE_CODES}) and transport failures without a code. Syntax errors, unknown
 * tables/columns, type mismatches and a closed store are permanent.
 */
export function isTransientStoreError(err: unknown): boolean {
  if (err instanceof StoreError) return err.transient;
  const ch = clickHouseCodeOf(err);
  if (ch !== undefined) return TRANSIENT_CLICKHOUSE_CODES.has(ch);
  return networkCodeOf(err) !== undefined;
}

/**
 * Wraps anything a client call threw into a {@link StoreError} with a message that names where it happened.
 * @param where e.g. `insert into wallet_activity` — prefixed to the message.
 * @param remote true for a server store: an uncoded transport failure (the client's "Timeout error.") is then
 *   classified as unreachable/transient; for the embedded engine it is an engine failure (permanent).
 */
export function toStoreError(err: unknown, where: string, remote: boolean, signal?: AbortSignal): StoreError {
  if (err instanceof StoreError) return err;
  const message = errorMessage(err);
  if (signal?.aborted) return new StoreError('STORE_ABORTED', `${where}: aborted`, { cause: err });
  const ch = clickHouseCodeOf(err);
  if (ch !== undefined) {
    const type = (err as { type?: string }).type;
    return new StoreError('CLICKHOUSE', `${where}: ClickHouse error ${ch}${type ? ` (${type})` : ''}: ${message.trim()}`, {
      clickhouseCode: ch,
      ...(type ? { clickhouseType: type } : {}),
      transient: TRANSIENT_CLICKHOUSE_CODES.has(ch),
      cause: err,
    });
  }
  const net = networkCodeOf(err);
  if (net !== undefined || remote) {
    return new StoreError('STORE_UNREACHABLE', `${where}: ClickHouse unreachable${net ? ` (${net})` : ''}: ${message}`, {
      transient: true,
      cause: err,
    });
  }
  return new StoreError('STORE_UNKNOWN', `${where}: ${message}`, { cause: err });
}
