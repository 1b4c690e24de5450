import React from 'react';
import { Text } from 'ink';
import type { Theme, Tone } from '../theme.ts';
import { displayWidth, truncateToWidth } from '../../lib/text-width.ts';

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
  const out: React.JSX.Element[] = [];
  let left = width;
  segments.forEach((s, i) => {
    if (left <= 0 || s.text === '') return;
    const text = displayWidth(s.text) > left ? truncateToWidth(s.text, left) : s.text;
    left -= displayWidth(text);
    out.push(
      <Text key={i} {...theme.style(s.tone)} {...(s.inverse ? { inverse: true } : {})} {...(s.bold ? { bold: true } : {})}>
        {text}
      </Text>,
    );
  });
  // truncate-end: should a terminal measure a grapheme wider than we do, the line is cut, never wrapped.
  return <Text wrap="truncate-end">{out.length > 0 ? out : ' '}</Text>;
}
