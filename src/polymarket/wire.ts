import { z } from 'zod';

/**
 * Zod building blocks for Polymarket's loose wire formats (POLYMARKET_API.md §0): numbers that arrive as JSON
 * numbers or decimal strings, nullable strings, stringified JSON arrays, and four date formats.
 */

/** A finite number sent as a JSON number or a decimal string (`"12071015.2"`, `"1"`). Empty strings fail. */
export const wireNumber = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const n = typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v);
  if (!Number.isFinite(n)) {
    ctx.addIssue({ code: 'custom', message: `not a finite number: ${JSON.stringify(v).slice(0, 40)}` });
    return z.NEVER;
  }
  return n;
});

/** Like {@link wireNumber}, but a missing/null/'' value becomes `fallback`. */
export function numberOr(fallback: number) {
  return z.union([wireNumber, z.literal('')]).nullish().transform((v) => (typeof v === 'number' ? v : fallback));
}

/** Like {@link wireNumber}, but a missing/null/'' value becomes null. */
export const numberOrNull = z
  .union([wireNumber, z.literal('')])
  .nullish()
  .transform((v) => (typeof v === 'number' ? v : null));

/** A string that may be missing or null on the wire; mapped to ''. */
export const text = z
  .string()
  .nullish()
  .transform((v) => v ?? '');

/** A boolean that may be missing or null; mapped to `false`. */
export const flag = z
  .boolean()
  .nullish()
  .transform((v) => v ?? false);

/** A 0x address, lower-cased. */
export const wallet = z
  .string()
  .regex(/^0x[0-9a-fA-F]{40}$/, 'not a 0x + 40 hex address')
  .transform((v) => v.toLowerCase());

/** A condition id (0x + 64 hex), lower-cased so it joins across APIs. */
export const conditionId = z
  .string()
  .regex(/^0x[0-9a-fA-F]{64}$/, 'not a 0x + 64 hex condition id')
  .transform((v) => v.toLowerCase());

/** A uint256 token id as a decimal string (75–78 digits seen; any length of digits accepted). */
export const tokenId = z.string().regex(/^\d+$/, 'not a decimal token id');

/** An integer (outcome index; 999 is a sentinel and is kept). */
export const integer = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isInteger(n)) {
    ctx.addIssue({ code: 'custom', message: `not an integer: ${JSON.stringify(v).slice(0, 40)}` });
    return z.NEVER;
  }
  return n;
});

/** Unix seconds (integer, as Data API timestamps) → epoch milliseconds. */
export const unixSecondsToMs = integer.transform((s) => s * 1000);

const DATE_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Parses the date formats Polymarket sends into epoch ms, or null if unrecognised: RFC 3339 with any number of
 * fractional digits (`…T09:29:01.328428Z`), date only (`2026-12-31`, taken as UTC midnight), and Postgres style
 * (`2021-12-05 20:37:01+00`, `2022-07-27 14:40:02.064+00`). A missing zone means UTC. Sub-ms digits are truncated.
 */
export function parseWireDate(input: string): number | null {
  const m = DATE_RE.exec(input.trim());
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone = 'Z'] = m;
  const ms = Number((frac + '000').slice(0, 3));
  let t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  if (zone !== 'Z' && zone !== 'z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
    t -= sign * offsetMin * 60_000;
  }
  // Date.UTC silently rolls over out-of-range fields (month 13); reject those.
  const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d)) return null;
  return Number.isFinite(t) ? t : null;
}

/** An optional wire date → epoch ms or null when missing/null/''. A present but unparseable string fails. */
export const dateOrNull = z.string().nullish().transform((v, ctx) => {
  if (v === null || v === undefined || v.trim() === '') return null;
  const t = parseWireDate(v);
  if (t === null) {
    ctx.addIssue({ code: 'custom', message: `unrecognised date: ${v.slice(0, 40)}` });
    return z.NEVER;
  }
  return t;
});

/**
 * A JSON array that Gamma encodes inside a string (`"[\"Yes\", \"No\"]"`), decoded; a native array is accepted
 * too, and missing/null/'' becomes []. Elements must be strings (Gamma quotes even prices).
 */
export const stringifiedStrings = z.union([z.string(), z.array(z.unknown())]).nullish().transform((v, ctx) => {
  if (v === null || v === undefined || v === '') return [] as string[];
  let arr: unknown = v;
  if (typeof v === 'string') {
    try {
      arr = JSON.parse(v);
    } catch {
      ctx.addIssue({ code: 'custom', message: `not a stringified JSON array: ${v.slice(0, 40)}` });
      return z.NEVER;
    }
  }
  if (!Array.isArray(arr) || !arr.every((x) => typeof x === 'string')) {
    ctx.addIssue({ code: 'custom', message: 'not an array of strings' });
    return z.NEVER;
  }
  return arr as string[];
});

/** A stringified array of decimal strings (`outcomePrices`) → numbers. */
export const stringifiedNumbers = stringifiedStrings.transform((arr, ctx) => {
  const out = arr.map(Number);
  if (out.some((n, i) => !Number.isFinite(n) || arr[i]!.trim() === '')) {
    ctx.addIssue({ code: 'custom', message: 'non-numeric element in price array' });
    return z.NEVER;
  }
  return out;
});

/** A string id that Gamma sends as a numeric string (sometimes a number): normalised to a string. */
export const idString = z.union([z.string().min(1), z.number()]).transform((v) => String(v));

/** A compact one-line summary of a zod error, truncated to `max` characters (for logs). */
export function summarizeIssues(error: z.ZodError, max = 300): string {
  const s = error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}
