import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { silentLogger } from '../src/lib/log.ts';
import { budgetFor } from '../src/polymarket/limits.ts';
import { createPolymarket } from '../src/polymarket/index.ts';
import type { BenchResult } from './types.ts';

const LATENCY_MS = 50;
/** Fraction of the published limits; > 1 only because the server is a local fake, to keep the run short. */
const FRACTION = 4;
/** Seconds of paced traffic after the initial one-second allowance. */
const PACED_SECONDS = 5;

const ROW = JSON.stringify([
  {
    proxyWallet: '0x204f72f35326db932158cba6adff0b9a1da95e14',
    asset: '99140635426353397249350183889599877135748112658097546731509034870452896140722',
    conditionId: '0x408a4dcb6a03314bb13a1889a90aeca5fbf31bc20ca165056c514ae575924bd2',
    size: 162963.4451,
    avgPrice: 0.9979,
    outcome: 'Over',
    outcomeIndex: 0,
    endDate: '2026-08-16',
  },
]);

/**
 * Throughput of one client at its rate budget: `/positions` through `createPolymarket` against a loopback server
 * answering after 50 ms. All requests are fired at once and queue on the sliding-window limiter. It admits one second's
 * pacing allowance at once (ceil(budget / 10)), then paces; so the achieved rate is measured over the paced part:
 * (requests − allowance) / elapsed. Goal: achieved ÷ configured ≥ 0.9.
 */
export async function benchClients(): Promise<BenchResult> {
  const server = createServer((_req, res) => {
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(ROW);
    }, LATENCY_MS);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const pm = createPolymarket({ dataApiUrl: url, gammaUrl: url, clobUrl: url, logger: silentLogger, rateFraction: FRACTION });
  try {
    const budget = budgetFor('data:/positions', FRACTION);
    const configuredPerS = budget / 10;
    const allowance = Math.ceil(budget / 10);
    const total = allowance + Math.round(configuredPerS * PACED_SECONDS);
    const t0 = performance.now();
    let lastDone = t0;
    await Promise.all(
      Array.from({ length: total }, async () => {
        await pm.data.positions('0x204f72f35326db932158cba6adff0b9a1da95e14');
        lastDone = performance.now();
      }),
    );
    const elapsedS = (lastDone - t0) / 1000;
    const achievedPerS = (total - allowance) / elapsedS;
    const stats = pm.stats();
    return {
      name: 'clients',
      metrics: {
        configured_req_per_s: configuredPerS,
        achieved_req_per_s: Number(achievedPerS.toFixed(2)),
        achieved_over_configured: Number((achievedPerS / configuredPerS).toFixed(3)),
        raw_req_per_s: Number((total / elapsedS).toFixed(2)),
        requests: stats.requests,
        retries: stats.retries,
        elapsed_s: Number(elapsedS.toFixed(2)),
      },
      notes: `/positions at rateFraction ${FRACTION} (budget ${budget}/10 s) vs a loopback server with ${LATENCY_MS} ms latency; goal achieved_over_configured ≥ 0.9`,
    };
  } finally {
    await pm.close();
    await new Promise<void>((r) => server.close(() => r()));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const result = await benchClients();
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
}
