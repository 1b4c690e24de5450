import { getSmartMoneyPositions, type SmartMoneyRow } from '../../../store/queries/smart-money.ts';
import { EMPTY_CURSOR } from '../../state.ts';
import type { TablePaneSpec } from '../types.ts';
import { smartMoneyColumns } from './View.tsx';

const SMART_MONEY_ROWS = 200;

/** Tab 3: what the top-100 wallets hold, by market and outcome. */
export const smartMoneyPane: TablePaneSpec<SmartMoneyRow> = {
  title: 'Smart Money',
  slices: ({ store }) => [{ key: 'smart-money', run: (signal) => getSmartMoneyPositions(store, { limit: SMART_MONEY_ROWS + 1 }, signal) }],
  columns: smartMoneyColumns,
  search: (r) => `${r.title} ${r.outcome} ${r.topName} ${r.topWallet}`,
  rowKey: (r) => `${r.conditionId}|${r.outcome}`,
  enter: (r) => ({ kind: 'market', conditionId: r.conditionId, title: r.title, cursor: EMPTY_CURSOR }),
  watch: (r) => ({ kind: 'market', id: r.conditionId, label: r.title || r.conditionId }),
  empty: 'no positions of top-ranked wallets yet (position sync has not run)',
  rowLimit: SMART_MONEY_ROWS,
};
