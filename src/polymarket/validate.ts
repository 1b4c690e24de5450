import type { z } from 'zod';
import { ApiError } from './types.ts';
import type { Page } from './types.ts';
import { summarizeIssues } from './wire.ts';

/**
 * Called once per answer that had dropped records: where they came from (`/positions`), how many, and the
 * first {@link REJECT_SAMPLES} reasons (`/positions[3]: size: …`).
 */
export type RejectSink = (where: string, count: number, samples: readonly string[]) => void;

/** Reasons kept per answer: enough to see what is wrong, never a line per record. */
export const REJECT_SAMPLES = 3;

/**
 * Validates every element of `records` with `schema` on its own: failures are dropped, counted and reported to
 * `onReject` once for the whole answer; the rest are kept in order. `where` names the records (e.g. `/positions`).
 */
export function parseEach<T>(records: readonly unknown[], schema: z.ZodType<T>, where: string, onReject: RejectSink): Page<T> {
  const items: T[] = [];
  const samples: string[] = [];
  let rejected = 0;
  records.forEach((record, i) => {
    const parsed = schema.safeParse(record);
    if (parsed.success) items.push(parsed.data);
    else {
      rejected++;
      if (samples.length < REJECT_SAMPLES) samples.push(`${where}[${i}]: ${summarizeIssues(parsed.error, 160)}`);
    }
  });
  if (rejected > 0) onReject(where, rejected, samples);
  return { items, rejected };
}

/** Records one answer may hold when the request names no page size (the largest `limit` any endpoint takes). */
export const MAX_RECORDS_PER_ANSWER = 10_000;

/**
 * The body must be a JSON array (the Data API and Gamma list envelope) of at most `maxRecords` elements (the page
 * size asked for); anything else is an `ApiError` of kind 'malformed', because the whole response — not one
 * record — is wrong. The count bound also bounds the validation work of one answer (issue 12 item 7: 200 k junk
 * records in one body held the event loop, and /health, for seconds).
 */
export function expectArray(body: unknown, url: string, maxRecords: number = MAX_RECORDS_PER_ANSWER): unknown[] {
  if (!Array.isArray(body)) {
    throw new ApiError('malformed', `expected a JSON array, got ${describe(body)}`, { url });
  }
  if (body.length > maxRecords) {
    throw new ApiError('malformed', `answer holds ${body.length} records, more than the ${maxRecords} a page can`, { url });
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
