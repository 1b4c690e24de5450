import type { Config } from '../config/index.ts';
import type { Logger } from '../lib/log.ts';
import { openStore } from '../store/client.ts';
import { migrate } from '../store/migrate.ts';
import { adoptDemoWorld, claimStoreSource, mixedSourceMessage } from '../store/source.ts';
import { recoverAtStart } from '../store/recovery.ts';
import type { Store } from '../store/types.ts';
import type { Output } from './output.ts';
import { errorMessage } from '../lib/error-message.ts';

/**
 * Opens the configured store (a server when `--clickhouse-url` is set, else the embedded engine in the data dir)
 * and applies the schema. On failure prints one clear line (which store, what went wrong) and returns null.
 * `demoWorld` (a demo run: the simulator's world identity) makes the store hold that world alone.
 */
export async function openConfiguredStore(
  config: Config,
  logger: Logger,
  out: Output,
  demoWorld?: string,
): Promise<{ store: Store; applied: string[] } | null> {
  const target = config.clickhouseUrl
    ? ({ kind: 'server', url: config.clickhouseUrl, username: config.clickhouseUser, password: config.clickhousePassword, database: config.clickhouseDatabase } as const)
    : ({ kind: 'embedded', dataDir: config.dataDir } as const);
  let store: Store;
  try {
    store = await openStore(target, logger.child({ part: 'store' }));
  } catch (err) {
    const where = target.kind === 'server' ? `ClickHouse at ${redact(target.url)}` : `embedded store in ${target.dataDir}`;
    out.error(`cannot open ${where}: ${errorMessage(err)}`);
    logger.error('store open failed', { err });
    return null;
  }
  try {
    const { applied } = await migrate(store, logger.child({ part: 'migrate' }));
    if (applied.length > 0) logger.info('migrations applied', { applied });
    if (config.command === 'run' && !(await claimSource(store, config, target, logger, out))) {
      await store.close().catch(() => {});
      return null;
    }
    if (config.command === 'run' && config.demo && demoWorld !== undefined) {
      // The demo's world is built anew at each start: rows of the last one would sit beside copies of its trades.
      const { cleared } = await adoptDemoWorld(store, demoWorld);
      if (cleared.length > 0) logger.info('demo store emptied for a new simulated world', { tables: cleared });
    }
    return { store, applied };
  } catch (err) {
    out.error(errorMessage(err));
    logger.error('migration failed', { err });
    await store.close().catch(() => {});
    return null;
  }
}

/**
 * A run writes either live or demo data into a store, never both: the first run records its source, a later run
 * with the other one is refused with one line (see store/source.ts). Returns false when refused.
 */
async function claimSource(store: Store, config: Config, target: { kind: 'embedded'; dataDir: string } | { kind: 'server'; url: string; database: string }, logger: Logger, out: Output): Promise<boolean> {
  const claim = await claimStoreSource(store, config.demo ? 'demo' : 'live');
  if (claim.ok) {
    if (claim.claimedNow) logger.info('store source recorded', { source: claim.source });
    return true;
  }
  const where = target.kind === 'embedded' ? `the store in ${target.dataDir}` : `database ${target.database} at ${redact(target.url)}`;
  out.error(mixedSourceMessage(claim, where));
  logger.error('store holds data of another source', { recorded: claim.recorded, wanted: claim.wanted });
  return false;
}

/**
 * The start-up repair of what a dead process left (store/recovery.ts): closes job_runs rows still 'running' and
 * handles parts the engine detached as broken, rewinding the activity watermarks past them. Says so loudly —
 * stderr, the log at error level — and returns the sentence for the status line (null when all was well).
 */
export async function recoverStore(store: Store, logger: Logger, out: Output, longestJobMs: number): Promise<string | null> {
  const now = Date.now();
  try {
    // One process per embedded data dir: every 'running' row is dead. A shared server may hold a live one.
    const report = await recoverAtStart(store, { nowMs: now, liveRunsBeforeMs: store.kind === 'embedded' ? now : now - longestJobMs });
    if (report.interruptedRuns > 0) logger.warn('job runs left running by an earlier process closed as interrupted', { runs: report.interruptedRuns });
    if (report.notice === null) return null;
    logger.error('store damage found at start', { parts: report.brokenParts, rewoundWallets: report.rewoundWallets });
    out.warn(report.notice);
    return report.notice;
  } catch (err) {
    logger.error('start-up store check failed', { err });
    return `start-up store check failed: ${(err as Error).message}`;
  }
}

/** The URL without credentials, for messages. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString().replace(/\/$/, '');
  } catch {
    return '<invalid url>';
  }
}
