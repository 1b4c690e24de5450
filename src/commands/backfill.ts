/**
 * `whaletop backfill [--top N] [--wallets FILE|-] [--max-wallets N] [--since DATE] [--dry-run] [--resume]`:
 * full activity and closed-position history of the chosen wallets (jobs/backfill.ts), with progress on stderr
 * (a bar and counts; JSON lines with --headless) and checkpoints in ClickHouse.
 */
import { readFile } from 'node:fs/promises';
import type { Config } from '../config/index.ts';
import { errorMessage } from '../lib/error-message.ts';
import { formatDuration } from '../lib/format.ts';
import { fileLogger } from '../lib/log.ts';
import { sanitizeText } from '../lib/sanitize.ts';
import { systemClock } from '../lib/clock.ts';
import { createPolymarket } from '../polymarket/index.ts';
import { planBackfill, runBackfill, type BackfillPlan, type BackfillProgress } from '../jobs/backfill.ts';
import { SyncState } from '../jobs/sync-state.ts';
import { readWalletQueue } from '../jobs/wallet-queue.ts';
import { DEFAULT_SYNC_OPTIONS } from '../jobs/options.ts';
import type { Output } from './output.ts';
import { openConfiguredStore } from './store.ts';

const WALLET = /^0x[0-9a-fA-F]{40}$/;

/** Parses a wallet list (one address per line; blank lines and `#` comments ignored). Throws naming the bad line. */
export function parseWalletList(text: string, source: string): string[] {
  const out: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') return;
    if (!WALLET.test(line)) throw new Error(`${source}:${i + 1}: not a wallet address: ${sanitizeText(line).slice(0, 60)}`);
    out.push(line.toLowerCase());
  });
  return out;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The plan as lines for a person. */
export function describePlan(plan: BackfillPlan): string[] {
  return [
    `backfill plan: ${plan.wallets.length} wallets${plan.alreadyDone > 0 ? ` (${plan.alreadyDone} already done, skipped)` : ''}, history since ${
      plan.sinceSec > 0 ? new Date(plan.sinceSec * 1000).toISOString().slice(0, 10) : 'the beginning'
    }`,
    `requests (at least): ${plan.estimatedRequests.activity} /activity at ${plan.laneRates.activity.toFixed(1)}/s, ${plan.estimatedRequests.closedPositions} /closed-positions at ${plan.laneRates.closedPositions.toFixed(1)}/s`,
    `estimated time at the budget: ${formatDuration(plan.estimatedSeconds * 1000)} (the slower lane decides)`,
  ];
}

/** One progress line: a bar, done / failed / rows / elapsed / ETA. */
export function progressLine(p: BackfillProgress): string {
  const finished = p.done + p.failed;
  const width = 20;
  const filled = p.total === 0 ? width : Math.round((finished / p.total) * width);
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
  return `${bar} ${finished}/${p.total} wallets · ${p.done} done · ${p.failed} failed · ${p.rows} rows · ${formatDuration(p.elapsedMs)} elapsed · ETA ${
    p.etaMs === null ? '?' : formatDuration(p.etaMs)
  }`;
}

/** The backfill command. Exit 0 when every wallet was done, 1 when some failed or the store failed, 2 on bad input. */
export async function backfillCommand(config: Config, out: Output): Promise<number> {
  let candidates: string[] | null = null;
  if (config.backfillWallets !== undefined) {
    try {
      const source = config.backfillWallets;
      candidates = parseWalletList(source === '-' ? await readStdin() : await readFile(source, 'utf8'), source === '-' ? 'stdin' : source);
    } catch (err) {
      out.error(errorMessage(err));
      return 2;
    }
  }
  const logger = fileLogger(config.logFile as string, config.logLevel);
  const opened = await openConfiguredStore(config, logger, out);
  if (!opened) {
    await logger.close();
    return 1;
  }
  const { store } = opened;
  const polymarket = createPolymarket({
    dataApiUrl: config.dataApiUrl,
    gammaUrl: config.gammaUrl,
    clobUrl: config.clobUrl,
    rateFraction: config.rateFraction ?? 0.5,
    timeoutMs: config.requestTimeoutMs,
    logger: logger.child({ part: 'http' }),
  });
  const abort = new AbortController();
  const onSignal = (): void => abort.abort(new Error('interrupted'));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    if (config.backfillTop !== undefined) {
      const state = new SyncState(store);
      await state.refresh(abort.signal);
      const queue = await readWalletQueue(store, state.tracked().values(), Date.now(), DEFAULT_SYNC_OPTIONS.queueStaleAfterMs, abort.signal);
      const top = queue.ordered.slice(0, config.backfillTop).map((q) => q.wallet);
      candidates = [...(candidates ?? []), ...top];
    }
    const sinceSec = config.backfillSince ? Math.floor(Date.parse(config.backfillSince.endsWith('Z') || config.backfillSince.length === 10 ? config.backfillSince : `${config.backfillSince}Z`) / 1000) : 0;
    const plan = await planBackfill(
      store,
      candidates ?? [],
      { sinceSec, resume: config.resume, rateFraction: config.rateFraction ?? 0.5, ...(config.backfillMaxWallets !== undefined ? { maxWallets: config.backfillMaxWallets } : {}) },
      abort.signal,
    );
    if (config.headless) out.info(JSON.stringify({ event: 'plan', wallets: plan.wallets.length, alreadyDone: plan.alreadyDone, sinceSec, ...plan.estimatedRequests, estimatedSeconds: Math.round(plan.estimatedSeconds) }));
    else for (const line of describePlan(plan)) (config.dryRun ? out.print : out.info)(line);
    if (config.dryRun) return 0;

    let last = 0;
    const progress = await runBackfill(
      { store, polymarket, logger: logger.child({ part: 'backfill' }), clock: systemClock },
      plan,
      {
        concurrency: config.backfillConcurrency,
        signal: abort.signal,
        onProgress: (p) => {
          const now = Date.now();
          const finished = p.done + p.failed === p.total;
          if (!finished && now - last < 1000) return;
          last = now;
          out.info(config.headless ? JSON.stringify({ event: 'progress', ...p }) : progressLine(p));
        },
      },
    );
    if (abort.signal.aborted) {
      out.info('backfill interrupted; run it again with --resume to continue');
      return 130;
    }
    if (config.headless) out.info(JSON.stringify({ event: 'done', ...progress }));
    else out.info(`backfill finished: ${progress.done} done, ${progress.failed} failed, ${progress.rows} rows in ${formatDuration(progress.elapsedMs)}`);
    return progress.failed === 0 ? 0 : 1;
  } catch (err) {
    if (abort.signal.aborted) {
      out.info('backfill interrupted; run it again with --resume to continue');
      return 130;
    }
    out.error(`backfill failed: ${errorMessage(err)}`);
    logger.error('backfill failed', { err });
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await polymarket.close().catch(() => {});
    await store.close().catch(() => {});
    await logger.close();
  }
}
