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

/**
 * Tables a demo store keeps when its world changes: the store's own bookkeeping and the trader's watchlists (the
 * same seed gives the same wallets and markets, so a pin still means something).
 */
export const KEPT_ACROSS_DEMO_WORLDS: readonly string[] = ['schema_migrations', 'store_source', 'demo_world', 'watchlist_markets', 'watchlist_wallets'];

/** Every data table of the current database (MergeTree family, materialised views' targets included). */
const DATA_TABLES_SQL = `
  SELECT name FROM system.tables
  WHERE database = currentDatabase() AND engine LIKE '%MergeTree' AND name NOT IN {kept:Array(String)}
  ORDER BY name`;

/**
 * Makes `store` hold the demo world `identity` alone (issue 11, defect 3): when the store last held another world,
 * every data table but {@link KEPT_ACROSS_DEMO_WORLDS} is emptied, so the new world's history never lands beside
 * an older copy of the same trades. Returns the tables emptied (none when the world is the recorded one or the
 * store is new) and records the world.
 */
export async function adoptDemoWorld(store: Store, identity: string, now = Date.now()): Promise<{ cleared: string[] }> {
  const rows = await store.query<{ world: string }>('SELECT world FROM demo_world ORDER BY adopted_at DESC LIMIT 1');
  if (rows[0]?.world === identity) return { cleared: [] };
  const cleared: string[] = [];
  if (rows.length > 0 || (await holdsData(store))) {
    const tables = await store.query<{ name: string }>(DATA_TABLES_SQL, { kept: [...KEPT_ACROSS_DEMO_WORLDS] });
    for (const { name } of tables) {
      // Names come from system.tables of this database; quoting keeps the odd '.inner_id.…' target name whole.
      await store.command(`TRUNCATE TABLE IF EXISTS \`${name.replaceAll('`', '``')}\``);
      cleared.push(name);
    }
  }
  await store.insert('demo_world', [{ world: identity, adopted_at: chTime(now), cleared }]);
  return { cleared };
}
