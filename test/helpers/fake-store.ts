import type { Row, Store } from '../../src/store/types.ts';

/**
 * A store that records inserts. `succeededAt` seeds job_runs history: job name → the ms time of its last 'ok' run,
 * as a previous process would have left it.
 */
export function fakeStore(succeededAt: Record<string, number> = {}): Store & { inserted: { table: string; row: Row }[] } {
  const inserted: { table: string; row: Row }[] = [];
  const history = Object.entries(succeededAt);
  return {
    kind: 'embedded',
    description: 'fake',
    client: null as never,
    inserted,
    insert: async (table, rows) => {
      for (const row of rows) inserted.push({ table, row });
    },
    query: async <T,>(sql: string) =>
      (sql.includes('last_success')
        ? history.map(([job, at]) => ({ job, last_success: at }))
        : history.map(([job, at]) => ({ job, started: at - 1000, finished: at, status: 'ok', rows: 1, error: '' }))) as T[],
    command: async () => {},
    ping: async () => true,
    close: async () => {},
  };
}
