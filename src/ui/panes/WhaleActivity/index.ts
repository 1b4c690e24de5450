import { getWhaleActivity, type WhaleActivityRow } from '../../../store/queries/activity.ts';
import { traderLabel } from '../../../lib/format.ts';
import { EMPTY_CURSOR } from '../../state.ts';
import type { TablePaneSpec } from '../types.ts';
import { activityColumns } from './View.tsx';

const ACTIVITY_ROWS = 200;

/** Tab 2: activity of tracked wallets of at least $500 in the last 24 h, newest first. */
export const whaleActivityPane: TablePaneSpec<WhaleActivityRow> = {
  title: 'Whale Activity',
  slices: ({ store, now }) => [{ key: 'whale-activity', run: (signal) => getWhaleActivity(store, { limit: ACTIVITY_ROWS + 1, now: now() }, signal) }],
  columns: activityColumns,
  search: (r) => `${r.name} ${r.wallet} ${r.title} ${r.type} ${r.side} ${r.outcome}`,
  // A trade's natural key (the store's, less fill_seq: identical fills of one transaction share a row key).
  rowKey: (r) => [r.wallet, r.transactionHash, r.conditionId, r.outcome, r.type, r.side, r.size, r.at].join('|'),
  enter: (r) => ({ kind: 'wallet', wallet: r.wallet, name: r.name, cursor: EMPTY_CURSOR }),
  watch: (r) => ({ kind: 'wallet', id: r.wallet, label: traderLabel(r.name, r.wallet) }),
  empty: 'no whale activity ≥ $500 in the last 24 h',
  rowLimit: ACTIVITY_ROWS,
};
