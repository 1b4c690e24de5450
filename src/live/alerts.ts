import type { Logger } from '../lib/log.ts';
import { sanitizeText } from '../lib/sanitize.ts';
import type { FiredSignal } from './signals.ts';

/** Alerting switches; both off by default. */
export interface AlertOptions {
  /** Ring the terminal bell on HIGH signals (through the composition root's callback). */
  alertBell: boolean;
  /** POST every HIGH signal as JSON to this URL; '' disables. */
  alertWebhookUrl: string;
  /** Webhook request timeout, ms. */
  alertWebhookTimeoutMs: number;
}

/** The JSON body posted to the webhook. */
export function webhookBody(s: FiredSignal): Record<string, unknown> {
  return {
    kind: 'whaletop.signal',
    signalId: s.signalId,
    type: s.type,
    confidence: s.confidence,
    direction: s.direction,
    marketId: s.marketId,
    marketSlug: s.marketSlug,
    question: s.question,
    tokenId: s.tokenId,
    outcome: s.outcome,
    priceAtSignal: s.priceAtSignal,
    velocityCentsPerMin: s.velocityCentsPerMin,
    entryWindow: s.entryWindow,
    elite: s.elite
      ? { wallet: s.elite.wallet, name: s.elite.name, rank: s.elite.rank, side: s.elite.side, sizeUsd: s.elite.sizeUsd }
      : null,
    timestamp: new Date(s.timestamp).toISOString(),
  };
}

/** What one webhook delivery ended as: the HTTP status (0 when none came back) and an error text ('' when ok). */
export interface WebhookOutcome {
  status: number;
  error: string;
}

/**
 * POSTs `body` as JSON to `url`. Never follows a redirect; failures are logged and returned, never thrown.
 */
export async function postWebhook(url: string, body: unknown, timeoutMs: number, logger: Logger): Promise<WebhookOutcome> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      // Never followed (issue 12 item 16): a 307/308 would re-POST the signal to wherever the Location points,
      // a 302/303 would turn it into a GET there. The configured URL is the only place a signal goes.
      redirect: 'manual',
    });
    await res.body?.cancel();
    if (res.status >= 300 && res.status < 400) {
      logger.warn('alert webhook answered a redirect; not followed', { status: res.status, location: sanitizeText(res.headers.get('location') ?? '') });
      return { status: res.status, error: 'redirect not followed' };
    }
    if (!res.ok) {
      logger.warn('alert webhook rejected', { status: res.status });
      return { status: res.status, error: `HTTP ${res.status}` };
    }
    return { status: res.status, error: '' };
  } catch (err) {
    logger.warn('alert webhook failed', { err });
    return { status: 0, error: sanitizeText(err instanceof Error ? err.message : String(err)) };
  }
}

/**
 * Delivers HIGH signals: the bell through `ring` (the composition root decides how, so Ink's output is not
 * corrupted by a stray BEL), the webhook by a JSON POST. Delivery failures are logged, never thrown.
 * Resolves when the webhook call settled (callers may ignore the promise). The live feed itself sends through
 * {@link createAlertService}, which adds the tunable policy and the alert log.
 */
export function createAlerter(opts: AlertOptions, logger: Logger, ring?: (signal: FiredSignal) => void): (signal: FiredSignal) => Promise<void> {
  return async (signal) => {
    if (signal.confidence !== 'HIGH') return;
    if (opts.alertBell && ring) {
      try {
        ring(signal);
      } catch (err) {
        logger.warn('alert callback failed', { err });
      }
    }
    if (!opts.alertWebhookUrl) return;
    await postWebhook(opts.alertWebhookUrl, webhookBody(signal), opts.alertWebhookTimeoutMs, logger);
  };
}
