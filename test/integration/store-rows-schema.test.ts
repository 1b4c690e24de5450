import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROW_VALIDATORS, type TableName } from '../../src/store/rows.ts';
import { closeTestStore, openTestStore, type TestStore } from '../helpers/store.ts';

interface Column {
  name: string;
  type: string;
  default_type: string;
}

// The row validators must mirror schema/*.sql: same insertable columns, and a column is optional in the validator
// exactly when ClickHouse can fill it (a DEFAULT, or Nullable).
describe('row validators mirror the tables', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(async () => {
    await closeTestStore(store);
  });

  for (const table of Object.keys(ROW_VALIDATORS) as TableName[]) {
    it(table, async () => {
      const columns = (await store.query<Column>(`DESCRIBE TABLE ${table}`)).filter((c) => c.default_type === '' || c.default_type === 'DEFAULT');
      const shape = ROW_VALIDATORS[table].shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
      expect(Object.keys(shape).sort()).toEqual(columns.map((c) => c.name).sort());
      for (const c of columns) {
        const fillable = c.default_type === 'DEFAULT' || c.type.startsWith('Nullable(');
        expect(shape[c.name]!.safeParse(undefined).success, `${table}.${c.name} optional`).toBe(fillable);
      }
    });
  }
});
