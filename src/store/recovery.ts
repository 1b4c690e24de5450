/**
 * What a start finds left behind by a process that died (kill -9, power loss, a full disk), and the repairs
 * (issue 12 items 5 and 6):
 *   - parts the engine detached as broken at start (`broken-on-start_…`, e.g. a truncated level-0 part of
 *     wallet_activity): their rows are gone from the table while the activity watermarks are already past them.
 *     Every watermark at or after the part's first timestamp is rewound to just before it, so the next
 *     position-sync refetches the span (rows still stored are skipped by natural key). Each part is handled once
 *     (remembered in sync_state) and reported loudly.
 *   - job_runs rows still 'running': closed as 'interrupted', so history and the status bar stop showing a run
 *     that no process is doing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SYNC_SCOPES } from './state/sync-state.ts';
import { chTime } from './time.ts';
import type { Row, Store } from './types.ts';

const WATERMARK_SCOPE = SYNC_SCOPES.activityWatermark;
const HANDLED_SCOPE = SYNC_SCOPES.brokenPart;

/** One part the engine detached as broken. Times are epoch ms (null when unknown). */
export interface BrokenPart {
  table: string;
  name: string;
  partition: string;
  /** Oldest and newest row timestamp in the part (its minmax index), else the partition's month. */
  fromMs: number | null;
  toMs: number | null;
}

/** What {@link recoverAtStart} found and did. `notice` is the sentence for the status line, null if nothing. */
export interface RecoveryReport {
  brokenParts: BrokenPart[];
  rewoundWallets: number;
  interruptedRuns: number;
  notice: string | null;
}

interface DetachedRow {
  table: string;
  name: string;
  partition_id: string;
  path: string;
  reason: string;
  /** 1 when an active part covers the broken one's blocks (an already merged source part): nothing was lost. */
  covered: number;
}

const DETACHED_BROKEN = `
  SELECT d.table AS table, d.name AS name, d.partition_id AS partition_id, d.path AS path, d.reason AS reason,
         toUInt8(countIf(p.name != '' AND p.min_block_number <= d.min_block_number AND p.max_block_number >= d.max_block_number) > 0) AS covered
  FROM system.detached_parts AS d
  LEFT JOIN (SELECT table, partition_id, name, min_block_number, max_block_number FROM system.parts WHERE database = currentDatabase() AND active) AS p
    ON p.table = d.table AND p.partition_id = d.partition_id
  WHERE d.database = currentDatabase() AND startsWith(d.reason, 'broken')
  GROUP BY d.table, d.name, d.partition_id, d.path, d.reason
  ORDER BY d.table, d.name`;

const HANDLED = `SELECT key FROM sync_state FINAL WHERE scope = {scope:String} AND deleted = 0`;

const WATERMARKS_FROM = `
  SELECT key, value, toUnixTimestamp64Milli(updated_at) AS at
  FROM sync_state FINAL
  WHERE scope = {scope:String} AND deleted = 0 AND toInt64OrZero(value) >= {fromSec:Int64}`;

const RUNNING = `
  SELECT toString(run_id) AS id, job, toUnixTimestamp64Milli(started) AS started_ms, rows, pages, rejected, version
  FROM job_runs FINAL
  WHERE status = 'running' AND started < {before:DateTime64(3, 'UTC')}`;

/** `YYYYMM` partition id → [first ms of the month, last ms of the month], or nulls. */
function monthOf(partition: string): [number | null, number | null] {
  const m = /^(\d{4})(\d{2})$/.exec(partition);
  if (!m) return [null, null];
  const y = Number(m[1]);
  const mo = Number(m[2]) - 1;
  return [Date.UTC(y, mo, 1), Date.UTC(y, mo + 1, 1) - 1];
}

/**
 * The part's `minmax_timestamp.idx` (two Int64 DateTime64(3) ticks: min, max), when the engine's files are on
 * this machine and that file survived; else the partition's month.
 */
function timeSpan(row: DetachedRow): [number | null, number | null] {
  try {
    const bytes = readFileSync(join(row.path, 'minmax_timestamp.idx'));
    if (bytes.length === 16) {
      const min = Number(bytes.readBigInt64LE(0));
      const max = Number(bytes.readBigInt64LE(8));
      if (min > 0 && max >= min) return [min, max];
    }
  } catch {
    // A server store (files elsewhere) or a file lost with the part: fall back to the month.
  }
  return monthOf(row.partition_id);
}

/**
 * Broken parts in detached/ that no earlier start handled and whose rows are really gone: a part an active part
 * covers (a merge's source that was still on disk when the process died) lost nothing.
 */
export async function findBrokenParts(store: Store): Promise<{ fresh: BrokenPart[]; known: number }> {
  const [detached, handled] = await Promise.all([store.query<DetachedRow>(DETACHED_BROKEN), store.query<{ key: string }>(HANDLED, { scope: HANDLED_SCOPE })]);
  const seen = new Set(handled.map((h) => h.key));
  const fresh = detached
    .filter((d) => !seen.has(`${d.table}/${d.name}`) && Number(d.covered) === 0)
    .map((d) => {
      const [fromMs, toMs] = timeSpan(d);
      return { table: d.table, name: d.name, partition: d.partition_id, fromMs, toMs };
    });
  return { fresh, known: detached.length - fresh.length };
}

/**
 * Rewinds every activity watermark at or after `fromMs` to the second before it, so the next sync refetches
 * from there. Returns how many wallets moved. The new rows carry a newer `updated_at` than the ones they replace.
 */
export async function rewindActivityWatermarks(store: Store, fromMs: number, nowMs: number): Promise<number> {
  const fromSec = Math.floor(fromMs / 1000);
  const marks = await store.query<{ key: string; value: string; at: string | number }>(WATERMARKS_FROM, { scope: WATERMARK_SCOPE, fromSec });
  if (marks.length === 0) return 0;
  const rows: Row[] = marks.map((m) => ({
    scope: WATERMARK_SCOPE,
    key: m.key,
    value: String(fromSec - 1),
    deleted: 0,
    updated_at: chTime(Math.max(nowMs, Number(m.at) + 1)),
  }));
  await store.insert('sync_state', rows, { dedupToken: `rewind-${fromSec}-${nowMs}` });
  // A rewound wallet's activity is incomplete again: clearing its last activity sync makes the wallet queue count it
  // as never synced (store/queries/coverage.ts readLastWalletSyncs), so the next position-sync takes it first
  // however many wallets the queue holds, rather than when its turn comes.
  await store.command(
    `INSERT INTO wallet_sync_metadata (proxy_wallet, last_position_sync, last_activity_sync, positions_count, activity_count, last_error, updated_at)
     SELECT proxy_wallet, last_position_sync, NULL, positions_count, activity_count, 'activity rewound after a broken part', {at:DateTime64(3, 'UTC')}
     FROM wallet_sync_metadata FINAL WHERE proxy_wallet IN {wallets:Array(String)}`,
    { wallets: marks.map((m) => m.key), at: chTime(nowMs + 1) },
  );
  return rows.length;
}

/**
 * Closes job_runs rows still 'running' that started before `beforeMs` as 'interrupted'. An embedded store has one
 * process, so every such row is dead; a server store may be shared, so the caller passes a time no live run can
 * be older than (its longest job timeout ago).
 */
export async function closeInterruptedRuns(store: Store, beforeMs: number, nowMs: number): Promise<number> {
  // (No alias may shadow a column used in WHERE: ClickHouse would compare the alias.)
  const running = await store.query<{ id: string; job: string; started_ms: string | number; rows: number; pages: number; rejected: number; version: string | number }>(
    RUNNING,
    { before: chTime(beforeMs) },
  );
  if (running.length === 0) return 0;
  await store.insert(
    'job_runs',
    running.map((r) => ({
      run_id: r.id,
      job: r.job,
      started: chTime(Number(r.started_ms)),
      finished: null,
      status: 'interrupted',
      rows: Number(r.rows),
      pages: Number(r.pages),
      rejected: Number(r.rejected),
      error: 'interrupted: the process ended during this run',
      version: Math.max(Number(r.version) + 1, nowMs * 1000),
    })),
    { dedupToken: `interrupted-${nowMs}` },
  );
  return running.length;
}

/**
 * The start-up check. `liveRunsBeforeMs`: 'running' rows started before this are dead (see
 * {@link closeInterruptedRuns}). Never throws for a check that cannot run (the caller logs the error instead).
 */
export async function recoverAtStart(store: Store, opts: { nowMs: number; liveRunsBeforeMs: number }): Promise<RecoveryReport> {
  const interruptedRuns = await closeInterruptedRuns(store, opts.liveRunsBeforeMs, opts.nowMs);
  const { fresh } = await findBrokenParts(store);
  let rewoundWallets = 0;
  const activity = fresh.filter((p) => p.table === 'wallet_activity');
  const from = activity.reduce<number | null>((min, p) => (p.fromMs === null ? min : min === null ? p.fromMs : Math.min(min, p.fromMs)), null);
  if (from !== null) rewoundWallets = await rewindActivityWatermarks(store, from, opts.nowMs);
  if (fresh.length > 0) {
    await store.insert(
      'sync_state',
      fresh.map((p) => ({ scope: HANDLED_SCOPE, key: `${p.table}/${p.name}`, value: JSON.stringify({ fromMs: p.fromMs, toMs: p.toMs, rewoundWallets }) })),
    );
  }
  const notice =
    fresh.length === 0
      ? null
      : `${fresh.length} broken part${fresh.length === 1 ? '' : 's'} detached at start (${[...new Set(fresh.map((p) => p.table))].join(', ')}): rows lost` +
        (activity.length > 0 ? `; activity of ${rewoundWallets} wallet${rewoundWallets === 1 ? '' : 's'} will be fetched again from ${chTime(from ?? 0).slice(0, 16)}` : '; they are rebuilt by the next syncs');
  return { brokenParts: fresh, rewoundWallets, interruptedRuns, notice };
}
