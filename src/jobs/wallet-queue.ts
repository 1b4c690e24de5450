/**
 * The wallet priority queue (production data system seed: "a priority queue … continuous processing"). It decides
 * what position-sync (positions + activity) and the background backfill spend the rate budget on.
 *
 * The queue is not a separate mutable structure: it is computed from what ClickHouse already holds — the tracked
 * set (sync_state), each wallet's last sync (wallet_sync_metadata), the value it holds (wallet_positions,
 * market_holders), followed wallets (followed_wallets) and, once the intelligence issue's table exists, grades
 * and insider scores (wallet_scores). So it survives restarts and a kill -9 by construction, and cannot drift
 * from the data.
 *
 * Order: followed wallets first (oldest follow first). Every other wallet gets
 *
 *   weight   = 1 + log10(1 + value held USD) + gradeBonus (A+ 3, A 2, B 1) + 3 × insider score (0..1)
 *   priority = weight × (seconds since its last sync, or since discovery + NEVER_SYNCED_BONUS_S if never synced)
 *
 * Aging is the anti-starvation rule: a just-synced wallet starts at 0 and every wallet's priority grows with the
 * time it waits, while weights are bounded (1 ≤ weight ≤ ~14 for $10 B held), so a wallet of weight 1 overtakes
 * one of weight W synced ≥ its own wait / W ago. With capacity C wallets per cycle and N tracked, no wallet
 * waits more than ~W_max × N / C cycles (README, Coverage). A wallet never synced gets a day's head start, so
 * new discoveries are served before re-syncs of known wallets.
 */
import { readHeldValues, readLastWalletSyncs, readWalletGrades } from '../store/queries/coverage.ts';
import { listFollowedWallets } from '../store/state/followed-wallets.ts';
import type { Store } from '../store/types.ts';
import type { TrackedWallet } from './sync-state.ts';

/** Head start of a wallet never synced, seconds. */
export const NEVER_SYNCED_BONUS_S = 86_400;

const GRADE_BONUS: Readonly<Record<string, number>> = { 'A+': 3, A: 2, B: 1 };

/** One wallet's inputs to the queue order. */
export interface QueueInput {
  wallet: string;
  /** When it was discovered, epoch ms. */
  since: number;
  /** Last sync, epoch ms; undefined = never. */
  lastSyncAt?: number;
  valueHeld?: number;
  grade?: string;
  insiderScore?: number;
  followed?: boolean;
}

/** A wallet's weight (see the module comment). */
export function queueWeight(input: QueueInput): number {
  const value = Math.max(0, input.valueHeld ?? 0);
  const insider = Math.min(1, Math.max(0, input.insiderScore ?? 0));
  return 1 + Math.log10(1 + value) + (GRADE_BONUS[input.grade ?? ''] ?? 0) + 3 * insider;
}

/** A wallet's priority at `nowMs` (see the module comment). Followed wallets are Infinity. */
export function queuePriority(input: QueueInput, nowMs: number): number {
  if (input.followed) return Infinity;
  const waitedS =
    input.lastSyncAt === undefined ? Math.max(0, nowMs - input.since) / 1000 + NEVER_SYNCED_BONUS_S : Math.max(0, nowMs - input.lastSyncAt) / 1000;
  return queueWeight(input) * waitedS;
}

/** Orders queue inputs, highest priority first (followed by follow order, then the wallet address breaks ties). */
export function orderQueue(inputs: readonly QueueInput[], nowMs: number): QueueInput[] {
  const keyed = inputs.map((input, i) => ({ input, i, p: queuePriority(input, nowMs) }));
  keyed.sort((a, b) => {
    if (a.p === Infinity && b.p === Infinity) return a.i - b.i;
    return b.p - a.p || (a.input.wallet < b.input.wallet ? -1 : a.input.wallet > b.input.wallet ? 1 : 0);
  });
  return keyed.map((k) => k.input);
}

/** What {@link readWalletQueue} returns: the ordered wallets and which of them are due. */
export interface WalletQueue {
  ordered: QueueInput[];
  /** Wallets that are followed, never synced, or last synced more than `staleAfterMs` ago. */
  isDue(input: QueueInput): boolean;
}

/**
 * Reads the queue's inputs from the store and orders them. `tracked` is the tracked set (SyncState's mirror);
 * followed wallets are added even when not tracked.
 */
export async function readWalletQueue(
  store: Store,
  tracked: Iterable<TrackedWallet>,
  nowMs: number,
  staleAfterMs: number,
  signal?: AbortSignal,
): Promise<WalletQueue> {
  const [followed, lastSyncs, values, grades] = await Promise.all([
    listFollowedWallets(store, signal),
    readLastWalletSyncs(store, signal),
    readHeldValues(store, signal),
    readWalletGrades(store, signal),
  ]);
  const inputs: QueueInput[] = [];
  const seen = new Set<string>();
  const push = (wallet: string, since: number, isFollowed: boolean): void => {
    if (seen.has(wallet)) return;
    seen.add(wallet);
    const last = lastSyncs.get(wallet);
    const value = values.get(wallet);
    const g = grades.get(wallet);
    inputs.push({
      wallet,
      since,
      ...(last !== undefined ? { lastSyncAt: last } : {}),
      ...(value !== undefined ? { valueHeld: value } : {}),
      ...(g ? { grade: g.grade, insiderScore: g.insiderScore } : {}),
      followed: isFollowed,
    });
  };
  for (const f of followed) push(f.wallet, f.followedAt, true);
  for (const t of tracked) push(t.wallet, t.since, false);
  return {
    ordered: orderQueue(inputs, nowMs),
    isDue: (input) => input.followed === true || input.lastSyncAt === undefined || nowMs - input.lastSyncAt > staleAfterMs,
  };
}
