/**
 * Followed wallets and their alert settings: `followed_wallets` (schema/050_followed_wallets.sql), a
 * ReplacingMergeTree(updated_at) whose newest row of a wallet is its state. Following is one concept: `w` in the TUI,
 * `whaletop follow` / `unfollow`, the sync queue (followed wallets first), the live watchlist (their open markets)
 * and trade alerts all read this table. Rows are inserted directly (not through the batched writer): the caller
 * reads them back at once.
 */
import { sanitizeText } from '../../lib/sanitize.ts';
import { chTime } from '../time.ts';
import type { Store } from '../types.ts';

/** A polymarket proxy wallet: 0x + 40 hex digits. */
export const WALLET_ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** Per-wallet alert settings. */
export interface FollowAlertSettings {
  /** Trade alerts for this wallet on or off. */
  alertsEnabled: boolean;
  /** A trade smaller than this (USDC) raises no alert; 0 = every trade. */
  minTradeUsd: number;
  /** Quiet period after an alert for the same wallet and market, seconds; null = the global default. */
  quietSeconds: number | null;
}

/** One followed wallet as stored. */
export interface FollowedWallet extends FollowAlertSettings {
  /** Lower-case address. */
  wallet: string;
  /** The name known when it was followed ('' when none). */
  label: string;
  /** When it was (last) followed, epoch ms. */
  followedAt: number;
}

/** The default settings of a newly followed wallet: alerts on, every trade, the global quiet period. */
export const DEFAULT_FOLLOW_SETTINGS: FollowAlertSettings = { alertsEnabled: true, minTradeUsd: 0, quietSeconds: null };

interface FollowRow {
  wallet_address: string;
  label: string;
  followed: number | string;
  alerts_enabled: number | string;
  min_trade_usd: number;
  quiet_seconds: number | string;
  followedAt: number;
  updatedAt: number;
}

const SELECT_NEWEST = `SELECT wallet_address, label, followed, alerts_enabled, min_trade_usd, quiet_seconds,
            toFloat64(toUnixTimestamp64Milli(followed_at)) AS followedAt,
            toFloat64(toUnixTimestamp64Milli(updated_at)) AS updatedAt
     FROM followed_wallets FINAL`;

const toFollowed = (r: FollowRow): FollowedWallet => ({
  wallet: r.wallet_address,
  label: r.label,
  alertsEnabled: Number(r.alerts_enabled) === 1,
  minTradeUsd: Number(r.min_trade_usd),
  quietSeconds: Number(r.quiet_seconds) < 0 ? null : Number(r.quiet_seconds),
  followedAt: Number(r.followedAt),
});

/** Lower-cases a wallet address; throws a clear message for anything that is not 0x + 40 hex. */
export function normaliseWallet(wallet: string): string {
  const w = wallet.trim();
  if (!WALLET_ADDRESS.test(w)) throw new Error(`not a wallet address (0x + 40 hex digits): ${sanitizeText(w).slice(0, 64)}`);
  return w.toLowerCase();
}

/** Every followed wallet (unfollowed ones left out), oldest follow first. The sync queue puts these first. */
export async function listFollowedWallets(store: Store, signal?: AbortSignal): Promise<FollowedWallet[]> {
  const rows = await store.query<FollowRow>(`${SELECT_NEWEST} WHERE followed = 1 ORDER BY followed_at, wallet_address`, {}, signal);
  return rows.map(toFollowed);
}

/** One wallet's newest row, followed or not; undefined when it was never followed. */
async function readFollowRow(store: Store, wallet: string): Promise<FollowRow | undefined> {
  const rows = await store.query<FollowRow>(`${SELECT_NEWEST} WHERE wallet_address = {wallet:String}`, { wallet });
  return rows[0];
}

/** The followed wallet, or undefined when `wallet` is not followed. */
export async function getFollowedWallet(store: Store, wallet: string): Promise<FollowedWallet | undefined> {
  const row = await readFollowRow(store, normaliseWallet(wallet));
  return row && Number(row.followed) === 1 ? toFollowed(row) : undefined;
}

/** A version strictly newer than the previous row, so two changes within one millisecond still order. */
const nextVersion = (prev: FollowRow | undefined, now: number): number => Math.max(now, prev ? Number(prev.updatedAt) + 1 : 0);

async function writeFollow(store: Store, wallet: string, prev: FollowRow | undefined, change: Partial<FollowedWallet> & { followed: boolean }, now: number): Promise<FollowedWallet> {
  const version = nextVersion(prev, now);
  const base = prev ? toFollowed(prev) : { wallet, label: '', followedAt: version, ...DEFAULT_FOLLOW_SETTINGS };
  const wasFollowed = prev !== undefined && Number(prev.followed) === 1;
  const next: FollowedWallet = {
    ...base,
    ...change,
    wallet,
    label: sanitizeText(change.label ?? base.label),
    followedAt: change.followed && !wasFollowed ? version : base.followedAt,
  };
  await store.insert('followed_wallets', [
    {
      wallet_address: wallet,
      label: next.label,
      followed: change.followed ? 1 : 0,
      alerts_enabled: next.alertsEnabled ? 1 : 0,
      min_trade_usd: next.minTradeUsd,
      quiet_seconds: next.quietSeconds ?? -1,
      followed_at: chTime(next.followedAt),
      updated_at: chTime(version),
    },
  ]);
  return next;
}

/** Follows `wallet` (keeping the settings of an earlier follow); `label` is the name to show. */
export async function followWallet(store: Store, wallet: string, opts: { label?: string; now?: number } = {}): Promise<FollowedWallet> {
  const address = normaliseWallet(wallet);
  const prev = await readFollowRow(store, address);
  const label = opts.label !== undefined && opts.label !== '' ? opts.label : undefined;
  return writeFollow(store, address, prev, { followed: true, ...(label !== undefined ? { label } : {}) }, opts.now ?? Date.now());
}

/** Unfollows `wallet`; resolves to false when it was not followed (nothing written). */
export async function unfollowWallet(store: Store, wallet: string, now = Date.now()): Promise<boolean> {
  const address = normaliseWallet(wallet);
  const prev = await readFollowRow(store, address);
  if (!prev || Number(prev.followed) !== 1) return false;
  await writeFollow(store, address, prev, { followed: false }, now);
  return true;
}

/** Follows `wallet` when it is not followed, unfollows it when it is; resolves to true when it is now followed. */
export async function toggleFollowWallet(store: Store, wallet: string, opts: { label?: string; now?: number } = {}): Promise<boolean> {
  const address = normaliseWallet(wallet);
  const prev = await readFollowRow(store, address);
  const now = opts.now ?? Date.now();
  if (prev && Number(prev.followed) === 1) {
    await writeFollow(store, address, prev, { followed: false }, now);
    return false;
  }
  await followWallet(store, address, { ...opts, now });
  return true;
}

/** Changes a followed wallet's alert settings; throws when the wallet is not followed. */
export async function setFollowAlertSettings(store: Store, wallet: string, settings: Partial<FollowAlertSettings>, now = Date.now()): Promise<FollowedWallet> {
  const address = normaliseWallet(wallet);
  const prev = await readFollowRow(store, address);
  if (!prev || Number(prev.followed) !== 1) throw new Error(`not followed: ${address}`);
  if (settings.minTradeUsd !== undefined && !(settings.minTradeUsd >= 0)) throw new Error(`minimum trade size must be ≥ 0 USDC: ${settings.minTradeUsd}`);
  if (settings.quietSeconds != null && !(settings.quietSeconds >= 0)) throw new Error(`quiet period must be ≥ 0 s: ${settings.quietSeconds}`);
  return writeFollow(store, address, prev, { ...settings, followed: true }, now);
}
