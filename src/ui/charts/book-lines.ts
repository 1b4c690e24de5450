import type { TokenBook } from '../../store/queries/order-book.ts';
import { formatCents, formatCompact } from '../../lib/format.ts';
import type { Segment } from '../components/Line.tsx';

const EIGHTHS = ' ▏▎▍▌▋▊▉█';

/** A bar of `fraction` (0–1) of `cells` cells in eighths, left to right; `fromRight` grows it from the right edge. */
export function depthBar(fraction: number, cells: number, fromRight = false): string {
  const eighths = Math.round(Math.max(0, Math.min(1, fraction)) * cells * 8);
  const full = Math.floor(eighths / 8);
  const part = eighths % 8;
  const bar = '█'.repeat(full) + (part > 0 && full < cells ? EIGHTHS[part]! : '');
  // Partial blocks only fill from the left; a right-grown bar rounds its partial cell to a full one.
  if (fromRight) return ('█'.repeat(Math.min(cells, full + (part >= 4 ? 1 : 0)))).padStart(cells);
  return bar.padEnd(cells);
}

/**
 * The book as lines `width` wide: a heading (best bid, best ask, spread), then one line per level with the bids
 * on the left (bar growing from the middle leftwards, size, price) and the asks on the right (price, size, bar).
 * Bars are the cumulative size to that level over the deeper side's total, so both sides share a scale.
 */
export function bookLines(book: TokenBook, levels: number, width: number): Segment[][] {
  const bid = book.bids[0]?.price;
  const ask = book.asks[0]?.price;
  const spread = bid !== undefined && ask !== undefined ? ask - bid : null;
  const heading: Segment[] = [
    { text: 'bid ', tone: 'muted' },
    { text: bid === undefined ? '–' : formatCents(bid), tone: 'pos' },
    { text: '  ask ', tone: 'muted' },
    { text: ask === undefined ? '–' : formatCents(ask), tone: 'neg' },
    { text: '  spread ', tone: 'muted' },
    { text: spread === null ? '–' : formatCents(spread) },
  ];
  const cum = (side: { size: number }[]) => side.slice(0, levels).reduce<number[]>((acc, l) => [...acc, (acc[acc.length - 1] ?? 0) + l.size], []);
  const bidCum = cum(book.bids);
  const askCum = cum(book.asks);
  const scale = Math.max(bidCum[bidCum.length - 1] ?? 0, askCum[askCum.length - 1] ?? 0, 1e-9);
  // Each half: bar, size (6), price (4), with single spaces; the middle is a bar character.
  const half = Math.floor((width - 1) / 2);
  const barCells = Math.max(1, half - 12);
  const lines: Segment[][] = [heading];
  for (let i = 0; i < levels; i++) {
    const b = book.bids[i];
    const a = book.asks[i];
    const left: Segment[] = b
      ? [{ text: depthBar(bidCum[i]! / scale, barCells, true), tone: 'pos' }, { text: ` ${formatCompact(b.size).padStart(5)} ${formatCents(b.price).padStart(4)} ` }]
      : [{ text: ' '.repeat(half) }];
    const right: Segment[] = a
      ? [{ text: ` ${formatCents(a.price).padEnd(4)} ${formatCompact(a.size).padEnd(5)} ` }, { text: depthBar(askCum[i]! / scale, barCells), tone: 'neg' }]
      : [];
    if (!b && !a) break;
    lines.push([...left, { text: '│', tone: 'muted' }, ...right]);
  }
  return lines;
}
