import {
  readEliteWallets,
  readMarketsHeldBy,
  readMarketsTradedBy,
  readTopMarketsBy24hVolume,
  readWatchableMarkets,
  type EliteWallet,
} from '../store/queries/watchlist-candidates.ts';
import {
  readWatchlistMarkets,
  readWatchlistWallets,
  writeWatchlistMarkets,
  writeWatchlistWallets,
  type WatchlistWalletRow,
} from '../store/state/watchlists.ts';
import { listFollowedWallets, type FollowedWallet } from '../store/state/followed-wallets.ts';
import { chTime } from '../store/time.ts';
import type { Row, Store } from '../store/types.ts';

/** How the watchlist is auto-populated. */
export interface WatchlistOptions {
  /** The leaderboard whose top ranks are the tracked elite wallets. */
  eliteBoard: { category: string; timePeriod: string; orderBy: string };
  /** Ranks 1..eliteTopN of that board are tracked (and auto-added to watchlist_wallets). */
  eliteTopN: number;
  /** A wallet's trade counts as "recent" within this many ms. */
  recentTradeMs: number;
  /** Markets added for their 24 h volume alone. */
  topVolumeMarkets: number;
  /** Most markets watched in total (manual entries included; they are never dropped for the cap). */
  maxMarkets: number;
}

/** A market the feed follows, with its outcome tokens. */
export interface WatchedMarket {
  marketId: string;
  slug: string;
  question: string;
  category: string;
  tokenIds: string[];
  outcomes: string[];
  autoAdded: boolean;
  reason: string;
  priority: number;
}

/** A wallet whose trades are attributed: elite (top ranks) and/or watched (watchlist_wallets). */
export interface TrackedWallet {
  wallet: string;
  name: string;
  rank: number | null;
  score: number | null;
  isElite: boolean;
  isWatched: boolean;
  /** Followed by the trader (followed_wallets): its trades raise alerts. */
  isFollowed?: boolean;
}

/** What a refresh produced. */
export interface WatchlistState {
  markets: WatchedMarket[];
  wallets: Map<string, TrackedWallet>;
  /** The followed wallets with their alert settings. */
  followed: FollowedWallet[];
  added: number;
  removed: number;
}

/** Priority of a market a followed wallet holds or traded: above every elite market (1000 + 10 per elite). */
const FOLLOWED_PRIORITY = 100_000;

interface Candidate {
  marketId: string;
  priority: number;
  reason: string;
}

/**
 * Recomputes the auto part of the watchlist and writes the difference, then returns the active lists.
 * - Elite wallets: ranks 1..eliteTopN of the configured board in the newest trader_rankings snapshot.
 * - Auto markets: those the elite wallets hold (wallet_positions) or traded recently (wallet_activity), ranked by
 *   how many elites are involved, then the top markets by 24 h volume; closed markets never qualify.
 * - Manual entries (auto_added = 0, written by the TUI) are kept as they are: a manual add stays, a manual
 *   removal (removed = 1) keeps the market out of the auto set. Neither is ever auto-removed.
 * - An auto entry that no longer qualifies gets a newer row with removed = 1.
 * Rows are inserted directly (not through the batched writer): the next refresh must read them back.
 */
export async function refreshWatchlist(store: Store, opts: WatchlistOptions, now: number): Promise<WatchlistState> {
  const updatedAt = chTime(now);
  const elites = await readEliteWallets(store, opts.eliteBoard, opts.eliteTopN);
  const eliteWallets = elites.map((e) => e.proxy_wallet.toLowerCase());

  const followed = await listFollowedWallets(store);
  const followedWallets = followed.map((f) => f.wallet);
  const [held, traded, topVolume, current, currentWallets, followedHeld, followedTraded] = await Promise.all([
    readMarketsHeldBy(store, eliteWallets),
    readMarketsTradedBy(store, eliteWallets, now - opts.recentTradeMs),
    readTopMarketsBy24hVolume(store, opts.topVolumeMarkets),
    readWatchlistMarkets(store),
    readWatchlistWallets(store),
    readMarketsHeldBy(store, followedWallets),
    readMarketsTradedBy(store, followedWallets, now - opts.recentTradeMs),
  ]);

  const candidates = new Map<string, Candidate>();
  const eliteCount = new Map<string, { held: number; traded: number }>();
  for (const [id, wallets] of held) eliteCount.set(id, { held: wallets, traded: 0 });
  for (const [id, wallets] of traded) {
    const c = eliteCount.get(id) ?? { held: 0, traded: 0 };
    c.traded = wallets;
    eliteCount.set(id, c);
  }
  for (const [id, c] of eliteCount) {
    const parts = [c.held > 0 ? `held by ${c.held} elite` : '', c.traded > 0 ? `traded by ${c.traded} elite` : ''].filter(Boolean);
    candidates.set(id, { marketId: id, priority: 1000 + 10 * (c.held + c.traded), reason: parts.join(', ') });
  }
  // A followed wallet's open markets come before every elite one (issue 14: "its open markets join the live
  // watchlist"); its recent trades too, so a market it just entered is watched before its positions are re-synced.
  for (const id of new Set([...followedHeld.keys(), ...followedTraded.keys()])) {
    const n = Math.max(followedHeld.get(id) ?? 0, followedTraded.get(id) ?? 0);
    const elite = candidates.get(id);
    const reason = [`followed wallet${n > 1 ? `s (${n})` : ''}`, elite?.reason ?? ''].filter(Boolean).join(', ');
    candidates.set(id, { marketId: id, priority: FOLLOWED_PRIORITY + 10 * n + (elite ? elite.priority - 1000 : 0), reason });
  }
  topVolume.forEach((id, i) => {
    if (!candidates.has(id)) {
      candidates.set(id, { marketId: id, priority: opts.topVolumeMarkets - i, reason: `top 24h volume #${i + 1}` });
    }
  });

  const ids = [...new Set([...candidates.keys(), ...current.map((r) => r.market_id)])];
  const meta = await readWatchableMarkets(store, ids);
  const byId = new Map(current.map((r) => [r.market_id, r]));
  const manual = current.filter((r) => Number(r.auto_added) === 0 && Number(r.removed) === 0);
  const excluded = new Set(current.filter((r) => Number(r.auto_added) === 0 && Number(r.removed) === 1).map((r) => r.market_id));

  const room = Math.max(0, opts.maxMarkets - manual.length);
  const chosen = [...candidates.values()]
    .filter((c) => !excluded.has(c.marketId) && !manual.some((m) => m.market_id === c.marketId))
    .filter((c) => {
      const m = meta.get(c.marketId);
      return m ? Number(m.closed) === 0 && m.clob_token_ids.length > 0 : false;
    })
    .sort((a, b) => b.priority - a.priority || a.marketId.localeCompare(b.marketId))
    .slice(0, room);
  const chosenIds = new Set(chosen.map((c) => c.marketId));

  const writes: Row[] = [];
  let added = 0;
  let removed = 0;
  for (const c of chosen) {
    const prev = byId.get(c.marketId);
    const m = meta.get(c.marketId)!;
    const active = prev && Number(prev.auto_added) === 1 && Number(prev.removed) === 0;
    if (active && prev.auto_added_reason === c.reason && Number(prev.priority) === c.priority && prev.token_ids.length > 0) continue;
    if (!active) added++;
    writes.push({
      market_id: c.marketId,
      market_slug: m.slug,
      question: m.question,
      category: m.category,
      token_ids: m.clob_token_ids,
      outcomes: m.outcomes,
      auto_added: 1,
      auto_added_reason: c.reason,
      priority: c.priority,
      removed: 0,
      created_at: active ? prev.created_at : updatedAt,
      updated_at: updatedAt,
    });
  }
  for (const r of current) {
    if (Number(r.auto_added) !== 1 || Number(r.removed) !== 0 || chosenIds.has(r.market_id)) continue;
    removed++;
    writes.push({ ...r, removed: 1, updated_at: updatedAt });
  }
  await writeWatchlistMarkets(store, writes);

  const markets: WatchedMarket[] = [];
  for (const r of manual) {
    const m = meta.get(r.market_id);
    const tokenIds = r.token_ids.length > 0 ? r.token_ids : (m?.clob_token_ids ?? []);
    const outcomes = r.outcomes.length > 0 ? r.outcomes : (m?.outcomes ?? []);
    markets.push({
      marketId: r.market_id,
      slug: r.market_slug || m?.slug || '',
      question: r.question || m?.question || '',
      category: r.category || m?.category || '',
      tokenIds,
      outcomes,
      autoAdded: false,
      reason: r.auto_added_reason || 'manual',
      priority: Number(r.priority),
    });
  }
  for (const c of chosen) {
    const m = meta.get(c.marketId)!;
    markets.push({
      marketId: c.marketId,
      slug: m.slug,
      question: m.question,
      category: m.category,
      tokenIds: m.clob_token_ids,
      outcomes: m.outcomes,
      autoAdded: true,
      reason: c.reason,
      priority: c.priority,
    });
  }

  const wallets = await refreshWallets(store, elites, currentWallets, updatedAt);
  for (const f of followed) {
    const known = wallets.get(f.wallet);
    wallets.set(f.wallet, { wallet: f.wallet, name: known?.name || f.label, rank: known?.rank ?? null, score: known?.score ?? null, isElite: known?.isElite ?? false, isWatched: true, isFollowed: true });
  }
  return { markets, wallets, followed, added, removed };
}

async function refreshWallets(
  store: Store,
  elites: EliteWallet[],
  current: WatchlistWalletRow[],
  updatedAt: string,
): Promise<Map<string, TrackedWallet>> {
  const byWallet = new Map(current.map((r) => [r.wallet_address.toLowerCase(), r]));
  const eliteSet = new Set<string>();
  const writes: Row[] = [];
  const out = new Map<string, TrackedWallet>();
  for (const e of elites) {
    const wallet = e.proxy_wallet.toLowerCase();
    eliteSet.add(wallet);
    const rank = Number(e.rank);
    const prev = byWallet.get(wallet);
    const manualRemoved = prev && Number(prev.auto_added) === 0 && Number(prev.removed) === 1;
    const isManual = prev && Number(prev.auto_added) === 0;
    if (!isManual && !(prev && Number(prev.removed) === 0 && Number(prev.best_rank) === rank)) {
      writes.push({
        wallet_address: wallet,
        label: e.user_name,
        best_rank: rank,
        category: 'OVERALL',
        auto_added: 1,
        auto_added_reason: `elite rank ${rank}`,
        removed: 0,
        created_at: prev?.created_at ?? updatedAt,
        updated_at: updatedAt,
      });
    }
    out.set(wallet, { wallet, name: e.user_name, rank, score: null, isElite: true, isWatched: !manualRemoved });
  }
  for (const r of current) {
    const wallet = r.wallet_address.toLowerCase();
    if (Number(r.removed) === 1) continue;
    if (Number(r.auto_added) === 1 && !eliteSet.has(wallet)) {
      writes.push({ ...r, removed: 1, updated_at: updatedAt });
      continue;
    }
    const known = out.get(wallet);
    out.set(wallet, {
      wallet,
      name: known?.name || r.label,
      rank: known?.rank ?? (Number(r.best_rank) > 0 ? Number(r.best_rank) : null),
      score: r.elite_score === null ? null : Number(r.elite_score),
      isElite: known?.isElite ?? false,
      isWatched: true,
    });
  }
  await writeWatchlistWallets(store, writes);
  return out;
}
