/**
 * One query result as the panes see it. Loading, ready and error stay apart, so an empty table never pretends to
 * be a failure and a failure keeps the last good rows on screen.
 */
export type Slice<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly rows: T; readonly tookMs: number; readonly at: number }
  | { readonly state: 'error'; readonly message: string; readonly at: number; readonly lastRows?: T };

/** A query the data store can poll: a stable key (its parameters included) and how to run it. */
export interface SliceDef<T = unknown> {
  key: string;
  run(signal: AbortSignal): Promise<T>;
}

/** The rows to show for a slice: ready rows, or the last good rows of a failed refresh. */
export function rowsOf<T>(slice: Slice<T> | undefined): T | undefined {
  if (!slice) return undefined;
  if (slice.state === 'ready') return slice.rows;
  if (slice.state === 'error') return slice.lastRows;
  return undefined;
}

/** Deep structural equality of JSON-like values (rows): a refresh that changes nothing publishes nothing. */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}
