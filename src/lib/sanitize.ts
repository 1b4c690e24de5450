/**
 * The one gate every network string (names, pseudonyms, bios, X handles, market titles, outcomes) passes before
 * it reaches the terminal. A hostile title could otherwise clear the screen (CSI), retitle the window or write
 * the clipboard (OSC 0/2/52), plant a hyperlink (OSC 8), or overwrite a row (CR). Ink's own cleaning keeps OSC
 * and bare control characters, so it is not enough.
 *
 * Removed: every ESC-initiated sequence (CSI, OSC, DCS, SOS, PM, APC, two-byte escapes) and its 8-bit C1 form,
 * every remaining C0/C1 control and DEL, bidi embedding/override/isolate controls (they reorder the rest of the
 * line), and the invisible marks that let one name pass for another (issue 12 item 3): zero-width space and
 * non-joiner, LRM/RLM/ALM, BOM, word joiner and the invisible operators, soft hyphen, Hangul fillers, Mongolian
 * selectors, tag characters. A zero-width joiner survives only between two emoji (👨‍👩‍👧 needs it; `swiss\u200Dtony`
 * must not look like `swisstony`), tag characters only inside a 🏴 subdivision flag. Newline, tab and the
 * Unicode line/paragraph separators become a space; CR is dropped.
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

const ZWJ = 0x200d;
const BLACK_FLAG = 0x1f3f4;
const TAG_CANCEL = 0xe007f;

const isCsiFinal = (c: number): boolean => c >= 0x40 && c <= 0x7e;
const isBidiControl = (c: number): boolean => (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
const isTag = (c: number): boolean => c >= 0xe0000 && c <= 0xe007f;
/** Invisible code points with no business in a name or title (the ZWJ and tags are handled apart). */
const isInvisible = (c: number): boolean =>
  c === 0x00ad || // soft hyphen
  c === 0x034f || // combining grapheme joiner
  c === 0x061c || // Arabic letter mark
  c === 0x115f || c === 0x1160 || c === 0x3164 || c === 0xffa0 || // Hangul fillers
  c === 0x17b4 || c === 0x17b5 || // Khmer inherent vowels
  (c >= 0x180b && c <= 0x180f) || // Mongolian selectors and vowel separator
  c === 0x200b || c === 0x200c || c === 0x200e || c === 0x200f || // ZWSP, ZWNJ, LRM, RLM
  (c >= 0x2060 && c <= 0x2064) || // word joiner, invisible operators
  (c >= 0x206a && c <= 0x206f) || // deprecated format characters
  c === 0xfeff || // BOM / zero-width no-break space
  (c >= 0xfff9 && c <= 0xfffb) || // interlinear annotation
  (c >= 0x1d173 && c <= 0x1d17a); // musical format controls
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
/** Emoji modifiers and VS16 that may sit between a pictograph and the joiner that follows it. */
const isEmojiTrailer = (c: number): boolean => c === 0xfe0f || (c >= 0x1f3fb && c <= 0x1f3ff);
/** Anything {@link sanitizeText} might change: the fast path skips strings without one. */
const SUSPECT =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb]|\u{1d173}|[\u{1d174}-\u{1d17a}]|[\u{e0000}-\u{e007f}]/u;

/** Whether the last code point of `out` (skipping VS16 and skin tones) is a pictograph. */
function endsWithEmoji(out: string): boolean {
  let end = out.length;
  while (end > 0) {
    const low = out.charCodeAt(end - 1);
    const pair = low >= 0xdc00 && low <= 0xdfff && end >= 2;
    const start = pair ? end - 2 : end - 1;
    const cp = out.codePointAt(start)!;
    if (!isEmojiTrailer(cp)) return PICTOGRAPHIC.test(String.fromCodePoint(cp));
    end = start;
  }
  return false;
}

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
  if (!SUSPECT.test(text)) return text;
  let out = '';
  let i = 0;
  /** Inside a 🏴 tag sequence (subdivision flag), tag characters are kept up to the cancel tag. */
  let inFlagTags = false;
  while (i < text.length) {
    const c = text.codePointAt(i)!;
    if (c > 0xffff) {
      if (isTag(c)) {
        if (inFlagTags) out += String.fromCodePoint(c);
        if (c === TAG_CANCEL) inFlagTags = false;
      } else if (!isInvisible(c)) {
        out += String.fromCodePoint(c);
        inFlagTags = c === BLACK_FLAG;
      }
      i += 2;
      continue;
    }
    inFlagTags = false;
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
    if (c === ZWJ) {
      const next = text.codePointAt(i + 1);
      if (next !== undefined && PICTOGRAPHIC.test(String.fromCodePoint(next)) && endsWithEmoji(out)) out += text[i];
    } else if (c === 0x0a || c === 0x09 || c === 0x2028 || c === 0x2029) out += ' ';
    else if (!(c < 0x20 || (c >= 0x7f && c <= 0x9f) || isBidiControl(c) || isInvisible(c))) out += text[i];
    i++;
  }
  return out;
}

/** Code points a JSON text must not carry raw to a terminal: C1 and DEL (JSON.stringify escapes only C0), the
 * line separators, bidi controls and the invisible marks {@link sanitizeText} removes. */
const JSON_UNSAFE =
  /[\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb]|\u{1d173}|[\u{1d174}-\u{1d17a}]|[\u{e0000}-\u{e007f}]/gu;

function escapeCodePoint(ch: string): string {
  let out = '';
  for (let k = 0; k < ch.length; k++) out += `\\u${ch.charCodeAt(k).toString(16).padStart(4, '0')}`;
  return out;
}

/**
 * `JSON.stringify` whose text is safe to print on a terminal and still parses to the same value: besides the
 * C0 controls JSON already escapes, every C1 control, DEL, bidi control and invisible mark is written as a
 * `\uXXXX` escape (lossless, and visible). BigInts become decimal strings. For `query --json`, /health, the log.
 */
export function stringifyJsonSafe(value: unknown, space?: number): string {
  const text = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), space) as string | undefined;
  return text === undefined ? 'null' : text.replace(JSON_UNSAFE, escapeCodePoint);
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
