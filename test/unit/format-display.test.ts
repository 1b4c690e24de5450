import { describe, expect, it } from 'vitest';
import {
  formatAge,
  formatCents,
  formatCentsDelta,
  formatCompact,
  formatDuration,
  formatPercentSigned,
  formatPrice,
  formatRelative,
  formatShare,
  formatUsd,
  shortWallet,
  traderLabel,
} from '../../src/lib/format.ts';
import { fitToWidth, truncateToWidth, displayWidth } from '../../src/lib/text-width.ts';

describe('formatUsd', () => {
  it.each([
    [1_234_567, '$1.2M'],
    [999_950, '$1M'],
    [12_345, '$12.3K'],
    [123_456, '$123K'],
    [950, '$950'],
    [0.42, '$0.42'],
    [0, '$0'],
    [-45_600, '-$45.6K'],
    [2_500_000_000, '$2.5B'],
  ])('%d → %s', (n, text) => expect(formatUsd(n)).toBe(text));

  it('signs PnL when asked', () => {
    expect(formatUsd(8_500, { signed: true })).toBe('+$8.5K');
    expect(formatUsd(-1_200, { signed: true })).toBe('-$1.2K');
    expect(formatUsd(0, { signed: true })).toBe('$0');
    expect(formatUsd(Number.NaN)).toBe('–');
  });

  it('compacts plain numbers', () => {
    expect(formatCompact(126_600)).toBe('127K');
    expect(formatCompact(5_000)).toBe('5K');
    expect(formatCompact(-1_500)).toBe('-1.5K');
  });
});

describe('prices', () => {
  it('shows cents and 0.00', () => {
    expect(formatCents(0.635)).toBe('63.5¢');
    expect(formatCents(0.07)).toBe('7¢');
    expect(formatCents(1)).toBe('100¢');
    expect(formatPrice(0.635)).toBe('0.64');
    expect(formatCentsDelta(0.012)).toBe('+1.2¢');
    expect(formatCentsDelta(-0.03)).toBe('-3¢');
  });

  it('shows shares and percents', () => {
    expect(formatShare(0.99921)).toBe('99.9%');
    expect(formatPercentSigned(15.4545)).toBe('+15.5%');
    expect(formatPercentSigned(-14.1)).toBe('-14.1%');
  });
});

describe('times', () => {
  const now = 1_700_000_000_000;
  it.each([
    [now - 2_000, 'just now'],
    [now - 42_000, '42s ago'],
    [now - 2 * 60_000, '2m ago'],
    [now - 3 * 3_600_000, '3h ago'],
    [now - 5 * 86_400_000, '5d ago'],
    [now + 120_000, 'in 2m'],
  ])('%d → %s', (at, text) => expect(formatRelative(at, now)).toBe(text));

  it('formats ages and durations', () => {
    expect(formatAge(59_999)).toBe('59s');
    expect(formatAge(-5)).toBe('0s');
    expect(formatDuration(120)).toBe('120 ms');
    expect(formatDuration(1_800)).toBe('1.8 s');
    expect(formatRelative(0, now)).toBe('–');
  });
});

describe('wallets', () => {
  it('shortens a wallet to 0x12ab…cdef', () => {
    expect(shortWallet('0x12ab567890123456789012345678901234abcdef')).toBe('0x12ab…cdef');
    expect(shortWallet('0x12')).toBe('0x12');
    expect(traderLabel('', '0x12ab567890123456789012345678901234abcdef')).toBe('0x12ab…cdef');
    expect(traderLabel('  Whale ', '0x12ab567890123456789012345678901234abcdef')).toBe('Whale');
    expect(traderLabel('0x12ab567890123456789012345678901234abcdef', '0x1')).toBe('0x12ab…cdef');
    // The leaderboard's placeholder name for a wallet without one: the checksummed address plus a ms timestamp.
    expect(traderLabel('0x9536aACe01B7D9D387d5CEf4B4a9d04bc7164Ae2-1719367955536', '0x9536aace01b7d9d387d5cef4b4a9d04bc7164ae2')).toBe('0x9536…4ae2');
  });
});

describe('display width', () => {
  it('measures wide characters and truncates without splitting graphemes', () => {
    expect(displayWidth('全角')).toBe(4);
    // A ZWJ family is drawn as its four people (terminals disagree on joining it: issue 11, defect 6).
    expect(displayWidth('👨‍👩‍👧‍👦')).toBe(8);
    expect(truncateToWidth('👨‍👩‍👧‍👦', 5)).toBe('👨👩…');
    expect(truncateToWidth('全角文字', 5)).toBe('全角…');
    expect(truncateToWidth('abcdef', 4)).toBe('abc…');
    expect(truncateToWidth('abc', 3)).toBe('abc');
    expect(fitToWidth('全角', 6)).toBe('全角  ');
    expect(fitToWidth('42', 5, 'right')).toBe('   42');
    expect(displayWidth(fitToWidth('👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦', 5))).toBe(5);
  });
});
