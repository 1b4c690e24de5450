/**
 * Every factor of a wallet's scores as label/value lines, shared by `whaletop score <wallet>` and the wallet view,
 * so a trader sees why a wallet has its grade, whale score and insider score. Pure: formats, never fetches.
 */
import { formatUsd } from '../../lib/format.ts';
import { INSIDER_THRESHOLD, MIN_SETTLED_MARKETS, MIN_VOLUME_USD } from './grades.ts';
import { INSIDER_WEIGHTS } from './pipeline.ts';
import type { WalletScore } from './scores.ts';

/** One explained factor. */
export interface ScoreLine {
  label: string;
  value: string;
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;
const omega = (x: number): string => (x >= 50 ? '50 (cap)' : x.toFixed(2));
const factor = (x: number, weight: number): string => `${x.toFixed(2)} × ${weight} = ${(x * weight * 100).toFixed(1)}`;

/** The grade, its sample and every metric of one score row. */
export function gradeLines(s: WalletScore): ScoreLine[] {
  const belowSample = s.settledMarkets < MIN_SETTLED_MARKETS || s.volume < MIN_VOLUME_USD;
  return [
    { label: 'Grade', value: s.grade === '' ? `— (needs ≥ ${MIN_SETTLED_MARKETS} settled markets and ≥ ${formatUsd(MIN_VOLUME_USD)} traded)` : s.grade },
    { label: 'Omega (shrunk)', value: `${omega(s.omegaShrunk)}${belowSample ? ' (below minimum sample)' : ''}` },
    { label: 'Omega (raw)', value: `${omega(s.omegaRaw)}  gains ${formatUsd(s.gains)} / losses ${formatUsd(s.losses)}` },
    { label: 'Settled markets', value: `${s.settledMarkets}  won ${s.wins} (${pct(s.winRate)})` },
    { label: 'Realised PnL', value: `${formatUsd(s.realizedPnl)}  ROI ${pct(s.roi)} on ${formatUsd(s.settledStake)} staked` },
    { label: 'Volume', value: `${formatUsd(s.volume)}  ${s.trades} trades, avg ${formatUsd(s.avgBet)}, max ${formatUsd(s.maxBet)}` },
    { label: 'Markets traded', value: `${s.marketsTraded}  both outcomes in ${pct(s.twoSidedShare)}` },
    { label: 'Side share', value: `buy ${pct(s.buyShare)} / sell ${pct(1 - s.buyShare)}; first outcome ${pct(s.firstOutcomeShare)} of buys` },
  ];
}

/** The whale score and the insider score with each weighted factor. */
export function scoreLines(s: WalletScore, now: number): ScoreLine[] {
  const ageDays = Math.max(0, (now - s.firstSeen) / 86_400_000);
  const f = s.insiderFactors;
  return [
    { label: 'Whale score', value: `${s.whaleScore.toFixed(0)} / 100` },
    { label: 'Insider score', value: `${s.insiderScore.toFixed(0)} / 100${s.insiderScore >= INSIDER_THRESHOLD ? ` (≥ ${INSIDER_THRESHOLD}: likely insider)` : ''}` },
    { label: '  fresh wallet', value: `${factor(f.fresh, INSIDER_WEIGHTS.fresh)}  first seen ${ageDays.toFixed(0)} d ago` },
    { label: '  few markets', value: `${factor(f.fewMarkets, INSIDER_WEIGHTS.fewMarkets)}  ${s.marketsTraded} markets` },
    { label: '  concentrated bet', value: factor(f.concentration, INSIDER_WEIGHTS.concentration) },
    { label: '  niche market', value: factor(f.niche, INSIDER_WEIGHTS.niche) },
    { label: '  timed before resolution', value: factor(f.timing, INSIDER_WEIGHTS.timing) },
    { label: 'Labels', value: s.labels.length === 0 ? '—' : s.labels.join(', ') },
  ];
}
