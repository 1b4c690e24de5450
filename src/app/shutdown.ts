import type { Logger } from '../lib/log.ts';

/** One step of the shutdown sequence. Steps run in the order they were added. */
export interface ShutdownStep {
  name: string;
  run: () => Promise<void> | void;
}

/**
 * The single way out of the process. The order is written down by the composition root:
 *   1. unmount the UI (the terminal is restored first, so nothing else can leave it broken);
 *   2. stop the schedules and abort in-flight requests (no new rows are produced);
 *   3. stop the live feed (sockets closed, last snapshot buffered);
 *   4. close /health;
 *   5. flush the writer (every buffered row lands);
 *   6. close the HTTP pools, then the store;
 *   7. stop the in-process simulator (demo mode).
 * The whole sequence has a budget (5 s by default); past it, or on a second signal, the process exits at once.
 */
export class Shutdown {
  private readonly steps: ShutdownStep[] = [];
  private running: Promise<void> | null = null;

  constructor(
    private readonly logger: Logger,
    private readonly budgetMs = 5_000,
    private readonly exit: (code: number) => void = (code) => process.exit(code),
  ) {}

  /** Registers a step; returns `this` so the composition root reads as the ordered list it is. */
  add(name: string, run: ShutdownStep['run']): this {
    this.steps.push({ name, run });
    return this;
  }

  /** Runs every step once, in order; a failing step is logged and the next one still runs. */
  run(reason: string): Promise<void> {
    if (this.running) return this.running;
    this.logger.info('shutdown', { reason });
    const timer = setTimeout(() => {
      this.logger.error('shutdown budget exceeded; exiting now', { budgetMs: this.budgetMs });
      this.exit(1);
    }, this.budgetMs);
    timer.unref();
    this.running = (async () => {
      for (const step of this.steps) {
        const started = Date.now();
        try {
          await step.run();
          this.logger.debug('shutdown step done', { step: step.name, ms: Date.now() - started });
        } catch (err) {
          this.logger.error('shutdown step failed', { step: step.name, err });
        }
      }
      clearTimeout(timer);
    })();
    return this.running;
  }

  /** SIGINT/SIGTERM run the sequence then exit 0; a second signal exits at once with 130. */
  installSignalHandlers(onDone: () => void): void {
    let signals = 0;
    const handler = (signal: NodeJS.Signals): void => {
      signals += 1;
      if (signals > 1) {
        this.logger.warn('second signal; exiting immediately', { signal });
        this.exit(130);
        return;
      }
      void this.run(signal).then(onDone);
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
  }
}
