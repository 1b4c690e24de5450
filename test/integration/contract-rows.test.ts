import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { silentLogger } from '../../src/lib/log.ts';
import { activitySchema, holderSchema, leaderboardEntrySchema, positionSchema, tokenHoldersEnvelopeSchema, tradeSchema, v2TradeSchema, v2TradesEnvelopeSchema } from '../../src/polymarket/schemas-data.ts';
import { marketSchema, publicProfileSchema, toPublicProfile } from '../../src/polymarket/schemas-gamma.ts';
import { activityRows, holderRow, leaderboardRow, marketRow, positionRow, profileRow, tradeAttributionRow } from '../../src/store/row-mappers.ts';
import { ROW_VALIDATORS, type TableName } from '../../src/store/rows.ts';
import type { Row } from '../../src/store/types.ts';
import { BatchedWriter } from '../../src/store/writer.ts';
import { closeTestStore, openTestStore, type TestStore } from '../helpers/store.ts';

// Contract: every recorded Polymarket response parses with the clients' schemas, maps to rows through the shared
// mappers, passes the row validators, lands in the real tables, and reads back field for field.

const FIXTURES = '/work/shared/fixtures/polymarket';
const FETCHED_AT = Date.UTC(2026, 7, 16, 12, 0, 0, 0);

function fixtures(dir: string): Array<{ name: string; body: unknown }> {
  return readdirSync(join(FIXTURES, dir))
    .filter((f) => f.endsWith('.json'))
    .map((name) => ({ name, body: JSON.parse(readFileSync(join(FIXTURES, dir, name), 'utf8')) as unknown }));
}

function parseAll<T>(schema: z.ZodType<T>, records: unknown): T[] {
  expect(Array.isArray(records)).toBe(true);
  return (records as unknown[]).map((r) => schema.parse(r));
}

describe('fixtures → schemas → rows → ClickHouse → rows', () => {
  let store: TestStore;
  let writer: BatchedWriter;

  beforeAll(async () => {
    store = await openTestStore();
    // The fixtures are from 2026-08; without this the 1-year TTL would make them vanish in a later year.
    await store.command('ALTER TABLE wallet_activity REMOVE TTL');
    writer = new BatchedWriter(store, { logger: silentLogger, validators: ROW_VALIDATORS });
  });
  afterAll(async () => {
    await writer.close();
    await closeTestStore(store);
  });

  /** Writes rows through the validating writer and reads the same columns back; both sides sorted alike. */
  async function roundTrip(table: TableName, rows: Row[]): Promise<void> {
    expect(rows.length).toBeGreaterThan(0);
    await store.command(`TRUNCATE TABLE ${table}`);
    const before = writer.stats().tables[table]?.rejected ?? 0;
    writer.write(table, rows);
    expect(writer.stats().tables[table]?.rejected ?? 0).toBe(before);
    await writer.flush();
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const back = await store.query<Row>(`SELECT ${columns.map((c) => `\`${c}\``).join(', ')} FROM ${table}`);
    const sort = (rs: Row[]): Row[] => [...rs].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(sort(back)).toEqual(sort(rows));
  }

  it('data-api-leaderboard → trader_rankings', async () => {
    for (const { body } of fixtures('data-api-leaderboard')) {
      const entries = parseAll(leaderboardEntrySchema, body);
      const rows = entries.map((e) => leaderboardRow(e, { category: 'OVERALL', timePeriod: 'ALL', orderBy: 'VOL', snapshotTime: FETCHED_AT }));
      expect(rows[0]).toMatchObject({ proxy_wallet: '0x204f72f35326db932158cba6adff0b9a1da95e14', rank: 1, volume: 1803373946.6578584, pnl: 23373702.173558038 });
      await roundTrip('trader_rankings', rows);
    }
  });

  it('data-api-positions → wallet_positions', async () => {
    for (const { body } of fixtures('data-api-positions')) {
      const positions = parseAll(positionSchema, body);
      const rows = positions.map((p) => positionRow(p, FETCHED_AT));
      expect(rows[0]).toMatchObject({ size: 162963.4451, cur_price: 0.955, cash_pnl: -6997.4491 });
      await roundTrip('wallet_positions', rows);
    }
  });

  it('data-api-activity → wallet_activity', async () => {
    for (const { body } of fixtures('data-api-activity')) {
      const rows = activityRows(parseAll(activitySchema, body));
      expect(rows[0]).toMatchObject({ activity_type: 'REDEEM', side: '', price: 0, fill_seq: 0, timestamp: '2026-08-16 06:27:57.000' });
      await roundTrip('wallet_activity', rows);
    }
  });

  it('data-api-holders → market_holders', async () => {
    for (const { body } of fixtures('data-api-holders')) {
      expect(Array.isArray(body)).toBe(true);
      const rows = (body as unknown[]).flatMap((group) => {
        const { token, holders } = tokenHoldersEnvelopeSchema.parse(group);
        return holders.map((h) => holderRow(holderSchema.parse(h), { conditionId: '0xcond', tokenId: token, snapshotTime: FETCHED_AT }));
      });
      expect(rows[0]).toMatchObject({ pseudonym: 'Frail-Possible', amount: 162963.4451, outcome_index: 0 });
      await roundTrip('market_holders', rows);
    }
  });

  it('gamma-markets → markets', async () => {
    const all = fixtures('gamma-markets');
    expect(all.length).toBeGreaterThanOrEqual(2);
    for (const { name, body } of all) {
      const row = marketRow(marketSchema.parse(body), FETCHED_AT);
      expect(row.clob_token_ids, name).toHaveLength(2);
      await roundTrip('markets', [row]);
    }
    const xi = marketRow(marketSchema.parse(all.find((f) => f.name.includes('559651'))!.body), FETCHED_AT);
    expect(xi).toMatchObject({ outcomes: ['Yes', 'No'], outcome_prices: [0.0455, 0.9545], end_date: '2026-12-31 00:00:00.000', updated_at: '2026-08-16 08:48:06.699' });
  });

  it('gamma-public-profile → trader_profiles', async () => {
    for (const { body } of fixtures('gamma-public-profile')) {
      const profile = toPublicProfile(publicProfileSchema.parse(body), '0x7c3db723f1d4d8cb9c550095203b686cb11e5c6b');
      const row = profileRow(profile, { discoveredVia: 'leaderboard', updatedAt: FETCHED_AT });
      expect(row).toMatchObject({ verified_badge: 1, x_username: 'CarOnPolymarket', profile_created_at: '2024-02-09 01:08:31.155' });
      await roundTrip('trader_profiles', [row]);
    }
  });

  it('data-api-trades and data-api-v2-trades → elite_trade_attributions', async () => {
    const rows: Row[] = [];
    for (const { body } of fixtures('data-api-trades')) {
      for (const t of parseAll(tradeSchema, body)) rows.push(tradeAttributionRow(t, { isElite: true, walletRank: 3, eliteScore: 0.8 }));
    }
    for (const { body } of fixtures('data-api-v2-trades')) {
      const { data } = v2TradesEnvelopeSchema.parse(body);
      for (const t of parseAll(v2TradeSchema, data)) rows.push(tradeAttributionRow(t, { isElite: false, isWatched: true }));
    }
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows[0]).toMatchObject({ side: 'BUY', size_usd: 21 * 0.16, is_elite: true, elite_score: 0.8 });
    await roundTrip('elite_trade_attributions', rows);
  });
});
