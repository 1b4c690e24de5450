/**
 * Issue 11, defect 9: the esports leaderboard (`category=esports`, seen in live traffic though not in the documented
 * enum) is synced like every other board, and the leaderboard's `c` key reaches it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/lib/log.ts';
import { createSyncJobs } from '../../src/jobs/index.ts';
import { LEADERBOARD_SYNC } from '../../src/jobs/leaderboard-sync.ts';
import { Scheduler } from '../../src/jobs/scheduler.ts';
import { createPolymarket } from '../../src/polymarket/index.ts';
import { ROW_VALIDATORS } from '../../src/store/rows.ts';
import { BatchedWriter } from '../../src/store/writer.ts';
import { CATEGORIES } from '../../src/ui/state.ts';
import { closeTestStore, openTestStore, type TestStore } from '../helpers/store.ts';
import { startTestServer, type TestServer } from '../unit/polymarket-server.ts';

let store: TestStore;
let server: TestServer;
beforeAll(async () => {
  store = await openTestStore();
  server = await startTestServer(() => Date.now());
  // Every board has one trader; the esports board's is its own.
  server.handler = (hit) => {
    if (hit.path !== '/v1/leaderboard' || hit.query.get('offset') !== '0') return { status: 200, json: [] };
    const esports = hit.query.get('category') === 'ESPORTS';
    return {
      status: 200,
      json: [{ rank: '1', proxyWallet: esports ? `0x${'e'.repeat(40)}` : `0x${'a'.repeat(40)}`, userName: esports ? 'faker' : 'whale', xUsername: '', verifiedBadge: false, vol: 1_000, pnl: 250, profileImage: '' }],
    };
  };
});
afterAll(async () => {
  await server.close();
  await closeTestStore(store);
});

describe('issue-11 the esports leaderboard', () => {
  it('leaderboard-sync asks for ESPORTS boards and stores them', async () => {
    const polymarket = createPolymarket({ dataApiUrl: server.url, gammaUrl: server.url, clobUrl: server.url, logger: silentLogger, rateFraction: 1000 });
    const writer = new BatchedWriter(store, { logger: silentLogger, validators: ROW_VALIDATORS });
    const scheduler = new Scheduler({ store, logger: silentLogger });
    for (const job of createSyncJobs({ store, writer, polymarket, logger: silentLogger, options: { leaderboardMaxResults: 50 } })) scheduler.add(job);
    try {
      const result = await scheduler.runOnce(LEADERBOARD_SYNC);
      expect(result.status).toBe('ok');
      const asked = new Set(server.hits.filter((h) => h.path === '/v1/leaderboard').map((h) => `${h.query.get('category')}/${h.query.get('timePeriod')}/${h.query.get('orderBy')}`));
      for (const period of ['DAY', 'WEEK', 'MONTH', 'ALL']) for (const order of ['PNL', 'VOL']) expect(asked).toContain(`ESPORTS/${period}/${order}`);
      const rows = await store.query<{ n: string; wallet: string; name: string }>(
        "SELECT count() AS n, any(proxy_wallet) AS wallet, any(user_name) AS name FROM trader_rankings FINAL WHERE category = 'ESPORTS'",
      );
      expect({ ...rows[0], n: Number(rows[0]?.n) }).toEqual({ n: 8, wallet: `0x${'e'.repeat(40)}`, name: 'faker' });
    } finally {
      await scheduler.stop();
      await writer.close();
      await polymarket.close();
    }
  });

  it('the c key cycles through ESPORTS', () => {
    expect(CATEGORIES).toContain('ESPORTS');
  });
});
