/**
 * The live feed's alerts (issue 14): live signals and followed wallets' trades go through the tunable
 * {@link AlertPolicy}; each one it lets through rings the bell (when on), is POSTed to the webhook (when set) and
 * is logged in ClickHouse (`alerts_sent`, schema/051), which the Alerts view lists and which seeds the quiet
 * period at start, so a restart does not re-send what was just sent.
 */
import type { Logger } from '../lib/log.ts';
import { sanitizeText } from '../lib/sanitize.ts';
import { chTime } from '../store/time.ts';
import type { Row } from '../store/types.ts';
import type { AlertLogRow } from '../store/queries/alerts.ts';
import { AlertPolicy, type AlertPolicyOptions } from './alert-policy.ts';
import { postWebhook, webhookBody, type AlertOptions } from './alerts.ts';
import type { FollowAlertSettings } from '../store/state/followed-wallets.ts';
import type { EliteTrade, FiredSignal } from './signals.ts';

/** One alert as sent: the domain form of an `alerts_sent` row, the same shape the alert log reads back. */
export type SentAlert = AlertLogRow;

/** What a market is, as the alerts need it. */
export interface AlertMarketInfo {
  question: string;
  category: string;
}

/** Dependencies of {@link createAlertService}. */
export interface AlertServiceDeps {
  options: AlertOptions & AlertPolicyOptions;
  logger: Logger;
  /** Followed wallets' alert settings by lower-case address (refreshed with the watchlist). */
  followed: () => ReadonlyMap<string, FollowAlertSettings>;
  /** The market's title and category ('' when unknown). */
  market: (marketId: string) => AlertMarketInfo | undefined;
  /** Writes `alerts_sent` rows (the batched writer). */
  log: (rows: Row[]) => void;
  /** Rings the bell (the composition root decides how); called only when `alertBell` is on. */
  ring?: (alert: SentAlert) => void;
  now: () => number;
}

/** The live feed's alert entry points. */
export interface AlertService {
  /** A fired signal; resolves when delivered (or dropped by the policy). */
  signal(s: FiredSignal): Promise<SentAlert | null>;
  /** A trade by a followed wallet; resolves when delivered (or dropped by the policy). */
  trade(t: EliteTrade): Promise<SentAlert | null>;
  /** Alerts sent before (from `alerts_sent`): the quiet period continues from them. */
  seed(previous: readonly { wallet: string; marketId: string; sentAt: number }[]): void;
  /** Alerts sent since start. */
  readonly sentCount: number;
}

/** The webhook body of a followed wallet's trade. */
export function tradeWebhookBody(t: EliteTrade, m: AlertMarketInfo | undefined): Record<string, unknown> {
  return {
    kind: 'whaletop.trade',
    tradeId: t.tradeId,
    wallet: t.wallet,
    name: t.name,
    side: t.side,
    marketId: t.marketId,
    question: m?.question ?? '',
    category: m?.category ?? '',
    tokenId: t.tokenId,
    outcome: t.outcome,
    size: t.size,
    sizeUsd: t.sizeUsd,
    price: t.price,
    transactionHash: t.transactionHash,
    timestamp: new Date(t.timestamp).toISOString(),
  };
}

/** The `alerts_sent` row of a sent alert. */
export function alertRow(a: SentAlert): Row {
  return {
    alert_id: a.alertId,
    kind: a.kind,
    wallet_address: a.wallet,
    wallet_name: a.walletName,
    market_id: a.marketId,
    question: a.question,
    category: a.category,
    side: a.side,
    outcome: a.outcome,
    size_usd: a.sizeUsd,
    price: a.price,
    confidence: a.confidence,
    summary: a.summary,
    channels: a.channels,
    webhook_status: a.webhookStatus,
    webhook_error: a.webhookError,
    sent_at: chTime(a.sentAt),
  };
}

/** Creates the alert service (see the module comment). */
export function createAlertService(deps: AlertServiceDeps): AlertService {
  const { options, logger } = deps;
  const policy = new AlertPolicy(options, deps.followed);
  let sentCount = 0;

  const deliver = async (base: Omit<SentAlert, 'channels' | 'webhookStatus' | 'webhookError' | 'sentAt'>, body: unknown): Promise<SentAlert> => {
    const sentAt = deps.now();
    // Recorded before the webhook settles: a second trade arriving meanwhile is inside the quiet period.
    policy.sent(base.wallet, base.marketId, sentAt);
    const alert: SentAlert = { ...base, channels: [], webhookStatus: 0, webhookError: '', sentAt };
    if (options.alertBell && deps.ring) {
      alert.channels.push('bell');
      try {
        deps.ring(alert);
      } catch (err) {
        logger.warn('alert callback failed', { err });
      }
    }
    if (options.alertWebhookUrl) {
      alert.channels.push('webhook');
      const outcome = await postWebhook(options.alertWebhookUrl, body, options.alertWebhookTimeoutMs, logger);
      alert.webhookStatus = outcome.status;
      alert.webhookError = outcome.error;
    }
    sentCount++;
    deps.log([alertRow(alert)]);
    logger.info('alert sent', { kind: alert.kind, wallet: alert.wallet, market: alert.marketId, channels: alert.channels });
    return alert;
  };

  return {
    get sentCount() {
      return sentCount;
    },
    seed(previous) {
      for (const p of previous) policy.sent(p.wallet, p.marketId, p.sentAt);
    },
    async signal(s) {
      const m = deps.market(s.marketId);
      const category = m?.category ?? '';
      const wallet = s.elite?.wallet ?? '';
      const decision = policy.decide({ kind: 'signal', confidence: s.confidence, marketId: s.marketId, category, wallet }, deps.now());
      if (!decision.send) {
        logger.debug('signal alert not sent', { signal: s.signalId, reason: decision.reason });
        return null;
      }
      const summary = sanitizeText(`${s.confidence} ${s.type} ${s.direction} ${s.outcome} @ ${s.priceAtSignal.toFixed(2)} · ${s.question}`);
      return deliver(
        {
          alertId: s.signalId,
          kind: 'signal',
          wallet,
          walletName: s.elite?.name ?? '',
          marketId: s.marketId,
          question: s.question,
          category,
          side: s.elite?.side ?? '',
          outcome: s.outcome,
          sizeUsd: s.elite?.sizeUsd ?? 0,
          price: s.priceAtSignal,
          confidence: s.confidence,
          summary,
        },
        webhookBody(s),
      );
    },
    async trade(t) {
      const m = deps.market(t.marketId);
      const category = m?.category ?? '';
      const decision = policy.decide({ kind: 'trade', wallet: t.wallet, marketId: t.marketId, category, sizeUsd: t.sizeUsd }, deps.now());
      if (!decision.send) {
        logger.debug('trade alert not sent', { trade: t.tradeId, reason: decision.reason });
        return null;
      }
      const who = t.name || t.wallet;
      const summary = sanitizeText(`${who} ${t.side} ${t.outcome} $${t.sizeUsd.toFixed(0)} @ ${t.price.toFixed(2)} · ${m?.question ?? t.marketId}`);
      return deliver(
        {
          alertId: t.tradeId,
          kind: 'trade',
          wallet: t.wallet,
          walletName: t.name,
          marketId: t.marketId,
          question: m?.question ?? '',
          category,
          side: t.side,
          outcome: t.outcome,
          sizeUsd: t.sizeUsd,
          price: t.price,
          confidence: '',
          summary,
        },
        tradeWebhookBody(t, m),
      );
    },
  };
}
