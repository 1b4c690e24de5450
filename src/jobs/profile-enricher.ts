/**
 * profile-enricher (spec: every 10 min): public profiles of tracked wallets not yet enriched, `profileBatchSize`
 * per run (highest priority first), into trader_profiles. A 404 stores a minimal row and marks the wallet
 * 'no_profile', so it is not asked again every run. The enriched set lives in sync_state (the spec kept it in
 * a Python set, so every restart re-fetched every profile); a wallet is marked only after its row is flushed.
 *
 * Outcome contract: a wallet whose request fails (not a 404) is counted, left un-enriched (retried next run),
 * and the run goes on: 'ok' with a partial error, or 'error' if every wallet failed.
 */
import type { PublicProfile } from '../polymarket/types.ts';
import type { Row } from '../store/types.ts';
import { chTime } from '../store/time.ts';
import { profileRow } from '../store/row-mappers.ts';
import { summariseFailures, type SyncDeps } from './deps.ts';
import { errorMessage } from '../lib/error-message.ts';
import { mapPool } from './pool.ts';
import { prioritiseWallets } from './priority.ts';
import type { JobContext, JobDefinition } from './scheduler.ts';
import type { EnrichedValue } from './sync-state.ts';

/** Job name. */
export const PROFILE_ENRICHER = 'profile-enricher';

/** The profile-enricher job. */
export function profileEnricherJob(deps: SyncDeps): JobDefinition {
  return {
    name: PROFILE_ENRICHER,
    schedule: deps.options.schedules[PROFILE_ENRICHER],
    timeoutMs: deps.options.timeoutsMs[PROFILE_ENRICHER],
    runAtStart: false,
    run: (ctx) => runProfileEnricher(deps, ctx),
  };
}

/** The minimal profile stored for a wallet Gamma has no profile for. */
export function emptyProfile(wallet: string): PublicProfile {
  return {
    wallet,
    pseudonym: '',
    name: '',
    bio: '',
    profileImage: '',
    xUsername: '',
    verifiedBadge: false,
    displayUsernamePublic: false,
    createdAt: null,
  };
}

/** One run (see the module comment). */
export async function runProfileEnricher(deps: SyncDeps, ctx: JobContext): Promise<void> {
  const { polymarket, writer, options, state, clock, store } = deps;
  await state.refresh(ctx.signal);
  const pending = [...state.tracked().values()].filter((t) => !state.isEnriched(t.wallet));
  if (pending.length === 0) {
    ctx.logger.info('every tracked wallet is enriched');
    return;
  }
  const batch = (await prioritiseWallets(store, pending, ctx.signal)).slice(0, options.profileBatchSize);
  const now = clock.now();
  const outcomes = await mapPool(
    batch,
    options.concurrency,
    async (wallet) => {
      const profile = await polymarket.gamma.publicProfile(wallet, ctx.signal);
      ctx.counters.pages += 1;
      return profile;
    },
    ctx.signal,
  );
  ctx.signal.throwIfAborted();

  const rows: Row[] = [];
  const enriched: { wallet: string; value: EnrichedValue }[] = [];
  const failures: { item: string; error: string }[] = [];
  outcomes.forEach((outcome, i) => {
    const wallet = batch[i] as string;
    if (!outcome.ok) {
      failures.push({ item: wallet, error: errorMessage(outcome.error) });
      return;
    }
    const tracked = state.tracked().get(wallet);
    const row = profileRow(outcome.value ?? emptyProfile(wallet), {
      updatedAt: now,
      ...(tracked ? { discoveredVia: tracked.via } : {}),
    });
    rows.push({ ...row, proxy_wallet: wallet, first_seen_at: chTime(tracked?.since ?? now) });
    enriched.push({ wallet, value: outcome.value ? 'profile' : 'no_profile' });
  });
  if (rows.length > 0) {
    await writer.writeAsync('trader_profiles', rows);
    await writer.flush();
  }
  await state.markEnriched(enriched, ctx.signal);
  ctx.counters.rows += rows.length;
  ctx.logger.info('profiles enriched', {
    batch: batch.length,
    found: enriched.filter((e) => e.value === 'profile').length,
    failed: failures.length,
    remaining: pending.length - enriched.length,
  });
  const partial = summariseFailures('profiles', batch.length, failures);
  if (partial) ctx.setPartialError(partial);
}
