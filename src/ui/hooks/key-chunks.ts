/**
 * One read of the terminal can hold many keys: a fast typist, key repeat, `tmux send-keys jjjjj`, a paste over
 * SSH. Ink 6.8's input parser already cuts a read at escape sequences (each arrow or PgDn arrives whole, on its
 * own), but hands every run of plain characters to `useInput` as one `input` string with no key flags — so a key
 * map that compares `input` to one character saw `jjjjj` as nothing and moved 0 rows (issue 11, defect 4).
 *
 * {@link splitKeys} turns such a run back into the keys it is made of, in order, each described the way Ink
 * describes that character when it arrives alone (Ink keeps its single-key parser private: it is not among the
 * package's exports, so the few characters a run can hold are mapped here; test/ui/key-chunks.test.tsx checks the
 * mapping against Ink itself, character by character).
 */
import type { Key } from 'ink';

/** One key press: what `useInput` passes for it. */
export interface KeyPress {
  input: string;
  key: Key;
}

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

/** Flags that make an event one special key (an escape sequence or a control character Ink recognised). */
const SPECIAL: readonly (keyof Key)[] = [
  'upArrow', 'downArrow', 'leftArrow', 'rightArrow', 'pageDown', 'pageUp', 'home', 'end',
  'return', 'escape', 'ctrl', 'tab', 'backspace', 'delete', 'meta', 'super', 'hyper',
];

/** How Ink's `useInput` describes `char` (one code point) when it arrives on its own. */
export function keyOf(char: string): KeyPress {
  const code = char.codePointAt(0) ?? 0;
  if (char === '\r') return { input: '\r', key: { ...NO_KEY, return: true } };
  if (char === '\n') return { input: '\n', key: { ...NO_KEY } }; // Ink calls it 'enter' and sets no flag
  if (char === '\t') return { input: '', key: { ...NO_KEY, tab: true } };
  if (char === '\b') return { input: '', key: { ...NO_KEY, backspace: true } };
  if (char === '\x7f') return { input: '', key: { ...NO_KEY, delete: true } };
  if (char === '\x1b') return { input: '', key: { ...NO_KEY, escape: true, meta: true } };
  if (code >= 1 && code <= 0x1a) return { input: String.fromCharCode(code + 96), key: { ...NO_KEY, ctrl: true } };
  return { input: char, key: { ...NO_KEY, shift: /^[A-Z]$/.test(char) } };
}

/**
 * The keys of one `useInput` event, in order: a special key stays one key; a run of plain characters becomes
 * one key per character (code point), control characters inside it included.
 */
export function splitKeys(input: string, key: Key): KeyPress[] {
  if (SPECIAL.some((flag) => key[flag] === true)) return [{ input, key }];
  const chars = [...input];
  if (chars.length <= 1) return [{ input, key }];
  return chars.map(keyOf);
}
