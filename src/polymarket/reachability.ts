/**
 * Whether Polymarket answers: when a request last succeeded, and the last call that finally failed (after its
 * retries), classified by the error's kind and code, never by its message. The screen's offline / degraded banner
 * and its reason come from here (issue 11, defect 7): a job that had nothing to fetch says "ok" even offline, so
 * job outcomes alone cannot tell whether the network works.
 */
import type { NetworkStatus } from '../lib/status.ts';
import type { ApiError } from './types.ts';

/** Records outcomes of Polymarket calls; {@link snapshot} is what the status source reads. */
export class Reachability {
  private lastOkAt: number | null = null;
  private failingSince: number | null = null;
  private lastFailure: NetworkStatus['lastFailure'] = null;

  /** A response arrived (any call that did not fail). */
  ok(now: number): void {
    this.lastOkAt = now;
    this.failingSince = null;
  }

  /**
   * A call failed for good. Aborts (shutdown, a cancelled job) say nothing about the network and are ignored; a
   * client error (4xx but 429) or the offset cap is an answer: Polymarket is reachable.
   */
  failed(err: ApiError, now: number): void {
    if (err.kind === 'aborted') return;
    if (err.kind === 'max_offset' || (err.kind === 'http' && err.status !== undefined && err.status < 500 && err.status !== 429)) {
      this.ok(now);
      return;
    }
    this.failingSince ??= now;
    let host = '';
    try {
      host = new URL(err.url).host;
    } catch {
      // A client-side failure without a URL.
    }
    this.lastFailure = { at: now, kind: err.kind, code: err.code ?? null, status: err.status ?? null, message: err.message, host };
  }

  /** The current state (a copy). */
  snapshot(): NetworkStatus {
    return { lastOkAt: this.lastOkAt, failingSince: this.failingSince, lastFailure: this.lastFailure };
  }
}
