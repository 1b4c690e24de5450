import type { Config } from '../config/index.ts';
import { fileLogger } from '../lib/log.ts';
import { openConfiguredStore } from './store.ts';
import type { Output } from './output.ts';

/** `whaletop migrate`: applies schema/*.sql to the configured store and reports what it did. */
export async function migrateCommand(config: Config, out: Output): Promise<number> {
  const logger = fileLogger(config.logFile as string, config.logLevel);
  try {
    const opened = await openConfiguredStore(config, logger, out);
    if (!opened) return 1;
    const { store, applied } = opened;
    out.print(applied.length > 0 ? `applied ${applied.join(', ')} to ${store.description}` : `schema already up to date in ${store.description}`);
    await store.close();
    return 0;
  } finally {
    await logger.close();
  }
}
