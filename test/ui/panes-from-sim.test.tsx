/**
 * Every pane and both detail views rendered from a real embedded store that the sync jobs filled from the
 * simulator (seed 1, manual clock), asserting on content computed from the simulator's truth: rows, the
 * formatting of src/lib/format.ts, and the colours that carry meaning. Nothing here is inserted by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStatusSource } from '../../src/app/status-source.ts';
import type { JobRunResult } from '../../src/jobs/scheduler.ts';
import { formatCents, formatCompact, formatInt, formatRelative, formatShare, formatUsd, traderLabel } from '../../src/lib/format.ts';
import { displayWidth, truncateToWidth } from '../../src/lib/text-width.ts';
import { startSimulator, type Simulator, type WireRecord } from '../../src/sim/index.ts';
import { CATEGORIES, ORDERS, PERIODS } from '../../src/ui/state.ts';
import { syncRig, type SyncRig } from '../helpers/jobs.ts';
import { lineWith, mountSimUi, re, shown } from '../helpers/sim-ui.ts';
import { closeTestStore, openTestStore, type TestStore } from '../helpers/store.ts';
import { plain, waitForFrame } from './helpers/frames.ts';
import { KEY, press } from './helpers/mount.ts';

/** Frames wait this long: two cores shared with other test files, and each pane runs real ClickHouse queries. */
const FRAME_MS = 30_000;
const GREEN = '\u001b[32m';
const RED = '\u001b[31m';

let store: TestStore;
let sim: Simulator;
let rig: SyncRig;
let results: JobRunResult[];
/** Wallets position-sync polled (the tracked wallets of this run), and wallets the profile enricher stored. */
let synced: Set<string>;
let enriched: Set<string>;

beforeAll(async () => {
  store = await openTestStore();
  sim = await startSimulator({ seed: 1, manualClock: true, burstEveryMs: 0 });
  rig = syncRig(store, sim, { options: { trackedWalletMax: 60, profileBatchSize: 60 } });
  results = await rig.scheduler.runAllOnce();
  synced = new Set((await store.query<{ w: string }>('SELECT proxy_wallet AS w FROM wallet_sync_metadata FINAL')).map((r) => r.w));
  enriched = new Set((await store.query<{ w: string }>('SELECT proxy_wallet AS w FROM trader_profiles FINAL')).map((r) => r.w));
}, 120_000);

afterAll(async () => {
  await rig?.close();
  await sim?.stop();
  if (store) await closeTestStore(store);
});

function mount() {
  const status = createStatusSource({
    source: 'demo',
    sourceLabel: 'demo (simulator)',
    storeKind: store.kind,
    storeDescription: store.description,
    jobs: { read: () => rig.scheduler.statuses(), subscribe: (l) => rig.scheduler.subscribe(l) },
    feed: null,
  });
  return mountSimUi(store, { now: () => sim.now(), status });
}

/** The data lines of the table whose heading line contains every one of `headers` (ANSI kept). */
function tableRows(frame: string, headers: string[]): string[] {
  const lines = frame.split('\n');
  const at = lines.findIndex((l) => headers.every((h) => plain(l).includes(h)));
  if (at < 0) throw new Error(`no table with ${headers.join(', ')} in:\n${plain(frame)}`);
  const out: string[] = [];
  for (const l of lines.slice(at + 1)) {
    if (!/^[ ›]/.test(plain(l)) || plain(l).trim() === '') break;
    out.push(l);
  }
  return out;
}

/** A cell's text as a table with a `maxWidth` column shows it. */
const cell = (text: string, maxWidth: number): string => (displayWidth(text) > maxWidth ? truncateToWidth(text, maxWidth) : text);

/**
 * The name the panes give a wallet (src/store/queries/names.ts): profile name, else leaderboard user name, else
 * profile pseudonym — from the simulator's truth, profiles only for the wallets the enricher reached.
 */
function truthName(wallet: string): string {
  const profile = enriched.has(wallet) ? sim.world.profileOf(wallet) : null;
  const candidates = [profile?.name, boardNames().get(wallet), profile?.pseudonym].map((n) => shown(n ?? ''));
  return candidates.find((n) => n.trim() !== '') ?? '';
}

let boardNameCache: Map<string, string> | null = null;
/** User names of every wallet on any board leaderboard-sync read (the top 200 of each of the 80). */
function boardNames(): Map<string, string> {
  if (boardNameCache) return boardNameCache;
  boardNameCache = new Map();
  for (const category of CATEGORIES)
    for (const timePeriod of PERIODS)
      for (const orderBy of ORDERS)
        for (const r of sim.world.leaderboard({ category, timePeriod, orderBy }).slice(0, 200)) boardNameCache.set(r.proxyWallet, r.userName);
  return boardNameCache;
}

const n = (v: unknown): number => Number(v);

describe('panes and detail views from a store the simulator filled', () => {
  it('every sync job ran ok', async () => {
    expect(results.map((r) => [r.name, r.status])).toEqual([
      ['market-sync', 'ok'],
      ['leaderboard-sync', 'ok'],
      ['holder-sync', 'ok'],
      ['position-sync', 'ok'],
      ['profile-enricher', 'ok'],
      ['closed-position-sync', 'ok'],
      ['resolution-sync', 'ok'],
      ['wallet-scores', 'ok'],
    ]);
    // position-sync drains the wallet queue (issue 14): batches of 60 until no tracked wallet is due.
    const tracked = await store.query<{ n: string }>("SELECT count() AS n FROM sync_state FINAL WHERE scope = 'tracked_wallet' AND deleted = 0");
    expect(synced.size).toBe(Number(tracked[0]!.n));
    expect(synced.size).toBeGreaterThan(60);
  });

  it('leaderboard: the top 3 of OVERALL/ALL/PNL with compact PnL in green; `c` switches to the next category', async () => {
    const truth = sim.world.leaderboard({ category: 'OVERALL', timePeriod: 'ALL', orderBy: 'PNL' }).slice(0, 3);
    expect(truth).toHaveLength(3);
    const app = mount();
    try {
      const label = (r: (typeof truth)[number]): string => cell(traderLabel(shown(r.userName), r.proxyWallet), 28);
      const frame = await waitForFrame(app.lastFrame, (f) => f.includes(`#3 ${label(truth[2]!)}`), FRAME_MS);
      expect(plain(frame)).toContain('OVERALL · ALL · PNL');
      const rows = tableRows(frame, ['#', 'Trader', 'PnL', 'Volume']);
      truth.forEach((r, i) => {
        const line = rows[i] ?? '';
        const pnl = formatUsd(r.pnl, { signed: true });
        // Between PnL and volume: the grade and the shrunk omega (issue 13), "—" below the minimum sample.
        expect(plain(line)).toMatch(new RegExp(`#${i + 1} ${re(label(r))}\\s+${re(pnl)}\\s+(?:[SABCDF]|—)\\s+(?:[\\d.]+|—)\\s+${re(formatUsd(r.vol))}`));
        // Gains are green, losses red: the colour is part of the meaning.
        expect(line).toMatch(new RegExp(`${re(r.pnl > 0 ? GREEN : RED)}\\s*${re(pnl)}`));
      });
      expect(truth[0]!.pnl).toBeGreaterThan(0);

      await press(app.stdin, 'c');
      const next = CATEGORIES[1];
      const first = sim.world.leaderboard({ category: next, timePeriod: 'ALL', orderBy: 'PNL' })[0]!;
      const nextLabel = cell(traderLabel(shown(first.userName), first.proxyWallet), 28);
      const switched = await waitForFrame(app.lastFrame, (f) => f.includes(`${next} · ALL · PNL`) && f.includes(`#1 ${nextLabel}`), FRAME_MS);
      expect(plain(tableRows(switched, ['#', 'Trader', 'PnL'])[0])).toMatch(
        new RegExp(`#1 ${re(nextLabel)}\\s+${re(formatUsd(first.pnl, { signed: true }))}\\s+(?:[SABCDF]|—)\\s+(?:[\\d.]+|—)\\s+${re(formatUsd(first.vol))}`),
      );
    } finally {
      app.done();
    }
  });

  it('whale activity: the newest ≥ $500 activity of a tracked wallet first, and the newest trade with its side badge', async () => {
    const now = sim.now();
    const from = now - 24 * 3_600_000;
    const truth = [...synced]
      .flatMap((w) => sim.world.activityOf(w).map((r): WireRecord & { wallet: string } => ({ ...r, wallet: w })))
      .filter((r) => n(r.usdcSize) >= 500 && n(r.timestamp) * 1000 >= from && n(r.timestamp) * 1000 <= now)
      .sort(
        (a, b) =>
          n(b.timestamp) - n(a.timestamp) ||
          (a.wallet < b.wallet ? -1 : a.wallet > b.wallet ? 1 : 0) ||
          (String(a.transactionHash) < String(b.transactionHash) ? -1 : String(a.transactionHash) > String(b.transactionHash) ? 1 : 0),
      );
    const trade = truth.findIndex((r) => r.type === 'TRADE');
    expect(trade).toBeGreaterThanOrEqual(0);
    const app = mount();
    try {
      await press(app.stdin, '2');
      const frame = await waitForFrame(app.lastFrame, (f) => f.includes(`2 Whale Activity (${truth.length > 200 ? '200+' : truth.length})`), FRAME_MS);
      const rows = tableRows(frame, ['Time', 'Trader', 'Market', 'Side', 'Size']);
      const expectRow = (i: number): string => {
        const r = truth[i]!;
        const line = rows[i] ?? '';
        const label = cell(traderLabel(truthName(r.wallet), r.wallet), 22);
        expect(plain(line)).toMatch(
          new RegExp(
            `${re(formatRelative(n(r.timestamp) * 1000, now))} ${re(label)}\\s+${re(shown(r.title))}\\s+\\[${re(String(r.type))}\\]` +
              `\\s+${r.side ? `\\[${r.side}\\]` : ''}\\s+${re(shown(r.outcome))}\\s+${re(formatUsd(n(r.usdcSize)))}\\s+${re(formatCents(n(r.price)))}`,
          ),
        );
        return line;
      };
      expectRow(0);
      const line = expectRow(trade);
      const side = truth[trade]!.side;
      expect(['BUY', 'SELL']).toContain(side);
      expect(line).toContain(`${side === 'BUY' ? GREEN : RED}[${side}]`);
    } finally {
      app.done();
    }
  });

  it('smart money: the largest outcome held by the top-100 tracked wallets, summed from world.positionsOf', async () => {
    const board = new Map(
      sim.world
        .leaderboard({ category: 'OVERALL', timePeriod: 'ALL', orderBy: 'PNL' })
        .slice(0, 100)
        .map((r) => [r.proxyWallet, n(r.rank)] as const),
    );
    const groups = new Map<string, { title: string; outcome: string; cid: string; value: number; pnl: number; rank: number; wallets: number }>();
    for (const w of synced) {
      if (!board.has(w)) continue;
      for (const p of sim.world.positionsOf(w)) {
        if (n(p.size) < 1 || n(p.currentValue) < 100) continue;
        const key = `${String(p.conditionId)}|${String(p.outcome)}`;
        const g = groups.get(key) ?? { title: String(p.title), outcome: String(p.outcome), cid: String(p.conditionId), value: 0, pnl: 0, rank: Infinity, wallets: 0 };
        g.value += n(p.currentValue);
        g.pnl += n(p.cashPnl);
        g.rank = Math.min(g.rank, board.get(w)!);
        g.wallets += 1;
        groups.set(key, g);
      }
    }
    const top = [...groups.values()].sort((a, b) => b.value - a.value || (a.cid < b.cid ? -1 : 1) || (a.outcome < b.outcome ? -1 : 1))[0];
    expect(top).toBeDefined();
    const questions = new Set(sim.world.markets().map((m) => String(m.question)));
    expect(questions).toContain(top!.title);
    const app = mount();
    try {
      await press(app.stdin, '3');
      const frame = await waitForFrame(app.lastFrame, (f) => f.includes(`3 Smart Money (${groups.size > 200 ? '200+' : groups.size})`), FRAME_MS);
      const line = tableRows(frame, ['#', 'Trader', 'Market', 'Position', 'PnL'])[0] ?? '';
      expect(plain(line)).toMatch(
        new RegExp(`#${top!.rank} .*${re(shown(top!.title))}\\s+\\[${re(top!.outcome)}\\]\\s+${re(formatUsd(top!.value))}\\s+${re(formatUsd(top!.pnl, { signed: true }))}`),
      );
      expect(line).toMatch(new RegExp(`${re(top!.pnl > 0 ? GREEN : RED)}\\s*${re(formatUsd(top!.pnl, { signed: true }))}`));
    } finally {
      app.done();
    }
  });

  it('concentration: the most concentrated synced market from world.holdersOf; Enter opens its market view with the top holder', async () => {
    const markets = sim.world.markets().filter((m) => m.active === true && m.closed === false);
    const questionOf = new Map(markets.map((m) => [String(m.conditionId), String(m.question)]));
    // holder-sync scans every active market (issue 14: the top by volume and the rotation cover them all in one run).
    const scanned = markets.map((m) => String(m.conditionId));
    const rows = scanned
      .map((cid) => {
        const holders = sim.world.holdersOf(cid).flatMap((g) => g.holders.map((h): WireRecord & { token: string } => ({ ...h, token: g.token })));
        const amounts = holders.map((h) => n(h.amount)).sort((a, b) => b - a);
        const total = amounts.reduce((s, a) => s + a, 0);
        const top5 = amounts.slice(0, 5).reduce((s, a) => s + a, 0);
        const topHolder = [...holders].sort((a, b) => n(b.amount) - n(a.amount))[0];
        return { cid, holders: holders.length, total, share: top5 / Math.max(total, 0.01), topHolder };
      })
      .filter((r) => r.holders >= 3)
      .sort((a, b) => b.share - a.share || (a.cid < b.cid ? -1 : 1));
    const first = rows[0]!;
    const question = shown(questionOf.get(first.cid));
    const app = mount();
    try {
      await press(app.stdin, '4');
      // The pane reads at most 100 markets; past that its tab says "100+".
      const count = rows.length > 100 ? '100+' : String(rows.length);
      const frame = await waitForFrame(app.lastFrame, (f) => f.includes(`4 Concentration (${count})`), FRAME_MS);
      const line = tableRows(frame, ['Market', 'Holders', 'Total Held', 'Top-5'])[0] ?? '';
      expect(plain(line)).toMatch(
        new RegExp(`^›\\s*${re(question)}\\s+${re(formatInt(first.holders))}\\s+${re(formatCompact(first.total))}\\s+${re(formatShare(first.share))}`),
      );

      await press(app.stdin, KEY.enter);
      const top = first.topHolder!;
      const wallet = String(top.proxyWallet);
      const topLabel = traderLabel(truthName(wallet), wallet);
      const market = await waitForFrame(app.lastFrame, (f) => f.includes(`Concentration ${first.holders} holders`), FRAME_MS);
      const text = plain(market);
      expect(text).toContain(`Concentration › ${question}`);
      expect(text).toContain(`top ${topLabel} ${formatCompact(n(top.amount))}`);
      // The holders table lists the top holder (pseudonym fallback as the market view does) with its amount.
      const holderLabel = cell(traderLabel(truthName(wallet) || shown(top.pseudonym), wallet), 28);
      expect(lineWith(market, holderLabel)).toMatch(new RegExp(`${re(holderLabel)}\\s+${re(formatCompact(n(top.amount)))}`));
    } finally {
      app.done();
    }
  });

  it('wallet view: Enter on leaderboard #1 shows its profile name and its largest position first', async () => {
    const leader = sim.world.leaderboard({ category: 'OVERALL', timePeriod: 'ALL', orderBy: 'PNL' })[0]!;
    const wallet = leader.proxyWallet;
    const profile = sim.world.profileOf(wallet);
    expect(enriched).toContain(wallet);
    expect(profile).not.toBeNull();
    const positions: WireRecord[] = sim.world.positionsOf(wallet).filter((p) => n(p.size) >= 1);
    const largest = [...positions].sort((a, b) => n(b.currentValue) - n(a.currentValue))[0]!;
    const app = mount();
    try {
      await waitForFrame(app.lastFrame, (f) => f.includes('#1 '), FRAME_MS);
      await press(app.stdin, KEY.enter);
      const frame = await waitForFrame(app.lastFrame, (f) => f.includes('Ranks '), FRAME_MS);
      const text = plain(frame);
      const name = shown(profile!.name);
      expect(name).not.toBe('');
      expect(text).toContain(`Leaderboard › ${traderLabel(name, wallet)}`);
      expect(text).toMatch(new RegExp(`${re(traderLabel(name, wallet))}.*${re(`${wallet.slice(0, 6)}…${wallet.slice(-4)}`)}`));
      expect(text).toContain(`OVERALL/ALL/PNL #1`);
      // The totals cover every open position, not only the 50 rows the table holds.
      const value = positions.reduce((sum, p) => sum + n(p.currentValue), 0);
      const pnl = positions.reduce((sum, p) => sum + n(p.cashPnl), 0);
      expect(positions.length).toBeGreaterThan(50);
      expect(text).toContain(`Open ${positions.length} ${positions.length === 1 ? 'position' : 'positions'} worth ${formatUsd(value)} · PnL ${formatUsd(pnl, { signed: true })}`);
      const first = tableRows(frame, ['Market', 'Outcome', 'Value', 'PnL'])[0] ?? '';
      expect(plain(first)).toMatch(
        new RegExp(`^›\\s*${re(shown(largest.title))}\\s+\\[${re(String(largest.outcome))}\\]\\s+${re(formatUsd(n(largest.currentValue)))}\\s+${re(formatUsd(n(largest.cashPnl), { signed: true }))}`),
      );
    } finally {
      app.done();
    }
  });
});
