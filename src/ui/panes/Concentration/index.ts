import { getPositionConcentration, type ConcentrationRow } from '../../../store/queries/concentration.ts';
import { EMPTY_CURSOR } from '../../state.ts';
import type { TablePaneSpec } from '../types.ts';
import { concentrationColumns } from './View.tsx';

const CONCENTRATION_ROWS = 100;

/** Tab 4: markets by top-5 holder share. */
export const concentrationPane: TablePaneSpec<ConcentrationRow> = {
  title: 'Concentration',
  slices: ({ store }) => [{ key: 'concentration', run: (signal) => getPositionConcentration(store, { limit: CONCENTRATION_ROWS + 1 }, signal) }],
  columns: concentrationColumns,
  search: (r) => `${r.question} ${r.topName} ${r.topWallet}`,
  rowKey: (r) => r.conditionId,
  enter: (r) => ({ kind: 'market', conditionId: r.conditionId, title: r.question, cursor: EMPTY_CURSOR }),
  watch: (r) => ({ kind: 'market', id: r.conditionId, label: r.question || r.conditionId }),
  empty: 'no holder snapshots yet (holder sync has not run)',
  rowLimit: CONCENTRATION_ROWS,
};
