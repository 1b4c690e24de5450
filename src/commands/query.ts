import type { Config } from '../config/index.ts';
import { createLogger, fileSink } from '../lib/log.ts';
import { sanitizeText } from '../lib/sanitize.ts';
import { QUERIES, type QueryEntry } from '../store/queries/index.ts';
import { openConfiguredStore } from './store.ts';
import type { Output } from './output.ts';
import { errorMessage } from '../lib/error-message.ts';

/**
 * `whaletop query <name> [--json|--csv] [--limit N] [--filter value …]`: runs one dashboard query and prints it.
 * JSON is an array of row objects; CSV has a header row; the default is an aligned text table with every string
 * sanitised (network strings must never reach a terminal raw).
 */
export async function queryCommand(config: Config, out: Output): Promise<number> {
  const name = config.queryName as string;
  const query = (QUERIES as Record<string, QueryEntry>)[name];
  if (!query) {
    out.error(`unknown query '${name}' (queries: ${Object.keys(QUERIES).join(', ')})`);
    return 2;
  }
  const params = query.params.safeParse({ ...config.queryFilters, ...(config.limit !== undefined ? { limit: config.limit } : {}) });
  if (!params.success) {
    const issue = params.error.issues[0];
    out.error(`query ${name}: ${issue ? `${issue.path.join('.') || 'filters'}: ${issue.message}` : 'invalid filters'}`);
    return 2;
  }
  const logger = createLogger(fileSink(config.logFile as string), config.logLevel);
  const opened = await openConfiguredStore(config, logger, out);
  if (!opened) return 1;
  try {
    const rows = (await query.run(opened.store, params.data)) as Record<string, unknown>[];
    if (config.queryFormat === 'json') out.print(JSON.stringify(rows, null, 2));
    else if (config.queryFormat === 'csv') out.print(toCsv(rows));
    else out.print(rows.length === 0 ? '(no rows)' : toTextTable(rows));
    return 0;
  } catch (err) {
    out.error(`query ${name} failed: ${errorMessage(err)}`);
    return 1;
  } finally {
    await opened.store.close();
  }
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** RFC 4180 CSV: fields with a quote, comma or line break are quoted, quotes doubled. */
export function toCsv(rows: readonly Record<string, unknown>[]): string {
  const columns = rows[0] ? Object.keys(rows[0]) : [];
  const quote = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  return [columns.map(quote).join(','), ...rows.map((r) => columns.map((c) => quote(cellText(r[c]))).join(','))].join('\n');
}

/** An aligned, sanitised text table; long cells are cut at 60 characters. */
export function toTextTable(rows: readonly Record<string, unknown>[]): string {
  const columns = Object.keys(rows[0] ?? {});
  const cells = rows.map((r) => columns.map((c) => {
    const text = sanitizeText(cellText(r[c]));
    return text.length > 60 ? `${text.slice(0, 59)}…` : text;
  }));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => (row[i] ?? '').length)));
  const line = (values: string[]): string => values.map((v, i) => v.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
