/**
 * Global search over the whole store (issue 14, "Search"): wallets by address prefix, name, pseudonym or
 * leaderboard user name, markets by the words of their title, from `search_index` (schema/052), which
 * materialized views keep filled. One statement: a prefix of the address is a range read of the primary key, each
 * word of the text is a `LIKE '%word%'` that the ngram bloom filter turns into a skip of every granule that cannot
 * hold it.
 */
import { walletName } from './sql.ts';
import type { Store } from '../types.ts';

/** One search result. */
export interface SearchHit {
  kind: 'wallet' | 'market';
  /** Lower-case wallet address or condition id. */
  key: string;
  /** The wallet's display name ('' when none) or the market's question. */
  label: string;
}

/** Results a search returns at most. */
export const SEARCH_LIMIT = 20;
/** Words of a search text used at most (the rest only narrow further; eight is plenty for a title). */
const MAX_WORDS = 8;

/** `text` as a LIKE pattern matching it anywhere: `%` `_` and `\` escaped. */
const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The lower-case words of a search text (whitespace-separated, at most {@link MAX_WORDS}). */
export function searchWords(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter(Boolean).slice(0, MAX_WORDS);
}

/**
 * Wallets and markets matching `text`: every word must occur in the entry's text, or (one word of hex digits
 * after `0x`) the address starts with it. Exact and prefix label matches come first, then shorter labels; wallets
 * before markets on ties. An empty text finds nothing.
 */
export async function searchStore(store: Store, text: string, limit = SEARCH_LIMIT, signal?: AbortSignal): Promise<SearchHit[]> {
  const words = searchWords(text);
  if (words.length === 0) return [];
  const params: Record<string, unknown> = { limit, whole: words.join(' ') };
  const conditions = words.map((w, i) => {
    params[`w${i}`] = containsPattern(w);
    return `terms LIKE {w${i}:String}`;
  });
  const prefix = words.length === 1 && /^0x[0-9a-f]{1,40}$/.test(words[0]!) ? words[0]! : null;
  const branches = [`SELECT kind, key, label, updated_at FROM search_index WHERE ${conditions.join(' AND ')}`];
  if (prefix) {
    params.prefix = `${prefix}%`;
    branches.push(`SELECT kind, key, label, updated_at FROM search_index WHERE kind = 'wallet' AND key LIKE {prefix:String}`);
  }
  const rows = await store.query<{ kind: 'wallet' | 'market'; key: string; label: string }>(
    `SELECT kind, key, if(kind = 'wallet', if(notEmpty(${walletName('key')}), ${walletName('key')}, argMax(label, updated_at)), argMax(label, updated_at)) AS label,
            lower(label) = {whole:String} AS exact, startsWith(lower(label), {whole:String}) AS starts
     FROM (${branches.join(' UNION ALL ')})
     GROUP BY kind, key
     ORDER BY exact DESC, starts DESC, lengthUTF8(label), kind, key
     LIMIT {limit:UInt32}`,
    params,
    signal,
  );
  return rows.map((r) => ({ kind: r.kind, key: r.key, label: r.label }));
}

/**
 * Wallets whose name, pseudonym or leaderboard user name is exactly `name` (case-insensitive), for
 * `whaletop follow <name>`; more than one means the name is ambiguous.
 */
export async function findWalletsByName(store: Store, name: string, signal?: AbortSignal): Promise<SearchHit[]> {
  const wanted = name.trim().toLowerCase();
  if (wanted === '') return [];
  const rows = await store.query<{ key: string; name: string }>(
    `SELECT key, argMax(label, updated_at) AS name FROM search_index
     WHERE kind = 'wallet' AND terms LIKE {pattern:String} AND lower(label) = {wanted:String}
     GROUP BY key ORDER BY key LIMIT 10`,
    { pattern: containsPattern(wanted), wanted },
    signal,
  );
  return rows.map((r) => ({ kind: 'wallet', key: r.key, label: r.name }));
}
