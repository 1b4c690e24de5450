import { getSignalHitRate, getSignals, type SignalRow } from '../../../store/queries/signals.ts';
import { EMPTY_CURSOR } from '../../state.ts';
import type { TablePaneSpec } from '../types.ts';
import { signalColumns } from './View.tsx';

/** Slice key of the hit-rate footer. */
export const HIT_RATE_KEY = 'signal-hit-rate';

const SIGNAL_ROWS = 200;

/** Tab 5: fired live signals, newest first, with the hit rate so far in the footer. */
export const liveSignalsPane: TablePaneSpec<SignalRow> = {
  title: 'Live Signals',
  slices: ({ store, now }) => [
    { key: 'signals', run: (signal) => getSignals(store, { limit: SIGNAL_ROWS + 1, now: now() }, signal) },
    { key: HIT_RATE_KEY, run: (signal) => getSignalHitRate(store, {}, signal) },
  ],
  columns: signalColumns,
  search: (r) => `${r.question} ${r.outcome} ${r.type} ${r.direction} ${r.confidence} ${r.eliteName ?? ''}`,
  rowKey: (r) => r.id,
  enter: (r) => ({ kind: 'market', conditionId: r.conditionId, title: r.question, cursor: EMPTY_CURSOR }),
  watch: (r) => ({ kind: 'market', id: r.conditionId, label: r.question || r.conditionId }),
  empty: 'no signals fired in the last 24 h',
  rowLimit: SIGNAL_ROWS,
};
