import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { activitySchema, leaderboardEntrySchema } from '../../src/polymarket/schemas-data.ts';
import { POLYMARKET_FIXTURES } from '../helpers/fixtures.ts';

const FIXTURES = pathToFileURL(`${POLYMARKET_FIXTURES}/`);
const redeem = (JSON.parse(readFileSync(new URL('data-api-activity/go-polymarket-activity-redeem.json', FIXTURES), 'utf8')) as Record<string, unknown>[])[0] as Record<string, unknown>;
const board = JSON.parse(readFileSync(new URL('data-api-leaderboard/go-polymarket-leaderboard-all-vol.json', FIXTURES), 'utf8')) as Record<string, unknown>[];

/** The recorded REDEEM row turned into a TRADE fill, as /activity sends one. */
const trade = { ...redeem, type: 'TRADE', side: 'BUY', price: 0.42, usdcSize: 8.4 };

// Regression: malformed records used to have their missing key fields defaulted to 0/'' and were stored as
// phantom fills (the natural key includes side, size and price) instead of being dropped and counted.
describe('records missing fields that carry meaning are rejected, not zero-filled', () => {
  it('keeps a real non-trade row whose side is "" and price 0 (the recorded REDEEM)', () => {
    const parsed = activitySchema.parse(redeem);
    expect(parsed).toMatchObject({ type: 'REDEEM', side: '', price: 0, size: 20, usdcSize: 0 });
  });

  it('accepts a complete TRADE row', () => {
    expect(activitySchema.parse(trade)).toMatchObject({ type: 'TRADE', side: 'BUY', size: 20, price: 0.42, usdcSize: 8.4 });
  });

  it.each(['side', 'size', 'price', 'usdcSize'])('rejects a TRADE row without %s (missing, null or "")', (field) => {
    for (const broken of [{ ...trade, [field]: undefined }, { ...trade, [field]: null }, { ...trade, [field]: '' }]) {
      const result = activitySchema.safeParse(broken);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual([field]);
    }
  });

  it('rejects a leaderboard row without pnl or vol, and keeps the recorded rows', () => {
    expect(board.every((row) => leaderboardEntrySchema.safeParse(row).success)).toBe(true);
    const row = board[0] as Record<string, unknown>;
    expect(leaderboardEntrySchema.safeParse({ ...row, pnl: null }).success).toBe(false);
    expect(leaderboardEntrySchema.safeParse({ ...row, vol: undefined }).success).toBe(false);
  });
});
