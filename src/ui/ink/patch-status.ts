/**
 * Whether whaletop's patch to Ink (patches/ink+6.8.0.patch, applied by patch-package at install) is active in the
 * Ink this process loaded. The patch bounds Ink's text caches, measures text through the cached measureText and
 * caches rows across frames (see docs/upstream/); without it Ink still renders the same bytes, only slower and
 * with caches that grow for as long as the process runs. Ink is another version, or the install skipped scripts:
 * that is worth one line in the log, not an error.
 */
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

/**
 * Reads the patch's marker from an Ink module namespace (the loaded Ink by default; tests pass another).
 * Unpatched Ink has no `whaletopPatch` export.
 */
export function inkPatchStatus(inkModule: Record<string, unknown> = ink): InkPatchStatus {
  const info = inkModule['whaletopPatch'] as InkPatchInfo | undefined;
  if (info && typeof info === 'object' && typeof info.version === 'number') return { active: true, info };
  return { active: false, reason: `Ink is not patched (patches/ink+${PATCHED_INK_VERSION}.patch applies to Ink ${PATCHED_INK_VERSION} at npm install)` };
}

let reported = false;

/**
 * Logs once per process when the patch is not active: the UI works, but frames cost more and Ink's caches are
 * unbounded. Returns the status.
 */
export function reportInkPatch(logger: Logger, status: InkPatchStatus = inkPatchStatus()): InkPatchStatus {
  if (!status.active && !reported) {
    reported = true;
    logger.warn('ink patch inactive: frames are slower and Ink text caches unbounded', { reason: status.reason });
  }
  return status;
}
