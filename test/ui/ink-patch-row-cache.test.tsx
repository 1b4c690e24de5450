import chalk from 'chalk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestStore, openTestStore, type TestStore } from '../helpers/store.ts';
import { inkPatchStatus } from '../../src/ui/ink/patch-status.ts';
import { seedDashboard } from './helpers/seed.ts';
import { waitForText } from './helpers/frames.ts';
import { KEY, mountApp, press } from './helpers/mount.ts';

/** The fields of Ink's (private) Output class that these tests use; the patch adds `getUncached`, Ink's own get. */
interface InkOutput {
  width: number;
  height: number;
  write(x: number, y: number, text: string, o: { transformers: ((s: string, i: number) => string)[] }): void;
  clip(c: { x1?: number; x2?: number; y1?: number; y2?: number }): void;
  unclip(): void;
  get: Get;
  getUncached: Get;
}
type Get = (this: InkOutput) => { output: string; height: number };
type OutputCtor = new (o: { width: number; height: number }) => InkOutput;

let Output: OutputCtor;
let rowCachedGet: Get;
let inkGet: Get;

beforeAll(async () => {
  // The same Output module Ink's renderer imports: Ink keeps it private, so it is reached beside Ink's entry point.
  const entry = import.meta.resolve('ink');
  Output = ((await import(new URL('./output.js', entry).href)) as { default: OutputCtor }).default;
  expect(inkPatchStatus().active).toBe(true);
  rowCachedGet = Output.prototype.get;
  inkGet = Output.prototype.getUncached;
  expect(typeof inkGet).toBe('function');
  expect(inkGet).not.toBe(rowCachedGet);
});

/** A deterministic generator (mulberry32), so a failure reproduces. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['whale', ' ', '$1.2M', '…', '▲ UP', '█████', '漢字', '🐋', 'é', 'a\u0301', '[✓]', '0x12ab…cdef', '¢', '   '];
const STYLES = [(s: string) => s, chalk.green, chalk.red.bold, chalk.inverse, chalk.dim, chalk.bgBlue.white, chalk.underline];

function text(rnd: () => number): string {
  const lines = 1 + Math.floor(rnd() * 3);
  return Array.from({ length: lines }, () => {
    let line = '';
    const n = 1 + Math.floor(rnd() * 8);
    for (let i = 0; i < n; i++) line += STYLES[Math.floor(rnd() * STYLES.length)]!(PIECES[Math.floor(rnd() * PIECES.length)]!);
    return line;
  }).join('\n');
}

function frameOps(out: InstanceType<OutputCtor>, rnd: () => number): void {
  const transformers = [(s: string) => s, (s: string, i: number) => (i % 2 ? chalk.yellow(s) : s), (s: string) => chalk.inverse(s)];
  let depth = 0;
  for (let i = 0; i < 40; i++) {
    const r = rnd();
    if (r < 0.1) {
      const x1 = Math.floor(rnd() * 30);
      const y1 = Math.floor(rnd() * 10) - 2;
      out.clip(rnd() < 0.5 ? { x1, x2: x1 + Math.floor(rnd() * 40), y1, y2: y1 + Math.floor(rnd() * 12) } : { x1, x2: x1 + 20 });
      depth++;
    } else if (r < 0.15 && depth > 0) {
      out.unclip();
      depth--;
    } else {
      const chosen = transformers.filter(() => rnd() < 0.3);
      out.write(Math.floor(rnd() * 70) - 5, Math.floor(rnd() * 26) - 3, text(rnd), { transformers: chosen });
    }
  }
}

describe("Ink's Output with rows cached across frames (patches/ink+6.8.0.patch)", () => {
  it('gives byte-for-byte the same frame as Ink on generated writes, clips, wide characters and transformers', () => {
    for (let seed = 1; seed <= 300; seed++) {
      // Each frame twice: the second time every row comes from the cache.
      for (let pass = 0; pass < 2; pass++) {
        const a = new Output({ width: 60, height: 20 });
        const b = new Output({ width: 60, height: 20 });
        frameOps(a, random(seed));
        frameOps(b, random(seed));
        const mine = rowCachedGet.call(a);
        const ink = inkGet.call(b);
        expect(mine, `seed ${seed} pass ${pass}`).toEqual(ink);
      }
    }
  });

  it('keeps a row of another width apart (same writes, different terminal width)', () => {
    for (const width of [40, 12, 5]) {
      const a = new Output({ width, height: 2 });
      const b = new Output({ width, height: 2 });
      for (const o of [a, b]) o.write(2, 0, chalk.green('a wide row that overflows'), { transformers: [] });
      expect(rowCachedGet.call(a)).toEqual(inkGet.call(b));
    }
  });

  describe('on the real App', () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await openTestStore();
      await seedDashboard(store);
    });
    afterAll(async () => closeTestStore(store));

    it("draws every frame of a keyboard walk exactly as Ink's own Output would", async () => {
      let checked = 0;
      const mismatches: string[] = [];
      Output.prototype.get = function checkedGet(this: InkOutput) {
        const mine = rowCachedGet.call(this);
        const ink = inkGet.call(this);
        checked++;
        if (mine.output !== ink.output || mine.height !== ink.height) mismatches.push(`${JSON.stringify(mine.output)}\n≠\n${JSON.stringify(ink.output)}`);
        return mine;
      };
      const app = mountApp(store, { columns: 160, rows: 45 });
      try {
        await waitForText(app.lastFrame, 'AlphaWhale');
        for (const key of ['j', 'j', '2', 'j', '3', '4', '5', '1', KEY.enter]) await press(app.stdin, key);
        await waitForText(app.lastFrame, 'Recent activity');
        await press(app.stdin, KEY.esc, '?');
        await waitForText(app.lastFrame, 'Help — keys here');
        app.resize(80, 24);
        await press(app.stdin, KEY.esc, '/', 'a');
        await waitForText(app.lastFrame, '/a');
      } finally {
        app.done();
        Output.prototype.get = rowCachedGet;
      }
      expect(mismatches).toEqual([]);
      expect(checked).toBeGreaterThan(10);
    });

    it('serves most rows of a refresh from the cache on the real App', async () => {
      const { info } = inkPatchStatus() as { active: true; info: { rowCache: { hits: number; misses: number } } };
      const before = { ...info.rowCache };
      const app = mountApp(store, { columns: 160, rows: 45 });
      try {
        await waitForText(app.lastFrame, 'AlphaWhale');
        for (const key of ['j', 'j', 'k', 'k', 'j']) await press(app.stdin, key);
      } finally {
        app.done();
      }
      const hits = info.rowCache.hits - before.hits;
      const misses = info.rowCache.misses - before.misses;
      // A cursor move changes two rows of 45.
      expect(hits).toBeGreaterThan(misses * 3);
    });
  });
});
