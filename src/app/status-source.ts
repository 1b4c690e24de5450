import type { DataSource, FeedStatus, JobStatus, NetworkStatus, RuntimeStatus, StatusSource } from '../lib/status.ts';

/** Anything that reports a status and notifies on change: the scheduler, the live feed. */
export interface Observable<T> {
  subscribe(listener: () => void): () => void;
  read(): T;
}

export interface StatusParts {
  source: DataSource;
  sourceLabel: string;
  storeKind: 'embedded' | 'server';
  storeDescription: string;
  jobs: Observable<JobStatus[]>;
  feed: Observable<FeedStatus> | null;
  /** Whether Polymarket answers (the HTTP clients); read whenever a job or the feed reports a change. */
  network?: { read(): NetworkStatus };
  /** How long to gather change notifications before telling listeners (ms). */
  batchMs?: number;
  /** What the start-up store check found (commands/store.ts recoverStore), or null. */
  storeNotice?: string | null;
}

/**
 * Folds the scheduler's and the live feed's states into one immutable {@link RuntimeStatus}. Changes are batched
 * (default 50 ms) so a burst of job or feed events costs the UI one render, not dozens.
 */
export function createStatusSource(parts: StatusParts): StatusSource {
  const startedAt = Date.now();
  const listeners = new Set<() => void>();
  const build = (): RuntimeStatus => ({
    source: parts.source,
    sourceLabel: parts.sourceLabel,
    storeKind: parts.storeKind,
    storeDescription: parts.storeDescription,
    jobs: parts.jobs.read(),
    feed: parts.feed ? parts.feed.read() : null,
    network: parts.network ? parts.network.read() : null,
    storeNotice: parts.storeNotice ?? null,
    startedAt,
  });
  let current = build();
  let pending: NodeJS.Timeout | null = null;
  const changed = (): void => {
    if (pending) return;
    pending = setTimeout(() => {
      pending = null;
      current = build();
      for (const listener of listeners) listener();
    }, parts.batchMs ?? 50);
    pending.unref();
  };
  parts.jobs.subscribe(changed);
  parts.feed?.subscribe(changed);
  return {
    get: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
