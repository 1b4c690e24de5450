/**
 * Terminal display width of text: what a cell occupies on screen, not its UTF-16 length. East Asian wide
 * characters and emoji take two cells, combining marks and zero-width joiners none. Tables pad and truncate by
 * this measure so a wide name never pushes a column out of line.
 */
import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Entries a memo keeps before it starts over. A frame measures a few hundred distinct cells and the same ones
 * come back frame after frame (a table scrolled by one row re-measures what it measured before), so a small memo
 * that is simply cleared when full hits almost always and never grows without bound.
 */
const MEMO_LIMIT = 20_000;

/** A bounded string → value memo (cleared when full). */
function memo<V>(compute: (key: string) => V): (key: string) => V {
  const cache = new Map<string, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(key);
      if (cache.size >= MEMO_LIMIT) cache.clear();
      cache.set(key, value);
    }
    return value;
  };
}

/** Printable ASCII is one cell a character: no need to segment graphemes (the common case of table cells). */
const ASCII = /^[\u0020-\u007e]*$/;

const measured = memo(stringWidth);

/** Cells `text` occupies in a terminal (text must already be sanitised: no escape sequences). Memoised. */
export function displayWidth(text: string): number {
  return ASCII.test(text) ? text.length : measured(text);
}

/**
 * Cuts `text` to at most `width` cells, ending with `…` when something was cut. Never splits a grapheme
 * (an emoji with its modifiers, a letter with its combining marks), so nothing is clipped mid-character.
 */
export function truncateToWidth(text: string, width: number): string {
  if (width <= 0) return '';
  if (displayWidth(text) <= width) return text;
  const budget = width - 1; // room left for the ellipsis
  let out = '';
  let used = 0;
  for (const { segment } of segmenter.segment(text)) {
    const w = displayWidth(segment);
    if (used + w > budget) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

/** Horizontal alignment inside a fixed-width cell. */
export type Align = 'left' | 'right' | 'center';

const fitted = memo((key: string): string => {
  // key = width NUL align NUL text; the text is the rest, whatever it holds.
  const a = key.indexOf('\u0000');
  const b = key.indexOf('\u0000', a + 1);
  return fitUncached(key.slice(b + 1), Number(key.slice(0, a)), key.slice(a + 1, b) as Align);
});

/** `text` truncated then padded with spaces to exactly `width` cells. Memoised: tables fit the same cells every frame. */
export function fitToWidth(text: string, width: number, align: Align = 'left'): string {
  return fitted(`${width}\u0000${align}\u0000${text}`);
}

function fitUncached(text: string, width: number, align: Align): string {
  const cut = truncateToWidth(text, width);
  const gap = Math.max(0, width - displayWidth(cut));
  if (align === 'right') return ' '.repeat(gap) + cut;
  if (align === 'center') {
    const left = Math.floor(gap / 2);
    return ' '.repeat(left) + cut + ' '.repeat(gap - left);
  }
  return cut + ' '.repeat(gap);
}
