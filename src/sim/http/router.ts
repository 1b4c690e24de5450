/**
 * The one HTTP entry point: routes /data-api, /gamma-api and /clob to their handlers and applies faults
 * (rate limits, hangs, 429/5xx, malformed records, latency) on the way out.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../lib/log.ts';
import { corruptRecord, type FaultEngine } from '../faults.ts';
import { RateLimiter } from '../rate-limit.ts';
import type { World } from '../world/index.ts';
import { clobRoutes } from './clob.ts';
import { dataApiRoutes } from './data-api.ts';
import { gammaPatternRoute, gammaRoutes } from './gamma.ts';
import { ReplyError, type Routes, type SimReply, type SimRequest } from './reply.ts';

/** Request counters (`sim.stats()`). */
export interface RouterStats {
  requests: number;
  byPath: Record<string, number>;
}

const APIS: Record<string, Routes> = { 'data-api': dataApiRoutes, 'gamma-api': gammaRoutes, clob: clobRoutes };

const CLOUDFLARE_429 = '<!DOCTYPE html><html><head><title>429 Too Many Requests</title></head>' +
  '<body><h1>Error 1015</h1><p>You are being rate limited.</p></body></html>';

/** Dependencies of the router. */
export interface RouterDeps {
  world: World;
  faults: FaultEngine;
  logger: Logger;
  /** Responses deliberately left hanging (destroyed on stop). */
  hung: Set<ServerResponse>;
  timers: Set<NodeJS.Timeout>;
}

function send(res: ServerResponse, reply: SimReply): void {
  if (res.destroyed) return;
  const isHtml = typeof reply.body === 'string';
  const text = isHtml ? (reply.body as string) : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    'content-type': isHtml ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...reply.headers,
  });
  res.end(text);
}

function corrupt(reply: SimReply, deps: RouterDeps, rate: number): void {
  if (rate <= 0 || !Array.isArray(reply.body)) return;
  const rng = deps.faults.rng;
  const body = reply.body as Record<string, unknown>[];
  if (reply.records === 'top') {
    for (let i = 0; i < body.length; i++) if (rng.next() < rate) body[i] = corruptRecord(rng, body[i]!);
  } else if (reply.records === 'holders') {
    for (const group of body) {
      const holders = group.holders as Record<string, unknown>[];
      for (let i = 0; i < holders.length; i++) if (rng.next() < rate) holders[i] = corruptRecord(rng, holders[i]!);
    }
  }
}

/** Builds the request handler and its stats. */
export function createRouter(deps: RouterDeps): { handle: (req: IncomingMessage, res: ServerResponse) => void; stats: RouterStats } {
  const stats: RouterStats = { requests: 0, byPath: {} };
  const limiter = new RateLimiter();

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://sim.local');
    const match = /^\/(data-api|gamma-api|clob)(\/.*)?$/.exec(url.pathname);
    stats.requests++;
    stats.byPath[url.pathname] = (stats.byPath[url.pathname] ?? 0) + 1;
    if (!match) return send(res, { status: 404, body: { error: 'not found' } });
    const api = match[1]!;
    const rel = match[2] ?? '/';
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const cfg = deps.faults.get();
      if (cfg.enforceRateLimits) {
        const verdict = limiter.admit(RateLimiter.buckets(api, rel, cfg.rateLimitScale));
        if (!verdict.ok) {
          return send(res, { status: 429, body: CLOUDFLARE_429, headers: { 'retry-after': String(Math.ceil(verdict.retryAfterMs / 1000)) } });
        }
      }
      const faulty = deps.faults.applies(url.pathname, rel);
      const rng = deps.faults.rng;
      if (faulty && cfg.hangRate > 0 && rng.next() < cfg.hangRate) {
        deps.hung.add(res);
        res.on('close', () => deps.hung.delete(res));
        return;
      }
      if (faulty && cfg.rate429 > 0 && rng.next() < cfg.rate429) {
        const headers: Record<string, string> = cfg.retryAfterSeconds === null ? {} : { 'retry-after': String(cfg.retryAfterSeconds) };
        return send(res, { status: 429, body: CLOUDFLARE_429, headers });
      }
      if (faulty && cfg.rate5xx > 0 && rng.next() < cfg.rate5xx) {
        return send(res, { status: cfg.status5xx, body: { error: 'upstream unavailable' } });
      }
      let reply: SimReply;
      try {
        deps.world.sync();
        const routes = APIS[api]!;
        const handler = routes[rel];
        const request: SimRequest = {
          method: req.method ?? 'GET', path: rel, query: url.searchParams, body: Buffer.concat(chunks).toString('utf8'), world: deps.world,
        };
        const patterned = api === 'gamma-api' && !handler ? gammaPatternRoute(request) : null;
        reply = handler ? handler(request) : patterned ?? { status: 404, body: { error: 'not found' } };
      } catch (err) {
        if (err instanceof ReplyError) reply = err.reply;
        else {
          deps.logger.error('sim handler failed', { path: url.pathname, err });
          reply = { status: 500, body: { error: 'internal error' } };
        }
      }
      if (faulty) corrupt(reply, deps, cfg.malformedRate);
      const delay = faulty ? cfg.latencyMs + (cfg.jitterMs > 0 ? rng.next() * cfg.jitterMs : 0) : 0;
      if (delay <= 0) return send(res, reply);
      const timer = setTimeout(() => {
        deps.timers.delete(timer);
        send(res, reply);
      }, delay);
      deps.timers.add(timer);
    });
  };
  return { handle, stats };
}
