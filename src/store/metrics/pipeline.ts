/**
 * The wallet-intelligence pipeline (issue 13): one SQL pipeline, in ClickHouse, from wallet_activity,
 * closed_positions, wallet_positions, market_resolutions and markets to wallet_scores (per wallet × category and
 * 'OVERALL'). Every metric's definition is here, once.
 *
 * A run is one heavy statement (aggregate the inputs of the wallets in scope and write their rows) and, for a full
 * run, two light ones (the population prior from the rows just written, then the shrunk omega and grade of every
 * row again under that prior). An incremental run scores only the wallets whose inputs changed since its
 * watermark (wallet_score_dirty, fed by materialized views on the input tables, plus the wallets of markets
 * resolved since), under the prior of the last full run: a new trade does not recompute the world.
 *
 * Settled market of a wallet (its realised PnL and the stake it put at risk), first source that knows it:
 *   1. closed_positions: Polymarket's realizedPnl of each closed outcome (stake = totalBought shares × avgPrice),
 *      plus any position still open in the same market that is a resolved loser (below);
 *   2. a resolved-but-unredeemed loser in wallet_positions (curPrice 0 on a market resolved or past its end):
 *      a loss of its cost (cashPnl + realizedPnl);
 *   3. the wallet's own trades when the market has a resolution: sells − buys + net shares × payout; or, with no
 *      resolution stored, its REDEEM rows: sells − buys + redeemed USDC (a REDEEM of zero settles a loss). Skipped
 *      when the stored history sold more shares than it bought (the buys predate the synced window).
 */
import type { Store } from '../types.ts';
import { msParam } from '../queries/sql.ts';
import { GRADE_CUTOFFS, INSIDER_THRESHOLD, MIN_SETTLED_MARKETS, MIN_VOLUME_USD, OMEGA_CAP, PRIOR_MARKETS } from './grades.ts';

/** Settings of the heavy statement: it may use both cores (the embedded session defaults to one thread). */
const HEAVY_SETTINGS = 'SETTINGS max_threads = 2';

/** Category of a market the store knows no category for. */
export const UNKNOWN_CATEGORY = 'OTHER';
/** Category of the row over every market. */
export const OVERALL = 'OVERALL';

/** A wallet below this age (days since first seen) is labelled fresh. */
export const FRESH_WALLET_DAYS = 14;
/** Whale label: whale score at or above this. */
export const WHALE_SCORE_MIN = 70;

/** Shrunk omega: (gains + k·s·gainRate) / (losses + k·s·lossRate), s the wallet's stake per settled market. */
function shrunkOmega(gains: string, losses: string, stake: string, settled: string, gainRate: string, lossRate: string): string {
  const pseudo = `${PRIOR_MARKETS} * (${stake} / greatest(${settled}, 1))`;
  const num = `(${gains} + ${pseudo} * ${gainRate})`;
  const den = `(${losses} + ${pseudo} * ${lossRate})`;
  return `if(${den} <= 0, if(${num} > 0, ${OMEGA_CAP}, 1), least(${OMEGA_CAP}, ${num} / ${den}))`;
}

/** Grade from the shrunk omega and the sample: '' below the minimum sample, else the first cut-off reached. */
function gradeOf(omega: string, settled: string, volume: string): string {
  const branches = GRADE_CUTOFFS.map((c) => `${omega} >= ${c.minOmega} AND ${settled} >= ${c.minSettled}, '${c.grade}'`).join(', ');
  return `if(${settled} < ${MIN_SETTLED_MARKETS} OR ${volume} < ${MIN_VOLUME_USD}, '', multiIf(${branches}, 'F'))`;
}

const clamp01 = (expr: string): string => `greatest(0, least(1, ${expr}))`;

/** Insider-score weights of the five factors (sum 1); the score is 100 × the weighted sum. */
export const INSIDER_WEIGHTS = { fresh: 0.15, fewMarkets: 0.15, concentration: 0.2, niche: 0.2, timing: 0.3 } as const;

/** Wallets in scope of an incremental run: marked dirty, or holding activity in a market resolved, since {since}. */
const DIRTY_WALLETS = `
  SELECT proxy_wallet FROM wallet_score_dirty WHERE marked_at > ${msParam('since')}
  UNION DISTINCT
  SELECT DISTINCT proxy_wallet FROM wallet_activity
  WHERE condition_id IN (SELECT condition_id FROM market_resolutions WHERE updated_at > ${msParam('since')})`;

const IN_SCOPE = `({full:UInt8} = 1 OR proxy_wallet IN (${DIRTY_WALLETS}))`;

/**
 * The prior rate (`gain` or `loss`) of the row's category, bound as parallel arrays read from wallet_score_prior,
 * the OVERALL rate for a category the last full run did not see.
 */
const priorRate = (kind: 'gain' | 'loss'): string =>
  `if(indexOf({priorCategories:Array(String)}, category) > 0,
      arrayElement({prior_${kind}s:Array(Float64)}, indexOf({priorCategories:Array(String)}, category)),
      {overall_${kind}:Float64})`;

const OMEGA_SHRUNK = shrunkOmega('gains', 'losses', 'settled_stake', 'settled_markets', priorRate('gain'), priorRate('loss'));
const FAR_FUTURE = `toDateTime64('2100-01-01', 3, 'UTC')`;

/** The heavy statement: every metric of the wallets in scope. */
const SCORE_WALLETS = `
INSERT INTO wallet_scores
WITH
  ${msParam('now')} AS now_ts,
  ${msParam('computedAt')} AS computed_ts
SELECT
  proxy_wallet, category, settled_markets, wins, win_rate, realized_pnl, gains, losses, settled_stake,
  omega_raw, omega_shrunk, roi, volume, trades, avg_bet, max_bet, markets_traded, first_seen, last_seen,
  buy_share, first_outcome_share, two_sided_share,
  ${gradeOf('omega_shrunk', 'settled_markets', 'volume')} AS grade,
  whale_score, insider_score, insider_fresh, insider_few_markets, insider_concentration, insider_niche, insider_timing,
  arrayFilter(x -> x != '', [
    if(markets_traded >= 15 AND two_sided_share >= 0.4 AND buy_share <= 0.75 AND abs(roi) <= 0.05, 'market-maker', ''),
    if(whale_score >= ${WHALE_SCORE_MIN}, 'whale', ''),
    if(age_days < ${FRESH_WALLET_DAYS}, 'fresh', ''),
    if(insider_score >= ${INSIDER_THRESHOLD}, 'insider?', '')
  ]) AS labels,
  computed_ts AS computed_at
FROM (
  SELECT *,
    ${OMEGA_SHRUNK} AS omega_shrunk,
    round(100 * (${INSIDER_WEIGHTS.fresh} * insider_fresh + ${INSIDER_WEIGHTS.fewMarkets} * insider_few_markets
      + ${INSIDER_WEIGHTS.concentration} * insider_concentration + ${INSIDER_WEIGHTS.niche} * insider_niche
      + ${INSIDER_WEIGHTS.timing} * insider_timing), 1) AS insider_score,
    -- Whale: capital at risk (volume, stake per market), held across markets rather than one bet.
    round(100 * (0.6 * ${clamp01('log10(greatest(volume, 1) / 1000) / 3')}
      + 0.4 * ${clamp01('log10(greatest(volume / greatest(markets_traded, 1), 1) / 100) / 3')})
      * ${clamp01('markets_traded / 5')}, 1) AS whale_score
  FROM (
    SELECT
      proxy_wallet,
      if(grouping(market_category) = 1, '${OVERALL}', market_category) AS category,
      toUInt32(countIf(settled)) AS settled_markets,
      toUInt32(countIf(settled AND pnl > 0)) AS wins,
      if(settled_markets = 0, 0, wins / settled_markets) AS win_rate,
      sumIf(pnl, settled) AS realized_pnl,
      sumIf(pnl, settled AND pnl > 0) AS gains,
      sumIf(-pnl, settled AND pnl < 0) AS losses,
      sumIf(stake, settled) AS settled_stake,
      if(losses = 0, if(gains > 0, ${OMEGA_CAP}, 1), least(${OMEGA_CAP}, gains / losses)) AS omega_raw,
      if(settled_stake = 0, 0, realized_pnl / settled_stake) AS roi,
      sum(m_usd) AS traded_usd,
      greatest(traded_usd, settled_stake) AS volume,
      toUInt32(sum(m_trades)) AS trades,
      if(trades = 0, 0, traded_usd / trades) AS avg_bet,
      max(m_max_bet) AS max_bet,
      toUInt32(count()) AS markets_traded,
      min(m_first) AS first_seen,
      max(m_last) AS last_seen,
      if(traded_usd = 0, 0, sum(m_bought) / traded_usd) AS buy_share,
      if(sum(m_bought) = 0, 0, sum(m_bought0) / sum(m_bought)) AS first_outcome_share,
      if(countIf(m_trades > 0) = 0, 0, countIf(m_outcomes_bought >= 2) / countIf(m_trades > 0)) AS two_sided_share,
      (toUnixTimestamp64Milli(now_ts) - toUnixTimestamp64Milli(least(first_seen, any(profile_created)))) / 86400000 AS age_days,
      -- Insider factors, each in [0, 1], about the wallet's largest market (by the USD it traded there).
      ${clamp01('1 - age_days / 30')} AS insider_fresh,
      ${clamp01('(10 - markets_traded) / 9')} AS insider_few_markets,
      max(m_usd) AS top_usd,
      ${clamp01('if(traded_usd = 0, 0, top_usd / traded_usd) * log10(greatest(top_usd, 1)) / 4')} AS insider_concentration,
      ${clamp01('(5.5 - log10(greatest(argMax(market_volume, m_usd), 1))) / 2.5')} AS insider_niche,
      ${clamp01(`if(argMax(big_buy_won, m_usd) = 1,
                    1 - (toUnixTimestamp64Milli(argMax(resolved_at, m_usd)) - toUnixTimestamp64Milli(argMax(m_big_buy_ts, m_usd))) / 259200000,
                    0)`)} AS insider_timing
    FROM (
      SELECT wm.* EXCEPT (proxy_wallet, condition_id), wm.proxy_wallet AS proxy_wallet, wm.condition_id AS condition_id,
        if(mk.mk_category = '', '${UNKNOWN_CATEGORY}', mk.mk_category) AS market_category,
        mk.market_volume AS market_volume,
        res.resolved_at AS resolved_at,
        has_cp = 1 OR has_lp = 1 OR (complete AND (has_res OR m_redeems > 0)) AS settled,
        multiIf(has_cp = 1 OR has_lp = 1, cp_pnl + lp_pnl,
                has_res, m_sold - m_bought + m_net0 * res.payouts[1] + m_net1 * if(length(res.payouts) >= 2, res.payouts[2], 0),
                m_sold - m_bought + m_redeemed) AS pnl,
        if(has_cp = 1 OR has_lp = 1, cp_stake + lp_stake, m_bought) AS stake,
        has_res AND m_big_buy_outcome = res.winning_index AND m_big_buy_ts <= res.resolved_at AS big_buy_won,
        if(pr.profile_created <= toDateTime64('1970-01-02', 3, 'UTC'), ${FAR_FUTURE}, pr.profile_created) AS profile_created
      FROM (
        SELECT proxy_wallet, condition_id,
          m_trades, m_usd, m_max_bet, m_bought, m_sold, m_bought0, m_net0, m_net1, m_outcomes_bought, m_redeems, m_redeemed,
          multiIf(has_a = 1, m_first_a, has_cp = 1, cp_closed, now_ts) AS m_first,
          multiIf(has_a = 1, m_last_a, has_cp = 1, cp_closed, now_ts) AS m_last,
          m_big_buy_ts, m_big_buy_outcome,
          m_net0 >= -0.01 AND m_net1 >= -0.01 AND m_bought > 0 AS complete,
          has_cp, cp_pnl, cp_stake, has_lp, lp_pnl, lp_stake,
          condition_id IN (SELECT condition_id FROM market_resolutions) AS has_res
        FROM (
          SELECT proxy_wallet, condition_id, 1 AS has_a,
            countIf(activity_type = 'TRADE') AS m_trades,
            sumIf(usdc_size, activity_type = 'TRADE') AS m_usd,
            maxIf(usdc_size, activity_type = 'TRADE') AS m_max_bet,
            sumIf(usdc_size, activity_type = 'TRADE' AND side = 'BUY') AS m_bought,
            sumIf(usdc_size, activity_type = 'TRADE' AND side = 'SELL') AS m_sold,
            sumIf(usdc_size, activity_type = 'TRADE' AND side = 'BUY' AND outcome_index = 0) AS m_bought0,
            sumIf(if(side = 'BUY', size, -size), activity_type = 'TRADE' AND outcome_index = 0) AS m_net0,
            sumIf(if(side = 'BUY', size, -size), activity_type = 'TRADE' AND outcome_index = 1) AS m_net1,
            uniqExactIf(outcome_index, activity_type = 'TRADE' AND side = 'BUY') AS m_outcomes_bought,
            countIf(activity_type = 'REDEEM') AS m_redeems,
            sumIf(usdc_size, activity_type = 'REDEEM') AS m_redeemed,
            min(timestamp) AS m_first_a,
            max(timestamp) AS m_last_a,
            argMaxIf(timestamp, usdc_size, activity_type = 'TRADE' AND side = 'BUY') AS m_big_buy_ts,
            toInt16(argMaxIf(outcome_index, usdc_size, activity_type = 'TRADE' AND side = 'BUY')) AS m_big_buy_outcome
          FROM wallet_activity
          WHERE condition_id != '' AND ${IN_SCOPE}
          GROUP BY proxy_wallet, condition_id
        ) AS a
        FULL OUTER JOIN (
          SELECT proxy_wallet, condition_id, 1 AS has_cp, sum(realized_pnl) AS cp_pnl, sum(total_bought * avg_price) AS cp_stake,
                 min(closed_at) AS cp_closed
          FROM closed_positions FINAL
          WHERE ${IN_SCOPE}
          GROUP BY proxy_wallet, condition_id
        ) AS c USING (proxy_wallet, condition_id)
        FULL OUTER JOIN (
          SELECT proxy_wallet, condition_id, 1 AS has_lp, sum(cash_pnl + realized_pnl) AS lp_pnl, sum(initial_value) AS lp_stake
          FROM wallet_positions FINAL
          WHERE size > 0 AND cur_price <= 0 AND ${IN_SCOPE}
            AND (condition_id IN (SELECT condition_id FROM market_resolutions) OR end_date <= now_ts)
          GROUP BY proxy_wallet, condition_id
        ) AS l USING (proxy_wallet, condition_id)
      ) AS wm
      LEFT JOIN (
        SELECT condition_id AS res_condition, argMax(payouts, updated_at) AS payouts, argMax(winning_index, updated_at) AS winning_index,
               argMax(resolved_at, updated_at) AS resolved_at
        FROM market_resolutions GROUP BY condition_id
      ) AS res ON res.res_condition = wm.condition_id
      LEFT JOIN (
        SELECT condition_id AS mk_condition, upper(argMax(category, updated_at)) AS mk_category, argMax(volume, updated_at) AS market_volume
        FROM markets GROUP BY condition_id
      ) AS mk ON mk.mk_condition = wm.condition_id
      LEFT JOIN (
        SELECT proxy_wallet AS profile_wallet, argMax(profile_created_at, updated_at) AS profile_created
        FROM trader_profiles GROUP BY proxy_wallet
      ) AS pr ON pr.profile_wallet = wm.proxy_wallet
    )
    GROUP BY GROUPING SETS ((proxy_wallet, market_category), (proxy_wallet))
  )
)
${HEAVY_SETTINGS}`;

/** The population prior per category: pooled gain and loss per dollar staked of the wallets above the minimum sample. */
const COMPUTE_PRIOR = `
INSERT INTO wallet_score_prior
SELECT category,
       if(sum(settled_stake) = 0, 0.5, sum(gains) / sum(settled_stake)) AS gain_rate,
       if(sum(settled_stake) = 0, 0.5, sum(losses) / sum(settled_stake)) AS loss_rate,
       toUInt32(count()) AS wallets,
       ${msParam('computedAt')} AS computed_at
FROM wallet_scores FINAL
WHERE settled_markets >= ${MIN_SETTLED_MARKETS} AND volume >= ${MIN_VOLUME_USD}
GROUP BY category`;

/** Every row of the run again with the shrunk omega and grade under the prior just computed, a millisecond newer. */
const REGRADE = `
INSERT INTO wallet_scores
SELECT * REPLACE (
  ${OMEGA_SHRUNK} AS omega_shrunk,
  ${gradeOf(OMEGA_SHRUNK, 'settled_markets', 'volume')} AS grade,
  ${msParam('regradedAt')} AS computed_at
)
FROM (SELECT * FROM wallet_scores WHERE computed_at = ${msParam('computedAt')})`;

/** The prior of the shrinkage per category, as the statements bind it. */
export interface ScorePrior {
  categories: string[];
  gainRates: number[];
  lossRates: number[];
  overallGain: number;
  overallLoss: number;
}

/** Neutral prior (before any full run): gain rate = loss rate, so every omega is shrunk towards 1. */
export const NEUTRAL_PRIOR_RATE = 0.5;

/** The newest prior per category (wallet_score_prior), neutral when none was computed yet. */
export async function readScorePrior(store: Store, signal?: AbortSignal): Promise<ScorePrior> {
  const rows = await store.query<{ category: string; gain: number; loss: number }>(
    `SELECT category, argMax(gain_rate, computed_at) AS gain, argMax(loss_rate, computed_at) AS loss
     FROM wallet_score_prior GROUP BY category ORDER BY category`,
    {},
    signal,
  );
  const overall = rows.find((r) => r.category === OVERALL);
  return {
    categories: rows.map((r) => r.category),
    gainRates: rows.map((r) => r.gain),
    lossRates: rows.map((r) => r.loss),
    overallGain: overall?.gain ?? NEUTRAL_PRIOR_RATE,
    overallLoss: overall?.loss ?? NEUTRAL_PRIOR_RATE,
  };
}

const priorParams = (p: ScorePrior): Record<string, unknown> => ({
  priorCategories: p.categories,
  prior_gains: p.gainRates,
  prior_losss: p.lossRates,
  overall_gain: p.overallGain,
  overall_loss: p.overallLoss,
});

/** What {@link recomputeWalletScores} did. */
export interface RecomputeResult {
  mode: 'full' | 'incremental';
  /** Rows of wallet_scores written (wallet × category, OVERALL included). */
  rows: number;
  /** Wallets scored. */
  wallets: number;
  durationMs: number;
}

/** Options of {@link recomputeWalletScores}. */
export interface RecomputeOptions {
  /** 'full': every wallet, fresh prior. 'incremental': the wallets changed since `since` (epoch ms). */
  mode: 'full' | 'incremental';
  since?: number;
  /** "Now" for ages and overdue markets (epoch ms); the world clock under the simulator. */
  now: number;
  /** Version stamp of the rows written (epoch ms, must grow run over run); defaults to the wall clock. */
  computedAt?: number;
  signal?: AbortSignal;
}

/**
 * Recomputes wallet_scores (see the module comment). A full run writes the prior for later incremental runs.
 * Before any full run the prior is neutral (gain rate = loss rate: shrinks every omega towards 1).
 */
export async function recomputeWalletScores(store: Store, options: RecomputeOptions): Promise<RecomputeResult> {
  const started = Date.now();
  const computedAt = Math.max(options.computedAt ?? Date.now(), 1);
  const full = options.mode === 'full';
  const prior = await readScorePrior(store, options.signal);
  await store.command(SCORE_WALLETS, {
    full: full ? 1 : 0,
    since: options.since ?? 0,
    now: options.now,
    computedAt,
    ...priorParams(prior),
  });
  if (full) {
    await store.command(COMPUTE_PRIOR, { computedAt });
    const fresh = await readScorePrior(store, options.signal);
    await store.command(REGRADE, { computedAt, regradedAt: computedAt + 1, ...priorParams(fresh) });
  }
  const counted = await store.query<{ rows: string; wallets: string }>(
    `SELECT count() AS rows, uniqExact(proxy_wallet) AS wallets FROM wallet_scores WHERE computed_at = ${msParam('stamp')}`,
    { stamp: full ? computedAt + 1 : computedAt },
    options.signal,
  );
  return {
    mode: options.mode,
    rows: Number(counted[0]?.rows ?? 0),
    wallets: Number(counted[0]?.wallets ?? 0),
    durationMs: Date.now() - started,
  };
}

/**
 * When the newest scores were computed (epoch ms of the run's start, the watermark of the next incremental run),
 * or null when the store holds none.
 */
export async function lastScoresComputedAt(store: Store, signal?: AbortSignal): Promise<number | null> {
  const rows = await store.query<{ at: number | null }>(
    `SELECT if(count() = 0, NULL, toFloat64(toUnixTimestamp64Milli(max(computed_at)))) AS at FROM wallet_scores`,
    {},
    signal,
  );
  const at = rows[0]?.at;
  return at === null || at === undefined ? null : Number(at);
}
