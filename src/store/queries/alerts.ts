/**
 * The alert log (`alerts_sent`, schema/051): what the Alerts view lists and what seeds the quiet period at start.
 */
import { msParam, toMs } from './sql.ts';
import type { Store } from '../types.ts';

/** One sent alert as the Alerts view shows it. Times in epoch ms. */
export interface AlertLogRow {
  alertId: string;
  kind: 'trade' | 'signal';
  wallet: string;
  walletName: string;
  marketId: string;
  question: string;
  category: string;
  side: string;
  outcome: string;
  sizeUsd: number;
  price: number;
  confidence: string;
  summary: string;
  channels: string[];
  webhookStatus: number;
  webhookError: string;
  sentAt: number;
}

/** The newest `limit` alerts sent, newest first. */
export async function listAlertsSent(store: Store, limit = 200, signal?: AbortSignal): Promise<AlertLogRow[]> {
  const rows = await store.query<AlertLogRow>(
    `SELECT alert_id AS alertId, kind, wallet_address AS wallet, wallet_name AS walletName, market_id AS marketId,
            question, category, side, outcome, size_usd AS sizeUsd, price, confidence, summary, channels,
            webhook_status AS webhookStatus, webhook_error AS webhookError, ${toMs('sent_at')} AS sentAt
     FROM alerts_sent FINAL
     ORDER BY sent_at DESC, alert_id
     LIMIT {limit:UInt32}`,
    { limit },
    signal,
  );
  return rows.map((r) => ({ ...r, sizeUsd: Number(r.sizeUsd), price: Number(r.price), webhookStatus: Number(r.webhookStatus), sentAt: Number(r.sentAt) }));
}

/** Each (wallet, market) pair's newest alert since `sinceMs`: the quiet period continues from it after a restart. */
export async function readRecentAlerts(store: Store, sinceMs: number): Promise<{ wallet: string; marketId: string; sentAt: number }[]> {
  const rows = await store.query<{ wallet: string; marketId: string; sentAt: number }>(
    `SELECT wallet_address AS wallet, market_id AS marketId, ${toMs('max(sent_at)')} AS sentAt
     FROM alerts_sent WHERE sent_at >= ${msParam('since')}
     GROUP BY wallet_address, market_id`,
    { since: Math.floor(sinceMs) },
  );
  return rows.map((r) => ({ ...r, sentAt: Number(r.sentAt) }));
}
