/**
 * Issue 11, defect 9: on a narrow terminal columns drop by the information they carry, never by position: at 60
 * columns Whale Activity kept the constant [TRADE] badge and dropped Market and Outcome. Declared priority first,
 * and a column that reads the same on every visible row goes before any column that varies.
 */
import { describe, expect, it } from 'vitest';
import type { WhaleActivityRow } from '../../src/store/queries/activity.ts';
import { fitColumns, type ColumnSpec } from '../../src/ui/components/columns.ts';
import { activityColumns } from '../../src/ui/panes/WhaleActivity/View.tsx';

const NOW = 1_800_000_000_000;
const trade = (i: number, o: Partial<WhaleActivityRow> = {}): WhaleActivityRow => ({
  wallet: `0x${String(i).repeat(40).slice(0, 40)}`, name: `swisswhale24${i}`, conditionId: '0xc', type: 'TRADE', side: i % 2 ? 'BUY' : 'SELL',
  outcome: i % 2 ? 'Yes' : 'No', size: 1_000, usd: 600 + i, price: 0.4 + i / 100, title: `Will market ${i} resolve before the deadline?`, slug: '', transactionHash: `0x${i}`, at: NOW - i * 60_000, ...o,
});

describe('issue-11 columns drop by information', () => {
  it('Whale Activity at 60 columns keeps the market and drops the constant [TRADE] badge first, then the outcome', () => {
    const rows = [1, 2, 3, 4, 5].map((i) => trade(i));
    const keys = fitColumns(activityColumns(NOW), rows, 59).map((c) => c.key);
    expect(keys).toContain('market');
    expect(keys).not.toContain('type');
    expect(keys).toEqual(['time', 'trader', 'market', 'side', 'size']);
    // Wide: everything.
    expect(fitColumns(activityColumns(NOW), rows, 159).map((c) => c.key)).toEqual(['time', 'trader', 'market', 'type', 'side', 'outcome', 'size', 'price']);
  });

  it('a column that reads the same on every visible row drops before one that varies, whatever their priorities', () => {
    const col = (key: string, priority: number, text: (r: number) => string): ColumnSpec<number> => ({ key, header: key, priority, minWidth: 6, text });
    const columns = [col('id', 1, (r) => `#${r}`), col('side', 2, () => 'BUY'), col('price', 3, (r) => `${r}c`), col('note', 4, (r) => `n${r}`)];
    const rows = [1, 2, 3];
    // Room for three columns: the constant side (priority 2) goes before price (3); then note (4).
    expect(fitColumns(columns, rows, 6 * 3 + 2).map((c) => c.key)).toEqual(['id', 'price', 'note']);
    expect(fitColumns(columns, rows, 6 * 2 + 1).map((c) => c.key)).toEqual(['id', 'price']);
    // One row on screen: nothing is "constant", priorities alone decide.
    expect(fitColumns(columns, [1], 6 * 3 + 2).map((c) => c.key)).toEqual(['id', 'side', 'price']);
  });

  it('among columns of equal value the rightmost drops first', () => {
    const col = (key: string): ColumnSpec<number> => ({ key, header: key, priority: 2, minWidth: 5, text: (r) => `${key}${r}` });
    expect(fitColumns([col('a'), col('b'), col('c')], [1, 2], 11).map((c) => c.key)).toEqual(['a', 'b']);
  });
});
