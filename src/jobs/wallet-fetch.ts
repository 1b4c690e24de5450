/**
 * The on-demand fetch of one wallet (issue 14: "an address the store has never seen is fetched on demand and
 * opened"): its positions and activity, as one position-sync run of that wallet alone (same watermarks, same
 * de-duplication), and its Gamma public profile, so the wallet view has something to show at once. The wallet is
 * also tracked (discovered via 'manual'), so the ordinary jobs keep it fresh afterwards.
 */
import { errorMessage } from '../lib/error-message.ts';
import { profileRow } from '../store/row-mappers.ts';
import { chTime } from '../store/time.ts';
import type { SyncDeps } from './deps.ts';
import type { JobContext } from './job.ts';
import { runPositionSync } from './position-sync.ts';
import { emptyProfile } from './profile-enricher.ts';

/** What one on-demand fetch did. */
export interface WalletFetchResult {
  wallet: string;
  rows: number;
  profile: boolean;
  /** Partial failures ('' when none). */
  error: string;
}

/** Fetches `wallet` now (see the module comment); rejects when the fetch failed as a whole. */
export async function fetchWalletNow(deps: SyncDeps, wallet: string, signal: AbortSignal): Promise<WalletFetchResult> {
  const address = wallet.toLowerCase();
  const logger = deps.logger.child({ part: 'wallet-fetch', wallet: address });
  let partial = '';
  const ctx: JobContext = { signal, logger, counters: { rows: 0, pages: 0, rejected: 0, received: 0 }, setPartialError: (s) => (partial = s) };
  await deps.state.addTracked([address], 'manual', signal);
  const [, profile] = await Promise.all([
    runPositionSync(deps, ctx, [address]),
    deps.polymarket.gamma.publicProfile(address, signal).catch((err: unknown) => {
      partial ||= `profile: ${errorMessage(err)}`;
      return undefined;
    }),
  ]);
  if (profile !== undefined) {
    const now = deps.clock.now();
    const row = profileRow(profile ?? emptyProfile(address), { updatedAt: now, discoveredVia: 'manual' });
    await deps.writer.writeAsync('trader_profiles', [{ ...row, proxy_wallet: address, first_seen_at: chTime(now) }]);
    await deps.writer.flush();
    await deps.state.markEnriched([{ wallet: address, value: profile ? 'profile' : 'no_profile' }], signal);
  }
  logger.info('wallet fetched on demand', { rows: ctx.counters.rows, profile: Boolean(profile), partial });
  return { wallet: address, rows: ctx.counters.rows, profile: Boolean(profile), error: partial };
}
