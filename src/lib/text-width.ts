/**
 * Terminal display width of text: what a cell occupies on screen, not its UTF-16 length. East Asian wide
 * characters and emoji take two cells, combining marks and zero-width joiners none. Tables pad and truncate by
 * this measure so a wide name never pushes a column out of line.
 */
import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Cells `text` occupies in a terminal (text must already be sanitised: no escape sequences). */
export function displayWidth(text: string): number {
  return stringWidth(text);
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

/** `text` truncated then padded with spaces to exactly `width` cells. */
export function fitToWidth(text: string, width: number, align: Align = 'left'): string {
  const cut = truncateToWidth(text, width);
  const gap = Math.max(0, width - displayWidth(cut));
  if (align === 'right') return ' '.repeat(gap) + cut;
  if (align === 'center') {
    const left = Math.floor(gap / 2);
    return ' '.repeat(left) + cut + ' '.repeat(gap - left);
  }
  return cut + ' '.repeat(gap);
}
