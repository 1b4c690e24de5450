import React from 'react';
import { Text } from 'ink';
import type { Theme, Tone } from '../theme.ts';
import { displayWidth, terminalText, truncateToWidth } from '../../lib/text-width.ts';

/** A run of text with one meaning. */
export interface Segment {
  text: string;
  tone?: Tone;
  inverse?: boolean;
  bold?: boolean;
}

/**
 * One terminal line made of toned segments, cut to `width` cells by display width (the last visible segment
 * ends with `…`), so a line never wraps and never clips mid-character.
 */
export function Line({ segments, width, theme }: { segments: readonly Segment[]; width: number; theme: Theme }): React.JSX.Element {
  // Adjacent segments that look the same merge into one run, and unstyled runs stay plain strings: fewer Ink
  // nodes per line, less for Ink to squash and measure every frame.
  const runs: { text: string; look: string; s: Segment }[] = [];
  let left = width;
  for (const s of segments) {
    if (left <= 0) break;
    if (s.text === '') continue;
    // Drawn as terminalText: without the code points terminals disagree on (lib/text-width.ts).
    const text = displayWidth(s.text) > left ? truncateToWidth(s.text, left) : terminalText(s.text);
    left -= displayWidth(text);
    const style = theme.style(s.tone);
    const look = `${style.color ?? ''}|${style.bold || s.bold ? 'b' : ''}|${style.dimColor ? 'd' : ''}|${s.inverse ? 'i' : ''}`;
    const last = runs[runs.length - 1];
    if (last && last.look === look) last.text += text;
    else runs.push({ text, look, s });
  }
  const out = runs.map((r, i) =>
    r.look === '|||' ? (
      r.text
    ) : (
      <Text key={i} {...theme.style(r.s.tone)} {...(r.s.inverse ? { inverse: true } : {})} {...(r.s.bold ? { bold: true } : {})}>
        {r.text}
      </Text>
    ),
  );
  // truncate-end: should a terminal measure a grapheme wider than we do, the line is cut, never wrapped.
  return <Text wrap="truncate-end">{out.length > 0 ? out : ' '}</Text>;
}
