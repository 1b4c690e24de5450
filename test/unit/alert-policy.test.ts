import { describe, expect, it } from 'vitest';
import { AlertPolicy, type AlertPolicyOptions } from '../../src/live/alert-policy.ts';
import { DEFAULT_FOLLOW_SETTINGS, type FollowAlertSettings } from '../../src/store/state/followed-wallets.ts';

const W = '0x' + 'a'.repeat(40);
const M = '0xmarket';
const OPTS: AlertPolicyOptions = { minConfidence: 'MEDIUM', categories: [], minTradeUsd: 100, quietMs: 60_000 };
const policy = (opts: Partial<AlertPolicyOptions> = {}, settings: Partial<FollowAlertSettings> = {}) =>
  new AlertPolicy({ ...OPTS, ...opts }, () => new Map([[W, { ...DEFAULT_FOLLOW_SETTINGS, ...settings }]]));
const trade = (sizeUsd: number, marketId = M) => ({ kind: 'trade' as const, wallet: W, marketId, category: 'POLITICS', sizeUsd });

describe('AlertPolicy (issue 14: tunable alerts)', () => {
  it('sends a signal at or above the minimum confidence only', () => {
    const p = policy();
    expect(p.decide({ kind: 'signal', confidence: 'LOW', marketId: M, category: '', wallet: '' }, 0)).toMatchObject({ send: false });
    expect(p.decide({ kind: 'signal', confidence: 'MEDIUM', marketId: M, category: '', wallet: '' }, 0)).toEqual({ send: true });
  });

  it('keeps to the chosen categories', () => {
    const p = policy({ categories: ['SPORTS'] });
    expect(p.decide(trade(500), 0)).toEqual({ send: false, reason: 'category POLITICS not chosen' });
    expect(policy({ categories: ['POLITICS'] }).decide(trade(500), 0)).toEqual({ send: true });
  });

  it('applies per-wallet on/off and the larger of the global and the wallet minimum trade size', () => {
    expect(policy({}, { alertsEnabled: false }).decide(trade(500), 0)).toEqual({ send: false, reason: 'alerts off for this wallet' });
    expect(policy().decide(trade(99), 0)).toMatchObject({ send: false });
    expect(policy({}, { minTradeUsd: 1_000 }).decide(trade(500), 0)).toMatchObject({ send: false });
    expect(policy({}, { minTradeUsd: 1_000 }).decide(trade(1_000), 0)).toEqual({ send: true });
    expect(new AlertPolicy(OPTS, () => new Map()).decide(trade(500), 0)).toEqual({ send: false, reason: 'wallet not followed' });
  });

  it('holds a quiet period per wallet and market (the wallet setting overrides the global one)', () => {
    const p = policy();
    p.sent(W, M, 1_000);
    expect(p.decide(trade(500), 30_000)).toMatchObject({ send: false });
    expect(p.decide(trade(500, '0xother'), 30_000)).toEqual({ send: true });
    expect(p.decide(trade(500), 61_000)).toEqual({ send: true });
    const short = policy({}, { quietSeconds: 5 });
    short.sent(W, M, 1_000);
    expect(short.decide(trade(500), 7_000)).toEqual({ send: true });
  });
});
