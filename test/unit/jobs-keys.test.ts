import { describe, expect, it } from 'vitest';
import { keyActivities } from '../../src/jobs/activity-keys.ts';
import { fetchComplete, summariseFailures } from '../../src/jobs/deps.ts';
import type { JobContext } from '../../src/jobs/scheduler.ts';
import { silentLogger } from '../../src/lib/log.ts';
import type { Activity, Page } from '../../src/polymarket/types.ts';

const fill = (over: Partial<Activity> = {}): Activity => ({
  wallet: '0xabc',
  conditionId: '0xc',
  asset: '1',
  type: 'TRADE',
  side: 'BUY',
  outcome: 'Yes',
  outcomeIndex: 0,
  size: 10,
  usdcSize: 5,
  price: 0.5,
  transactionHash: '0xt',
  title: '',
  slug: '',
  timestamp: 1_785_000_000_000,
  name: '',
  pseudonym: '',
  ...over,
});

function ctx(): JobContext {
  return { signal: new AbortController().signal, logger: silentLogger, counters: { rows: 0, pages: 0, rejected: 0, received: 0 }, setPartialError: () => {} };
}

describe('keyActivities (issue: fills sharing a second were dropped by a timestamp watermark)', () => {
  it('numbers identical fills of one transaction 0, 1, 2 and keeps different fills at 0', () => {
    const keyed = keyActivities('0xabc', [fill(), fill(), fill({ size: 11 }), fill()]);
    expect(keyed.map((k) => k.fillSeq)).toEqual([0, 1, 0, 2]);
    expect(new Set(keyed.map((k) => k.key)).size).toBe(4);
  });
});

describe('fetchComplete', () => {
  it('returns a clean first answer as is, without refetching', async () => {
    let calls = 0;
    const page = await fetchComplete(async () => ((calls += 1), { items: [1, 2], rejected: 0 }), 3, ctx(), 't');
    expect([page, calls]).toEqual([{ items: [1, 2], rejected: 0 }, 1]);
  });

  it('merges refetches by agreement until the record count is reached', async () => {
    const answers: Page<string>[] = [
      { items: ['a', 'b', 'dup', 'dup'], rejected: 1 }, // 'c' dropped
      { items: ['a', 'c', 'dup', 'dup', 'x-corrupt'], rejected: 1 }, // 'b' dropped; 'x-corrupt' seen once only (a corruption validation let through)
      { items: ['b', 'c', 'dup', 'dup'], rejected: 1 }, // 'a' dropped
    ];
    let i = 0;
    const c = ctx();
    const page = await fetchComplete(async () => answers[i++] as Page<string>, 5, c, 't');
    expect(page.rejected).toBe(0);
    expect([...page.items].sort()).toEqual(['a', 'b', 'c', 'dup', 'dup']);
    expect(c.counters.rejected).toBe(0);
    expect(i).toBe(3);
  });

  it('reports what is still missing when answers never complete', async () => {
    const c = ctx();
    const page = await fetchComplete(async () => ({ items: ['a'], rejected: 2 }), 2, c, 't');
    expect(page).toEqual({ items: ['a'], rejected: 2 });
    expect(c.counters.rejected).toBe(2);
  });
});

describe('summariseFailures', () => {
  it('is null without failures, a summary for some, and throws when all failed', () => {
    expect(summariseFailures('wallets', 3, [])).toBeNull();
    expect(summariseFailures('wallets', 3, [{ item: '0x1', error: 'timeout' }])).toBe('1/3 wallets failed (0x1: timeout)');
    expect(() => summariseFailures('wallets', 1, [{ item: '0x1', error: 'timeout' }])).toThrow('1/1 wallets failed (0x1: timeout)');
  });
});
