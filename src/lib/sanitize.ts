/**
 * The one gate every network string (names, pseudonyms, bios, X handles, market titles, outcomes) passes before
 * it reaches the terminal. A hostile title could otherwise clear the screen (CSI), retitle the window or write
 * the clipboard (OSC 0/2/52), plant a hyperlink (OSC 8), or overwrite a row (CR). Ink's own cleaning keeps OSC
 * and bare control characters, so it is not enough.
 *
 * Removed: every ESC-initiated sequence (CSI, OSC, DCS, SOS, PM, APC, two-byte escapes) and its 8-bit C1 form,
 * every remaining C0/C1 control and DEL, bidi embedding/override/isolate controls (they reorder the rest of the
 * line). Newline, tab and the Unicode line/paragraph separators become a space; CR is dropped.
 */

const ESC = 0x1b;
const BEL = 0x07;
/** 8-bit C1 introducers and terminator. */
const C1_CSI = 0x9b;
const C1_OSC = 0x9d;
const C1_ST = 0x9c;
const C1_STRING_STARTS = new Set([0x90 /* DCS */, 0x98 /* SOS */, 0x9e /* PM */, 0x9f /* APC */]);
/** Second byte after ESC that opens a string terminated by ST (or BEL for OSC). */
const ESC_STRING_STARTS = new Set([0x5d /* ] OSC */, 0x50 /* P DCS */, 0x58 /* X SOS */, 0x5e /* ^ PM */, 0x5f /* _ APC */]);

const isCsiFinal = (c: number): boolean => c >= 0x40 && c <= 0x7e;
const isBidiControl = (c: number): boolean => (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);

/** Index just past the CSI body starting at `i` (parameters and intermediates, then one final byte). */
function skipCsi(s: string, i: number): number {
  while (i < s.length) {
    const c = s.charCodeAt(i);
    i++;
    if (isCsiFinal(c)) return i;
    // A control inside a CSI aborts it (ECMA-48); the control itself is dropped by the caller's pass.
    if (c < 0x20 || c === 0x7f || (c >= 0x80 && c <= 0x9f)) return i;
  }
  return i;
}

/** Index just past a string sequence (OSC/DCS/SOS/PM/APC) body starting at `i`; unterminated runs to the end. */
function skipString(s: string, i: number, bellEnds: boolean): number {
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === C1_ST) return i + 1;
    if (bellEnds && c === BEL) return i + 1;
    if (c === ESC) return s.charCodeAt(i + 1) === 0x5c /* \ */ ? i + 2 : i; // ESC \ is ST; another ESC starts anew
    i++;
  }
  return i;
}

/** Returns `text` safe to print in a terminal cell on one line. Idempotent; non-strings become ''. */
export function sanitizeText(text: unknown): string {
  if (typeof text !== 'string') return '';
  // Fast path: nothing to remove (the common case for real names and titles).
  if (!/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(text)) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === ESC) {
      const next = text.charCodeAt(i + 1);
      if (next === 0x5b /* [ */) i = skipCsi(text, i + 2);
      else if (ESC_STRING_STARTS.has(next)) i = skipString(text, i + 2, next === 0x5d);
      else {
        // Two-byte escapes, optionally with intermediates (ESC ( B, ESC c, ESC 7 …).
        i += 1;
        while (i < text.length && text.charCodeAt(i) >= 0x20 && text.charCodeAt(i) <= 0x2f) i++;
        if (i < text.length && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x7e) i++;
      }
      continue;
    }
    if (c === C1_CSI) {
      i = skipCsi(text, i + 1);
      continue;
    }
    if (c === C1_OSC || C1_STRING_STARTS.has(c)) {
      i = skipString(text, i + 1, c === C1_OSC);
      continue;
    }
    if (c === 0x0a || c === 0x09 || c === 0x2028 || c === 0x2029) out += ' ';
    else if (!(c < 0x20 || (c >= 0x7f && c <= 0x9f) || isBidiControl(c))) out += text[i];
    i++;
  }
  return out;
}

/**
 * A deep copy of `value` with every string sanitised (arrays and plain objects walked; numbers, booleans and
 * null kept). Applied once at the query-result boundary so no view can forget.
 */
export function sanitizeDeep<T>(value: T): T {
  if (typeof value === 'string') return sanitizeText(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => sanitizeDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = sanitizeDeep(v);
    return out as T;
  }
  return value;
}
