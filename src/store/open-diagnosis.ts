/**
 * Why the embedded store did not open. chDB's Node binding reports every failure as "Failed to create connection"
 * (the engine prints its own exception on stderr), which used to be shown as "another whaletop?" whatever the
 * cause (issue 12 item 15). After a failure the data directory is examined, in the order a person would check:
 * is it a directory, may we write there, is the file system writable, does another process hold it, are its
 * metadata files readable statements. Each cause has its own {@link StoreErrorCode}.
 */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { StoreErrorCode } from './errors.ts';

/** A diagnosed cause: its code and the sentence the user sees. */
export interface OpenCause {
  code: StoreErrorCode;
  message: string;
}

/** File-system error codes of a data directory that cannot be used, with what each means in words. */
const FS_CAUSES: Readonly<Record<string, { code: StoreErrorCode; words: string }>> = {
  EACCES: { code: 'STORE_PERMISSION_DENIED', words: 'permission denied' },
  EPERM: { code: 'STORE_PERMISSION_DENIED', words: 'operation not permitted' },
  EROFS: { code: 'STORE_READ_ONLY', words: 'read-only file system' },
  ENOTDIR: { code: 'STORE_NOT_A_DIRECTORY', words: 'a file is where a directory should be' },
  EEXIST: { code: 'STORE_NOT_A_DIRECTORY', words: 'a file is where the directory should be' },
  ENOSPC: { code: 'STORE_DISK_FULL', words: 'no space left on the device' },
  EDQUOT: { code: 'STORE_DISK_FULL', words: 'disk quota exceeded' },
};

/** The cause behind a file-system error `err` met at `path`, or null when its code is not one of ours. */
export function fsCause(err: unknown, path: string): OpenCause | null {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  const known = FS_CAUSES[code];
  return known ? { code: known.code, message: `${known.words} (${code}) at ${path}` } : null;
}

/** Folders chDB writes in; each must be a writable directory when it exists. */
const ENGINE_DIRS = ['', 'store', 'metadata', 'data', 'tmp'];

/** Creates and removes a probe file in `dir`: the only reliable test of "may I write here" (root ignores modes). */
function probeWrite(dir: string): OpenCause | null {
  const probe = join(dir, `.whaletop-probe-${process.pid}`);
  try {
    const fd = openSync(probe, 'w', 0o600);
    try {
      writeSync(fd, 'x');
    } finally {
      closeSync(fd);
    }
    rmSync(probe, { force: true });
    return null;
  } catch (err) {
    return fsCause(err, dir) ?? { code: 'STORE_OPEN_FAILED', message: `cannot write in ${dir}: ${(err as Error).message}` };
  }
}

/** The live process named by chDB's `status` lock file (`PID: n`), if it is not this one. */
function lockHolder(dir: string): number | null {
  let text: string;
  try {
    text = readFileSync(join(dir, 'status'), 'utf8');
  } catch {
    return null;
  }
  const pid = Number(/^PID:\s*(\d+)/m.exec(text)?.[1]);
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (err) {
    // EPERM: it exists but belongs to someone else; ESRCH: a stale file left by a killed process.
    return (err as { code?: string }).code === 'EPERM' ? pid : null;
  }
}

/** Every `.sql` file under `dir` (the engine's table and database definitions), depth-first. */
function sqlFiles(dir: string, depth = 0): string[] {
  if (depth > 4 || !existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sqlFiles(path, depth + 1));
    else if (entry.isFile() && entry.name.endsWith('.sql')) out.push(path);
  }
  return out;
}

/** Whether a metadata file looks like the engine's own `ATTACH …` statement with balanced brackets and quotes. */
function looksLikeDefinition(text: string): boolean {
  if (!/^\s*(ATTACH|CREATE)\s+(TABLE|DATABASE|VIEW|MATERIALIZED VIEW|DICTIONARY)\b/i.test(text)) return false;
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '`' || c === '"') quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return false;
  }
  return depth === 0 && quote === null;
}

/** The first metadata file that is not a readable definition (truncated, empty, garbage), or null. */
function corruptMetadata(dir: string): string | null {
  for (const file of [...sqlFiles(join(dir, 'metadata')), ...sqlFiles(join(dir, 'store'))]) {
    try {
      if (!looksLikeDefinition(readFileSync(file, 'utf8'))) return file;
    } catch {
      return file;
    }
  }
  return null;
}

/**
 * A file where one of the engine's folders should be. Checked before the engine opens: chDB opens such a
 * directory and then fails every statement with a filesystem exception.
 */
export function misplacedFile(dir: string): OpenCause | null {
  for (const sub of ENGINE_DIRS) {
    const path = join(dir, sub);
    if (existsSync(path) && !statSync(path).isDirectory()) {
      return { code: 'STORE_NOT_A_DIRECTORY', message: `a file is where a directory should be (ENOTDIR) at ${path}` };
    }
  }
  return null;
}

/**
 * Examines `dir` after chDB refused it and names the cause. `mkdirError` is what creating the directory threw,
 * if it did. Falls back to STORE_OPEN_FAILED with the engine's own words when nothing specific is found.
 */
export function diagnoseOpenFailure(dir: string, mkdirError: unknown, engineMessage: string): OpenCause {
  if (mkdirError !== undefined) {
    return fsCause(mkdirError, dir) ?? { code: 'STORE_OPEN_FAILED', message: `cannot create ${dir}: ${(mkdirError as Error).message}` };
  }
  const misplaced = misplacedFile(dir);
  if (misplaced) return misplaced;
  for (const sub of ENGINE_DIRS) {
    const path = join(dir, sub);
    if (!existsSync(path)) continue;
    const denied = probeWrite(path);
    if (denied) return denied;
  }
  const holder = lockHolder(dir);
  if (holder !== null) {
    return { code: 'STORE_LOCKED', message: `in use by process ${holder} (another whaletop? --data-dir picks another directory)` };
  }
  const corrupt = corruptMetadata(dir);
  if (corrupt) {
    return { code: 'STORE_CORRUPT_METADATA', message: `corrupt metadata: the engine cannot read ${corrupt}` };
  }
  return { code: 'STORE_OPEN_FAILED', message: `the embedded engine refused it: ${engineMessage} (its own reason is printed above)` };
}
