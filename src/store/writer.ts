import { randomUUID } from 'node:crypto';
import type { ZodType } from 'zod';
import { fullJitterDelay, sleep } from '../lib/backoff.ts';
import type { Logger } from '../lib/log.ts';
import { isTransientStoreError } from './errors.ts';
import type { Row, Store } from './types.ts';
import { errorMessage } from '../lib/error-message.ts';

/** Options of {@link BatchedWriter}. */
export interface WriterOptions {
  /** A table's buffer is sent as soon as it holds this many rows (and in batches of at most this many). */
  maxRows?: number;
  /** Every table with buffered rows is flushed this often, in ms. */
  flushIntervalMs?: number;
  /** Rows held across all tables (queued + in flight). `write` drops past it; `writeAsync` waits for room. */
  maxBufferedRows?: number;
  /** Retries of a batch after a transient failure; then the batch is dropped. */
  maxRetries?: number;
  /** Full-jitter backoff base and cap between retries, in ms. */
  retryBaseMs?: number;
  retryCapMs?: number;
  logger: Logger;
  /** Row validators by table (see ROW_VALIDATORS in rows.ts); tables without one are not validated. */
  validators?: Readonly<Record<string, ZodType>>;
}

/** Counters of one table, or of all tables together. */
export interface TableStats {
  /** Rows accepted and not yet settled (queued or in flight). */
  buffered: number;
  /** Rows that landed. */
  written: number;
  /** Rows that failed validation (never sent). */
  rejected: number;
  /** Rows lost: buffer overflow in `write`, or batches that failed permanently / ran out of retries. */
  dropped: number;
  /** Insert attempts that were retries. */
  retries: number;
  /** Batches given up (permanent error or retries exhausted). */
  failures: number;
  /** Message of the last insert error, null if none yet. */
  lastError: string | null;
}

/** {@link BatchedWriter.stats}: totals plus one entry per table seen and per producer. */
export interface WriterStats extends TableStats {
  tables: Record<string, TableStats>;
  /** Rows written and dropped per producer (a job's name, 'live'; '' for rows written without one). */
  producers: Record<string, { written: number; dropped: number }>;
}

/**
 * What a producer of rows (a sync job, the live feed) sees of the writer. {@link BatchedWriter.producer} gives
 * each producer its own: its `flush()` waits for, and fails on, its own rows only.
 */
export interface RowWriter {
  /** Queues rows; drops (and counts) what does not fit the buffers. */
  write(table: string, rows: readonly Row[]): void;
  /** Queues rows, waiting for room when the buffers are full. */
  writeAsync(table: string, rows: readonly Row[]): Promise<void>;
  /** Resolves when this producer's rows queued so far have landed; rejects if any of them was dropped. */
  flush(): Promise<void>;
}

/** flush() found that rows it waited for were dropped (the caller must not acknowledge them). */
export class WriterFlushError extends Error {
  override readonly name = 'WriterFlushError';
  readonly table: string;
  /** Whose rows were dropped ('' for rows written without a producer). */
  readonly producer: string;
  constructor(table: string, cause: unknown, producer = '') {
    super(`rows of ${table}${producer ? ` from ${producer}` : ''} were dropped: ${errorMessage(cause)}`, { cause });
    this.table = table;
    this.producer = producer;
  }
}

interface FlushWaiter {
  /** Sequence number every row below which must settle. */
  target: number;
  /** Only a dropped batch holding this producer's rows fails the waiter; null: any dropped batch (global flush). */
  producer: string | null;
  error: unknown;
  resolve: () => void;
}

/** Per-table buffer. Sequence numbers count rows: enqueued ≥ taken ≥ settled; batches settle in FIFO order. */
interface TableState {
  name: string;
  queue: Row[];
  /** The producer of each queued row (parallel to `queue`). */
  owners: string[];
  /** Per producer: the sequence number just past its last row enqueued here. */
  lastSeqOf: Map<string, number>;
  enqueued: number;
  taken: number;
  settled: number;
  /** Drain until `taken` reaches this even when the queue is shorter than maxRows (flush / timer). */
  forceUpTo: number;
  draining: Promise<void> | null;
  waiters: FlushWaiter[];
  stats: TableStats;
}

const emptyStats = (): TableStats => ({ buffered: 0, written: 0, rejected: 0, dropped: 0, retries: 0, failures: 0, lastError: null });

/**
 * Buffers rows per table and inserts them in batches: when a table holds `maxRows`, every `flushIntervalMs`, and
 * on `flush()`/`close()`. At most one insert per table is in flight. A batch that fails transiently is retried
 * with full-jitter backoff under the SAME insert_deduplication_token (a lost ack never lands a batch twice);
 * permanent errors and exhausted retries drop the batch, count it and log it, and the writer goes on.
 */
export class BatchedWriter implements RowWriter {
  private readonly store: Store;
  private readonly logger: Logger;
  private readonly maxRows: number;
  private readonly maxBufferedRows: number;
  private readonly maxRetries: number;
  private readonly retryBaseMs: number;
  private readonly retryCapMs: number;
  private readonly validators: Readonly<Record<string, ZodType>>;
  private readonly tables = new Map<string, TableState>();
  private readonly timer: ReturnType<typeof setInterval>;
  private roomWaiters: Array<() => void> = [];
  private readonly producerStats = new Map<string, { written: number; dropped: number }>();
  private totalBuffered = 0;
  private closed = false;

  constructor(store: Store, options: WriterOptions) {
    this.store = store;
    this.logger = options.logger;
    this.maxRows = Math.max(1, options.maxRows ?? 1000);
    this.maxBufferedRows = Math.max(this.maxRows, options.maxBufferedRows ?? 100_000);
    this.maxRetries = options.maxRetries ?? 5;
    this.retryBaseMs = options.retryBaseMs ?? 250;
    this.retryCapMs = options.retryCapMs ?? 10_000;
    this.validators = options.validators ?? {};
    this.timer = setInterval(() => this.flushAll(), options.flushIntervalMs ?? 2000);
    // The periodic flush must not keep the process alive on its own; close() flushes what is left.
    this.timer.unref?.();
  }

  /**
   * Queues rows for `table`. Invalid rows are counted and logged, never sent. When the buffers are full
   * (`maxBufferedRows`), the rows that do not fit are dropped and counted; use {@link writeAsync} to wait instead.
   */
  write(table: string, rows: readonly Row[], producer = ''): void {
    const state = this.state(table);
    const valid = this.validate(state, rows, producer);
    if (this.closed) return this.drop(state, valid.length, 'writer is closed', [producer]);
    const room = Math.max(0, this.maxBufferedRows - this.totalBuffered);
    if (valid.length > room) this.drop(state, valid.length - room, 'buffer full', [producer]);
    this.enqueue(state, room >= valid.length ? valid : valid.slice(0, room), producer);
  }

  /** Like {@link write}, but when the buffers are full it waits for room instead of dropping (backpressure). */
  async writeAsync(table: string, rows: readonly Row[], producer = ''): Promise<void> {
    const state = this.state(table);
    let pending = this.validate(state, rows, producer);
    while (pending.length > 0) {
      if (this.closed) return this.drop(state, pending.length, 'writer is closed', [producer]);
      const room = this.maxBufferedRows - this.totalBuffered;
      if (room > 0) {
        this.enqueue(state, pending.slice(0, room), producer);
        pending = pending.slice(room);
        continue;
      }
      // Full: push everything out rather than wait for the timer, and wait until a batch settles.
      const freed = new Promise<void>((resolve) => this.roomWaiters.push(resolve));
      this.flushAll();
      await freed;
    }
  }

  /**
   * Sends everything buffered now and resolves when it is readable. Rejects with {@link WriterFlushError} if some
   * of those rows were dropped (so a caller never acknowledges a watermark whose rows did not land).
   */
  async flush(): Promise<void> {
    await this.flushFor(null);
  }

  /**
   * The writer as `producer` sees it (issue 12 item 17): its rows are tagged with its name, and its `flush()`
   * waits only for them and fails only when one of ITS rows was dropped. A global flush used to blame a batch
   * the live feed lost on holder-sync, whose commit then failed.
   */
  producer(name: string): RowWriter {
    return {
      write: (table, rows) => this.write(table, rows, name),
      writeAsync: (table, rows) => this.writeAsync(table, rows, name),
      flush: () => this.flushFor(name),
    };
  }

  /** {@link flush} for one table. */
  async flushTable(table: string): Promise<void> {
    const state = this.tables.get(table);
    if (state) await this.flushState(state, null);
  }

  private async flushFor(producer: string | null): Promise<void> {
    const results = await Promise.allSettled([...this.tables.values()].map((state) => this.flushState(state, producer)));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  private async flushState(state: TableState, producer: string | null): Promise<void> {
    const target = producer === null ? state.enqueued : (state.lastSeqOf.get(producer) ?? 0);
    if (state.settled >= target) return;
    let waiter!: FlushWaiter;
    const done = new Promise<void>((resolve) => (waiter = { target, producer, error: undefined, resolve }));
    state.waiters.push(waiter);
    state.forceUpTo = Math.max(state.forceUpTo, target);
    this.drain(state);
    await done;
    if (waiter.error !== undefined) throw new WriterFlushError(state.name, waiter.error, producer ?? '');
  }

  /** Stops the timer and flushes. Never rejects: rows that cannot land are counted as dropped and logged. */
  async close(): Promise<void> {
    if (this.closed) return;
    clearInterval(this.timer);
    try {
      await this.flush();
    } catch (err) {
      this.logger.error('writer closed with rows dropped', { err });
    }
    this.closed = true;
    for (const wake of this.roomWaiters.splice(0)) wake();
  }

  /** Counters per table and in total. */
  stats(): WriterStats {
    const total: WriterStats = { ...emptyStats(), tables: {}, producers: {} };
    for (const [name, s] of this.producerStats) total.producers[name] = { ...s };
    for (const state of this.tables.values()) {
      const s = { ...state.stats };
      total.tables[state.name] = s;
      total.buffered += s.buffered;
      total.written += s.written;
      total.rejected += s.rejected;
      total.dropped += s.dropped;
      total.retries += s.retries;
      total.failures += s.failures;
      if (s.lastError !== null) total.lastError = s.lastError;
    }
    return total;
  }

  private state(table: string): TableState {
    let state = this.tables.get(table);
    if (!state) {
      state = { name: table, queue: [], owners: [], lastSeqOf: new Map(), enqueued: 0, taken: 0, settled: 0, forceUpTo: 0, draining: null, waiters: [], stats: emptyStats() };
      this.tables.set(table, state);
    }
    return state;
  }

  private validate(state: TableState, rows: readonly Row[], producer: string): Row[] {
    const schema = this.validators[state.name];
    if (!schema) return [...rows];
    const valid: Row[] = [];
    let firstReason: string | undefined;
    for (const row of rows) {
      const result = schema.safeParse(row);
      if (result.success) valid.push(row);
      else firstReason ??= result.error.issues.map((i) => `${i.path.join('.') || '(row)'}: ${i.message}`).join('; ');
    }
    const rejected = rows.length - valid.length;
    if (rejected > 0) {
      state.stats.rejected += rejected;
      this.logger.warn('rows rejected by validation, not sent', { table: state.name, producer, rejected, reason: firstReason });
    }
    return valid;
  }

  /** Counts `count` dropped rows of `state` against the producers they came from (one count per row). */
  private drop(state: TableState, count: number, reason: string, owners: readonly string[]): void {
    if (count <= 0) return;
    state.stats.dropped += count;
    const byProducer = new Map<string, number>();
    for (let i = 0; i < count; i++) {
      const owner = owners[Math.min(i, owners.length - 1)] ?? '';
      byProducer.set(owner, (byProducer.get(owner) ?? 0) + 1);
    }
    for (const [owner, n] of byProducer) this.statsOf(owner).dropped += n;
    this.logger.warn('rows dropped', { table: state.name, dropped: count, reason, producers: [...byProducer.keys()] });
  }

  private statsOf(producer: string): { written: number; dropped: number } {
    let s = this.producerStats.get(producer);
    if (!s) this.producerStats.set(producer, (s = { written: 0, dropped: 0 }));
    return s;
  }

  private enqueue(state: TableState, rows: readonly Row[], producer: string): void {
    if (rows.length === 0) return;
    for (const row of rows) {
      state.queue.push(row);
      state.owners.push(producer);
    }
    state.enqueued += rows.length;
    state.lastSeqOf.set(producer, state.enqueued);
    state.stats.buffered += rows.length;
    this.totalBuffered += rows.length;
    if (state.queue.length >= this.maxRows) this.drain(state);
  }

  private flushAll(): void {
    for (const state of this.tables.values()) {
      if (state.queue.length === 0) continue;
      state.forceUpTo = Math.max(state.forceUpTo, state.enqueued);
      this.drain(state);
    }
  }

  /** Starts the table's send loop unless one is running (that one re-checks the queue after each batch). */
  private drain(state: TableState): void {
    if (state.draining) return;
    state.draining = (async () => {
      while (state.queue.length > 0 && (state.queue.length >= this.maxRows || state.taken < state.forceUpTo)) {
        const batch = state.queue.splice(0, this.maxRows);
        const owners = state.owners.splice(0, batch.length);
        state.taken += batch.length;
        const error = await this.send(state, batch, owners);
        this.settle(state, batch.length, error, new Set(owners));
      }
    })()
      .catch((err: unknown) => this.logger.error('writer send loop failed', { table: state.name, err }))
      .finally(() => {
        state.draining = null;
      });
  }

  /** Inserts one batch, retrying transient failures with the same dedup token. Returns the final error, if any. */
  private async send(state: TableState, batch: Row[], owners: readonly string[]): Promise<unknown> {
    const dedupToken = `${state.name}:${randomUUID()}`;
    for (let attempt = 0; ; attempt++) {
      try {
        await this.store.insert(state.name, batch, { dedupToken });
        state.stats.written += batch.length;
        for (const owner of owners) this.statsOf(owner).written++;
        return undefined;
      } catch (err) {
        state.stats.lastError = errorMessage(err);
        const transient = isTransientStoreError(err);
        if (!transient || attempt >= this.maxRetries) {
          state.stats.failures++;
          this.drop(state, batch.length, transient ? `insert failed after ${attempt + 1} attempts` : 'insert failed permanently', owners);
          this.logger.error('batch dropped', { table: state.name, rows: batch.length, producers: [...new Set(owners)], attempts: attempt + 1, err });
          return err;
        }
        state.stats.retries++;
        const delay = fullJitterDelay(attempt, this.retryBaseMs, this.retryCapMs);
        this.logger.warn('insert failed, retrying', { table: state.name, rows: batch.length, attempt: attempt + 1, delayMs: delay, err });
        await sleep(delay);
      }
    }
  }

  private settle(state: TableState, count: number, error: unknown, owners: ReadonlySet<string>): void {
    const start = state.settled;
    state.settled += count;
    state.stats.buffered -= count;
    this.totalBuffered -= count;
    state.waiters = state.waiters.filter((w) => {
      if (error !== undefined && start < w.target && (w.producer === null || owners.has(w.producer))) w.error ??= error;
      if (state.settled < w.target) return true;
      w.resolve();
      return false;
    });
    for (const wake of this.roomWaiters.splice(0)) wake();
  }
}
