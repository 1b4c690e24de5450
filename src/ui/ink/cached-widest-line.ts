/**
 * `widest-line` with a cache. Ink measures the text of every `<Text>` on every frame — `widestLine` in
 * render-node-to-output.js, not behind the cache its layout measure uses — and `string-width` is slow for any
 * text that is not plain ASCII (a grapheme segmenter and an East-Asian-width lookup per character; one "…" or "¢"
 * is enough). That was ~40 % of a frame's JavaScript in bench/ui. A screen shows a few hundred distinct texts and a
 * refresh mostly redraws the same ones, so a text's width is computed once.
 *
 * Ink imports `widest-line` by name; the entry points route that import here (widest-line-hooks.js). Same
 * contract as widest-line 6: the widest line's `string-width`.
 */
import stringWidth from 'string-width';

/** Past this many distinct texts the cache is dropped and refilled (a 160×45 screen holds a few hundred). */
const MAX_ENTRIES = 16_384;

const widths = new Map<string, number>();
let misses = 0;

export default function widestLine(text: string): number {
  const cached = widths.get(text);
  if (cached !== undefined) return cached;
  misses += 1;
  let widest = 0;
  for (const line of text.split('\n')) widest = Math.max(widest, stringWidth(line));
  if (widths.size >= MAX_ENTRIES) widths.clear();
  widths.set(text, widest);
  return widest;
}

/** Texts measured so far (cache misses): lets a test see that Ink's import reached this module. */
export function measuredTexts(): number {
  return misses;
}
