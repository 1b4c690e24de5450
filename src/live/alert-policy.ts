/**
 * Which alerts are sent (issue 14, "Alerts become tunable"): pure rules, no I/O. A live signal passes when its
 * confidence reaches the minimum and its market's category is chosen; a followed wallet's trade passes when the
 * wallet's alerts are on and the trade reaches both the global and the wallet's minimum size. Either way a quiet
 * period per (wallet, market) follows each alert sent: whalewatch found one wallet re-firing on one market made
 * 14 % of its pushes, so the second alert on the same pair within the period is dropped.
 */
import type { FollowAlertSettings } from '../store/state/followed-wallets.ts';
import type { Confidence } from './signals.ts';

/** The global alert settings (flags `--alert-*`). */
export interface AlertPolicyOptions {
  /** Lowest signal confidence that alerts. */
  minConfidence: Confidence;
  /** Market categories that alert (upper-case); empty = every category. */
  categories: readonly string[];
  /** Smallest followed-wallet trade that alerts, USDC. */
  minTradeUsd: number;
  /** Quiet period after an alert, per wallet and market, ms (a wallet's own setting overrides it). */
  quietMs: number;
}

/** Something that may become an alert. */
export type AlertCandidate =
  | { kind: 'signal'; confidence: Confidence; marketId: string; category: string; wallet: string }
  | { kind: 'trade'; wallet: string; marketId: string; category: string; sizeUsd: number };

/** The decision: send, or why not. */
export type AlertDecision = { send: true } | { send: false; reason: string };

const CONFIDENCE_ORDER: Record<Confidence, number> = { LOW: 0, MEDIUM: 1, HIGH: 2 };

/** The signal confidences, lowest first (for flag validation). */
export const CONFIDENCES = Object.keys(CONFIDENCE_ORDER) as Confidence[];

/** The quiet-period key of a (wallet, market) pair; a signal without an elite wallet is keyed by market alone. */
export const quietKey = (wallet: string, marketId: string): string => `${wallet.toLowerCase()}|${marketId.toLowerCase()}`;

/** Alert rules with the memory the quiet period needs. */
export class AlertPolicy {
  private readonly lastSent = new Map<string, number>();

  /**
   * @param followed the followed wallets' settings by lower-case address, read at each decision (the live feed
   *   refreshes it with the watchlist)
   */
  constructor(
    private readonly opts: AlertPolicyOptions,
    private readonly followed: () => ReadonlyMap<string, FollowAlertSettings>,
  ) {}

  /** Whether `c` is sent at `now` (epoch ms). Does not record it: call {@link sent} once it went out. */
  decide(c: AlertCandidate, now: number): AlertDecision {
    const { categories } = this.opts;
    if (categories.length > 0 && !categories.includes(c.category.toUpperCase())) return { send: false, reason: `category ${c.category || '(none)'} not chosen` };
    const settings = c.wallet ? this.followed().get(c.wallet.toLowerCase()) : undefined;
    if (c.kind === 'signal') {
      if (CONFIDENCE_ORDER[c.confidence] < CONFIDENCE_ORDER[this.opts.minConfidence]) return { send: false, reason: `confidence ${c.confidence} below ${this.opts.minConfidence}` };
    } else {
      if (!settings) return { send: false, reason: 'wallet not followed' };
      if (!settings.alertsEnabled) return { send: false, reason: 'alerts off for this wallet' };
      const min = Math.max(this.opts.minTradeUsd, settings.minTradeUsd);
      if (c.sizeUsd < min) return { send: false, reason: `trade $${c.sizeUsd.toFixed(2)} below $${min}` };
    }
    const quietMs = settings?.quietSeconds != null ? settings.quietSeconds * 1000 : this.opts.quietMs;
    const last = this.lastSent.get(quietKey(c.wallet, c.marketId));
    if (last !== undefined && now - last < quietMs) return { send: false, reason: `quiet period (${Math.round(quietMs / 1000)} s) for this wallet and market` };
    return { send: true };
  }

  /** Records an alert sent for (wallet, market) at `at` (epoch ms): the quiet period runs from here. */
  sent(wallet: string, marketId: string, at: number): void {
    const key = quietKey(wallet, marketId);
    if ((this.lastSent.get(key) ?? -Infinity) < at) this.lastSent.set(key, at);
    if (this.lastSent.size > 10_000) {
      const oldest = this.lastSent.keys().next().value;
      if (oldest !== undefined) this.lastSent.delete(oldest);
    }
  }
}
