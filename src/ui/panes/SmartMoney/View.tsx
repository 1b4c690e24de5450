import type { ColumnSpec } from '../../components/columns.ts';
import { outcomeBadge } from '../../components/Badge.ts';
import type { SmartMoneyRow } from '../../../store/queries/smart-money.ts';
import { formatCents, formatPercentSigned, formatUsd, traderLabel } from '../../../lib/format.ts';
import { signTone } from '../../theme.ts';

const trader = (r: SmartMoneyRow): string => traderLabel(r.topName, r.topWallet) + (r.wallets > 1 ? ` +${r.wallets - 1}` : '');

/** Smart money columns (the Phase 2 spec's Whales page, grouped by market/outcome): best rank, traders, market, outcome, value, PnL, return. */
export function smartMoneyColumns(): ColumnSpec<SmartMoneyRow>[] {
  return [
    { key: 'rank', header: '#', priority: 1, minWidth: 4, align: 'right', text: (r) => `#${r.bestRank}`, sortValue: (r) => r.bestRank },
    { key: 'trader', header: 'Trader', priority: 2, minWidth: 10, maxWidth: 22, shrink: true, text: trader, sortValue: (r) => r.wallets },
    { key: 'market', header: 'Market', priority: 1, minWidth: 12, shrink: true, text: (r) => r.title || r.conditionId, sortValue: (r) => r.title.toLowerCase() },
    { key: 'outcome', header: 'Outcome', priority: 2, minWidth: 5, maxWidth: 14, shrink: true, text: (r) => outcomeBadge(r.outcome).text, tone: (r) => outcomeBadge(r.outcome).tone },
    { key: 'value', header: 'Position', priority: 1, minWidth: 8, align: 'right', text: (r) => formatUsd(r.value), sortValue: (r) => r.value },
    { key: 'pnl', header: 'PnL', priority: 1, minWidth: 8, align: 'right', text: (r) => formatUsd(r.cashPnl, { signed: true }), tone: (r) => signTone(r.cashPnl), sortValue: (r) => r.cashPnl },
    { key: 'return', header: 'Return', priority: 3, minWidth: 7, align: 'right', text: (r) => formatPercentSigned(r.percentPnl), tone: (r) => signTone(r.percentPnl), sortValue: (r) => r.percentPnl },
    { key: 'price', header: 'Price', priority: 4, minWidth: 6, align: 'right', text: (r) => formatCents(r.curPrice), sortValue: (r) => r.curPrice },
  ];
}
