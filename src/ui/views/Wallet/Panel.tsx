/**
 * The wallet view's block above its positions: PnL over time (cumulative net cash of the stored activity, ending
 * at that plus the open value) and the open value by category as bars.
 */
import React from 'react';
import { Box, Text } from 'ink';
import type { WalletPnl } from '../../../store/queries/wallet-pnl.ts';
import { formatAge, formatUsd } from '../../../lib/format.ts';
import { Line } from '../../components/Line.tsx';
import { depthBar } from '../../charts/book-lines.ts';
import { drawLineChart, markLine, timeLine, USD_AXIS } from '../../charts/line-chart.ts';
import type { Theme } from '../../theme.ts';
import { signTone } from '../../theme.ts';
import type { PanelNeed } from '../layout.ts';

/** Width of the category bars beside the chart. */
const BARS_WIDTH = 40;

/** Lines the panel wants: an 8-line plot and its three lines of chrome; at least a 3-line plot. */
export function walletPanelNeed(pnl: WalletPnl): PanelNeed | null {
  return pnl.activities === 0 && pnl.categories.length === 0 ? null : { lines: 11, minLines: 6, beforeHeader: true };
}

/** The PnL chart and category bars in `width`×`lines`. */
export function WalletPanel({ pnl, width, lines, theme, now }: { pnl: WalletPnl; width: number; lines: number; theme: Theme; now: number }): React.JSX.Element {
  const barsWidth = width >= 100 ? BARS_WIDTH : 0;
  const chartWidth = width - barsWidth - (barsWidth > 0 ? 1 : 0);
  const last = [...pnl.cash].reverse().find((v) => v !== null) ?? null;
  const chart = drawLineChart([{ values: pnl.cash, ...(theme.color ? { color: last !== null && last < 0 ? '\u001b[31m' : '\u001b[32m' } : {}) }], chartWidth, Math.max(2, lines - 3), USD_AXIS);
  return (
    <Box flexDirection="row" height={lines}>
      <Box flexDirection="column" width={chartWidth} height={lines}>
        <Line
          segments={[
            { text: 'PnL over time ', tone: 'title' },
            { text: last === null ? 'no activity stored' : formatUsd(last, { signed: true }), ...(last === null ? { tone: 'muted' as const } : { tone: signTone(last) ?? 'muted' }) },
            { text: `  net cash of ${pnl.activities} activities + open ${formatUsd(pnl.openValue)}`, tone: 'muted' },
          ]}
          width={chartWidth}
          theme={theme}
        />
        {chart.lines.map((l, i) => (
          <Text key={i} wrap="truncate-end">
            {l}
          </Text>
        ))}
        {chart.lines.length > 0 ? <Text wrap="truncate-end">{markLine([], pnl.from, pnl.to, chart.columns, USD_AXIS.width)}</Text> : null}
        {chart.lines.length > 0 ? (
          <Text wrap="truncate-end" {...theme.style('muted')}>
            {timeLine(`-${formatAge(Math.max(0, now - pnl.from))}`, 'now', chart.columns, USD_AXIS.width)}
          </Text>
        ) : null}
      </Box>
      {barsWidth > 0 ? (
        <Box flexDirection="column" width={barsWidth} marginLeft={1} height={lines}>
          <Line segments={[{ text: 'Open value by category', tone: 'title' }]} width={barsWidth} theme={theme} />
          {pnl.categories.slice(0, lines - 1).map((c) => (
            <Line
              key={c.category}
              segments={[{ text: c.category.slice(0, 12).padEnd(13) }, { text: depthBar(c.value / Math.max(pnl.categories[0]!.value, 1e-9), barsWidth - 22), tone: 'accent' }, { text: ` ${formatUsd(c.value).padStart(7)}` }]}
              width={barsWidth}
              theme={theme}
            />
          ))}
        </Box>
      ) : null}
    </Box>
  );
}
