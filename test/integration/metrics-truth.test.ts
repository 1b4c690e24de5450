/**
 * The wallet metrics against the simulator's hidden truth (issue 13, "Done when"): a year of history, ~2 000
 * wallets with planted skill (≥ 80 % of them between 0.45 and 0.55), insiders, market makers and lucky whales.
 * The store holds only what the public API serves; the truth (src/sim/truth.ts) is read only here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.ts';
import { worldTruth, type WorldTruth } from '../../src/sim/truth.ts';
import { INSIDER_THRESHOLD, MIN_SETTLED_MARKETS, MIN_VOLUME_USD } from '../../src/store/metrics/grades.ts';
import { recomputeWalletScores } from '../../src/store/metrics/pipeline.ts';
import { getGradeDistribution, listWalletScores, type WalletScore } from '../../src/store/metrics/scores.ts';
import { closeTestStore, openTestStore, type TestStore } from '../helpers/store.ts';
import { fillStoreFromWorld } from '../helpers/sim-store.ts';

export const TRUTH_WORLD = { seed: 7, manualClock: true, walletCount: 800, marketCount: 150, historyDays: 180, burstEveryMs: 0 } as const;

let store: TestStore;
let sim: Simulator;
let truth: WorldTruth;
let scores: WalletScore[];

/** Spearman rank correlation (average ranks for ties). */
function spearman(xs: number[], ys: number[]): number {
  const rank = (v: number[]): number[] => {
    const idx = v.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
    const r = new Array<number>(v.length);
    for (let i = 0; i < idx.length; ) {
      let j = i;
      while (j + 1 < idx.length && idx[j + 1]![0] === idx[i]![0]) j++;
      for (let k = i; k <= j; k++) r[idx[k]![1]] = (i + j) / 2 + 1;
      i = j + 1;
    }
    return r;
  };
  const rx = rank(xs);
  const ry = rank(ys);
  const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;
  const mx = mean(rx);
  const my = mean(ry);
  let num = 0, dx = 0, dy = 0;
  for (let i = 0; i < rx.length; i++) {
    num += (rx[i]! - mx) * (ry[i]! - my);
    dx += (rx[i]! - mx) ** 2;
    dy += (ry[i]! - my) ** 2;
  }
  return num / Math.sqrt(dx * dy);
}

beforeAll(async () => {
  store = await openTestStore();
  sim = await startSimulator(TRUTH_WORLD);
  const now = sim.now();
  truth = worldTruth(sim.world);
  await fillStoreFromWorld(store, sim.world, now);
  await recomputeWalletScores(store, { mode: 'full', now });
  scores = await listWalletScores(store, { limit: 100_000 });
}, 600_000);
afterAll(async () => {
  await sim?.stop();
  if (store) await closeTestStore(store);
});

const truthOf = (w: string) => truth.wallets.find((t) => t.address === w);

describe('wallet metrics against the planted truth', () => {
  it('the world is not easy: at least 80 % of wallets have skill in [0.45, 0.55]', () => {
    const mid = truth.wallets.filter((w) => w.skill >= 0.45 && w.skill <= 0.55).length;
    expect(mid / truth.wallets.length).toBeGreaterThanOrEqual(0.8);
  });

  it('of the wallets graded S or A, at least 80 % are in the top decile of hidden skill', async () => {
    const sorted = truth.wallets.map((w) => w.skill).sort((a, b) => b - a);
    const topDecile = sorted[Math.floor(sorted.length / 10) - 1]!;
    const elite = scores.filter((s) => s.grade === 'S' || s.grade === 'A');
    const inTop = elite.filter((s) => (truthOf(s.wallet)?.skill ?? 0) >= topDecile).length;
    console.log('grades', await getGradeDistribution(store), 'S/A', elite.length, 'in top decile', inTop);
    expect(elite.length).toBeGreaterThan(0);
    expect(inTop / elite.length).toBeGreaterThanOrEqual(0.8);
  });

  it('Spearman(shrunk omega, hidden skill) is at least 0.5 over the wallets above the minimum sample', () => {
    const graded = scores.filter((s) => s.grade !== '');
    const rho = spearman(graded.map((s) => s.omegaShrunk), graded.map((s) => truthOf(s.wallet)!.skill));
    console.log('graded', graded.length, 'spearman', rho.toFixed(3));
    expect(graded.length).toBeGreaterThan(50);
    expect(rho).toBeGreaterThanOrEqual(0.5);
  });

  it('planted insiders: precision ≥ 0.8 and recall ≥ 0.7 at the default insider threshold', () => {
    const insiders = new Set(truth.wallets.filter((w) => w.kind === 'insider').map((w) => w.address));
    const flagged = scores.filter((s) => s.insiderScore >= INSIDER_THRESHOLD);
    const hits = flagged.filter((s) => insiders.has(s.wallet)).length;
    console.log('insiders', insiders.size, 'flagged', flagged.length, 'hits', hits);
    expect(insiders.size).toBeGreaterThan(0);
    expect(hits / Math.max(flagged.length, 1)).toBeGreaterThanOrEqual(0.8);
    expect(hits / insiders.size).toBeGreaterThanOrEqual(0.7);
  });

  it('lucky whales are never graded above B', () => {
    const lucky = scores.filter((s) => truthOf(s.wallet)?.kind === 'lucky_whale');
    expect(lucky.length).toBeGreaterThan(0);
    for (const s of lucky) expect(['S', 'A'], `${s.wallet} ${s.grade} omega ${s.omegaShrunk}`).not.toContain(s.grade);
  });

  it('market makers are labelled', () => {
    const makers = scores.filter((s) => truthOf(s.wallet)?.kind === 'market_maker');
    expect(makers.length).toBeGreaterThan(0);
    for (const s of makers) expect(s.labels, s.wallet).toContain('market-maker');
    const labelled = scores.filter((s) => s.labels.includes('market-maker'));
    const right = labelled.filter((s) => truthOf(s.wallet)?.kind === 'market_maker').length;
    expect(right / labelled.length).toBeGreaterThanOrEqual(0.8);
  });

  it('wallets below the minimum sample carry no grade', () => {
    const below = scores.filter((s) => s.settledMarkets < MIN_SETTLED_MARKETS || s.volume < MIN_VOLUME_USD);
    expect(below.length).toBeGreaterThan(0);
    for (const s of below) expect(s.grade).toBe('');
  });
});
