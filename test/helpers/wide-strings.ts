/**
 * Text terminals disagree on, as names and titles carry it (issue 11, defect 6): ZWJ families and professions,
 * flags (regional-indicator pairs, tag sequences), skin tones, VS16 presentation, keycaps, conjuncts of Indic
 * scripts, decomposed Hangul, combining stacks, invisible format characters.
 */
export const WIDE_STRINGS: readonly string[] = [
  '👨‍👩‍👧‍👦 family',
  '🇺🇸🇬🇧🇯🇵 flags',
  '🏴󠁧󠁢󠁥󠁮󠁧󠁿 England',
  '👍🏽👍🏿 thumbs',
  '🧔🏿‍♂️ man',
  '👩🏻‍💻 coder',
  '🏳️‍🌈 pride',
  '❤️ heart ☺️ ✔️ ⚠️',
  '1️⃣ #️⃣ keycaps',
  '👁️‍🗨️ eye',
  'क्षत्रिय नमस्ते',
  'ക്കൾ',
  '\u1100\u1161\u11a8 jamo',
  'Z̴̡̛̖͓a̵̢͉l̷g̸o̶',
  'soft\u00adhy\u00adphen',
  'zero\u200bwidth\u2060joiner',
  '\u0605 prepended',
  '全角ｶﾞ한국어',
  '🀄🃏〰️〽️㊗️',
];
