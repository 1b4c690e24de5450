/** Shared request/reply types and query-parameter helpers for the simulated HTTP APIs. */
import type { World } from '../world/index.ts';

/** A parsed request as handlers see it (path relative to the API prefix, e.g. "/positions"). */
export interface SimRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: string;
  world: World;
}

/**
 * A handler's answer. `records` marks JSON bodies whose array elements are records that the malformed-record
 * fault may corrupt ("top": the body is an array of records; "holders": the nested `holders` arrays).
 */
export interface SimReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  records?: 'top' | 'holders';
}

/** A route table: exact relative path → handler. */
export type Routes = Record<string, (req: SimRequest) => SimReply>;

/** A 4xx/5xx JSON error in the Data API / CLOB shape `{"error": "…"}`. */
export function error(status: number, message: string): SimReply {
  return { status, body: { error: message } };
}

/** Thrown by parameter helpers; the router turns it into a reply. */
export class ReplyError extends Error {
  constructor(readonly reply: SimReply) {
    super(String((reply.body as { error?: string }).error ?? reply.status));
  }
}

/** An integer parameter with a default; `max` clamps (the API silently caps), `reject` above it answers 400. */
export function intParam(
  q: URLSearchParams, name: string, def: number, opts: { min?: number; max?: number; rejectAbove?: number; rejectMessage?: string } = {},
): number {
  const raw = q.get(name);
  if (raw === null || raw === '') return def;
  const n = Number(raw);
  if (!Number.isFinite(n) || !Number.isInteger(n) || n < (opts.min ?? 0)) {
    throw new ReplyError(error(400, `invalid '${name}' parameter`));
  }
  if (opts.rejectAbove !== undefined && n > opts.rejectAbove) {
    throw new ReplyError(error(400, opts.rejectMessage ?? `'${name}' must be <= ${opts.rejectAbove}`));
  }
  return opts.max !== undefined ? Math.min(n, opts.max) : n;
}

/** A number parameter (float) with a default. */
export function numParam(q: URLSearchParams, name: string, def: number): number {
  const raw = q.get(name);
  if (raw === null || raw === '') return def;
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new ReplyError(error(400, `invalid '${name}' parameter`));
  return n;
}

/** An enum parameter (case-insensitive), with a default. */
export function enumParam<T extends string>(q: URLSearchParams, name: string, allowed: readonly T[], def: T): T {
  const raw = q.get(name);
  if (raw === null || raw === '') return def;
  const up = raw.toUpperCase() as T;
  if (!allowed.includes(up)) throw new ReplyError(error(400, `invalid '${name}': ${raw}`));
  return up;
}

/** A boolean parameter ("true"/"false"), or undefined when absent. */
export function boolParam(q: URLSearchParams, name: string): boolean | undefined {
  const raw = q.get(name);
  if (raw === null || raw === '') return undefined;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ReplyError(error(400, `invalid '${name}' parameter`));
}

/** A comma-separated list parameter (Data API style), lower-cased; empty → undefined. */
export function csvParam(q: URLSearchParams, name: string): string[] | undefined {
  const raw = q.get(name);
  if (raw === null || raw === '') return undefined;
  return raw.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
}

/** A required parameter. */
export function required(q: URLSearchParams, name: string): string {
  const raw = q.get(name);
  if (raw === null || raw === '') throw new ReplyError(error(400, `required query param '${name}' not provided`));
  return raw;
}

/** Sorts in place by a numeric or string key; `desc` flips. Ties keep input order (stable sort). */
export function sortBy<T>(items: T[], key: (x: T) => number | string, desc: boolean): T[] {
  const sign = desc ? -1 : 1;
  return items.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -sign : ka > kb ? sign : 0;
  });
}
