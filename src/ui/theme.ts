/**
 * Colours of the UI by meaning. With colour off (NO_COLOR, --no-color) every tone maps to no colour prop at all;
 * bold and inverse stay (they are not colours) and badges keep their brackets and text, so meaning survives.
 */

/** What a piece of text means, which decides its colour. */
export type Tone =
  | 'pos'
  | 'neg'
  | 'accent'
  | 'muted'
  | 'warn'
  | 'title'
  | 'info'
  | 'violet'
  | 'amber'
  | 'emerald'
  | 'blue';

/** Props for Ink's Text. */
export interface TextStyle {
  color?: string;
  bold?: boolean;
  dimColor?: boolean;
}

/** The palette in use. */
export interface Theme {
  readonly color: boolean;
  style(tone: Tone | undefined): TextStyle;
}

const PALETTE: Record<Tone, TextStyle> = {
  pos: { color: 'green' },
  neg: { color: 'red' },
  accent: { color: 'cyan' },
  muted: { color: 'gray' },
  warn: { color: 'yellow' },
  title: { bold: true },
  info: { color: 'blue' },
  violet: { color: 'magenta' },
  amber: { color: 'yellow' },
  emerald: { color: 'green' },
  blue: { color: 'blue' },
};

/** The theme for `color` on or off. */
export function createTheme(color: boolean): Theme {
  return {
    color,
    style(tone) {
      if (!tone) return {};
      if (!color) return tone === 'title' ? { bold: true } : {};
      return PALETTE[tone];
    },
  };
}

/** Tone of a signed amount: green above zero, red below. */
export const signTone = (n: number): Tone | undefined => (n > 0 ? 'pos' : n < 0 ? 'neg' : undefined);
