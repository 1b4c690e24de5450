import { afterEach, describe, expect, it } from 'vitest';
import { startHealthServer, type HealthServer } from '../../src/app/health-server.ts';
import { silentLogger } from '../../src/lib/log.ts';

let server: HealthServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('startHealthServer', () => {
  it('serves status() as JSON on GET /health, bound to loopback', async () => {
    server = await startHealthServer({ port: 0, status: async () => ({ ok: true, trackedWallets: 512 }), logger: silentLogger });
    const res = await fetch(`http://127.0.0.1:${server.port}/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual({ ok: true, trackedWallets: 512 });
  });

  it('answers 503 when the body says ok: false or status() throws, 404 elsewhere', async () => {
    let mode: 'down' | 'throw' = 'down';
    server = await startHealthServer({
      port: 0,
      status: () => {
        if (mode === 'throw') throw new Error('store unreachable');
        return { ok: false, store: 'down' };
      },
      logger: silentLogger,
    });
    const base = `http://127.0.0.1:${server.port}`;
    const down = await fetch(`${base}/health`);
    expect([down.status, await down.json()]).toEqual([503, { ok: false, store: 'down' }]);
    mode = 'throw';
    const thrown = await fetch(`${base}/health`);
    expect([thrown.status, await thrown.json()]).toEqual([503, { ok: false, error: 'store unreachable' }]);
    const missing = await fetch(`${base}/other`);
    expect(missing.status).toBe(404);
    await missing.body?.cancel();
  });

  it('issue-12-2 escapes the C1 controls and invisible marks JSON.stringify leaves raw', async () => {
    const lastError = 'HTTP 400: \u009d0;title\u009c\u009b2J\u202eevil\u200b';
    server = await startHealthServer({ port: 0, status: () => ({ ok: true, jobs: [{ name: 'x', lastError }] }), logger: silentLogger });
    const res = await fetch(`http://127.0.0.1:${server.port}/health`);
    const text = await res.text();
    expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e]/);
    expect(JSON.parse(text)).toEqual({ ok: true, jobs: [{ name: 'x', lastError }] });
  });
});
