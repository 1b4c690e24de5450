/**
 * issue-12-16: the alert webhook followed redirects — a 307 re-POSTed the signal JSON to the Location, a 302
 * turned it into a GET there. Now nothing is followed and the 3xx is logged.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlerter } from '../../src/live/alerts.ts';
import type { FiredSignal } from '../../src/live/signals.ts';
import { memoryLogger } from '../../src/lib/log.ts';

const hits: { method: string; path: string }[] = [];
let status = 307;
const server = createServer((req, res) => {
  hits.push({ method: req.method ?? '', path: req.url ?? '' });
  req.resume();
  if (req.url === '/hook') res.writeHead(status, { location: `/elsewhere\u009b2J` }).end();
  else res.writeHead(200).end('ok');
});
let base = '';

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const signal = {
  signalId: 's1', marketId: '0xm', marketSlug: 'm', question: 'Q?', tokenId: '1', outcome: 'Yes', type: 'MOMENTUM_UP',
  direction: 'UP', velocityCentsPerMin: 5, accelerationCentsPerMin2: 0, volumeSurge: 1, elite: null, confidence: 'HIGH',
  entryWindow: '5m', priceAtSignal: 0.5, timestamp: 0, priceAfter5m: null, priceAfter15m: null, correct5m: null,
  correct15m: null, updatedAt: 0,
} as unknown as FiredSignal;

describe('issue-12-16 the alert webhook follows no redirect', () => {
  it.each([307, 308, 302, 301, 303])('a %i is logged and not followed', async (code) => {
    status = code;
    hits.length = 0;
    const logger = memoryLogger();
    await createAlerter({ alertBell: false, alertWebhookUrl: `${base}/hook`, alertWebhookTimeoutMs: 2_000 }, logger)(signal);
    expect(hits).toEqual([{ method: 'POST', path: '/hook' }]);
    const line = logger.lines.find((l) => String(l.msg).includes('redirect'));
    expect(line).toMatchObject({ level: 'warn', status: code, location: '/elsewhere' });
  });
});
