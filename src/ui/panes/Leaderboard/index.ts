import { getLeaderboard, type LeaderboardRow } from '../../../store/queries/leaderboard.ts';
import { traderLabel } from '../../../lib/format.ts';
import { EMPTY_CURSOR } from '../../state.ts';
import type { TablePaneSpec } from '../types.ts';
import { leaderboardColumns } from './View.tsx';

const LEADERBOARD_ROWS = 200;

/** Tab 1: the current leaderboard of the chosen category, period and order. */
export const leaderboardPane: TablePaneSpec<LeaderboardRow> = {
  title: 'Leaderboard',
  slices: ({ store, board }) => [
    {
      key: `leaderboard:${board.category}:${board.period}:${board.orderBy}`,
      run: (signal) => getLeaderboard(store, { ...board, limit: LEADERBOARD_ROWS + 1 }, signal),
    },
  ],
  columns: leaderboardColumns,
  search: (r) => `${r.name} ${r.xUsername} ${r.wallet}`,
  rowKey: (r) => r.wallet,
  enter: (r) => ({ kind: 'wallet', wallet: r.wallet, name: r.name, cursor: EMPTY_CURSOR }),
  watch: (r) => ({ kind: 'wallet', id: r.wallet, label: traderLabel(r.name, r.wallet) }),
  empty: 'no leaderboard rows yet for this board (the leaderboard sync has not written it)',
  rowLimit: LEADERBOARD_ROWS,
};
