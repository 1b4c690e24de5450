import { getMarketDetail, type MarketDetail } from '../../../store/queries/market.ts';
import type { HolderRow } from '../../../store/queries/holders.ts';
import { EMPTY_CURSOR } from '../../state.ts';
import type { DetailSpec } from '../types.ts';
import { holderColumns, marketHeader } from './View.tsx';

/** The market view of `conditionId`: question, prices, concentration, top holders of each outcome (Enter → wallet). */
export function marketView(conditionId: string, titleHint: string): DetailSpec<MarketDetail, HolderRow> {
  return {
    slice: ({ store, now }) => ({ key: `market:${conditionId}`, run: (signal) => getMarketDetail(store, { conditionId, now: now() }, signal) }),
    title: (d) => d?.question || titleHint || conditionId,
    header: marketHeader,
    rows: (d) => d.outcomes.flatMap((o) => o.holders),
    columns: holderColumns,
    search: (r) => `${r.name} ${r.wallet} ${r.outcome}`,
    rowKey: (r) => `${r.outcomeIndex}|${r.wallet}`,
    enter: (r) => ({ kind: 'wallet', wallet: r.wallet, name: r.name, cursor: EMPTY_CURSOR }),
    watch: (d) => ({ kind: 'market', id: conditionId, label: d?.question || titleHint || conditionId }),
    empty: 'no holders recorded for this market',
  };
}
