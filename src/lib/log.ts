import { chmodSync, mkdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { createStream } from 'rotating-file-stream';
import { stringifyJsonSafe } from './sanitize.ts';

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
      // Escaped so that `tail -f` of the log cannot put a C1 control or an OSC on a terminal (issue 12 item 2).
      sink(stringifyJsonSafe(record));
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

/** Bounds of a {@link LogFile}. */
export interface LogFileOptions {
  /** The file is rotated when it reaches this size, bytes (default 10 MiB). */
  maxBytes?: number;
  /** Rotated files kept beside it (`whaletop.log.1` … `.N`; default 5): the log never holds more than (N + 1) × maxBytes. */
  keep?: number;
  /** Lines waiting for the disk past this many bytes are dropped and counted, never buffered (default 4 MiB). */
  maxQueuedBytes?: number;
}

/** A log file written asynchronously: {@link LogFile.sink} never blocks, {@link LogFile.close} flushes it. */
export interface LogFile {
  sink: LogSink;
  /** Lines written and lines dropped (queue full, or the file failed). */
  stats(): { lines: number; dropped: number };
  /** Writes what is queued and closes the file; later lines are dropped. Never rejects. */
  close(): Promise<void>;
}

/**
 * Opens `path` for JSON lines, written asynchronously (a synchronous append per line held the event loop — and
 * /health — while 200 k rejected records were logged) and rotated by size (rotating-file-stream, classic
 * `.1 … .N` names), so the log's disk use is bounded whatever happens. The file and its folder are private
 * (0600 / 0700: the log names wallets and watchlists). A line that finds the queue full is dropped and counted;
 * the next line that fits says how many were lost. Lines still queued when the process dies are lost: the
 * shutdown order closes the log last.
 */
export function openLogFile(path: string, options: LogFileOptions = {}): LogFile {
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  const maxQueued = options.maxQueuedBytes ?? 4 * 1024 * 1024;
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  } catch {
    // The folder cannot be made (a file in its place, no permission): the stream's open fails too and logging
    // stops; the command itself goes on and says what is wrong with the directory (e.g. the store's open error).
  }
  try {
    // A log created by an earlier version is world-readable; the open below keeps an existing file's mode.
    chmodSync(path, 0o600);
  } catch {
    // Not there yet: created 0600.
  }
  const stream = createStream(basename(path), {
    path: dirname(path),
    size: `${Math.max(1, Math.floor(maxBytes / 1024))}K`,
    rotate: options.keep ?? 5,
    mode: 0o600,
  });
  let lines = 0;
  let dropped = 0;
  let unreported = 0;
  let failed = false;
  let closed = false;
  stream.on('error', () => {
    // A full disk or a removed folder: logging stops, the program does not (it has no other place to say so).
    failed = true;
  });
  const sink: LogSink = (line) => {
    if (closed || failed || stream.writableLength > maxQueued) {
      dropped++;
      unreported++;
      return;
    }
    if (unreported > 0) {
      stream.write(`${stringifyJsonSafe({ t: new Date().toISOString(), level: 'warn', msg: 'log lines dropped', dropped: unreported })}\n`);
      unreported = 0;
    }
    stream.write(line + '\n');
    lines++;
  };
  return {
    sink,
    stats: () => ({ lines, dropped }),
    close: () =>
      new Promise<void>((resolve) => {
        if (closed) return resolve();
        closed = true;
        if (failed) return resolve();
        stream.end(() => resolve());
        stream.once('error', () => resolve());
      }),
  };
}

/** A logger over {@link openLogFile}; `close()` flushes it (commands call it before they return). */
export function fileLogger(path: string, level: LogLevel = 'info', options?: LogFileOptions): Logger & { close(): Promise<void>; file: LogFile } {
  const file = openLogFile(path, options);
  return Object.assign(createLogger(file.sink, level), { file, close: () => file.close() });
}

/** A logger that drops everything (tests, benchmarks). */
export const silentLogger: Logger = createLogger(() => {}, 'error');

/** A logger that keeps lines in memory; `lines` is the parsed records (tests assert on them). */
export function memoryLogger(level: LogLevel = 'debug'): Logger & { lines: LogFields[] } {
  const lines: LogFields[] = [];
  const logger = createLogger((l) => lines.push(JSON.parse(l) as LogFields), level);
  return Object.assign(logger, { lines });
}
