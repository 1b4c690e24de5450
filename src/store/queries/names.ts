import type { Store } from '../types.ts';
import { onCurrentBoard } from './sql.ts';

/** What the panes know about a wallet's identity. */
export interface WalletName {
  /** Profile name, else leaderboard user name, else pseudonym; '' when none is known. */
  name: string;
  pseudonym: string;
  verified: boolean;
  /** Best rank on the current OVERALL/ALL/PNL board; null when not on it. */
  rank: number | null;
}

interface NameRow {
  wallet: string;
  name: string;
  pseudonym: string;
  profileVerified: number;
  userName: string;
  boardVerified: number;
  boardRank: number;
  boardRows: number | string;
}

/**
 * Name, verified badge and current board rank of `wallets` from trader_profiles and trader_rankings, in one
 * statement (the watchlist uses rank and badge). The panes need only names and read them from the wallet_names
 * dictionary inside their own statement (sql.ts `walletName`). A wallet missing from a table gets that side's
 * defaults ('' and 0), which read as "unknown".
 */
export async function lookupNames(store: Store, wallets: readonly string[]): Promise<Map<string, WalletName>> {
  const unique = [...new Set(wallets)];
  const out = new Map<string, WalletName>();
  if (unique.length === 0) return out;
  const rows = await store.query<NameRow>(
    `SELECT w.wallet AS wallet, p.name AS name, p.pseudonym AS pseudonym, p.verified AS profileVerified,
            b.userName AS userName, b.verified AS boardVerified, b.boardRank AS boardRank, b.boardRows AS boardRows
     FROM (SELECT arrayJoin({wallets:Array(String)}) AS wallet) AS w
     LEFT JOIN (
       SELECT proxy_wallet, argMax(name, updated_at) AS name, argMax(pseudonym, updated_at) AS pseudonym,
              argMax(verified_badge, updated_at) AS verified
       FROM trader_profiles WHERE proxy_wallet IN {wallets:Array(String)} GROUP BY proxy_wallet
     ) AS p ON p.proxy_wallet = w.wallet
     LEFT JOIN (
       SELECT proxy_wallet, argMax(user_name, snapshot_time) AS userName, max(verified_badge) AS verified,
              minIf(rank, onBoard) AS boardRank, countIf(onBoard) AS boardRows
       FROM (
         SELECT proxy_wallet, user_name, snapshot_time, verified_badge, rank,
                category = 'OVERALL' AND time_period = 'ALL' AND order_by = 'PNL'
                  AND ${onCurrentBoard("'OVERALL'", "'ALL'", "'PNL'")} AS onBoard
         FROM trader_rankings FINAL WHERE proxy_wallet IN {wallets:Array(String)}
       )
       GROUP BY proxy_wallet
     ) AS b ON b.proxy_wallet = w.wallet
     SETTINGS join_use_nulls = 0`,
    { wallets: unique },
  );
  for (const r of rows) {
    const name = [r.name, r.userName, r.pseudonym].find((n) => n.trim() !== '') ?? '';
    out.set(r.wallet, {
      name,
      pseudonym: r.pseudonym,
      verified: Number(r.profileVerified) === 1 || Number(r.boardVerified) === 1,
      rank: Number(r.boardRows) > 0 ? Number(r.boardRank) : null,
    });
  }
  return out;
}

/** The name of `wallet` in `names`, '' when unknown. */
export const nameOf = (names: Map<string, WalletName>, wallet: string): string => names.get(wallet)?.name ?? '';
