/**
 * A faster `Output#get` for Ink 6.8, installed at start-up. Ink builds every frame from scratch: a fresh
 * 160×45 grid of cell objects, every line re-tokenised (`@alcalzone/ansi-tokenize`), every character re-measured
 * (`string-width`) and every row re-serialised, with caches that live for one frame only. That was ~70 % of a
 * frame's render time in bench/ui (13 ms p50 at 160×45), although a cursor move changes two rows and a refresh
 * rarely changes the chrome.
 *
 * This version computes the same string, row by row: the writes that land on a row (position and final text,
 * after Ink's own clipping and transformers) are that row's key, and a row whose key was seen before reuses its
 * string. Tokenised lines and character widths are cached across frames too. A row it has not seen is built by
 * Ink's own algorithm, so the output is byte-for-byte Ink's (test/ui/row-cached-output.test.tsx compares both
 * on generated operations and on the real App's frames).
 *
 * Ink keeps `Output` private (its package exports only the entry point), so the class is reached by file URL
 * next to the entry point and patched only for the exact version it was written against; any other version keeps
 * Ink's own `get`, which is slower but correct.
 */
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
import { styledCharsFromTokens, styledCharsToString, tokenize, type StyledChar } from '@alcalzone/ansi-tokenize';

/** The Ink version whose `Output#get` this reproduces. */
export const PATCHED_INK_VERSION = '6.8.0';

/** Cache sizes past which a cache is dropped and refilled (a screen holds a few hundred distinct rows). */
const MAX_ROWS = 4_096;
const MAX_LINES = 8_192;
const MAX_WIDTHS = 16_384;

interface Clip {
  x1?: number;
  x2?: number;
  y1?: number;
  y2?: number;
}

type Transformer = (line: string, index: number) => string;

type Operation =
  | { type: 'write'; x: number; y: number; text: string; transformers: Transformer[] }
  | { type: 'clip'; clip: Clip }
  | { type: 'unclip' };

/** The fields of Ink's Output that `get` reads. */
export interface InkOutput {
  width: number;
  height: number;
  operations: Operation[];
}

const styledLines = new Map<string, StyledChar[]>();
const widths = new Map<string, number>();
const rows = new Map<string, string>();

function styledCharsOf(line: string): StyledChar[] {
  let chars = styledLines.get(line);
  if (chars === undefined) {
    if (styledLines.size >= MAX_LINES) styledLines.clear();
    chars = styledCharsFromTokens(tokenize(line));
    styledLines.set(line, chars);
  }
  return chars;
}

function widthOf(text: string): number {
  let width = widths.get(text);
  if (width === undefined) {
    if (widths.size >= MAX_WIDTHS) widths.clear();
    width = stringWidth(text);
    widths.set(text, width);
  }
  return width;
}

function widestLine(text: string): number {
  let widest = 0;
  for (const line of text.split('\n')) widest = Math.max(widest, widthOf(line));
  return widest;
}

/** One line as Ink places it on a row: start column and text after clipping and transformers. */
interface Placed {
  x: number;
  line: string;
}

const BLANK: StyledChar = { type: 'char', value: ' ', fullWidth: false, styles: [] };

/** Ink's per-row algorithm (output.js, `get`), for a row whose writes are `placed`, in order. */
function buildRow(width: number, placed: readonly Placed[]): string {
  const cells: (StyledChar | undefined)[] = new Array<StyledChar>(width).fill(BLANK);
  for (const { x, line } of placed) {
    let offsetX = x;
    for (const character of styledCharsOf(line)) {
      cells[offsetX] = character;
      const characterWidth = Math.max(1, widthOf(character.value));
      if (characterWidth > 1) {
        for (let index = 1; index < characterWidth; index++) {
          cells[offsetX + index] = { type: 'char', value: '', fullWidth: false, styles: character.styles };
        }
      }
      offsetX += characterWidth;
    }
  }
  return styledCharsToString(cells.filter((c): c is StyledChar => c !== undefined)).trimEnd();
}

/**
 * `Output#get` with rows cached across frames: same result as Ink's. Bound to an Output instance by the patch.
 */
export function rowCachedGet(this: InkOutput): { output: string; height: number } {
  const { width, height } = this;
  const placedByRow: Placed[][] = Array.from({ length: height }, () => []);
  const clips: Clip[] = [];
  for (const operation of this.operations) {
    if (operation.type === 'clip') clips.push(operation.clip);
    if (operation.type === 'unclip') clips.pop();
    if (operation.type !== 'write') continue;
    const { text, transformers } = operation;
    let { x, y } = operation;
    let lines = text.split('\n');
    const clip = clips.at(-1);
    if (clip) {
      const clipHorizontally = typeof clip.x1 === 'number' && typeof clip.x2 === 'number';
      const clipVertically = typeof clip.y1 === 'number' && typeof clip.y2 === 'number';
      if (clipHorizontally) {
        const lineWidth = widestLine(text);
        if (x + lineWidth < clip.x1! || x > clip.x2!) continue;
      }
      if (clipVertically) {
        if (y + lines.length < clip.y1! || y > clip.y2!) continue;
      }
      if (clipHorizontally) {
        lines = lines.map((line) => {
          const from = x < clip.x1! ? clip.x1! - x : 0;
          const lineWidth = widthOf(line);
          const to = x + lineWidth > clip.x2! ? clip.x2! - x : lineWidth;
          return sliceAnsi(line, from, to);
        });
        if (x < clip.x1!) x = clip.x1!;
      }
      if (clipVertically) {
        const from = y < clip.y1! ? clip.y1! - y : 0;
        const to = y + lines.length > clip.y2! ? clip.y2! - y : lines.length;
        lines = lines.slice(from, to);
        if (y < clip.y1!) y = clip.y1!;
      }
    }
    let offsetY = 0;
    for (let [index, line] of lines.entries()) {
      // Ink skips a line that falls outside the grid without moving on to the next row (so every later line of
      // the same text lands outside too): kept as is.
      const row = placedByRow[y + offsetY];
      if (!row) continue;
      for (const transformer of transformers) line = transformer(line, index);
      row.push({ x, line });
      offsetY++;
    }
  }
  if (rows.size >= MAX_ROWS) rows.clear();
  const out: string[] = [];
  for (const placed of placedByRow) {
    let key = `${width}`;
    for (const p of placed) key += `\u0000${p.x}\u0001${p.line}`;
    let row = rows.get(key);
    if (row === undefined) {
      row = buildRow(width, placed);
      rows.set(key, row);
    }
    out.push(row);
  }
  return { output: out.join('\n'), height };
}

/** The Output class of the installed Ink, or null when its version is not the one this patch reproduces. */
async function loadInkOutput(): Promise<{ prototype: { get: () => unknown } } | null> {
  const entry = import.meta.resolve('ink');
  const { readFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(new URL('../package.json', entry), 'utf8')) as { version?: string };
  if (pkg.version !== PATCHED_INK_VERSION) return null;
  const mod = (await import(new URL('./output.js', entry).href)) as { default: { prototype: { get: () => unknown } } };
  return mod.default;
}

let original: (() => unknown) | null = null;

/**
 * Installs {@link rowCachedGet} on Ink's Output. Returns whether it is installed (false: another Ink version,
 * whose own `get` stays). Idempotent.
 */
export async function installRowCachedOutput(): Promise<boolean> {
  const Output = await loadInkOutput();
  if (!Output) return false;
  if (original === null) original = Output.prototype.get;
  Output.prototype.get = rowCachedGet as () => unknown;
  return true;
}

/** Ink's own `get`, for comparison in tests; null before install or for another Ink version. */
export async function inkOwnGet(): Promise<(() => unknown) | null> {
  const Output = await loadInkOutput();
  if (!Output) return null;
  return original ?? Output.prototype.get;
}
