/**
 * SGR mouse reporting (DEC 1000 + 1006): what the terminal sends for a click or the wheel, as events. Ink hands
 * the sequence to useInput without its ESC (`[<0;12;3M`); one read may hold several.
 */

/** One mouse event; x and y are 1-based cells. */
export interface MouseEvent {
  kind: 'press' | 'release' | 'wheelUp' | 'wheelDown';
  button: number;
  x: number;
  y: number;
}

const SGR = /\u001b?\[<(\d+);(\d+);(\d+)([Mm])/g;

/** Mouse events in `input`, or null when `input` is not made only of SGR mouse reports. */
export function parseMouse(input: string): MouseEvent[] | null {
  const events: MouseEvent[] = [];
  let rest = input;
  for (const m of input.matchAll(SGR)) {
    rest = rest.replace(m[0], '');
    const code = Number(m[1]);
    const x = Number(m[2]);
    const y = Number(m[3]);
    // 64/65: wheel; bit 5 (32): motion, ignored; the low two bits: the button.
    if (code & 32) continue;
    if (code & 64) events.push({ kind: (code & 1) === 1 ? 'wheelDown' : 'wheelUp', button: 0, x, y });
    else events.push({ kind: m[4] === 'M' ? 'press' : 'release', button: code & 3, x, y });
  }
  return events.length > 0 || (input !== '' && rest === '') ? (rest === '' ? events : null) : null;
}

/** Enables SGR mouse reporting (button presses, releases and the wheel). */
export const MOUSE_ON = '\u001b[?1000h\u001b[?1006h';
/** Disables it again. */
export const MOUSE_OFF = '\u001b[?1006l\u001b[?1000l';
/** The alternate screen (like htop): the shell's screen comes back on quit. */
export const ALT_SCREEN_ON = '\u001b[?1049h';
export const ALT_SCREEN_OFF = '\u001b[?1049l';

/** Index of the tab under column `x` (1-based) given the tab line's segments (label, gap, label, gap…). */
export function tabAtColumn(segments: readonly { text: string }[], x: number): number | null {
  let col = 1;
  for (let i = 0; i < segments.length; i++) {
    const w = [...segments[i]!.text].length;
    if (i % 2 === 0 && x >= col && x < col + w) return i / 2;
    col += w;
  }
  return null;
}
