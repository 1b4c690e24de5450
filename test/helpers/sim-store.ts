/**
 * Fills a store with what the simulator's public API would serve for every wallet (Gamma markets with their
 * resolutions, /activity, /positions, /closed-positions, /public-profile), parsed by the client's own schemas and
 * mapped by the sync jobs' row mappers, without HTTP: the metrics tests need a whole world in seconds, and the
 * HTTP path is covered by the jobs tests.
 */
import type { World } from '../../src/sim/world/index.ts';
import { activitySchema, closedPositionSchema, positionSchema } from '../../src/polymarket/schemas-data.ts';
import { marketSchema, publicProfileSchema, toPublicProfile } from '../../src/polymarket/schemas-gamma.ts';
import { activityRows, closedPositionRow, marketRow, positionRow, profileRow, resolutionOfMarket, resolutionRow } from '../../src/store/row-mappers.ts';
import type { Store } from '../../src/store/types.ts';

async function insertChunked(store: Store, table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 50_000) await store.insert(table, rows.slice(i, i + 50_000));
}

/** Every wallet's public data at world time `now` into `store`. Returns how many rows went into each table. */
export async function fillStoreFromWorld(store: Store, world: World, now: number): Promise<Record<string, number>> {
  const markets = world.markets().map((m) => marketSchema.parse(m));
  const resolutions = markets.flatMap((m) => {
    const r = resolutionOfMarket(m, now);
    return r ? [resolutionRow(r, now)] : [];
  });
  const activity: Record<string, unknown>[] = [];
  const positions: Record<string, unknown>[] = [];
  const closed: Record<string, unknown>[] = [];
  const profiles: Record<string, unknown>[] = [];
  for (const wallet of world.wallets()) {
    activity.push(...activityRows(world.activityOf(wallet).map((a) => activitySchema.parse(a))));
    positions.push(...world.positionsOf(wallet).map((p) => positionRow(positionSchema.parse(p), now)));
    closed.push(...world.closedPositionsOf(wallet).map((p) => closedPositionRow(closedPositionSchema.parse(p), now)));
    const profile = world.profileOf(wallet);
    if (profile) profiles.push(profileRow(toPublicProfile(publicProfileSchema.parse(profile), wallet), { updatedAt: now }));
  }
  await insertChunked(store, 'markets', markets.map((m) => marketRow(m, now)));
  await insertChunked(store, 'market_resolutions', resolutions);
  await insertChunked(store, 'wallet_activity', activity);
  await insertChunked(store, 'wallet_positions', positions);
  await insertChunked(store, 'closed_positions', closed);
  await insertChunked(store, 'trader_profiles', profiles);
  return { markets: markets.length, resolutions: resolutions.length, activity: activity.length, positions: positions.length, closed: closed.length, profiles: profiles.length };
}
