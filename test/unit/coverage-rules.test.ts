import { describe, expect, it } from 'vitest';
import { orderQueue, queuePriority, type QueueInput } from '../../src/jobs/wallet-queue.ts';
import { marketsForHolderScan, runsPerFullPass } from '../../src/jobs/holder-rotation.ts';
import { marketsByVolumeWindows } from '../../src/polymarket/market-walk.ts';
import { parseWalletList } from '../../src/commands/backfill.ts';
import type { Market } from '../../src/polymarket/types.ts';

const NOW = 10_000_000_000;
const w = (n: number): string => `0x${n.toString(16).padStart(40, '0')}`;

describe('wallet queue order', () => {
  it('followed first, then never-synced, then by weight × staleness', () => {
    const inputs: QueueInput[] = [
      { wallet: w(1), since: 0, lastSyncAt: NOW - 3_600_000, valueHeld: 1_000_000 },
      { wallet: w(2), since: NOW - 1000 },
      { wallet: w(3), since: 0, lastSyncAt: NOW - 60_000, followed: true },
      { wallet: w(4), since: 0, lastSyncAt: NOW - 3_600_000, valueHeld: 10 },
    ];
    expect(orderQueue(inputs, NOW).map((i) => i.wallet)).toEqual([w(3), w(2), w(1), w(4)]);
  });

  it('ages: a small wallet waiting long enough overtakes a whale synced recently (no starvation)', () => {
    const whale: QueueInput = { wallet: w(1), since: 0, lastSyncAt: NOW - 60_000, valueHeld: 1e9 };
    const small: QueueInput = { wallet: w(2), since: 0, lastSyncAt: NOW - 60_000 * 11, valueHeld: 0 };
    expect(queuePriority(small, NOW)).toBeGreaterThan(queuePriority(whale, NOW));
  });
});

describe('holder rotation', () => {
  it('hot markets every run, the rest stalest first; a full pass takes ceil((M - hot) / rotation) runs', () => {
    const markets = Array.from({ length: 10 }, (_, i) => ({ conditionId: `c${i}`, volume: 100 - i, scannedAt: i === 9 ? 0 : 1000 + i }));
    expect(marketsForHolderScan(markets, 2, 3)).toEqual(['c0', 'c1', 'c9', 'c2', 'c3']);
    expect(runsPerFullPass(10, 2, 3)).toBe(3);
  });
});

describe('market walk by volume windows', () => {
  it('reaches every market past the offset cap, ties at window edges included', async () => {
    const all = Array.from({ length: 950 }, (_, i) => ({ gammaId: String(i), conditionId: `c${i}`, volume: Math.floor((950 - i) / 3) }) as unknown as Market);
    const fetchPage = async (q: { volumeNumMax?: number; offset: number; limit: number }) => {
      if (q.offset > 200) throw new Error('offset past the cap');
      const sel = all.filter((m) => q.volumeNumMax === undefined || m.volume <= q.volumeNumMax).sort((a, b) => b.volume - a.volume);
      return { items: sel.slice(q.offset, q.offset + q.limit), rejected: 0 };
    };
    const got = await marketsByVolumeWindows(fetchPage, { pageSize: 100, maxOffset: 200, max: 10_000 });
    expect(new Set(got.items.map((m) => m.conditionId)).size).toBe(950);
    expect(got.items.length).toBe(950);
    expect(got.unreachable).toBe(false);
  });
});

describe('backfill wallet list', () => {
  it('reads addresses, skips comments and blanks, names a bad line', () => {
    expect(parseWalletList(`# x\n${w(1).toUpperCase().replace('0X', '0x')}\n\n${w(2)}\n`, 'f')).toEqual([w(1), w(2)]);
    expect(() => parseWalletList(`${w(1)}\nnot-a-wallet\n`, 'list.txt')).toThrow('list.txt:2: not a wallet address');
  });
});
