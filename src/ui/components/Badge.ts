import type { Tone } from '../theme.ts';

/**
 * Badges are bracketed text (`[BUY]`) with a tone, so their meaning survives without colour. Tables take the
 * text and tone separately (cells are fitted before colouring).
 */
export interface BadgeSpec {
  text: string;
  tone: Tone | undefined;
}

/** Activity side: green BUY, red SELL. */
export function sideBadge(side: string | null | undefined): BadgeSpec {
  if (side === 'BUY') return { text: '[BUY]', tone: 'pos' };
  if (side === 'SELL') return { text: '[SELL]', tone: 'neg' };
  return { text: side ? `[${side}]` : '', tone: undefined };
}

const TYPE_TONES: Record<string, Tone> = {
  TRADE: 'accent',
  REDEEM: 'emerald',
  SPLIT: 'violet',
  MERGE: 'violet',
  REWARD: 'amber',
  CONVERSION: 'blue',
  MAKER_REBATE: 'amber',
};

/** Activity type, coloured by kind. */
export function typeBadge(type: string): BadgeSpec {
  return { text: `[${type}]`, tone: TYPE_TONES[type] ?? 'muted' };
}

/** Signal confidence: HIGH green, MEDIUM yellow, LOW grey. */
export function confidenceBadge(confidence: string): BadgeSpec {
  const tone: Tone = confidence === 'HIGH' ? 'pos' : confidence === 'MEDIUM' ? 'warn' : 'muted';
  return { text: `[${confidence}]`, tone };
}

/** Outcome label as a badge; Yes green, No red, others accent. */
export function outcomeBadge(outcome: string): BadgeSpec {
  const tone: Tone = /^yes$/i.test(outcome) ? 'pos' : /^no$/i.test(outcome) ? 'neg' : 'accent';
  return { text: `[${outcome}]`, tone };
}
