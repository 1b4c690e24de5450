/**
 * What /health answers, and whether it is healthy (issue 12 item 10). The store is probed in the background on a
 * fixed period and requests read the cached probe: a request never runs a query on the single embedded engine
 * (a FINAL count per request let any poller load chDB at will). The verdict is red (ok: false, HTTP 503) with its
 * reasons when the store is unreachable or full, or when every source job has been failing for a whole cycle.
 */
import { Cron } from 'croner';
import { systemClock, type Clock } from '../lib/clock.ts';
import { errorMessage } from '../lib/error-message.ts';
import type { Logger } from '../lib/log.ts';
import { sanitizeText } from '../lib/sanitize.ts';
import type { JobStatus, RuntimeStatus, StatusSource } from '../lib/status.ts';
import { readStoreDiskSpace, type StoreDiskSpace } from '../store/state/disk-space.ts';
import { readTrackedWalletCount } from '../store/state/sync-state.ts';
import type { Store } from '../store/types.ts';

/** Free space below which the store counts as full: ClickHouse merges need room beside the parts they rewrite. */
export const DEFAULT_MIN_FREE_BYTES = 256 * 1024 * 1024;
/** How often the store is probed (ms); /health's answer is at most this old. */
export const DEFAULT_HEALTH_REFRESH_MS = 15_000;

/** Fewest ms between two probes started by status changes (the live feed changes status many times a second). */
const MIN_PROBE_GAP_MS = 5_000;

/** The last background look at the store. Times are epoch ms. */
export interface StoreProbe {
  checkedAt: number;
  reachable: boolean;
  /** Why the store did not answer; null when it did. */
  error: string | null;
  disk: StoreDiskSpace | null;
  trackedWallets: number | null;
}

/** The /health body: the runtime snapshot, the cached store probe and the verdict. */
export type HealthReport = RuntimeStatus & {
  ok: boolean;
  /** Why ok is false, one line each; empty when healthy. */
  reasons: string[];
  store: StoreProbe | null;
  trackedWallets: number | null;
};

/** Options of {@link HealthMonitor}. */
export interface HealthMonitorOptions {
  store: Store;
  status: StatusSource;
  logger: Logger;
  refreshMs?: number;
  minFreeBytes?: number;
  /** A probe that has not answered within this long counts as the store being unreachable (ms, default 5 s). */
  probeTimeoutMs?: number;
  clock?: Clock;
}

/**
 * true when a job's last run failed and a whole scheduled cycle has passed after the firing that should have
 * succeeded: two firings since its last success (or since `startedAt` when it never succeeded). A single failed
 * run, or one retried within its cycle, is not an outage.
 */
export function jobFailedPastCycle(job: JobStatus, startedAt: number, now: number): boolean {
  if (job.lastError === null || job.running) return false;
  const since = job.lastSuccessAt ?? startedAt;
  try {
    const cron = new Cron(job.schedule, { paused: true });
    const first = cron.nextRun(new Date(since));
    const second = first ? cron.nextRun(first) : null;
    return second !== null && second.getTime() <= now;
  } catch {
    // Not a cron pattern (a described schedule): fall back to repeated failures.
    return job.consecutiveFailures >= 3;
  }
}

/** The verdict on a snapshot: the reasons it is unhealthy (empty = healthy). Pure, for tests and the monitor. */
export function healthReasons(
  runtime: RuntimeStatus,
  probe: StoreProbe | null,
  now: number,
  limits: { minFreeBytes: number; staleProbeMs: number },
): string[] {
  const reasons: string[] = [];
  if (probe === null) {
    // Not yet probed: nothing is known to be wrong.
  } else if (!probe.reachable) {
    reasons.push(`store unreachable: ${probe.error ?? 'no answer'}`);
  } else if (now - probe.checkedAt > limits.staleProbeMs) {
    reasons.push(`store unreachable: the store check has not answered for ${Math.round((now - probe.checkedAt) / 1000)} s`);
  } else if (probe.disk && probe.disk.freeBytes < limits.minFreeBytes) {
    reasons.push(`store full: ${formatMiB(probe.disk.freeBytes)} free of ${formatMiB(probe.disk.totalBytes)} (needs ${formatMiB(limits.minFreeBytes)})`);
  }
  const jobs = runtime.jobs;
  if (jobs.length > 0 && jobs.every((j) => jobFailedPastCycle(j, runtime.startedAt, now))) {
    reasons.push(`every source job has failed past its cycle: ${jobs.map((j) => `${j.name}: ${j.lastError ?? ''}`).join('; ')}`);
  }
  return reasons;
}

function formatMiB(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}

/** Probes the store on a period and answers /health from the cache. */
export class HealthMonitor {
  private probe: StoreProbe | null = null;
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  private inFlight: Promise<void> | null = null;
  private readonly refreshMs: number;
  private readonly minFreeBytes: number;
  private readonly probeTimeoutMs: number;
  private readonly clock: Clock;

  constructor(private readonly opts: HealthMonitorOptions) {
    this.refreshMs = opts.refreshMs ?? DEFAULT_HEALTH_REFRESH_MS;
    this.minFreeBytes = opts.minFreeBytes ?? DEFAULT_MIN_FREE_BYTES;
    this.probeTimeoutMs = opts.probeTimeoutMs ?? 5_000;
    this.clock = opts.clock ?? systemClock;
  }

  /**
   * Probes once now, then every `refreshMs`, and after a status change (a job finished: the tracked count moved)
   * when the last probe is at least `MIN_PROBE_GAP_MS` old. Resolves after the first probe.
   */
  async start(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.refreshMs);
    this.timer.unref();
    this.unsubscribe = this.opts.status.subscribe(() => {
      if (this.clock.now() - (this.probe?.checkedAt ?? 0) >= MIN_PROBE_GAP_MS) void this.refresh();
    });
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /** Probes the store (one probe at a time: a hung store does not pile probes up). */
  refresh(): Promise<void> {
    this.inFlight ??= this.runProbe().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /** The /health body from the cached probe; runs no query. */
  report(): HealthReport {
    const runtime = this.opts.status.get();
    const now = this.clock.now();
    const reasons = healthReasons(runtime, this.probe, now, {
      minFreeBytes: this.minFreeBytes,
      staleProbeMs: this.refreshMs * 2 + this.probeTimeoutMs,
    });
    return { ...runtime, ok: reasons.length === 0, reasons, store: this.probe, trackedWallets: this.probe?.trackedWallets ?? null };
  }

  private async runProbe(): Promise<void> {
    const { store } = this.opts;
    const signal = AbortSignal.timeout(this.probeTimeoutMs);
    const previous = this.probe;
    try {
      const reachable = await Promise.race([
        store.ping(),
        new Promise<boolean>((resolve) => signal.addEventListener('abort', () => resolve(false), { once: true })),
      ]);
      if (!reachable) throw new Error(signal.aborted ? `no answer within ${this.probeTimeoutMs} ms` : 'ping failed');
      const [disk, trackedWallets] = await Promise.all([readStoreDiskSpace(store, signal), readTrackedWalletCount(store, signal)]);
      this.probe = { checkedAt: this.clock.now(), reachable: true, error: null, disk, trackedWallets };
    } catch (err) {
      const error = sanitizeText(errorMessage(err));
      this.probe = { checkedAt: this.clock.now(), reachable: false, error, disk: previous?.disk ?? null, trackedWallets: previous?.trackedWallets ?? null };
      if (previous?.reachable !== false) this.opts.logger.warn('health: store unreachable', { error });
    }
  }
}
