import type { Config } from '../config/index.ts';
import { fileLogger } from '../lib/log.ts';
import { sanitizeText, stringifyJsonSafe } from '../lib/sanitize.ts';
import { errorMessage } from '../lib/error-message.ts';
import { gradeLines, scoreLines } from '../store/metrics/explain.ts';
import { getWalletScores } from '../store/metrics/scores.ts';
import { openConfiguredStore } from './store.ts';
import type { Output } from './output.ts';

const WALLET = /^0x[0-9a-fA-F]{40}$/;

/**
 * `whaletop score <wallet> [--json]`: every factor of a wallet's grade, whale score and insider score, and its
 * omega per category, as the store last computed them (the wallet-scores job).
 */
export async function scoreCommand(config: Config, out: Output): Promise<number> {
  const wallet = (config.scoreWallet ?? '').trim();
  if (!WALLET.test(wallet)) {
    out.error(`score: '${sanitizeText(wallet)}' is not a wallet address (0x and 40 hex digits)`);
    return 2;
  }
  const logger = fileLogger(config.logFile as string, config.logLevel);
  const opened = await openConfiguredStore(config, logger, out);
  if (!opened) {
    await logger.close();
    return 1;
  }
  try {
    const rows = await getWalletScores(opened.store, wallet);
    if (rows.length === 0) {
      out.error(`score: no scores for ${wallet.toLowerCase()} (not synced yet, or no trades in the store)`);
      return 1;
    }
    if (config.queryFormat === 'json') {
      out.print(stringifyJsonSafe(rows, 2));
      return 0;
    }
    out.print(formatScore(rows, Date.now()));
    return 0;
  } catch (err) {
    out.error(`score failed: ${errorMessage(err)}`);
    return 1;
  } finally {
    await opened.store.close();
    await logger.close();
  }
}

/** The text `whaletop score` prints: overall factors, then one omega line per category. */
export function formatScore(rows: Awaited<ReturnType<typeof getWalletScores>>, now: number): string {
  const overall = rows.find((r) => r.category === 'OVERALL') ?? rows[0]!;
  const lines = [...gradeLines(overall), ...scoreLines(overall, now)];
  const width = Math.max(...lines.map((l) => l.label.length));
  const out = [`Wallet ${overall.wallet}`, ...lines.map((l) => `${l.label.padEnd(width)}  ${sanitizeText(l.value)}`), '', 'By category:'];
  for (const r of rows.filter((x) => x.category !== 'OVERALL')) {
    out.push(`  ${sanitizeText(r.category).padEnd(14)} grade ${r.grade === '' ? '—' : r.grade}  omega ${r.omegaShrunk.toFixed(2)}  settled ${r.settledMarkets}  PnL ${r.realizedPnl.toFixed(0)}`);
  }
  return out.join('\n');
}
