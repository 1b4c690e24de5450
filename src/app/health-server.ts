/**
 * GET /health: a JSON snapshot of the process for monitors (node:http, no framework), and GET /metrics beside it
 * when given. Listens on loopback unless told otherwise. The body is whatever `status()` returns; when it has
 * `ok: false` (or `status()` throws) the answer is 503 so a plain HTTP check sees the failure. Requests are
 * rate-limited (a sliding window over all paths): a poller in a tight loop gets 429s, not the process's time.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../lib/log.ts';
import { stringifyJsonSafe } from '../lib/sanitize.ts';
import { errorMessage } from '../lib/error-message.ts';
import { SlidingWindowLog } from '../lib/sliding-window-limiter.ts';

/** Options of {@link startHealthServer}. */
export interface HealthServerOptions {
  /** TCP port; 0 picks a free one (tests). */
  port: number;
  /** Interface to bind; loopback by default so the endpoint is not exposed by accident. */
  host?: string;
  /** Produces the body; should include `ok: boolean`. */
  status: () => unknown | Promise<unknown>;
  logger: Logger;
  /** GET /metrics: the exposition text and its content type; absent = 404. */
  metrics?: () => Promise<{ contentType: string; body: string }>;
  /** At most `limit` requests in any `windowMs` (default 20 per second); more get 429 with Retry-After. */
  rateLimit?: { limit: number; windowMs: number };
}

/** Requests /health and /metrics accept per second by default: far above any monitor, far below a busy loop. */
export const DEFAULT_HEALTH_RATE_LIMIT = { limit: 20, windowMs: 1_000 };

/** A running health endpoint. */
export interface HealthServer {
  /** The bound port (useful with port 0). */
  port: number;
  close(): Promise<void>;
}

function send(res: ServerResponse, code: number, body: unknown): void {
  // Job errors quote upstream text: C1 controls and invisible marks are escaped (a `curl` in a terminal is safe).
  const text = stringifyJsonSafe(body);
  res.writeHead(code, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

/**
 * The warning to give when /health binds beyond loopback (issue 12 item 18), or null: the endpoint has no
 * authentication and tells whoever asks which wallets and markets are watched.
 */
export function exposureWarning(host: string): string | null {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h === '::1' || /^127\./.test(h)) return null;
  return `/health listens on ${host}: reachable from the network, without authentication (--health-host 127.0.0.1 keeps it local)`;
}

/** Starts the server; resolves once it listens. */
export async function startHealthServer(opts: HealthServerOptions): Promise<HealthServer> {
  const { logger } = opts;
  const rate = opts.rateLimit ?? DEFAULT_HEALTH_RATE_LIMIT;
  const window = new SlidingWindowLog(rate.limit, rate.windowMs);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    const now = Date.now();
    const freeAt = window.nextFreeAt(now);
    if (freeAt > now) {
      res.setHeader('retry-after', String(Math.max(1, Math.ceil((freeAt - now) / 1000))));
      return send(res, 429, { error: 'too many requests' });
    }
    window.record(now);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'method not allowed' });
    if (path === '/metrics' && opts.metrics) {
      opts.metrics().then(
        ({ contentType, body }) => {
          res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
          res.end(body);
        },
        (err: unknown) => {
          logger.warn('metrics failed', { err });
          send(res, 500, { error: errorMessage(err) });
        },
      );
      return;
    }
    if (path !== '/health') return send(res, 404, { error: 'not found' });
    Promise.resolve()
      .then(() => opts.status())
      .then(
        (body) => {
          const ok = typeof body === 'object' && body !== null && 'ok' in body ? (body as { ok: unknown }).ok !== false : true;
          send(res, ok ? 200 : 503, body);
        },
        (err: unknown) => {
          logger.warn('health status failed', { err });
          send(res, 503, { ok: false, error: errorMessage(err) });
        },
      );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  logger.info('health endpoint listening', { host: opts.host ?? '127.0.0.1', port });
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
