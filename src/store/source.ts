/**
 * Which source a store's data came from — Polymarket ('live') or the built-in simulator ('demo') — recorded on the
 * first run and checked on every later one, so demo and live data never mix (issue 11, defect 2): simulated wallets
 * shown as "live · polymarket.com" would be worse than no data.
 */
import { chTime } from './time.ts';
import type { Store } from './types.ts';

/** Where data comes from. */
export type StoreSource = 'live' | 'demo';

/** The outcome of {@link claimStoreSource}. */
export type SourceClaim =
  | { ok: true; source: StoreSource; claimedNow: boolean }
  | { ok: false; recorded: StoreSource; wanted: StoreSource };

/** Does the store hold any row a run of whaletop writes (leaderboards, activity, markets, job history)? */
const HOLDS_DATA_SQL = `
  SELECT (SELECT count() FROM (SELECT 1 FROM trader_rankings LIMIT 1))
       + (SELECT count() FROM (SELECT 1 FROM wallet_activity LIMIT 1))
       + (SELECT count() FROM (SELECT 1 FROM markets LIMIT 1))
       + (SELECT count() FROM (SELECT 1 FROM job_runs LIMIT 1)) AS n`;

/** The recorded source of `store`, or null for a store never claimed. */
export async function readStoreSource(store: Store): Promise<StoreSource | null> {
  const rows = await store.query<{ source: string }>('SELECT source FROM store_source ORDER BY claimed_at ASC LIMIT 1');
  const source = rows[0]?.source;
  return source === 'live' || source === 'demo' ? source : null;
}

async function holdsData(store: Store): Promise<boolean> {
  const rows = await store.query<{ n: number | string }>(HOLDS_DATA_SQL);
  return Number(rows[0]?.n) > 0;
}

/**
 * Records `wanted` as the store's source when none is recorded; refuses when the store belongs to the other
 * source. A store written before sources were recorded is claimed too (its rows cannot be told apart), noted as
 * such in the row.
 */
export async function claimStoreSource(store: Store, wanted: StoreSource, now = Date.now()): Promise<SourceClaim> {
  const recorded = await readStoreSource(store);
  if (recorded !== null) return recorded === wanted ? { ok: true, source: recorded, claimedNow: false } : { ok: false, recorded, wanted };
  const note = (await holdsData(store)) ? 'had data' : 'empty';
  await store.insert('store_source', [{ source: wanted, claimed_at: chTime(now), note }]);
  return { ok: true, source: wanted, claimedNow: true };
}

/** The one line shown when a run would mix sources: what the store holds and how to get a store of one's own. */
export function mixedSourceMessage(claim: Extract<SourceClaim, { ok: false }>, where: string): string {
  const holds = claim.recorded === 'demo' ? 'simulated demo data (written by --demo)' : 'live Polymarket data';
  const wanted = claim.wanted === 'demo' ? '--demo' : 'live mode (no --demo)';
  return `${where} holds ${holds}; ${wanted} keeps its data apart: drop --data-dir to use its default store, or choose another directory`;
}
