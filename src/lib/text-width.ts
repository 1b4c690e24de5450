/**
 * Terminal display width of text: what a cell occupies on screen, not its UTF-16 length. Tables pad and truncate
 * by this measure so a wide name never pushes a column out of line, and no line is ever wider than the terminal.
 *
 * Terminals disagree on emoji sequences. Measured in tmux 3.3a against `string-width` (which measures grapheme
 * clusters the way the newest emoji-aware terminals draw them): a skin-toned 👍🏽 takes 4 cells in tmux and 2 in
 * string-width, a ZWJ family 2 in tmux 3.3 but 8 in older tmux and wcwidth-based terminals, ❤️ with VS16 1 in tmux
 * and 2 in string-width, a Devanagari conjunct (क्ष) 2 in tmux and 1 in string-width, a soft hyphen 1 and 0. A
 * measure that is narrower than what the terminal draws wraps the row, and the frame scrolls on every redraw
 * (issue 11, defect 6). So text is drawn in a form every terminal draws alike ({@link terminalText}): the code
 * points terminals disagree on — joiners, variation selectors, tags, skin-tone modifiers, the keycap mark, other
 * invisible format characters — are left out (👍🏽 → 👍, a family → its four people, ❤️ → ❤), and what remains
 * is measured code point by code point ({@link displayWidth}), as tmux and wcwidth-based terminals do, with each
 * code point's width from `string-width`'s tables. test/e2e/text-width-tmux.test.ts checks the measure against
 * the cursor position tmux itself reports. Ink still cuts a line it measures wider than its box (`truncate-end`),
 * as the last resort.
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

/** Printable ASCII is one cell a character: nothing to normalise or segment (the common case of table cells). */
const ASCII = /^[\u0020-\u007e]*$/;

/**
 * Code points terminals draw differently or not at all: default-ignorables (ZWJ, ZWNJ, variation selectors, tag
 * characters, soft hyphen, bidi marks, Hangul fillers), other format characters, controls, skin-tone modifiers and
 * the combining keycap.
 */
const DISAGREED = /[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cc}\p{Emoji_Modifier}\u20e3]/gu;
/** Line and paragraph separators would break the line: a space instead. */
const SEPARATORS = /[\u2028\u2029]/g;

/** `text` as it is drawn: without the code points terminals disagree on (see the module comment). Memoised. */
export const terminalText: (text: string) => string = (() => {
  const normalised = memo((text: string) => text.replace(DISAGREED, '').replace(SEPARATORS, ' '));
  return (text) => (ASCII.test(text) ? text : normalised(text));
})();

/** Hangul conjoining vowels and finals: they join the initial before them (0 cells in tmux and wcwidth). */
const JAMO_JOINING = /^[\u1160-\u11ff\ud7b0-\ud7ff]$/;

const codePointWidth = memo((char: string): number => (JAMO_JOINING.test(char) ? 0 : stringWidth(char)));

const measured = memo((text: string): number => {
  let width = 0;
  for (const char of terminalText(text)) width += codePointWidth(char);
  return width;
});

/**
 * Cells `text` occupies once drawn (as {@link terminalText}), summed code point by code point. Text must already be
 * sanitised (no escape sequences). Memoised.
 */
export function displayWidth(text: string): number {
  return ASCII.test(text) ? text.length : measured(text);
}

/**
 * Cuts `text` (drawn as {@link terminalText}) to at most `width` cells, ending with `…` when something was cut.
 * Never splits a grapheme (an emoji with its modifiers, a letter with its combining marks), so nothing is clipped
 * mid-character. Returns the text as drawn.
 */
export function truncateToWidth(text: string, width: number): string {
  if (width <= 0) return '';
  const drawn = terminalText(text);
  if (displayWidth(drawn) <= width) return drawn;
  const budget = width - 1; // room left for the ellipsis
  let out = '';
  let used = 0;
  for (const { segment } of segmenter.segment(drawn)) {
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

/**
 * `text` (drawn as {@link terminalText}) truncated then padded with spaces to exactly `width` cells. Memoised: tables
 * fit the same cells every frame.
 */
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
