/**
 * Which markets a holder-sync run scans (issue 14: every active market, rotating by volume and staleness):
 * the `hot` markets with the highest volume every run, plus the `rotation` other markets scanned longest ago
 * (never-scanned first, higher volume breaking ties). A full pass over M active markets therefore completes in
 * ceil((M − hot) / rotation) runs — with the defaults (50 + 2,000 per 15-minute run) every market of a
 * 20,000-market Polymarket is rescanned at least every 2.5 h and the top 50 every 15 min.
 */
import type { MarketScanState } from '../store/queries/coverage.ts';

/** The markets of one run, hot ones first. */
export function marketsForHolderScan(markets: readonly MarketScanState[], hot: number, rotation: number): string[] {
  const byVolume = [...markets].sort((a, b) => b.volume - a.volume || (a.conditionId < b.conditionId ? -1 : 1));
  const hotSet = byVolume.slice(0, Math.max(0, hot));
  const chosen = new Set(hotSet.map((m) => m.conditionId));
  const rest = byVolume
    .filter((m) => !chosen.has(m.conditionId))
    .sort((a, b) => a.scannedAt - b.scannedAt || b.volume - a.volume || (a.conditionId < b.conditionId ? -1 : 1))
    .slice(0, Math.max(0, rotation));
  return [...hotSet, ...rest].map((m) => m.conditionId);
}

/** Runs needed for one full pass over `activeMarkets` (see the module comment). */
export function runsPerFullPass(activeMarkets: number, hot: number, rotation: number): number {
  const cold = Math.max(0, activeMarkets - hot);
  return cold === 0 ? 1 : Math.ceil(cold / Math.max(1, rotation));
}
