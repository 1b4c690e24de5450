import type { ColumnSpec } from '../../components/columns.ts';
import type { LeaderboardRow } from '../../../store/queries/leaderboard.ts';
import { formatUsd, traderLabel } from '../../../lib/format.ts';
import { signTone } from '../../theme.ts';
import { gradeLabel, gradeRank } from '../../../store/metrics/grades.ts';

/** Leaderboard columns (the Phase 2 spec's Whales page): rank, trader, PnL (green/red), grade and shrunk omega (issue 13), volume, verified, X handle. */
export function leaderboardColumns(): ColumnSpec<LeaderboardRow>[] {
  return [
    { key: 'rank', header: '#', priority: 1, minWidth: 4, align: 'right', text: (r) => `#${r.rank}`, sortValue: (r) => r.rank },
    { key: 'trader', header: 'Trader', priority: 1, minWidth: 10, maxWidth: 28, shrink: true, text: (r) => traderLabel(r.name, r.wallet), sortValue: (r) => traderLabel(r.name, r.wallet).toLowerCase() },
    { key: 'pnl', header: 'PnL', priority: 1, minWidth: 8, align: 'right', text: (r) => formatUsd(r.pnl, { signed: true }), tone: (r) => signTone(r.pnl), sortValue: (r) => r.pnl },
    { key: 'grade', header: 'Gr', priority: 2, minWidth: 2, text: (r) => gradeLabel(r.grade), tone: () => 'accent', sortValue: (r) => gradeRank(r.grade) },
    { key: 'omega', header: 'Ω', priority: 3, minWidth: 5, align: 'right', text: (r) => (r.omega === null ? '—' : r.omega.toFixed(2)), sortValue: (r) => -(r.omega ?? -1) },
    { key: 'volume', header: 'Volume', priority: 2, minWidth: 7, align: 'right', text: (r) => formatUsd(r.volume), sortValue: (r) => r.volume },
    { key: 'verified', header: 'Ver', priority: 4, minWidth: 3, text: (r) => (r.verified ? '[✓]' : ''), tone: () => 'accent' },
    { key: 'x', header: 'X', priority: 5, minWidth: 6, maxWidth: 18, shrink: true, text: (r) => (r.xUsername ? `@${r.xUsername}` : '') },
    { key: 'wallet', header: 'Wallet', priority: 6, minWidth: 11, text: (r) => `${r.wallet.slice(0, 6)}…${r.wallet.slice(-4)}` },
  ];
}
