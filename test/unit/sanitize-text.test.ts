import { describe, expect, it } from 'vitest';
import { sanitizeDeep, sanitizeText } from '../../src/lib/sanitize.ts';
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
