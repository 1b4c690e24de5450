import type { Logger } from '../lib/log.ts';
import { errorMessage } from '../lib/error-message.ts';

/**
 * ClickHouse dictionaries built from tables (schema/006_wallet_names.sql, 007_board_latest.sql), with the tables
 * each one reads. A dictionary is a copy held in memory: after rows land in one of its tables the store reloads
 * it, so an insert that resolved is already visible through it, as through a table.
 */
export const DICTIONARY_SOURCES: Readonly<Record<string, readonly string[]>> = {
  wallet_names: ['trader_rankings', 'trader_profiles'],
  board_latest: ['trader_rankings'],
};

/**
 * Reloads the dictionaries that read a table after an insert into it. Reloads of one dictionary never overlap:
 * inserts that land while one runs share a single follow-up reload, which starts after it (so it sees their
 * rows). A failed reload is logged and does not fail the insert: the rows are stored, and the dictionary's
 * LIFETIME reloads it later.
 */
export class DictionaryReloader {
  private readonly running = new Map<string, Promise<void>>();
  private readonly queued = new Map<string, Promise<void>>();

  constructor(
    private readonly run: (sql: string) => Promise<void>,
    private readonly logger: Logger,
    private readonly sources: Readonly<Record<string, readonly string[]>> = DICTIONARY_SOURCES,
  ) {}

  /** Resolves once every dictionary reading `table` was reloaded after this call. */
  async afterInsert(table: string): Promise<void> {
    const bare = table.split('.').pop() ?? table;
    const dictionaries = Object.keys(this.sources).filter((d) => this.sources[d]!.includes(bare));
    await Promise.all(dictionaries.map((d) => this.reload(d)));
  }

  private reload(dictionary: string): Promise<void> {
    const queued = this.queued.get(dictionary);
    if (queued) return queued;
    const running = this.running.get(dictionary);
    const next = (running ?? Promise.resolve()).then(async () => {
      this.queued.delete(dictionary);
      try {
        await this.run(`SYSTEM RELOAD DICTIONARY ${dictionary}`);
      } catch (err) {
        this.logger.warn(`reload of dictionary ${dictionary} failed (it reloads on its own within a minute)`, {
          error: errorMessage(err),
        });
      }
    });
    const tracked = next.finally(() => {
      if (this.running.get(dictionary) === tracked) this.running.delete(dictionary);
    });
    this.running.set(dictionary, tracked);
    if (running) this.queued.set(dictionary, tracked);
    return tracked;
  }
}
