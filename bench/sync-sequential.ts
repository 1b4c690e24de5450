/**
 * The Phase 2 spec's sync design (README, Decisions), transcribed for comparison: one request at a time, no client
 * rate limiter, and the spec's fixed sleeps — 0.2 s after each leaderboard board (§5.1), 0.1 s after each
 * wallet (§5.3; positions with limit 500, then the last 100 activities). Only the HTTP side is reproduced (the
 * spec's writer calls are left out, which favours the spec).
 */
import { setTimeout as sleep } from 'node:timers/promises';

/** The spec's sleeps, ms. */
export const SPEC_SLEEPS_MS = { afterBoard: 200, afterHolderMarket: 150, afterWallet: 100, afterProfile: 300 } as const;

/** Outcome of a sequential sweep. */
export interface SequentialRun {
  ms: number;
  requests: number;
  /** Responses that were not 2xx (the spec logs and moves on). */
  failures: number;
}

async function getJson(url: string, counters: { requests: number; failures: number }): Promise<unknown[]> {
  counters.requests += 1;
  try {
    const res = await fetch(url);
    if (!res.ok) {
      counters.failures += 1;
      await res.body?.cancel();
      return [];
    }
    const body = (await res.json()) as unknown;
    return Array.isArray(body) ? body : [];
  } catch {
    counters.failures += 1;
    return [];
  }
}

/** §5.1 + §2.1 fetch_leaderboard_page: per board, pages of 50 until `maxResults`, then sleep 0.2 s. */
export async function sequentialLeaderboards(
  dataApiUrl: string,
  boards: readonly { category: string; timePeriod: string; orderBy: string }[],
  maxResults = 200,
): Promise<SequentialRun> {
  const counters = { requests: 0, failures: 0 };
  const started = performance.now();
  for (const b of boards) {
    let got = 0;
    for (let offset = 0; got < maxResults && offset <= 1000; offset += 50) {
      const url = `${dataApiUrl}/v1/leaderboard?category=${b.category}&timePeriod=${b.timePeriod}&orderBy=${b.orderBy}&limit=50&offset=${offset}`;
      const entries = await getJson(url, counters);
      got += entries.length;
      if (entries.length < 50) break;
    }
    await sleep(SPEC_SLEEPS_MS.afterBoard);
  }
  return { ms: performance.now() - started, ...counters };
}

/** §5.3: per wallet, positions (limit 500, up to 2 pages) and the last 100 activities, then sleep 0.1 s. */
export async function sequentialPositions(dataApiUrl: string, wallets: readonly string[]): Promise<SequentialRun> {
  const counters = { requests: 0, failures: 0 };
  const started = performance.now();
  for (const wallet of wallets) {
    for (let page = 0; page < 2; page++) {
      const positions = await getJson(`${dataApiUrl}/positions?user=${wallet}&limit=500&offset=${page * 500}&sizeThreshold=1&sortBy=CURRENT&sortDirection=DESC`, counters);
      if (positions.length < 500) break;
    }
    await getJson(`${dataApiUrl}/activity?user=${wallet}&limit=100&offset=0&sortBy=TIMESTAMP&sortDirection=DESC`, counters);
    await sleep(SPEC_SLEEPS_MS.afterWallet);
  }
  return { ms: performance.now() - started, ...counters };
}
