/**
 * A bounded worker pool. Throughput of the sync jobs is set by the rate-limited clients (their sliding-window
 * limiters queue requests), so the pool only has to keep enough requests in flight to saturate the budget: with
 * ~100 ms of latency and a budget of 50 req/s, 16–32 concurrent requests are plenty. No sleeps anywhere.
 */

/** What happened to one item of {@link mapPool}. */
export type PoolOutcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * Runs `fn` over `items` with at most `concurrency` calls in flight, preserving input order in the result.
 * A failing item never stops the others (its outcome is `{ ok: false }`). When `signal` aborts, items not yet
 * started are not started (their outcome is the abort reason) and the call resolves once in-flight items settle.
 */
export async function mapPool<T, R>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T, index: number) => Promise<R>,
  signal?: AbortSignal,
): Promise<PoolOutcome<R>[]> {
  const outcomes: PoolOutcome<R>[] = new Array<PoolOutcome<R>>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const index = next++;
      if (index >= items.length) return;
      if (signal?.aborted) {
        outcomes[index] = { ok: false, error: signal.reason };
        continue;
      }
      try {
        outcomes[index] = { ok: true, value: await fn(items[index] as T, index) };
      } catch (error) {
        outcomes[index] = { ok: false, error };
      }
    }
  };
  const workers = Math.max(1, Math.min(concurrency, items.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return outcomes;
}
