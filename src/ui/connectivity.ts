/**
 * Is the data flowing? Derived (never stored) from the runtime status: the HTTP clients' record of whether
 * Polymarket answers, and the jobs' last outcomes. Offline: the last calls failed for want of a connection
 * (refused, unresolvable, timed out) and none answered since. Degraded: Polymarket answers but with errors
 * (5xx, 429, malformed bodies), or some sync job's last run failed. Classified by the clients' error kind and
 * code, never by message text; the message is only shown. The screen draws it as a banner under the header, and
 * empty tables say it too (issue 11, defect 7).
 */
import type { JobStatus, RuntimeStatus } from '../lib/status.ts';

/** What the banner says. Times are epoch ms. */
export interface Connectivity {
  level: 'offline' | 'degraded';
  /** Why, in a few words, with the error as the client saw it. */
  reason: string;
  /** The error's code in one word (ECONNREFUSED, timeout, HTTP 503), for the empty tables. */
  code: string;
  /** When the current trouble began, if known. */
  since: number | null;
  /** The last time data came in (a response, or a job that synced), null if never. */
  lastSuccessAt: number | null;
  /** Jobs whose last run failed. */
  failingJobs: string[];
}

/** A job whose last finished run failed (a run still going, or never run, is not a failure). */
const failed = (j: JobStatus): boolean => !j.running && j.lastFinishedAt !== null && (j.lastSuccessAt === null || j.lastFinishedAt > j.lastSuccessAt);

const latest = (...times: (number | null | undefined)[]): number | null =>
  times.reduce<number | null>((a, t) => (t === null || t === undefined ? a : a === null ? t : Math.max(a, t)), null);

/** The connectivity the status shows, or null when everything answers and every job's last run succeeded. */
export function connectivity(status: RuntimeStatus): Connectivity | null {
  const failingJobs = status.jobs.filter(failed);
  const net = status.network ?? null;
  const failure = net?.lastFailure && net.failingSince !== null ? net.lastFailure : null;
  // Failing jobs last worked when they last succeeded (read back from job_runs, so it survives restarts).
  const lastSuccessAt = latest(net?.lastOkAt, ...failingJobs.map((j) => j.lastSuccessAt));
  const names = failingJobs.map((j) => j.name);
  if (failure && (failure.kind === 'network' || failure.kind === 'timeout')) {
    const what = failure.kind === 'timeout' ? `${failure.host || 'Polymarket'} does not answer` : `cannot reach ${failure.host || 'Polymarket'}`;
    const code = failure.code ?? failure.kind;
    return { level: 'offline', reason: `${what}: ${failure.message}`, code, since: net?.failingSince ?? null, lastSuccessAt, failingJobs: names };
  }
  if (failure) {
    const what = failure.kind === 'http' ? `${failure.host} answers HTTP ${failure.status ?? '?'}` : `${failure.host} sends ${failure.kind} data`;
    const code = failure.kind === 'http' ? `HTTP ${failure.status ?? '?'}` : failure.kind;
    return { level: 'degraded', reason: `${what}: ${failure.message}`, code, since: net?.failingSince ?? null, lastSuccessAt, failingJobs: names };
  }
  const first = failingJobs[0];
  if (first) {
    const reason = `${failingJobs.length === 1 ? '1 job' : `${failingJobs.length} jobs`} failing: ${first.name}: ${first.lastError ?? 'failed'}`;
    return { level: 'degraded', reason, code: `${first.name} failing`, since: first.lastFinishedAt, lastSuccessAt, failingJobs: names };
  }
  return null;
}

/** One line for an empty table while data does not flow: why it may be empty and what `r` does. */
export function emptyBecause(c: Connectivity | null): string {
  if (c === null) return '';
  return c.level === 'offline' ? ` — Polymarket unreachable (${c.code}); r retries now` : ` — data degraded (${c.code}); r retries now`;
}
