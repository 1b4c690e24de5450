import type { Simulator } from '../../src/sim/index.ts';
import type { SimMarket } from '../../src/sim/world/types.ts';
import { chTime } from '../../src/store/client.ts';
import type { Store } from '../../src/store/types.ts';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Advances the simulator's manual clock in `stepMs` steps, one step per `wallMs` of real time (so sockets, polls
 * and timers of the code under test get to run), until `pred` holds; throws when `maxWorldMs` of world time ran out.
 */
export async function runUntil(
  sim: Simulator,
  what: string,
  pred: () => Promise<boolean>,
  maxWorldMs: number,
  stepMs = 500,
  wallMs = 25,
): Promise<void> {
  for (let t = 0; t <= maxWorldMs; t += stepMs) {
    if (await pred()) return;
    sim.advance(stepMs);
    await sleep(wallMs);
  }
  if (!(await pred())) throw new Error(`world time ran out waiting for ${what}`);
}

/** Lets `worldMs` of world time pass, `stepMs` per `wallMs` of real time. */
export async function runFor(sim: Simulator, worldMs: number, stepMs = 500, wallMs = 25): Promise<void> {
  for (let t = 0; t <= worldMs; t += stepMs) {
    sim.advance(stepMs);
    await sleep(wallMs);
  }
}

/** Calm open markets (lowest trading weight first) whose token-0 price is between 0.25 and 0.65. */
export function calmMarkets(sim: Simulator, n: number): SimMarket[] {
  return sim.world.core.markets
    .filter((m) => !m.closed && m.book && m.price >= 250 && m.price <= 650 && m.endDate > sim.now() + 86_400_000)
    .sort((a, b) => a.weight - b.weight)
    .slice(0, n);
}

/** Pins `markets` on the watchlist as the trader's own entries (what `w` in the TUI writes), versioned at `now`. */
export async function pinMarkets(store: Store, markets: readonly SimMarket[], now: number): Promise<void> {
  await store.insert(
    'watchlist_markets',
    markets.map((m) => ({
      market_id: m.conditionId,
      market_slug: m.slug,
      question: m.question,
      token_ids: [...m.tokens],
      outcomes: [...m.outcomes],
      auto_added: 0,
      updated_at: chTime(now),
    })),
  );
}
