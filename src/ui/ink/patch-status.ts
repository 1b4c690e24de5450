/**
 * Whether whaletop's patch to Ink (patches/ink+6.8.0.patch, applied by patch-package at install) is active in the
 * Ink this process loaded. The patch bounds Ink's text caches, measures text through the cached measureText and
 * caches rows across frames (see docs/upstream/); without it Ink still renders the same bytes, only slower and
 * with caches that grow for as long as the process runs. Ink is another version, or the install skipped scripts:
 * that is worth one line in the log, not an error.
 */
import { readFileSync } from 'node:fs';
import * as ink from 'ink';
import type { Logger } from '../../lib/log.ts';

/** The Ink version the patch is written against (the file name of the patch says the same). */
export const PATCHED_INK_VERSION = '6.8.0';

/** What the patch exports from Ink's entry point (`whaletopPatch` in Ink's build/whaletop-patch.js). */
export interface InkPatchInfo {
  version: number;
  inkVersion: string;
  rowCache: { hits: number; misses: number };
  caches: Record<string, { readonly size: number; readonly limit: number }>;
}

/** The patch's state: active with its counters, or inactive with why. */
export type InkPatchStatus = { active: true; info: InkPatchInfo } | { active: false; reason: string };

/** The version of the Ink that `import 'ink'` loads (its package.json), or 'unknown'. */
export function installedInkVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('ink')), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Reads the patch's marker from an Ink module namespace (the loaded Ink and its version by default; tests pass
 * others). Unpatched Ink has no `whaletopPatch` export.
 */
export function inkPatchStatus(inkModule: Record<string, unknown> = ink, inkVersion: string = installedInkVersion()): InkPatchStatus {
  const info = inkModule['whaletopPatch'] as InkPatchInfo | undefined;
  if (info && typeof info === 'object' && typeof info.version === 'number') return { active: true, info };
  const why = inkVersion === PATCHED_INK_VERSION ? 'install scripts did not run: `npx patch-package`' : `the patch is for Ink ${PATCHED_INK_VERSION}`;
  return { active: false, reason: `Ink ${inkVersion} is not patched (${why})` };
}

let reported = false;

/** Forgets that the state was logged (tests). */
export function resetInkPatchReport(): void {
  reported = false;
}

/**
 * Logs the patch's state once per process: a warning when it is not active (the UI works, but frames cost more
 * and Ink's text caches grow without bound), one info line when it is. Returns the status.
 */
export function reportInkPatch(logger: Logger, status: InkPatchStatus = inkPatchStatus()): InkPatchStatus {
  if (reported) return status;
  reported = true;
  if (status.active) {
    const limits = Object.fromEntries(Object.entries(status.info.caches).map(([name, cache]) => [name, cache.limit]));
    logger.info('ink patch active', { patch: status.info.version, ink: status.info.inkVersion, cacheLimits: limits });
  } else {
    logger.warn('ink patch inactive: frames are slower and Ink text caches unbounded', { reason: status.reason });
  }
  return status;
}
