import type { Logger } from '../lib/log.ts';

/** One step of the shutdown sequence. Steps run in the order they were added. */
export interface ShutdownStep {
  name: string;
  run: () => Promise<void> | void;
}

/** Options of {@link Shutdown}. */
export interface ShutdownOptions {
  /** Longest the ordered sequence may take before it is abandoned, ms (default 5 000). */
  budgetMs?: number;
  /** Longest an abandoned shutdown waits for the work registered with {@link Shutdown.settleBeforeExit}, ms. */
  settleBudgetMs?: number;
}

/**
 * The single way out of the process (Shopify cli-kit's one exit point): quit, SIGINT/SIGTERM, the end of
 * `--once` and a crash all call {@link end} (or, on a second signal, {@link abandon}), and all of them resolve
 * the one promise {@link exited} with the exit code; only the entry file turns it into `process.exit`.
 *
 * The order is written down by the composition root:
 *   1. unmount the UI (the terminal is restored first, so nothing else can leave it broken);
 *   2. stop the schedules and abort in-flight requests (no new rows are produced);
 *   3. stop the live feed (sockets closed, last snapshot buffered);
 *   4. close /health;
 *   5. flush the writer (every buffered row lands);
 *   6. close the HTTP pools, then the store (which waits for chDB's native calls in flight);
 *   7. stop the in-process simulator (demo mode).
 * The sequence has a budget (5 s by default). Past it, or on a second signal, the rest of the sequence is
 * abandoned — but the process still does not exit before the work registered with {@link settleBeforeExit} is
 * done (the embedded store: a process that exits while a chDB call runs on a worker thread segfaults).
 */
export class Shutdown {
  private readonly steps: ShutdownStep[] = [];
  private readonly settlers: ShutdownStep[] = [];
  private readonly budgetMs: number;
  private readonly settleBudgetMs: number;
  private started = false;
  private abandoned = false;
  private resolveExit!: (code: number) => void;
  /** Resolves once, with the exit code of whichever end came first. */
  readonly exited: Promise<number>;

  constructor(
    private readonly logger: Logger,
    options: ShutdownOptions = {},
  ) {
    this.budgetMs = options.budgetMs ?? 5_000;
    this.settleBudgetMs = options.settleBudgetMs ?? 3_000;
    this.exited = new Promise((resolve) => (this.resolveExit = resolve));
  }

  /** Registers a step; returns `this` so the composition root reads as the ordered list it is. */
  add(name: string, run: ShutdownStep['run']): this {
    this.steps.push({ name, run });
    return this;
  }

  /**
   * Registers work that must be finished before the process exits even when the sequence is abandoned (it may
   * also be one of the steps: it must then be safe to call twice).
   */
  settleBeforeExit(name: string, run: ShutdownStep['run']): this {
    this.settlers.push({ name, run });
    return this;
  }

  /** Whether an end has begun (setup code stops creating resources once it has). */
  get ending(): boolean {
    return this.started || this.abandoned;
  }

  /**
   * Runs every step once, in order (a failing step is logged and the next one still runs), then resolves
   * {@link exited} with `code`. Later calls change nothing and return the same promise.
   */
  end(reason: string, code: number): Promise<number> {
    if (this.started) return this.exited;
    this.started = true;
    this.logger.info('shutdown', { reason });
    const timer = setTimeout(() => {
      this.logger.error('shutdown budget exceeded; abandoning the rest', { budgetMs: this.budgetMs });
      void this.abandon('budget exceeded', 1);
    }, this.budgetMs);
    void (async () => {
      for (const step of this.steps) await this.runStep(step);
      clearTimeout(timer);
      for (const step of this.settlers) await this.runStep(step);
      this.resolveExit(code);
    })();
    return this.exited;
  }

  /**
   * Gives up on the steps still to run: waits (at most `settleBudgetMs`) for the work registered with
   * {@link settleBeforeExit}, then resolves {@link exited} with `code`.
   */
  abandon(reason: string, code: number): Promise<number> {
    if (this.abandoned) return this.exited;
    this.abandoned = true;
    this.logger.warn('shutdown abandoned', { reason });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const cap = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        this.logger.error('work still running at exit', { settleBudgetMs: this.settleBudgetMs });
        resolve();
      }, this.settleBudgetMs);
    });
    const settled = Promise.all(this.settlers.map((step) => this.runStep(step)));
    void Promise.race([settled, cap]).then(() => {
      clearTimeout(timer);
      this.resolveExit(code);
    });
    return this.exited;
  }

  /**
   * SIGINT/SIGTERM end the process in order with `codeOnSignal`; a second signal abandons the sequence and ends
   * it with 130 as soon as native work is settled. Returns a function that removes the handlers.
   */
  installSignalHandlers(codeOnSignal: (signal: NodeJS.Signals) => number = () => 0): () => void {
    let signals = 0;
    const handler = (signal: NodeJS.Signals): void => {
      signals += 1;
      if (signals > 1) {
        this.logger.warn('second signal; exiting now', { signal });
        void this.abandon(signal, 130);
        return;
      }
      void this.end(signal, codeOnSignal(signal));
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    return () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    };
  }

  private async runStep(step: ShutdownStep): Promise<void> {
    const started = Date.now();
    try {
      await step.run();
      this.logger.debug('shutdown step done', { step: step.name, ms: Date.now() - started });
    } catch (err) {
      this.logger.error('shutdown step failed', { step: step.name, err });
    }
  }
}
