import type { Store } from '../types.ts';
import { BOARD_SYNC_SPAN_MINUTES } from './sql.ts';

/** What the panes know about a wallet's identity. */
export interface WalletName {
  /** Profile name, else leaderboard user name, else pseudonym; '' when none is known. */
  name: string;
  pseudonym: string;
  verified: boolean;
  /** Best rank on the current OVERALL/ALL/PNL board; null when not on it. */
  rank: number | null;
}

interface ProfileRow {
  wallet: string;
  name: string;
  pseudonym: string;
  verified: number;
}

interface BoardRow {
  wallet: string;
  userName: string;
  boardRank: number;
  boardRows: number | string;
  verified: number;
}

/**
 * Names of `wallets` from trader_profiles and trader_rankings (two small indexed look-ups run after the main
 * query has picked its rows, so a join never runs over the big tables).
 */
export async function lookupNames(store: Store, wallets: readonly string[]): Promise<Map<string, WalletName>> {
  const unique = [...new Set(wallets)];
  const out = new Map<string, WalletName>();
  if (unique.length === 0) return out;
  const [profiles, boards] = await Promise.all([
    store.query<ProfileRow>(
      `SELECT proxy_wallet AS wallet, argMax(name, updated_at) AS name, argMax(pseudonym, updated_at) AS pseudonym,
              argMax(verified_badge, updated_at) AS verified
       FROM trader_profiles WHERE proxy_wallet IN {wallets:Array(String)} GROUP BY proxy_wallet`,
      { wallets: unique },
    ),
    store.query<BoardRow>(
      `SELECT proxy_wallet AS wallet, argMax(user_name, snapshot_time) AS userName, max(verified_badge) AS verified,
              minIf(rank, onBoard) AS boardRank, countIf(onBoard) AS boardRows
       FROM (
         SELECT proxy_wallet, user_name, snapshot_time, verified_badge, rank,
                category = 'OVERALL' AND time_period = 'ALL' AND order_by = 'PNL' AND snapshot_time >= (
                  SELECT max(snapshot_time) FROM trader_rankings
                  WHERE category = 'OVERALL' AND time_period = 'ALL' AND order_by = 'PNL'
                ) - INTERVAL ${BOARD_SYNC_SPAN_MINUTES} MINUTE AS onBoard
         FROM trader_rankings FINAL WHERE proxy_wallet IN {wallets:Array(String)}
       )
       GROUP BY proxy_wallet`,
      { wallets: unique },
    ),
  ]);
  const profileBy = new Map(profiles.map((p) => [p.wallet, p]));
  const boardBy = new Map(boards.map((b) => [b.wallet, b]));
  for (const wallet of unique) {
    const p = profileBy.get(wallet);
    const b = boardBy.get(wallet);
    const name = [p?.name, b?.userName, p?.pseudonym].find((n) => n !== undefined && n.trim() !== '') ?? '';
    out.set(wallet, {
      name,
      pseudonym: p?.pseudonym ?? '',
      verified: Number(p?.verified ?? 0) === 1 || Number(b?.verified ?? 0) === 1,
      rank: b !== undefined && Number(b.boardRows) > 0 ? Number(b.boardRank) : null,
    });
  }
  return out;
}

/** The name of `wallet` in `names`, '' when unknown. */
export const nameOf = (names: Map<string, WalletName>, wallet: string): string => names.get(wallet)?.name ?? '';
