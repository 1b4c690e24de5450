import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../src/lib/log.ts';
import { openStore } from '../../src/store/client.ts';
import { migrate } from '../../src/store/migrate.ts';
import type { Store } from '../../src/store/types.ts';

/** A store opened by {@link openTestStore}: also knows its temp data dir. */
export type TestStore = Store & { dataDir: string };

/**
 * A migrated embedded store in a fresh temp dir. chDB binds one data dir per process, so call this once per test
 * FILE (in `beforeAll`) and close it with {@link closeTestStore} in `afterAll`.
 */
export async function openTestStore(): Promise<TestStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'whaletop-test-'));
  const store = await openStore({ kind: 'embedded', dataDir }, silentLogger);
  await migrate(store, silentLogger);
  return Object.assign(store, { dataDir });
}

/** Closes the store and removes its data dir. */
export async function closeTestStore(store: TestStore): Promise<void> {
  await store.close();
  rmSync(store.dataDir, { recursive: true, force: true });
}
