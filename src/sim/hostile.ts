/**
 * Hostile strings: what a malicious market title or profile name can carry to attack a terminal UI.
 * A world started with `hostile: true` replaces a deterministic fraction of names, pseudonyms, bios and market
 * titles with one of these (mixed with a normal prefix so the row still looks plausible).
 */
import type { Rng } from './rng.ts';

const ESC = '\x1b';
const BEL = '\x07';
const ST = `${ESC}\\`;

/** One payload per attack class; tests assert that each class reaches the wire. */
export const HOSTILE_PAYLOADS: readonly string[] = [
  `${ESC}[2J${ESC}[H${ESC}[31mCLEARED`, // CSI: clear screen, home, colour
  `${ESC}[999;999H${ESC}[?1049h`, // CSI: cursor jump + alt screen
  `${ESC}]0;pwned-title${BEL}`, // OSC 0: window title (BEL-terminated)
  `${ESC}]2;pwned-title${ST}`, // OSC 2: window title (ST-terminated)
  `${ESC}]8;;https://evil.example/${ST}click me${ESC}]8;;${ST}`, // OSC 8 hyperlink
  `${ESC}]52;c;cm0gLXJmIH4=${BEL}`, // OSC 52: clipboard write
  'nul\x00bell\x07bs\x08\x08vt\x0bff\x0c', // C0 controls
  '\u009b31mC1-CSI\u009d0;c1-osc\u009c', // C1 controls (8-bit CSI / OSC / ST)
  'innocent\rEVIL-OVERWRITE', // CR overwrite
  'line1\nline2\tTabbed', // newline / tab inside a single-line field
  '\u202eevil-rtl-override\u202c', // bidi override
  '全角文字全角文字全角文字全角文字全角文字全角文字全角文字全角文字', // wide CJK
  '👨‍👩‍👧‍👦🏳️‍🌈🇺🇸👍🏽', // ZWJ / flag / skin-tone emoji
  'Z\u0351\u0352\u0353\u0354a\u0355\u0356\u0357l\u0358\u0359\u035ag\u035b\u035co', // combining marks
  'x'.repeat(5000), // very long
  `${'🐋'.repeat(400)}`, // very long and wide
];

/** Fraction of eligible strings that become hostile in a hostile world. */
export const HOSTILE_FRACTION = 0.2;

/** Returns `base` or, with probability HOSTILE_FRACTION, a hostile variant of it. Draws from `rng` either way. */
export function maybeHostile(rng: Rng, base: string, enabled: boolean): string {
  const roll = rng.next();
  const payload = rng.pick(HOSTILE_PAYLOADS);
  if (!enabled || roll >= HOSTILE_FRACTION) return base;
  return `${base.slice(0, 20)} ${payload}`;
}
