import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What the work running right now (a sync job's run) wants to hear from the layers below it without threading a
 * context through every client call: the HTTP clients report the records they rejected, so the run's outcome
 * can name the reason ("200000 of 200000 records rejected: /markets[0]: clobTokenIds: …") instead of only the
 * log saying it. Carried by AsyncLocalStorage, so it follows every await of the run and nothing else.
 */
export interface RunScope {
  /** Name of the producer (the job), e.g. `market-sync`. */
  readonly name: string;
  /** `count` records of one answer at `where` failed validation; `samples` are the first few reasons. */
  noteRejected(where: string, count: number, samples: readonly string[]): void;
}

const storage = new AsyncLocalStorage<RunScope>();

/** Runs `fn` with `scope` as the current run for everything it awaits. */
export function runInScope<T>(scope: RunScope, fn: () => T): T {
  return storage.run(scope, fn);
}

/** The run the caller is part of, if any (background work outside a job has none). */
export function currentRun(): RunScope | undefined {
  return storage.getStore();
}
