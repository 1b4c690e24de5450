import type { z } from 'zod';
import { ApiError } from './types.ts';
import type { Page } from './types.ts';
import { summarizeIssues } from './wire.ts';

/** Called once per dropped record: where it came from (`/positions[3]`) and a short reason. */
export type RejectSink = (where: string, reason: string) => void;

/**
 * Validates every element of `records` with `schema` on its own: failures are dropped, counted and reported to
 * `onReject`; the rest are kept in order. `where` names the records in logs (e.g. `/positions`).
 */
export function parseEach<T>(records: readonly unknown[], schema: z.ZodType<T>, where: string, onReject: RejectSink): Page<T> {
  const items: T[] = [];
  let rejected = 0;
  records.forEach((record, i) => {
    const parsed = schema.safeParse(record);
    if (parsed.success) items.push(parsed.data);
    else {
      rejected++;
      onReject(`${where}[${i}]`, summarizeIssues(parsed.error));
    }
  });
  return { items, rejected };
}

/**
 * The body must be a JSON array (the Data API and Gamma list envelope); anything else is an `ApiError` of kind
 * 'malformed', because the whole response — not one record — is wrong.
 */
export function expectArray(body: unknown, url: string): unknown[] {
  if (!Array.isArray(body)) {
    throw new ApiError('malformed', `expected a JSON array, got ${describe(body)}`, { url });
  }
  return body;
}

/** Parses a whole single-object body with `schema`; failure is an `ApiError` of kind 'malformed'. */
export function parseWhole<T>(body: unknown, schema: z.ZodType<T>, url: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError('malformed', `unexpected response shape: ${summarizeIssues(parsed.error)}`, { url });
  }
  return parsed.data;
}

function describe(body: unknown): string {
  if (body === null) return 'null';
  if (Array.isArray(body)) return 'an array';
  return typeof body === 'object' ? 'an object' : typeof body;
}
