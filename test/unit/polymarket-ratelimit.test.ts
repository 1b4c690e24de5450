import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter, SlidingWindowLog } from '../../src/lib/sliding-window-limiter.ts';
import { budgetFor, defineLimits, limitKeysFor } from '../../src/polymarket/limits.ts';
import { FakeTime, tick } from './polymarket-fake-time.ts';

/** Largest number of `times` inside any half-open window [t, t + windowMs). */
function maxInAnyWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[j]! <= sorted[i]! - windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

/** Fires timers until every promise in `ps` settled (real-time deadline). */
async function settleAll(ps: Promise<unknown>[], time: FakeTime): Promise<void> {
  let done = 0;
  for (const p of ps) void p.then(() => done++, () => done++);
  const deadline = Date.now() + 10_000;
  while (done < ps.length) {
    if (Date.now() > deadline) throw new Error(`only ${done}/${ps.length} settled`);
    await tick();
    if (done < ps.length && !time.runNext()) await tick();
  }
}

function gate(time: FakeTime, fraction = 0.5): SlidingWindowLimiter {
  const g = new SlidingWindowLimiter(time, time);
  defineLimits(g, fraction);
  return g;
}

describe('published budgets', () => {
  it('take the configured fraction of the published limits', () => {
    expect(budgetFor('data:/positions', 0.5)).toBe(75);
    expect(budgetFor('data:/trades', 0.5)).toBe(100);
    expect(budgetFor('gamma:/markets', 0.5)).toBe(150);
    expect(budgetFor('clob:/book', 0.5)).toBe(750);
    expect(limitKeysFor('data', '/positions')).toEqual(['data:/positions', 'data', 'global']);
    expect(limitKeysFor('data', '/activity')).toEqual(['data', 'global']);
    expect(limitKeysFor('gamma', '/events')).toEqual(['gamma:/events', 'gamma:listing', 'gamma', 'global']);
    expect(limitKeysFor('gamma', '/public-profile')).toEqual(['gamma', 'global']);
  });
});

describe('SlidingWindowLimiter', () => {
  it('3× the /positions budget fired at once never exceeds 75 in any 10 s window', async () => {
    const time = new FakeTime();
    const g = gate(time);
    const t0 = time.now();
    const grants: number[] = [];
    const ps = Array.from({ length: 225 }, () =>
      g.acquire('data:/positions', limitKeysFor('data', '/positions')).then(() => grants.push(time.now() - t0)),
    );
    expect(g.queued()['data:/positions']).toBe(225 - 8);
    await settleAll(ps, time);
    expect(grants).toHaveLength(225);
    expect(maxInAnyWindow(grants, 10_000)).toBe(75);
    // Pacing: at most ceil(75 / 10) = 8 per second, so the budget is spread over the window.
    expect(maxInAnyWindow(grants, 1_000)).toBe(8);
    // Not slower than the budget allows: 3 windows' worth needs just over two windows.
    expect(grants.at(-1)).toBe(29_000);
  });

  it('a request takes from its endpoint AND the API general budget (shared across endpoints)', async () => {
    const time = new FakeTime();
    const g = gate(time, 0.05); // data general: 50 per 10 s; /trades: 10 per 10 s
    const general: number[] = [];
    const trades: number[] = [];
    const ps = [
      ...Array.from({ length: 60 }, () => g.acquire('data:/activity', limitKeysFor('data', '/activity')).then(() => general.push(time.now()))),
      ...Array.from({ length: 30 }, () =>
        g.acquire('data:/trades', limitKeysFor('data', '/trades')).then(() => {
          general.push(time.now());
          trades.push(time.now());
        }),
      ),
    ];
    await settleAll(ps, time);
    expect(general).toHaveLength(90);
    expect(maxInAnyWindow(general, 10_000)).toBeLessThanOrEqual(50);
    expect(maxInAnyWindow(trades, 10_000)).toBeLessThanOrEqual(10);
  });

  it('serves one lane FIFO and does not let a blocked lane hold up another', async () => {
    const time = new FakeTime();
    const g = gate(time, 0.02); // /positions: 3 per 10 s, 1 per s; data general: 20 per 10 s, 2 per s
    const order: string[] = [];
    const ps = ['p1', 'p2', 'p3'].map((id) => g.acquire('data:/positions', limitKeysFor('data', '/positions')).then(() => order.push(id)));
    const other = g.acquire('data:/value', limitKeysFor('data', '/value')).then(() => order.push('v'));
    await tick();
    expect(order).toEqual(['p1', 'v']);
    await settleAll([...ps, other], time);
    expect(order).toEqual(['p1', 'v', 'p2', 'p3']);
  });

  it('an aborted waiter leaves the queue with the abort reason', async () => {
    const time = new FakeTime();
    const g = gate(time, 0.01);
    await g.acquire('data:/positions', limitKeysFor('data', '/positions'));
    const ac = new AbortController();
    const waiting = g.acquire('data:/positions', limitKeysFor('data', '/positions'), ac.signal);
    expect(g.queued()).toEqual({ 'data:/positions': 1 });
    ac.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    expect(g.queued()).toEqual({});
  });
});

describe('SlidingWindowLog', () => {
  it('admits `limit` grants per window and frees each slot exactly windowMs after its grant', () => {
    const w = new SlidingWindowLog(3, 1_000);
    for (const t of [0, 100, 200]) {
      expect(w.nextFreeAt(t)).toBe(t);
      w.record(t);
    }
    expect(w.nextFreeAt(250)).toBe(1_000);
    w.record(1_000);
    expect(w.nextFreeAt(1_000)).toBe(1_100);
    expect(w.inWindow(1_000)).toBe(3);
  });
});
