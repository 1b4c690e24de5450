import type { Config } from '../config/index.ts';
import { fileLogger } from '../lib/log.ts';
import { sanitizeText, stringifyJsonSafe } from '../lib/sanitize.ts';
import { QUERIES, type QueryEntry } from '../store/queries/index.ts';
import { openConfiguredStore } from './store.ts';
import type { Output } from './output.ts';
import { errorMessage } from '../lib/error-message.ts';

/**
 * `whaletop query <name> [--json|--csv] [--limit N] [--filter value …]`: runs one dashboard query and prints it.
 * JSON is an array of row objects, every C0/C1 control and invisible mark escaped; CSV has a header row, every
 * cell sanitised and formula-like cells defused; the default is an aligned text table with every string sanitised.
 * Network strings never reach a terminal (or a spreadsheet) raw, whichever format is asked for.
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
  const logger = fileLogger(config.logFile as string, config.logLevel);
  const opened = await openConfiguredStore(config, logger, out);
  if (!opened) {
    await logger.close();
    return 1;
  }
  try {
    const rows = (await query.run(opened.store, params.data)) as Record<string, unknown>[];
    out.print(formatRows(rows, config.queryFormat));
    return 0;
  } catch (err) {
    out.error(`query ${name} failed: ${errorMessage(err)}`);
    return 1;
  } finally {
    await opened.store.close();
    await logger.close();
  }
}

/** The rows as `whaletop query` prints them in `format`; every path escapes or removes what a terminal obeys. */
export function formatRows(rows: readonly Record<string, unknown>[], format: Config['queryFormat']): string {
  if (format === 'json') return stringifyJsonSafe(rows, 2);
  if (format === 'csv') return toCsv(rows);
  return rows.length === 0 ? '(no rows)' : toTextTable(rows);
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A number as text (`-12.5`, `1e-7`): a spreadsheet reads it as a number, never as a formula. */
const NUMERIC = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * One CSV cell: sanitised (no control reaches a terminal that `cat`s the file; line breaks become spaces), and a
 * text starting with `=`, `+`, `-` or `@` (a formula to Excel, LibreOffice and Sheets) gets a leading `'`, the
 * OWASP defence, unless it is a plain number. Quoted when it holds a quote or a comma.
 */
export function csvCell(value: unknown): string {
  let text = sanitizeText(cellText(value));
  if (/^[=+\-@]/.test(text) && !NUMERIC.test(text)) text = `'${text}`;
  return /[",]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV with a header row; every cell goes through {@link csvCell}. */
export function toCsv(rows: readonly Record<string, unknown>[]): string {
  const columns = rows[0] ? Object.keys(rows[0]) : [];
  return [columns.map(csvCell).join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(','))].join('\n');
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
