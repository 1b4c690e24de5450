/**
 * SQL fragments shared by the dashboard queries. Fragments are constant text with `{name:Type}` placeholders;
 * every value is bound through query_params, never spliced in.
 *
 * Freshness rules for the "current state" tables (ReplacingMergeTree keeps the newest row per key, but a key
 * that stopped appearing — a wallet that fell off the board, a holder that sold out, a closed position — keeps
 * its last row for ever):
 *   - a leaderboard row is current when its snapshot is within {@link BOARD_SYNC_SPAN_MINUTES} of the newest
 *     snapshot of the same (category, period, order) board (the board_latest dictionary);
 *   - a holder row is current when within {@link SNAPSHOT_SPAN_MINUTES} of its market's newest holder snapshot;
 *   - a position row is current when within {@link SNAPSHOT_SPAN_MINUTES} of its wallet's newest position row.
 */

/** How long one leaderboard sync may take: rows older than the board's newest by more are stale. */
export const BOARD_SYNC_SPAN_MINUTES = 30;
/** How long one per-market holder fetch or per-wallet position fetch may spread over. */
export const SNAPSHOT_SPAN_MINUTES = 10;

/** A DateTime64 expression from an epoch-milliseconds parameter named `name`. */
export const msParam = (name: string): string => `fromUnixTimestamp64Milli({${name}:Int64}, 'UTC')`;

/**
 * The display name of the wallet address `expr` from the wallet_names dictionary (schema/006): profile name, else
 * newest leaderboard name, else pseudonym; '' when none is known (the UI then shows the short address).
 */
export const walletName = (expr: string): string => `dictGetOrDefault('wallet_names', 'name', ${expr}, '')`;

/** One field of a row a statement returns as JSON text: its name in the row, its ClickHouse type, its expression. */
export type JsonField = readonly [name: string, type: string, expr: string];

/**
 * A JSON object text of `fields` (a named tuple rendered by toJSONString): lets branches of different shapes share
 * one UNION ALL, so a view needing several row sets pays for one statement. 64-bit integers come out as strings.
 */
export const jsonObject = (fields: readonly JsonField[]): string =>
  `toJSONString(CAST(tuple(${fields.map(([, , expr]) => expr).join(', ')}), ` +
  `'Tuple(${fields.map(([name, type]) => `${name} ${type}`).join(', ')})'))`;

/** `expr AS name, …` of `fields`: the same fields as plain columns. */
export const selectList = (fields: readonly JsonField[]): string =>
  fields.map(([name, , expr]) => `${expr} AS ${name}`).join(', ');

/**
 * True when a trader_rankings row's `snapshot_time` is within a sync span of its board's newest snapshot, read
 * from the board_latest dictionary (schema/007) for the board given by the three expressions.
 */
export const onCurrentBoard = (category: string, period: string, orderBy: string): string =>
  `snapshot_time >= dictGet('board_latest', 'latest', (${category}, ${period}, ${orderBy})) - INTERVAL ${BOARD_SYNC_SPAN_MINUTES} MINUTE`;

/** Epoch milliseconds (a JSON number) from a DateTime64 expression. */
export const toMs = (expr: string): string => `toFloat64(toUnixTimestamp64Milli(${expr}))`;

/**
 * Wallets of the current board (category, period, order bound as {category}, {period}, {orderBy}) with their
 * best rank there, ranked within {topRank}. Columns: proxy_wallet, boardRank.
 */
export const CURRENT_BOARD_WALLETS = `
  SELECT proxy_wallet, min(rank) AS boardRank
  FROM trader_rankings FINAL
  WHERE category = {category:String} AND time_period = {period:String} AND order_by = {orderBy:String}
    AND rank <= {topRank:UInt32}
    AND ${onCurrentBoard('{category:String}', '{period:String}', '{orderBy:String}')}
  GROUP BY proxy_wallet`;

/**
 * Current positions (size > 0, from each wallet's latest position sync), optionally limited to the wallets of
 * {wallets:Array(String)} when {allWallets:UInt8} = 0. All wallet_positions columns plus nothing else.
 */
export const CURRENT_POSITIONS = `
  SELECT * EXCEPT (wallet_synced) FROM (
    SELECT *, max(updated_at) OVER (PARTITION BY proxy_wallet) AS wallet_synced
    FROM wallet_positions FINAL
    WHERE {allWallets:UInt8} = 1 OR proxy_wallet IN {wallets:Array(String)}
  )
  WHERE size > 0 AND updated_at >= wallet_synced - INTERVAL ${SNAPSHOT_SPAN_MINUTES} MINUTE`;

/**
 * Current holder rows (each market's latest holder snapshot), optionally one market when {conditionId} is not
 * empty. Columns of market_holders.
 */
export const CURRENT_HOLDERS = `
  SELECT * EXCEPT (market_synced) FROM (
    SELECT *, max(snapshot_time) OVER (PARTITION BY condition_id) AS market_synced
    FROM market_holders FINAL
    WHERE {conditionId:String} = '' OR condition_id = {conditionId:String}
  )
  WHERE snapshot_time >= market_synced - INTERVAL ${SNAPSHOT_SPAN_MINUTES} MINUTE`;

/** Coerces ClickHouse JSON numbers (64-bit integers arrive as strings) to numbers; null/'' stay null. */
export function num(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value !== '') return Number(value);
  return 0;
}

/** Like {@link num} but keeps SQL NULL as null (nullable outcome columns). */
export function numOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : num(value);
}
