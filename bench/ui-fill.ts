import { spawnSync } from 'node:child_process';
import { silentLogger } from '../src/lib/log.ts';
import { createSyncJobs } from '../src/jobs/index.ts';
import { Scheduler } from '../src/jobs/scheduler.ts';
import { createPolymarket } from '../src/polymarket/index.ts';
import { startSimulator } from '../src/sim/index.ts';
import { rowValidators } from '../src/store/rows.ts';
import type { Store } from '../src/store/types.ts';
import { BatchedWriter } from '../src/store/writer.ts';

/**
 * Fills a migrated store for the UI benchmark: one pass of every sync job against the simulator (rankings,
 * markets, positions, holders, profiles and real activity, as `whaletop --demo --once` writes them), then bulk
 * wallet_activity rows generated inside ClickHouse.
 */
export async function syncFromSimulator(store: Store, trackedWalletMax: number): Promise<void> {
  const sim = await startSimulator({ seed: 1 });
  const writer = new BatchedWriter(store, { logger: silentLogger, validators: rowValidators });
  const polymarket = createPolymarket({ dataApiUrl: sim.urls.dataApi, gammaUrl: sim.urls.gamma, clobUrl: sim.urls.clob, rateFraction: 1, logger: silentLogger });
  try {
    const scheduler = new Scheduler({ store, logger: silentLogger });
    for (const job of createSyncJobs({ store, writer, polymarket, logger: silentLogger, options: { trackedWalletMax } })) scheduler.add(job);
    const results = await scheduler.runAllOnce();
    const failed = results.filter((r) => r.status !== 'ok');
    if (failed.length > 0) throw new Error(`sync jobs failed: ${failed.map((r) => `${r.name} ${r.status} ${r.error ?? ''}`).join('; ')}`);
    await scheduler.stop();
  } finally {
    await writer.close();
    await polymarket.close();
    await sim.stop();
  }
}

/**
 * Appends `rows` wallet_activity rows with one INSERT … SELECT per `chunk` rows, on every core (max_threads = 0:
 * the embedded session's default is one thread). Wallets come from the synced
 * rankings (a few thousand, skewed: a few wallets trade a lot), markets from the synced markets (a few hundred,
 * with their real titles, slugs and token ids); timestamps are uniform over the last 30 days up to now; 92 % are
 * TRADEs; usdc sizes are log-normal (median ≈ $55, ~8 % at or above the $500 whale threshold).
 */
export async function bulkActivity(store: Store, rows: number, chunk = 1_000_000): Promise<void> {
  for (let start = 0; start < rows; start += chunk) {
    await store.command(BULK_ACTIVITY_SQL, { start, count: Math.min(chunk, rows - start) });
  }
  // A store that has collected for 30 days has merged its parts; without this, background merges of the fresh
  // parts would compete with the measured queries for the two cores.
  await store.command('OPTIMIZE TABLE wallet_activity FINAL');
  // Nor does it have gigabytes of freshly written pages waiting for the disk: written back during the measurement,
  // they would take the kernel's CPU and the disk from the measured queries.
  spawnSync('sync');
}

const BULK_ACTIVITY_SQL = `
INSERT INTO wallet_activity
  (proxy_wallet, condition_id, asset, activity_type, side, outcome, outcome_index, size, usdc_size, price,
   transaction_hash, fill_seq, title, market_slug, timestamp)
SELECT proxy_wallet, condition_id, asset, activity_type, side, outcome, outcome_index, size, usdc_size, price,
       transaction_hash, fill_seq, title, market_slug, timestamp
FROM (
WITH
  (SELECT groupArray(proxy_wallet) FROM (SELECT DISTINCT proxy_wallet FROM trader_rankings ORDER BY proxy_wallet LIMIT 3000)) AS wallets,
  (SELECT groupArray((condition_id, question, slug, clob_token_ids))
     FROM (SELECT condition_id, any(question) AS question, any(slug) AS slug, any(clob_token_ids) AS clob_token_ids
           FROM markets GROUP BY condition_id ORDER BY condition_id LIMIT 400)) AS mkts
SELECT
  wallets[1 + toUInt32(floor(pow(randUniform(0, 1), 2) * length(wallets)))] AS proxy_wallet,
  mkts[1 + (rand(1) % length(mkts))] AS m,
  tupleElement(m, 1) AS condition_id,
  rand(2) % 2 AS oi,
  if(length(tupleElement(m, 4)) > oi, tupleElement(m, 4)[oi + 1], '') AS asset,
  randUniform(0, 1) AS kind,
  multiIf(kind < 0.92, 'TRADE', kind < 0.95, 'REDEEM', kind < 0.97, 'SPLIT', kind < 0.99, 'MERGE', 'REWARD') AS activity_type,
  if(activity_type = 'TRADE', if(rand(3) % 2 = 0, 'BUY', 'SELL'), '') AS side,
  if(oi = 0, 'Yes', 'No') AS outcome,
  oi AS outcome_index,
  round(least(randLogNormal(4, 1.6), 2000000), 2) AS usdc,
  round(randUniform(0.01, 0.99), 3) AS p,
  round(usdc / p, 2) AS size,
  usdc AS usdc_size,
  p AS price,
  concat('0x', lower(hex(SHA256(toString(number))))) AS transaction_hash,
  0 AS fill_seq,
  tupleElement(m, 2) AS title,
  tupleElement(m, 3) AS market_slug,
  now64(3, 'UTC') - toIntervalMillisecond(rand64(4) % 2592000000) AS timestamp
FROM numbers({start:UInt64}, {count:UInt64}))
SETTINGS max_threads = 0`;
