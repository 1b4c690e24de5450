/**
 * The market view's block above the holders: the price chart, the live book of the first outcome with one, and
 * the tracked wallets' recent trades. Wide terminals put the book beside the chart; narrow ones put it beside
 * the trades, under a full-width chart.
 */
import React from 'react';
import { Box } from 'ink';
import type { MarketViewData } from '../../../store/queries/market-view.ts';
import type { WhaleActivityRow } from '../../../store/queries/activity.ts';
import { formatAge, formatCents, formatRelative, formatUsd, traderLabel } from '../../../lib/format.ts';
import { outcomeBadge } from '../../components/Badge.ts';
import { Line, type Segment } from '../../components/Line.tsx';
import { bookLines } from '../../charts/book-lines.ts';
import { CHART_CHROME, PriceChart } from '../../charts/PriceChart.tsx';
import type { Theme } from '../../theme.ts';
import type { PanelNeed } from '../layout.ts';

/** Width of the book when it sits beside the chart. */
const BOOK_WIDTH = 46;
/** From this width the book sits beside the chart. */
const WIDE = 120;

/** Lines the panel wants: a 12-line plot and 8 trades, and at least a 3-line plot and 2 trades. */
export function panelNeed(width: number): PanelNeed {
  return width >= WIDE ? { lines: 12 + CHART_CHROME + 9, minLines: 3 + CHART_CHROME + 3 } : { lines: 8 + CHART_CHROME + 7, minLines: 3 + CHART_CHROME + 4 };
}

/** The chart/book/trades block in `width`×`lines`. */
export function MarketPanel({ data, now, width, lines, theme }: { data: MarketViewData; now: number; width: number; lines: number; theme: Theme }): React.JSX.Element {
  const wide = width >= WIDE;
  const lowerLines = Math.max(wide ? 3 : 4, Math.min(wide ? 9 : 7, Math.floor(lines * 0.35)));
  const chartLines = Math.max(CHART_CHROME + 2, lines - lowerLines);
  const outcomes = data.detail.outcomes.filter((o) => o.tokenId !== '').map((o) => ({ tokenId: o.tokenId, label: o.label }));
  const chartWidth = wide ? width - BOOK_WIDTH - 1 : width;
  const chart = <PriceChart history={data.history} outcomes={outcomes} width={chartWidth} height={chartLines} theme={theme} now={now} />;
  if (wide) {
    return (
      <Box flexDirection="column" height={lines}>
        <Box flexDirection="row" height={chartLines}>
          {chart}
          <Box width={1} />
          <BookBlock data={data} now={now} width={BOOK_WIDTH} lines={chartLines} theme={theme} />
        </Box>
        <TradesBlock trades={data.trades} now={now} width={width} lines={lowerLines} theme={theme} />
      </Box>
    );
  }
  const half = Math.floor((width - 1) / 2);
  return (
    <Box flexDirection="column" height={lines}>
      {chart}
      <Box flexDirection="row" height={lowerLines}>
        <BookBlock data={data} now={now} width={half} lines={lowerLines} theme={theme} />
        <Box width={1} />
        <TradesBlock trades={data.trades} now={now} width={width - half - 1} lines={lowerLines} theme={theme} />
      </Box>
    </Box>
  );
}

/** The newest stored book of the first outcome that has one, with its outcome and age in the title. */
function BookBlock({ data, now, width, lines, theme }: { data: MarketViewData; now: number; width: number; lines: number; theme: Theme }): React.JSX.Element {
  const outcome = data.detail.outcomes.find((o) => data.books.some((b) => b.tokenId === o.tokenId));
  const book = outcome ? data.books.find((b) => b.tokenId === outcome.tokenId) : undefined;
  const title: Segment[] = [{ text: 'Book ', tone: 'title' }];
  if (!book || !outcome) {
    return (
      <Box flexDirection="column" width={width} height={lines}>
        <Line segments={[...title, { text: 'no live book (the feed stores one every 10 s for watched markets)', tone: 'muted' }]} width={width} theme={theme} />
      </Box>
    );
  }
  title.push({ text: outcome.label, tone: outcomeBadge(outcome.label).tone }, { text: ` · ${formatAge(Math.max(0, now - book.at))} ago`, tone: 'muted' });
  const body = bookLines(book, Math.max(1, lines - 2), width);
  return (
    <Box flexDirection="column" width={width} height={lines}>
      <Line segments={title} width={width} theme={theme} />
      {body.map((segments, i) => (
        <Line key={i} segments={segments} width={width} theme={theme} />
      ))}
    </Box>
  );
}

/** The tracked wallets' newest trades in this market: age, trader, side, outcome, price, USD. */
function TradesBlock({ trades, now, width, lines, theme }: { trades: readonly WhaleActivityRow[]; now: number; width: number; lines: number; theme: Theme }): React.JSX.Element {
  const rows = trades.slice(0, Math.max(0, lines - 1));
  return (
    <Box flexDirection="column" width={width} height={lines}>
      <Line segments={[{ text: 'Recent trades', tone: 'title' }, { text: trades.length === 0 ? ' none by tracked wallets yet' : ' by tracked wallets', tone: 'muted' }]} width={width} theme={theme} />
      {rows.map((t, i) => (
        <Line key={i} segments={tradeSegments(t, now)} width={width} theme={theme} />
      ))}
    </Box>
  );
}

/** One trade as a line (exported for tests). */
export function tradeSegments(t: WhaleActivityRow, now: number): Segment[] {
  return [
    { text: formatRelative(t.at, now).padEnd(9), tone: 'muted' },
    { text: ` ${t.side === 'SELL' ? 'SELL' : 'BUY '} `, tone: t.side === 'SELL' ? 'neg' : 'pos' },
    { text: `${formatUsd(t.usd).padStart(7)} ` },
    { text: `${outcomeBadge(t.outcome).text} `, tone: outcomeBadge(t.outcome).tone },
    { text: `@${formatCents(t.price)} `, tone: 'muted' },
    { text: traderLabel(t.name, t.wallet) },
  ];
}
