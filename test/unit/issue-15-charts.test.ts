/** Issue 15: the chart primitives — the line sits where the prices are, the book's heading and bars, the marks. */
import { describe, expect, it } from 'vitest';
import { AXIS_COLUMNS, drawLineChart, markLine } from '../../src/ui/charts/line-chart.ts';
import { bookLines, depthBar } from '../../src/ui/charts/book-lines.ts';
import { resample } from '../../src/ui/charts/resample.ts';

/** Row (0 = top) of the plotted cell in each plot column. */
function rowOfLine(lines: string[], column: number): number {
  return lines.findIndex((l) => /[─╭╮╯╰│]/.test(l[AXIS_COLUMNS + column] ?? ' '));
}

describe('issue 15: line chart', () => {
  it('is exactly width×height, flat while the price is flat and higher where it rose; no colour codes without colours', () => {
    const values = [...Array(100)].map((_, i) => (i < 60 ? 0.4 : 0.4 + (i - 60) * 0.005));
    const c = drawLineChart([{ values }], 60, 8);
    expect(c.lines).toHaveLength(8);
    for (const l of c.lines) expect(l.length).toBeLessThanOrEqual(60);
    expect(c.lines.join('')).not.toMatch(/\u001b/);
    const early = rowOfLine(c.lines, 5);
    expect(rowOfLine(c.lines, 20)).toBe(early);
    expect(rowOfLine(c.lines, c.columns - 2)).toBeLessThan(early);
    expect(c.lines[0]).toMatch(/^ 60¢┤/);
    expect(c.lines[7]).toMatch(/^ 40¢/);
  });

  it('leaves the columns before the first price blank and draws nothing without prices', () => {
    const c = drawLineChart([{ values: [null, null, null, 0.5, 0.5, 0.6] }], 20, 4);
    expect(c.firstColumn).toBeGreaterThan(0);
    expect(drawLineChart([{ values: [null, null] }], 20, 4).lines).toEqual([]);
  });

  it('resamples to the last price of each column', () => {
    expect(resample([1, 2, 3, 4], 2)).toEqual([2, 4]);
    expect(resample([null, 2, null, null], 4)).toEqual([null, 2, 2, 2]);
  });

  it('marks signals and trades in their columns', () => {
    const line = markLine([{ at: 0, symbol: '▲' }, { at: 99, symbol: '●' }], 0, 100, 10);
    expect(line.slice(AXIS_COLUMNS)).toBe('▲────────●');
  });
});

describe('issue 15: book', () => {
  it('heads with best bid, best ask and spread; bars grow with cumulative depth', () => {
    const lines = bookLines({ tokenId: 't', at: 0, bids: [{ price: 0.5, size: 100 }, { price: 0.49, size: 300 }], asks: [{ price: 0.52, size: 200 }] }, 2, 46);
    const text = lines.map((l) => l.map((s) => s.text).join(''));
    expect(text[0]).toBe('bid 50¢  ask 52¢  spread 2¢');
    expect(text[1]).toContain('50¢ │ 52¢');
    const bars = (s: string) => (s.match(/█/g) ?? []).length;
    expect(bars(text[2]!)).toBeGreaterThan(bars(text[1]!.split('│')[0]!));
    expect(depthBar(0.5, 4)).toBe('██  ');
  });
});
