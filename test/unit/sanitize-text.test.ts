import { describe, expect, it } from 'vitest';
import { sanitizeDeep, sanitizeText, stringifyJsonSafe } from '../../src/lib/sanitize.ts';
import { HOSTILE_PAYLOADS } from '../../src/sim/hostile.ts';

const ESC = '\x1b';
const BEL = '\x07';
const ST = `${ESC}\\`;
/** Anything a terminal could interpret: C0 (all of them, tab/newline included), DEL, C1, bidi controls. */
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('sanitizeText', () => {
  it.each([
    ['CSI colour and clear', `${ESC}[2J${ESC}[H${ESC}[31mRed`, 'Red'],
    ['OSC 0 title with BEL', `a${ESC}]0;pwned${BEL}b`, 'ab'],
    ['OSC 2 title with ST', `a${ESC}]2;pwned${ST}b`, 'ab'],
    ['OSC 8 hyperlink', `${ESC}]8;;https://evil/${ST}click${ESC}]8;;${ST}`, 'click'],
    ['OSC 52 clipboard', `x${ESC}]52;c;cm0gLXJm${BEL}y`, 'xy'],
    ['DCS / APC / PM / SOS', `a${ESC}Pq#0${ST}b${ESC}_apc${ST}c${ESC}^pm${ST}d${ESC}Xsos${ST}e`, 'abcde'],
    ['unterminated OSC swallows the rest', `safe${ESC}]0;never ends`, 'safe'],
    ['two-byte escapes', `a${ESC}cb${ESC}(Bc${ESC}7d`, 'abcd'],
    ['C1 CSI / OSC / ST', '\u009b31mred\u009d0;title\u009cok', 'redok'],
    ['C0 controls and DEL', 'nul\x00bell\x07bs\x08del\x7fend', 'nulbellbsdelend'],
    ['CR overwrite', 'innocent\rEVIL', 'innocentEVIL'],
    ['newline and tab to space', 'line1\nline2\tTab', 'line1 line2 Tab'],
    ['bidi override', '\u202eevil\u202c', 'evil'],
    ['lone ESC at the end', `end${ESC}`, 'end'],
  ])('%s', (_name, input, expected) => {
    expect(sanitizeText(input)).toBe(expected);
  });

  it('keeps ordinary Unicode: accents, CJK, emoji with ZWJ, combining marks', () => {
    for (const text of ['Zoë', '全角文字', '👨‍👩‍👧‍👦🇺🇸👍🏽', 'Z\u0351a\u0355l']) expect(sanitizeText(text)).toBe(text);
  });

  it('leaves no forbidden character in any simulator hostile payload and is idempotent', () => {
    for (const payload of HOSTILE_PAYLOADS) {
      const clean = sanitizeText(`name ${payload}`);
      expect(clean).not.toMatch(FORBIDDEN);
      expect(sanitizeText(clean)).toBe(clean);
    }
  });

  it('turns non-strings into empty text', () => {
    expect(sanitizeText(undefined)).toBe('');
    expect(sanitizeText(42)).toBe('');
  });
});

describe('sanitizeDeep', () => {
  it('cleans every string of nested rows and keeps other values', () => {
    const rows = [{ name: `A${ESC}[31m`, n: 1, ok: true, none: null, tags: [`t${BEL}`], inner: { title: 'x\ny' } }];
    expect(sanitizeDeep(rows)).toEqual([{ name: 'A', n: 1, ok: true, none: null, tags: ['t'], inner: { title: 'x y' } }]);
  });
});

describe('issue-12-3 invisible marks cannot spoof a name', () => {
  it.each([
    ['zero-width space', 'swiss\u200btony'],
    ['zero-width non-joiner', 'swiss\u200ctony'],
    ['zero-width joiner between letters', 'swiss\u200dtony'],
    ['left-to-right mark', 'swiss\u200etony'],
    ['right-to-left mark', 'swiss\u200ftony'],
    ['Arabic letter mark', 'swiss\u061ctony'],
    ['byte order mark', '\ufeffswisstony'],
    ['word joiner', 'swiss\u2060tony'],
    ['invisible times', 'swiss\u2062tony'],
    ['soft hyphen', 'swiss\u00adtony'],
    ['Hangul filler', 'swiss\u3164tony'],
    ['tag characters (ASCII smuggling)', 'swisstony\u{e0072}\u{e006d}'],
    ['bidi isolate', '\u2066swisstony\u2069'],
  ])('%s is removed', (_name, input) => {
    expect(sanitizeText(input)).toBe('swisstony');
  });

  it('keeps the joiners emoji need: families, rainbow flag, skin tones, subdivision flags', () => {
    for (const text of ['👨‍👩‍👧‍👦', '🏳️‍🌈', '👩🏽‍💻', '🏴\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}']) {
      expect(sanitizeText(text)).toBe(text);
    }
    expect(sanitizeText('a\u200d👍')).toBe('a👍');
  });
});

describe('issue-12-2 stringifyJsonSafe', () => {
  const C1_OR_INVISIBLE = /[\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;
  it('escapes C1 controls, DEL and invisible marks that JSON.stringify leaves raw, and parses back to the same value', () => {
    const value = { name: `x\u009b2J\u009d0;title\u009c\u007f\u200b\u202e\u2028${'\x1b'}]52;c;cm0=\x07`, n: 1n, list: ['\u0085'] };
    expect(JSON.stringify({ name: value.name })).toMatch(C1_OR_INVISIBLE);
    const text = stringifyJsonSafe(value);
    expect(text).not.toMatch(C1_OR_INVISIBLE);
    expect(text).not.toMatch(/[\u0000-\u001f]/);
    expect(JSON.parse(text)).toEqual({ ...value, n: '1' });
  });

  it('leaves ordinary text, emoji and CJK untouched', () => {
    expect(stringifyJsonSafe({ a: 'Zoë 全角 👍🏽' })).toBe('{"a":"Zoë 全角 👍🏽"}');
  });
});
