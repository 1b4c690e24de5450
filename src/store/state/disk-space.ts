/**
 * How much room the store has left, from ClickHouse's own `system.disks` (the embedded engine and a server both
 * have it), so /health can say "full" before inserts start failing with NOT_ENOUGH_SPACE.
 */
import type { Store } from '../types.ts';

/** Free and total bytes of the store's tightest disk (the one with the least free space). */
export interface StoreDiskSpace {
  freeBytes: number;
  totalBytes: number;
}

/** Reads the disk with the least free space (bytes, after ClickHouse's `keep_free_space`); null when none is listed. */
export async function readStoreDiskSpace(store: Store, signal?: AbortSignal): Promise<StoreDiskSpace | null> {
  const rows = await store.query<{ free: string | number; total: string | number }>(
    `SELECT toUInt64(free_space) AS free, toUInt64(total_space) AS total FROM system.disks ORDER BY free_space ASC LIMIT 1`,
    {},
    signal,
  );
  const row = rows[0];
  return row ? { freeBytes: Number(row.free), totalBytes: Number(row.total) } : null;
}
