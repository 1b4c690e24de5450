/**
 * The commit step of position-sync, for a batch of fetched wallets:
 *   1. read the activity keys the store already holds for those wallets from their fetch starts on;
 *   2. insert only the missing rows, directly (an acknowledged insert, with a dedup token for retries);
 *   3. write positions (and zero-size rows for positions that disappeared) and per-wallet metadata through the
 *      writer, and flush it (flush() rejects if any row was dropped);
 *   4. only then advance the activity watermarks of the wallets whose fetch was complete.
 * A kill -9 anywhere in between leaves watermarks behind the stored rows, never ahead: the next run refetches
 * the overlap and step 1 keeps it from inserting anything twice.
 */
import { createHash } from 'node:crypto';
import type { Activity, Position } from '../polymarket/types.ts';
import { readOpenPositions } from '../store/queries/open-positions.ts';
import { chTime } from '../store/time.ts';
import { activityRow, positionRow } from '../store/row-mappers.ts';
import type { Row } from '../store/types.ts';
import { keyActivities, readStoredActivityKeys } from './activity-keys.ts';
import type { SyncDeps } from './deps.ts';

/** What position-sync fetched for one wallet. */
export interface WalletFetch {
  wallet: string;
  /** Start of the activity fetch, unix seconds (inclusive). */
  fromSec: number;
  positions: Position[];
  /** Records dropped by validation in the positions answer kept (0 = complete). */
  positionsRejected: number;
  activity: Activity[];
  /** Records dropped by validation in the activity answer kept (0 = complete). */
  activityRejected: number;
}

/** What one commit wrote. */
export interface CommitResult {
  activityInserted: number;
  positionRows: number;
  watermarksAdvanced: number;
}

/** Largest activity insert; bigger batches are split (each part acknowledged before the watermarks move). */
const MAX_INSERT_ROWS = 20_000;

/**
 * Zero-size rows for positions stored as open that the API no longer lists (sold or redeemed), so readers of
 * wallet_positions FINAL do not show them forever. Only for wallets whose positions answer was complete.
 */
async function closedPositionRows(deps: SyncDeps, fetched: readonly WalletFetch[], now: number, signal: AbortSignal): Promise<Row[]> {
  const complete = fetched.filter((f) => f.positionsRejected === 0);
  if (complete.length === 0) return [];
  const open = await readOpenPositions(deps.store, complete.map((f) => f.wallet), signal);
  const listed = new Set(complete.flatMap((f) => f.positions.map((p) => `${f.wallet}|${p.conditionId}|${p.outcome}`)));
  return open
    .filter((r) => !listed.has(`${r.proxy_wallet}|${r.condition_id}|${r.outcome}`))
    .map((r) => ({ ...r, size: 0, current_value: 0, end_date: chTime(r.end_date), updated_at: chTime(now) }));
}

/** Commits one batch (see the module comment). Throws if the store refuses; nothing is acknowledged then. */
export async function commitWallets(deps: SyncDeps, fetched: readonly WalletFetch[], signal: AbortSignal): Promise<CommitResult> {
  const { store, writer, state, clock } = deps;
  const now = clock.now();
  const fromMs = Math.min(...fetched.map((f) => f.fromSec * 1000));
  const stored = await readStoredActivityKeys(store, fetched.map((f) => f.wallet), fromMs, signal);

  const missing: Row[] = [];
  const missingKeys: string[] = [];
  for (const f of fetched) {
    const inWindow = f.activity.filter((a) => a.timestamp >= f.fromSec * 1000);
    for (const k of keyActivities(f.wallet, inWindow)) {
      if (stored.has(k.key)) continue;
      missing.push({ ...activityRow(k.activity, k.fillSeq), proxy_wallet: f.wallet });
      missingKeys.push(k.key);
    }
  }
  for (let i = 0; i < missing.length; i += MAX_INSERT_ROWS) {
    const part = missing.slice(i, i + MAX_INSERT_ROWS);
    const token = createHash('sha1')
      .update(missingKeys.slice(i, i + MAX_INSERT_ROWS).join('\n'))
      .digest('hex');
    await store.insert('wallet_activity', part, { dedupToken: `activity-${token}`, signal });
  }

  const positionRows: Row[] = fetched.flatMap((f) => f.positions.map((p) => ({ ...positionRow(p, now), proxy_wallet: f.wallet })));
  positionRows.push(...(await closedPositionRows(deps, fetched, now, signal)));
  if (positionRows.length > 0) await writer.writeAsync('wallet_positions', positionRows);
  const insertedPerWallet = new Map<string, number>();
  for (const row of missing) insertedPerWallet.set(row.proxy_wallet as string, (insertedPerWallet.get(row.proxy_wallet as string) ?? 0) + 1);
  await writer.writeAsync(
    'wallet_sync_metadata',
    fetched.map((f) => ({
      proxy_wallet: f.wallet,
      last_position_sync: chTime(now),
      ...(f.activityRejected === 0 ? { last_activity_sync: chTime(now) } : {}),
      positions_count: f.positions.length,
      activity_count: insertedPerWallet.get(f.wallet) ?? 0,
      last_error: f.activityRejected + f.positionsRejected > 0 ? `${f.activityRejected + f.positionsRejected} malformed records` : '',
      updated_at: chTime(now),
    })),
  );
  await writer.flush();

  const watermarks = new Map<string, number>();
  for (const f of fetched) {
    if (f.activityRejected > 0 || f.activity.length === 0) continue;
    const newest = Math.max(...f.activity.map((a) => Math.floor(a.timestamp / 1000)));
    watermarks.set(f.wallet, newest);
  }
  const before = watermarks.size;
  await state.setActivityWatermarks(watermarks, signal);
  return { activityInserted: missing.length, positionRows: positionRows.length, watermarksAdvanced: before };
}
