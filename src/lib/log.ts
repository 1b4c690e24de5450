import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** Severity levels, lowest first. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Structured fields attached to a log line. Errors are reduced to name/code/message. */
export type LogFields = Record<string, unknown>;

/**
 * The one logging contract of whaletop. Background work never writes to stdout/stderr while Ink owns the
 * terminal (Ink patches the console), so every module logs through one of these.
 */
export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line (e.g. `{ job: 'holder-sync' }`). */
  child(fields: LogFields): Logger;
}

/** A line sink: a file, memory (tests) or nothing. */
export type LogSink = (line: string) => void;

function serialise(value: unknown): unknown {
  if (value instanceof Error) {
    const withCode = value as Error & { code?: unknown; status?: unknown };
    return { name: value.name, message: value.message, code: withCode.code, status: withCode.status };
  }
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/** Creates a logger writing JSON lines (`{"t":…,"level":…,"msg":…,…}`) to `sink` at `level` and above. */
export function createLogger(sink: LogSink, level: LogLevel = 'info', base: LogFields = {}): Logger {
  const min = LOG_LEVELS.indexOf(level);
  const write = (lvl: LogLevel, msg: string, fields?: LogFields): void => {
    if (LOG_LEVELS.indexOf(lvl) < min) return;
    const record: LogFields = { t: new Date().toISOString(), level: lvl, msg, ...base };
    if (fields) for (const [k, v] of Object.entries(fields)) record[k] = serialise(v);
    try {
      sink(JSON.stringify(record));
    } catch {
      // A logging failure (full disk, closed fd) must never take the process down.
    }
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (fields) => createLogger(sink, level, { ...base, ...fields }),
  };
}

/** A sink appending lines to `path` (its folder is created). Synchronous so a crash loses no line. */
export function fileSink(path: string): LogSink {
  mkdirSync(dirname(path), { recursive: true });
  return (line) => appendFileSync(path, line + '\n');
}

/** A logger that drops everything (tests, benchmarks). */
export const silentLogger: Logger = createLogger(() => {}, 'error');

/** A logger that keeps lines in memory; `lines` is the parsed records (tests assert on them). */
export function memoryLogger(level: LogLevel = 'debug'): Logger & { lines: LogFields[] } {
  const lines: LogFields[] = [];
  const logger = createLogger((l) => lines.push(JSON.parse(l) as LogFields), level);
  return Object.assign(logger, { lines });
}
