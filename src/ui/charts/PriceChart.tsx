import React from 'react';
import { Box, Text } from 'ink';
import asciichart from 'asciichart';
import type { PriceHistory } from '../../store/queries/price-history.ts';
import { formatAge, formatCents } from '../../lib/format.ts';
import { Line, type Segment } from '../components/Line.tsx';
import type { Theme, Tone } from '../theme.ts';
import { drawLineChart, markLine, timeLine, type AxisMark, type ChartSeries } from './line-chart.ts';

/** An outcome as the chart names it. */
export interface ChartOutcome {
  tokenId: string;
  label: string;
}

/** Line colours by outcome order (asciichart ANSI) and the tone of the same colour for the legend. */
const LINE_COLORS: readonly [string, Tone][] = [
  [asciichart.green, 'pos'],
  [asciichart.red, 'neg'],
  [asciichart.cyan, 'accent'],
  [asciichart.yellow, 'warn'],
];

/** Lines the chart takes besides its plot: the legend, the mark line and the time line. */
export const CHART_CHROME = 3;

/**
 * The price history of a market's outcomes as a line chart `width`×`height` (legend, plot, marks, time labels).
 * With colour each outcome gets its own line colour; without colour only the first outcome is drawn (two
 * monochrome lines cannot be told apart; in a binary market the other is its mirror) and the legend says so.
 */
export function PriceChart({ history, outcomes, width, height, theme, now }: { history: PriceHistory; outcomes: readonly ChartOutcome[]; width: number; height: number; theme: Theme; now: number }): React.JSX.Element {
  const drawn = theme.color ? outcomes.slice(0, LINE_COLORS.length) : outcomes.slice(0, 1);
  const series: ChartSeries[] = drawn.map((o, i) => ({
    values: history.tokens.find((t) => t.tokenId === o.tokenId)?.prices ?? [],
    ...(theme.color ? { color: LINE_COLORS[i]![0] } : {}),
  }));
  const plotHeight = Math.max(2, height - CHART_CHROME);
  const chart = drawLineChart(series, width, plotHeight);
  const legend: Segment[] = [{ text: `Price ${history.range} `, tone: 'title' }, { text: '(t range) ', tone: 'muted' }];
  drawn.forEach((o, i) => {
    const prices = series[i]!.values;
    const last = [...prices].reverse().find((p) => p !== null);
    legend.push({ text: theme.color ? '━ ' : '─ ', ...(theme.color ? { tone: LINE_COLORS[i]![1] } : {}) }, { text: `${o.label} ${last == null ? '–' : formatCents(last)}  ` });
  });
  legend.push({ text: '▲▼ signal  ● tracked trade', tone: 'muted' });
  if (chart.lines.length === 0) {
    return (
      <Box flexDirection="column" width={width} height={height}>
        <Line segments={legend} width={width} theme={theme} />
        <Line segments={[{ text: 'no prices stored for this range yet (the live feed writes a mid every 10 s)', tone: 'muted' }]} width={width} theme={theme} />
      </Box>
    );
  }
  const marks: AxisMark[] = history.marks.map((m) => ({ at: m.at, symbol: m.kind === 'signal' ? (m.label === 'DOWN' ? '▼' : '▲') : '●' }));
  const right = history.newestLiveAt === null ? 'now' : now - history.newestLiveAt < 20_000 ? 'now (live)' : `live ${formatAge(now - history.newestLiveAt)} ago`;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Line segments={legend} width={width} theme={theme} />
      {chart.lines.map((l, i) => (
        <Text key={i} wrap="truncate-end">
          {l}
        </Text>
      ))}
      <Text wrap="truncate-end">{markLine(marks, history.from, history.to, chart.columns)}</Text>
      <Text wrap="truncate-end" {...theme.style('muted')}>
        {timeLine(`-${history.range === 'all' ? formatAge(history.to - history.from) : history.range}`, right, chart.columns)}
      </Text>
    </Box>
  );
}
