import type { QueryParams, Store } from '../src/store/types.ts';

/** What {@link timedStore} reports for each query: its SQL, parameters, duration, start and end (performance.now ms). */
export interface TimedQuery {
  sql: string;
  params: QueryParams | undefined;
  ms: number;
  start: number;
  end: number;
}

/**
 * The real store with every `query` timed: `onStart` fires as a query is sent, `onDone` when it settles (either
 * way). Inserts and commands pass through untimed.
 */
export function timedStore(store: Store, onDone: (q: TimedQuery) => void, onStart: () => void = () => {}): Store {
  return {
    kind: store.kind,
    description: store.description,
    client: store.client,
    insert: (table, rows, options) => store.insert(table, rows, options),
    command: (sql, params) => store.command(sql, params),
    ping: () => store.ping(),
    close: () => store.close(),
    query: async <T,>(sql: string, params?: QueryParams, signal?: AbortSignal): Promise<T[]> => {
      const start = performance.now();
      onStart();
      try {
        return await store.query<T>(sql, params, signal);
      } finally {
        const end = performance.now();
        onDone({ sql, params, ms: end - start, start, end });
      }
    },
  };
}
