/**
 * issue-12-2: `whaletop query --csv` and `--json` printed raw network strings (CSI 2J, ?1049h, OSC 0/2/8/52,
 * NUL/BS/VT/FF/BEL in CSV; raw U+009B/U+009D/U+009C in JSON, which JSON.stringify does not escape). A store
 * filled from the simulator's hostile world is queried in every format: no control a terminal obeys, no invisible
 * mark, no spreadsheet formula reaches the output, and JSON still parses back to the stored strings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell, formatRows } from '../../src/commands/query.ts';
import { QUERIES, type QueryEntry } from '../../src/store/queries/index.ts';
import { startSimulator, type Simulator } from '../../src/sim/index.ts';
import { closeTestStore, openTestStore, type TestStore } from '../helpers/store.ts';
import { syncRig, type SyncRig } from '../helpers/jobs.ts';

/** Anything a terminal interprets (C0 but the CSV/JSON line breaks, DEL, C1) and the invisible marks. */
const FORBIDDEN = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

let store: TestStore;
let sim: Simulator;
let rig: SyncRig;
const outputs: { name: string; format: string; text: string; rows: Record<string, unknown>[] }[] = [];

beforeAll(async () => {
  store = await openTestStore();
  sim = await startSimulator({ seed: 11, marketCount: 40, walletCount: 150, historyTrades: 3000, historyDays: 10, manualClock: true, burstEveryMs: 0, hostile: true });
  rig = syncRig(store, sim, { options: { trackedWalletMax: 60 } });
  await rig.scheduler.runAllOnce();
  const [market] = await store.query<{ c: string }>('SELECT condition_id AS c FROM market_holders LIMIT 1');
  const [wallet] = await store.query<{ w: string }>('SELECT proxy_wallet AS w FROM trader_rankings LIMIT 1');
  const filters: Record<string, Record<string, unknown>> = {
    'whale-activity': { hours: 24 * 365 * 10, minUsd: 0 },
    'top-holders': { conditionId: market?.c },
    'market-detail': { conditionId: market?.c },
    'trader-profile': { wallet: wallet?.w },
  };
  for (const [name, entry] of Object.entries(QUERIES as Record<string, QueryEntry>)) {
    const rows = (await entry.run(store, entry.params.parse(filters[name] ?? {}))) as Record<string, unknown>[];
    for (const format of ['json', 'csv', 'table'] as const) outputs.push({ name, format, text: formatRows(rows, format), rows });
  }
}, 180_000);

afterAll(async () => {
  await rig?.close();
  await sim?.stop();
  if (store) await closeTestStore(store);
});

describe('issue-12-2 query output from a hostile store', () => {
  it('the store really holds hostile strings (so the assertions below could fail)', () => {
    const json = outputs.filter((o) => o.format === 'json').flatMap((o) => o.rows.map((r) => JSON.stringify(r)));
    // Which payloads land in the queried rows depends on the world's draw; an escape sequence of any kind (CSI, OSC)
    // and a C1 byte are what the later assertions need to be able to fail.
    expect(json.some((t) => /\\u001b[[\]]/.test(t))).toBe(true);
    expect(outputs.filter((o) => o.format === 'json').some((o) => o.rows.some((r) => /[\u0080-\u009f]/.test(JSON.stringify(r))))).toBe(true);
  });

  it('no format prints a control character, a C1 byte or an invisible mark', () => {
    for (const o of outputs) expect({ query: o.name, format: o.format, bad: FORBIDDEN.exec(o.text)?.[0] }).toEqual({ query: o.name, format: o.format, bad: undefined });
  });

  it('JSON stays lossless: it parses back to exactly the rows the store returned', () => {
    for (const o of outputs.filter((x) => x.format === 'json')) expect(JSON.parse(o.text)).toEqual(JSON.parse(JSON.stringify(o.rows)));
  });

  it('CSV has one line per row and no cell a spreadsheet would run as a formula', () => {
    for (const o of outputs.filter((x) => x.format === 'csv')) {
      expect(o.text.split('\n')).toHaveLength(o.rows.length + 1);
      for (const line of o.text.split('\n')) for (const cell of line.split(',')) expect(cell).not.toMatch(/^"?[=+@]/);
    }
  });

  it('csvCell defuses formulas but keeps numbers', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('+1+cmd|calc')).toBe("'+1+cmd|calc");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell('-0.25')).toBe('-0.25');
    expect(csvCell('1e-7')).toBe('1e-7');
    expect(csvCell('a\nb\u009b2J')).toBe('a b');
  });
});
