import type { Logger } from '../lib/log.ts';
import { readSignalsAwaitingOutcome, readSnapshotMid, type StoredSignalRow } from '../store/queries/signal-outcomes.ts';
import type { Store } from '../store/types.ts';
import type { FiredSignal } from './signals.ts';

/** The two horizons a signal is judged at, ms after it fired. */
export const OUTCOME_HORIZONS = [
  { key: '5m', afterMs: 5 * 60_000 },
  { key: '15m', afterMs: 15 * 60_000 },
] as const;

/** Where prices come from: the live mid when fresh, else the stored 10 s snapshots. */
export interface PriceSource {
  /** The token's live mid now, or null without a valid book. */
  liveMid(tokenId: string): number | null;
}

/** Whether the price moved the signalled way (a flat price is a miss: the signal promised a move). */
export function directionCorrect(direction: 'UP' | 'DOWN', priceAtSignal: number, priceAfter: number): boolean {
  return direction === 'UP' ? priceAfter > priceAtSignal + 1e-9 : priceAfter < priceAtSignal - 1e-9;
}

/**
 * Tracks fired signals until both outcomes are known and writes each outcome as a newer version of the row.
 * At a horizon the live mid is used if the check runs within `liveToleranceMs` of it; a late check (restart, a
 * gap in the book) reads the last snapshot at or before the horizon (within `snapshotToleranceMs`). A horizon with
 * no price after `giveUpAfterMs` stays null.
 */
export class OutcomeTracker {
  private readonly pending = new Map<string, FiredSignal>();

  constructor(
    private readonly deps: {
      store: Store;
      prices: PriceSource;
      /** Writes a new version of the signal row. */
      write(signal: FiredSignal): void;
      logger: Logger;
      liveToleranceMs?: number;
      snapshotToleranceMs?: number;
      giveUpAfterMs?: number;
    },
  ) {}

  /** Signals still waiting for an outcome. */
  get size(): number {
    return this.pending.size;
  }

  /** Starts tracking a signal, or replaces its tracked version (keeping outcomes already known). */
  upsert(signal: FiredSignal): void {
    const known = this.pending.get(signal.signalId);
    this.pending.set(
      signal.signalId,
      known
        ? {
            ...signal,
            priceAfter5m: signal.priceAfter5m ?? known.priceAfter5m,
            correct5m: signal.correct5m ?? known.correct5m,
            priceAfter15m: signal.priceAfter15m ?? known.priceAfter15m,
            correct15m: signal.correct15m ?? known.correct15m,
          }
        : signal,
    );
  }

  /** The tracked version of a signal. */
  get(signalId: string): FiredSignal | undefined {
    return this.pending.get(signalId);
  }

  /** Resumes tracking signals of the last `lookbackMs` whose outcomes are missing (after a restart). */
  async resume(now: number, lookbackMs: number): Promise<void> {
    const rows = await readSignalsAwaitingOutcome(this.deps.store, now - lookbackMs);
    for (const r of rows) if (!this.pending.has(r.signal_id)) this.pending.set(r.signal_id, fromRow(r));
  }

  /** Resolves every due horizon at `now`. */
  async check(now: number): Promise<void> {
    const live = this.deps.liveToleranceMs ?? 30_000;
    const giveUp = this.deps.giveUpAfterMs ?? 10 * 60_000;
    for (const s of [...this.pending.values()]) {
      let next = s;
      for (const h of OUTCOME_HORIZONS) {
        const priceKey = h.key === '5m' ? 'priceAfter5m' : 'priceAfter15m';
        if (next[priceKey] !== null) continue;
        const due = s.timestamp + h.afterMs;
        if (now < due) continue;
        let price = now - due <= live ? this.deps.prices.liveMid(s.tokenId) : null;
        price ??= await this.snapshotPrice(s.tokenId, due);
        if (price === null) {
          if (now - due > giveUp) this.deps.logger.debug('signal outcome unknown', { signal: s.signalId, horizon: h.key });
          continue;
        }
        const correct = directionCorrect(s.direction, s.priceAtSignal, price);
        next =
          h.key === '5m'
            ? { ...next, priceAfter5m: price, correct5m: correct }
            : { ...next, priceAfter15m: price, correct15m: correct };
      }
      if (next !== s) {
        next = { ...next, updatedAt: Math.max(now, s.updatedAt + 1) };
        this.deps.write(next);
      }
      const doneOrStale = (next.priceAfter15m !== null && next.priceAfter5m !== null) || now - (s.timestamp + 15 * 60_000) > giveUp;
      if (doneOrStale) this.pending.delete(s.signalId);
      else this.pending.set(s.signalId, next);
    }
  }

  private snapshotPrice(tokenId: string, at: number): Promise<number | null> {
    const tolerance = this.deps.snapshotToleranceMs ?? 60_000;
    return readSnapshotMid(this.deps.store, tokenId, at, tolerance);
  }
}

function parseChTime(s: string): number {
  return Date.parse(s.replace(' ', 'T') + 'Z');
}

function fromRow(r: StoredSignalRow): FiredSignal {
  const timestamp = parseChTime(r.timestamp);
  return {
    signalId: r.signal_id,
    marketId: r.market_id,
    marketSlug: r.market_slug,
    question: r.question,
    tokenId: r.token_id,
    outcome: r.outcome,
    type: r.signal_type,
    direction: r.direction,
    velocityCentsPerMin: Number(r.momentum_velocity),
    accelerationCentsPerMin2: Number(r.momentum_acceleration),
    volumeSurge: Number(r.volume_surge),
    elite: r.elite_wallet_address
      ? {
          tradeId: '',
          wallet: r.elite_wallet_address,
          name: r.elite_wallet_name ?? '',
          rank: r.elite_rank === null ? null : Number(r.elite_rank),
          score: r.elite_score === null ? null : Number(r.elite_score),
          side: r.elite_side ?? 'BUY',
          marketId: r.market_id,
          tokenId: r.token_id,
          outcome: r.outcome,
          size: 0,
          sizeUsd: Number(r.elite_size_usd ?? 0),
          price: 0,
          transactionHash: '',
          timestamp,
          isElite: true,
          isWatched: false,
        }
      : null,
    confidence: r.confidence,
    entryWindow: r.entry_window,
    priceAtSignal: Number(r.price_at_signal),
    timestamp,
    priceAfter5m: r.price_after_5m === null ? null : Number(r.price_after_5m),
    priceAfter15m: r.price_after_15m === null ? null : Number(r.price_after_15m),
    correct5m: r.direction_correct_5m,
    correct15m: r.direction_correct_15m,
    updatedAt: parseChTime(r.updated_at),
  };
}
