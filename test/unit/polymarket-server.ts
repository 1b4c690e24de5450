import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the loopback server saw it. */
export interface Hit {
  method: string;
  path: string;
  query: URLSearchParams;
  body: string;
  /** Fake-clock time at arrival (whatever `now` returns). */
  at: number;
}

/** A route answer: status, JSON-able body (or raw text), headers; `hold: true` never answers (timeouts). */
export interface Reply {
  status?: number;
  json?: unknown;
  text?: string;
  headers?: Record<string, string>;
  hold?: boolean;
}

/** A loopback HTTP server whose answers come from `handler(hit, n)` (n = index of that hit). */
export interface TestServer {
  url: string;
  hits: Hit[];
  handler: (hit: Hit, n: number) => Reply | Promise<Reply>;
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1 (random port); `now` stamps each hit. */
export async function startTestServer(now: () => number): Promise<TestServer> {
  const held = new Set<ServerResponse>();
  const state: TestServer = {
    url: '',
    hits: [],
    handler: () => ({ status: 200, json: [] }),
    close: async () => {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://x');
      const hit: Hit = { method: req.method ?? 'GET', path: u.pathname, query: u.searchParams, body: Buffer.concat(chunks).toString(), at: now() };
      const n = state.hits.push(hit) - 1;
      void Promise.resolve(state.handler(hit, n)).then((reply) => {
        if (reply.hold) {
          held.add(res);
          return;
        }
        const body = reply.text ?? JSON.stringify(reply.json ?? null);
        res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
        res.end(body);
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}
