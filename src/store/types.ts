import type { ClickHouseClient } from '@clickhouse/client';

/** Where the data lives: chDB inside this process, or a ClickHouse server over HTTP. */
export type StoreKind = 'embedded' | 'server';

/** A row as the store takes it: column name → JSON value. DateTime64 columns take {@link chTime} strings. */
export type Row = Record<string, unknown>;

/** Query parameters bound with ClickHouse `{name:Type}` placeholders; never interpolated into SQL. */
export type QueryParams = Record<string, unknown>;

export interface InsertOptions {
  /**
   * `insert_deduplication_token`: a retried insert with the same token is dropped by the server when the table
   * has `non_replicated_deduplication_window` set, so a batch never lands twice.
   */
  dedupToken?: string;
  signal?: AbortSignal;
}

/**
 * The one handle on ClickHouse. Everything above `openStore` is identical for the embedded engine and a server;
 * the difference (how an INSERT carries its rows) is hidden in the implementation.
 */
export interface Store {
  readonly kind: StoreKind;
  /** Human description for the status bar and /health: `embedded ~/.local/share/whaletop` or the server URL. */
  readonly description: string;
  /** The underlying client, for the rare caller that needs streaming. Prefer the methods below. */
  readonly client: ClickHouseClient;
  /** Inserts rows (JSONEachRow semantics). Never reads the process's stdin. Resolves once the rows are readable. */
  insert(table: string, rows: readonly Row[], options?: InsertOptions): Promise<void>;
  /** Runs a SELECT and returns its rows. 64-bit integers come back as strings (ClickHouse JSON default). */
  query<T = Row>(sql: string, params?: QueryParams, signal?: AbortSignal): Promise<T[]>;
  /** Runs a statement that returns no rows (DDL, ALTER, OPTIMIZE). */
  command(sql: string, params?: QueryParams): Promise<void>;
  /** true when the store answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
