/**
 * Whaletop's patch to Ink (patches/ink+6.8.0.patch): active in the Ink this project installs, with its caches
 * bounded; reported as inactive, in one log line per process, when the loaded Ink is another version.
 */
import { readFileSync } from 'node:fs';
import * as ink from 'ink';
import { beforeEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../src/lib/log.ts';
import { inkPatchStatus, installedInkVersion, PATCHED_INK_VERSION, reportInkPatch, resetInkPatchReport } from '../../src/ui/ink/patch-status.ts';

beforeEach(() => resetInkPatchReport());

describe('Ink patch status', () => {
  it('is active in the installed Ink, which is the version the patch is for', () => {
    const installed = JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('ink')), 'utf8')) as { version: string };
    expect(installedInkVersion()).toBe(installed.version);
    expect(installed.version).toBe(PATCHED_INK_VERSION);
    const status = inkPatchStatus();
    expect(status.active).toBe(true);
    if (!status.active) return;
    expect(status.info.inkVersion).toBe(PATCHED_INK_VERSION);
    expect(Object.keys(status.info.caches).sort()).toEqual(['measureText', 'rows', 'styledLines', 'widths', 'wrapText']);
  });

  it("bounds Ink's measureText and wrapText caches: past the limit the least recently used text goes", async () => {
    const status = inkPatchStatus();
    if (!status.active) throw new Error('patch inactive');
    // Ink keeps both modules private: reached beside its entry point, as Ink's renderer imports them.
    const entry = import.meta.resolve('ink');
    const measureText = ((await import(new URL('./measure-text.js', entry).href)) as { default: (t: string) => { width: number } }).default;
    const wrapText = ((await import(new URL('./wrap-text.js', entry).href)) as { default: (t: string, w: number, k: string) => string }).default;
    const measured = status.info.caches['measureText']!;
    const wrapped = status.info.caches['wrapText']!;
    expect(measured.limit).toBe(10_000);
    expect(wrapped.limit).toBe(10_000);
    // A header clock: one new text a second, 86,400 a day.
    for (let second = 0; second < 12_000; second++) {
      const clock = `12:${String(Math.floor(second / 60)).padStart(3, '0')}:${String(second % 60).padStart(2, '0')} UTC`;
      const { width } = measureText(clock);
      if (width !== clock.length) throw new Error(`${clock} measured ${width}`);
      wrapText(`${clock} a text wider than its box`, 10, 'truncate');
    }
    expect(measured.size).toBe(10_000);
    expect(wrapped.size).toBe(10_000);
  });

  it('keeps a text used again over older ones (least recently used goes first)', async () => {
    const { BoundedCache } = (await import(new URL('./whaletop-patch.js', import.meta.resolve('ink')).href)) as {
      BoundedCache: new (limit: number) => { get(k: string): unknown; set(k: string, v: unknown): void; size: number };
    };
    const cache = new BoundedCache(3);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect(cache.get('a')).toBe(1);
    cache.set('d', 4);
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('a'), cache.get('c'), cache.get('d')]).toEqual([1, 3, 4]);
    expect(cache.size).toBe(3);
  });

  it('logs one warning, once per process, when Ink is another version', () => {
    const logger = memoryLogger();
    const otherInk = { render: () => undefined, Box: {}, Text: {} };
    const status = reportInkPatch(logger, inkPatchStatus(otherInk, '6.9.0'));
    reportInkPatch(logger, inkPatchStatus(otherInk, '6.9.0'));
    expect(status).toEqual({ active: false, reason: 'Ink 6.9.0 is not patched (the patch is for Ink 6.8.0)' });
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toMatchObject({ level: 'warn', msg: 'ink patch inactive: frames are slower and Ink text caches unbounded', reason: status.active ? '' : status.reason });
  });

  it('says the install scripts did not run when Ink is the right version but unpatched', () => {
    expect(inkPatchStatus({}, PATCHED_INK_VERSION)).toEqual({ active: false, reason: 'Ink 6.8.0 is not patched (install scripts did not run: `npx patch-package`)' });
  });

  it('logs one info line when the patch is active', () => {
    const logger = memoryLogger();
    reportInkPatch(logger);
    reportInkPatch(logger);
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toMatchObject({ level: 'info', msg: 'ink patch active', ink: '6.8.0' });
  });
});
