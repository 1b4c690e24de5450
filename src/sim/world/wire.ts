/**
 * Renders internal state into the exact wire shapes of the Data API and Gamma (field names and order as in
 * test/fixtures/polymarket): Data API numbers are JSON numbers and timestamps unix seconds; Gamma
 * `outcomes`/`outcomePrices`/`clobTokenIds` are JSON arrays inside strings and market `volume` is a string.
 */
import type { Engine } from './engine.ts';
import { CATEGORY_TAGS } from './names.ts';
import { positionKey, type SimAct, type SimMarket, type SimPosition, type SimWallet } from './types.ts';

const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;
const iso = (ms: number): string => new Date(ms).toISOString();
const day = (ms: number): string => iso(ms).slice(0, 10);

/** Current mid price (0..1) of an outcome; resolved markets give 1 or 0. */
export function curPrice(m: SimMarket, outcome: 0 | 1): number {
  return (outcome === 0 ? m.price : 1000 - m.price) / 1000;
}

function icon(m: SimMarket): string {
  return `https://example.com/markets/${m.idx}.png`;
}

/** Profile columns Data API rows repeat (empty strings for wallets without a profile). */
function who(w: SimWallet): Record<string, string> {
  return {
    name: w.profile?.name ?? '',
    pseudonym: w.pseudonym,
    bio: w.profile?.bio ?? '',
    profileImage: w.profile?.profileImage ?? '',
    profileImageOptimized: w.profile?.profileImage ?? '',
  };
}

/** An /activity row. */
export function activityRow(e: Engine, a: SimAct): Record<string, unknown> {
  const m = e.markets[a.marketIdx]!;
  const w = e.wallets[a.walletIdx]!;
  const event = e.events[m.eventIdx]!;
  const p = who(w);
  return {
    proxyWallet: w.address,
    timestamp: Math.floor(a.ts / 1000),
    conditionId: m.conditionId,
    type: a.type,
    size: a.size,
    usdcSize: a.usdc,
    transactionHash: e.txHash(a),
    price: a.price,
    asset: m.tokens[a.outcomeIndex],
    side: a.side,
    outcomeIndex: a.outcomeIndex,
    title: m.question,
    slug: m.slug,
    icon: icon(m),
    eventSlug: event.slug,
    outcome: m.outcomes[a.outcomeIndex],
    name: p.name,
    pseudonym: p.pseudonym,
    bio: p.bio,
    profileImage: p.profileImage,
    profileImageOptimized: p.profileImageOptimized,
  };
}

/** A /trades row; `sentinel` replaces outcomeIndex by 999 as some global-feed rows do. */
export function tradeRow(e: Engine, a: SimAct, sentinel = false): Record<string, unknown> {
  const m = e.markets[a.marketIdx]!;
  const w = e.wallets[a.walletIdx]!;
  const p = who(w);
  return {
    proxyWallet: w.address,
    side: a.side,
    asset: m.tokens[a.outcomeIndex],
    conditionId: m.conditionId,
    size: a.size,
    price: a.price,
    timestamp: Math.floor(a.ts / 1000),
    title: m.question,
    slug: m.slug,
    icon: icon(m),
    eventSlug: e.events[m.eventIdx]!.slug,
    outcome: m.outcomes[a.outcomeIndex],
    outcomeIndex: sentinel ? 999 : a.outcomeIndex,
    name: p.name,
    pseudonym: p.pseudonym,
    bio: p.bio,
    profileImage: p.profileImage,
    profileImageOptimized: p.profileImageOptimized,
    transactionHash: e.txHash(a),
  };
}

/** A /positions row. */
export function positionRow(e: Engine, w: SimWallet, pos: SimPosition): Record<string, unknown> {
  const m = e.markets[pos.marketIdx]!;
  const o = pos.outcomeIndex;
  const price = curPrice(m, o);
  const initialValue = round(pos.cost, 6);
  const currentValue = round(pos.size * price, 6);
  const cashPnl = round(currentValue - initialValue, 6);
  const percentPnl = initialValue > 0 ? round((cashPnl / initialValue) * 100, 4) : 0;
  const opposite = (1 - o) as 0 | 1;
  const event = e.events[m.eventIdx]!;
  return {
    proxyWallet: w.address,
    asset: m.tokens[o],
    conditionId: m.conditionId,
    size: pos.size,
    avgPrice: pos.size > 0 ? round(pos.cost / pos.size, 4) : 0,
    initialValue,
    grossInitialValue: initialValue,
    entryFeesUsdc: 0,
    currentValue,
    cashPnl,
    percentPnl,
    totalBought: pos.totalBought,
    realizedPnl: round(pos.realizedPnl, 6),
    percentRealizedPnl: pos.boughtCost > 0 ? round((pos.realizedPnl / pos.boughtCost) * 100, 4) : 0,
    curPrice: price,
    redeemable: m.closed && pos.size > 0,
    mergeable: (w.positions.get(positionKey(m.idx, opposite))?.size ?? 0) > 0,
    title: m.question,
    slug: m.slug,
    icon: icon(m),
    eventId: event.id,
    eventSlug: event.slug,
    outcome: m.outcomes[o],
    outcomeIndex: o,
    oppositeOutcome: m.outcomes[opposite],
    oppositeAsset: m.tokens[opposite],
    endDate: day(m.endDate),
    negativeRisk: false,
  };
}

/** A /closed-positions row. */
export function closedPositionRow(e: Engine, w: SimWallet, pos: SimPosition): Record<string, unknown> {
  const m = e.markets[pos.marketIdx]!;
  const o = pos.outcomeIndex;
  const opposite = (1 - o) as 0 | 1;
  return {
    proxyWallet: w.address,
    asset: m.tokens[o],
    conditionId: m.conditionId,
    avgPrice: pos.totalBought > 0 ? round(pos.boughtCost / pos.totalBought, 4) : 0,
    totalBought: pos.totalBought,
    realizedPnl: round(pos.realizedPnl, 6),
    curPrice: curPrice(m, o),
    title: m.question,
    slug: m.slug,
    icon: icon(m),
    eventSlug: e.events[m.eventIdx]!.slug,
    outcome: m.outcomes[o],
    outcomeIndex: o,
    oppositeOutcome: m.outcomes[opposite],
    oppositeAsset: m.tokens[opposite],
    endDate: day(m.endDate),
    timestamp: Math.floor((pos.closedAt ?? 0) / 1000),
  };
}

/** A /holders holder row. */
export function holderRow(e: Engine, m: SimMarket, outcome: 0 | 1, walletIdx: number, amount: number): Record<string, unknown> {
  const w = e.wallets[walletIdx]!;
  const p = who(w);
  return {
    proxyWallet: w.address,
    bio: p.bio,
    asset: m.tokens[outcome],
    pseudonym: p.pseudonym,
    amount,
    displayUsernamePublic: w.profile?.displayUsernamePublic ?? false,
    outcomeIndex: outcome,
    name: p.name,
    profileImage: p.profileImage,
    profileImageOptimized: p.profileImageOptimized,
    verified: w.profile?.verified ?? false,
  };
}

/** A /public-profile body, or null for wallets without a profile (→ 404). */
export function profileBody(w: SimWallet): Record<string, unknown> | null {
  const p = w.profile;
  if (!p) return null;
  return {
    $schema: 'https://gamma-api.polymarket.com/schemas/PublicProfileResponse.json',
    createdAt: iso(p.createdAt),
    proxyWallet: w.address,
    profileImage: p.profileImage,
    displayUsernamePublic: p.displayUsernamePublic,
    bio: p.bio,
    pseudonym: w.pseudonym,
    name: p.name,
    users: [{ id: p.userId, creator: true, mod: false, communityMod: false }],
    xUsername: p.xUsername,
    verifiedBadge: p.verified,
    takerTier: p.takerTier,
    takerTierName: ['None', 'Bronze', 'Silver', 'Gold', 'Platinum'][p.takerTier] ?? 'None',
    weightedVolume: round(w.vol[0]!, 6),
  };
}

/** Volume of a market's trades since `from` (ms). O(trades in window). */
function volumeSince(e: Engine, m: SimMarket, from: number): number {
  let v = 0;
  for (let i = m.trades.length - 1; i >= 0; i--) {
    const a = e.acts[m.trades[i]!]!;
    if (a.ts < from) break;
    v += a.usdc;
  }
  return round(v, 6);
}

/** A Gamma tag object (fields of the live capture; dates fixed). */
function gammaTag(tag: { id: string; label: string; slug: string }): Record<string, unknown> {
  return {
    id: tag.id, label: tag.label, slug: tag.slug, forceShow: false, publishedAt: '2023-11-02 22:05:44.425+00',
    createdAt: '2023-11-02T22:05:44.48Z', updatedAt: '2026-04-17T20:47:56.524437Z', isCarousel: false, requiresTranslation: false,
  };
}

/** Gamma market fields that never vary in the simulated world (present so shapes match the live capture). */
const GAMMA_MARKET_CONSTANTS = {
  $schema: 'https://gamma-api.polymarket.com/schemas/Market.json',
  new: false,
  featured: false,
  groupItemTitle: '',
  groupItemThreshold: '0',
  hasReviewedDates: true,
  comboStatus: 'pending',
  umaBond: '500',
  umaReward: '5',
  makerBaseFee: 1000,
  takerBaseFee: 1000,
  customLiveness: 0,
  negRiskRequestID: '',
  ready: false,
  funded: false,
  cyom: false,
  pagerDutyNotificationEnabled: false,
  approved: true,
  rewardsMinSize: 200,
  rewardsMaxSpread: 3.5,
  automaticallyActive: true,
  clearBookOnStart: true,
  manualActivation: false,
  negRiskOther: false,
  pendingDeployment: false,
  deploying: false,
  rfqEnabled: false,
  holdingRewardsEnabled: false,
  feesEnabled: true,
  requiresTranslation: false,
} as const;

/** A Gamma market object (the fields of the live capture that matter, same types). */
export function gammaMarket(e: Engine, m: SimMarket): Record<string, unknown> {
  const now = e.now;
  const total = round(m.baseVolume + m.volume, 6);
  const prices = m.closed ? (m.winner === 0 ? ['1', '0'] : ['0', '1']) : [String(curPrice(m, 0)), String(curPrice(m, 1))];
  const last = m.lastTrade[0];
  const tick = m.tick / 1000;
  const event = e.events[m.eventIdx]!;
  const tag = CATEGORY_TAGS[m.category];
  return {
    id: m.gammaId,
    question: m.question,
    conditionId: m.conditionId,
    slug: m.slug,
    resolutionSource: '',
    endDate: iso(m.endDate).replace('.000Z', 'Z'),
    category: tag.label,
    liquidity: String(m.liquidity),
    startDate: iso(m.createdAt),
    image: icon(m),
    icon: icon(m),
    description: `This market will resolve according to its question: ${m.question}`,
    outcomes: JSON.stringify(m.outcomes).replace(/","/g, '", "'),
    outcomePrices: JSON.stringify(prices).replace(/","/g, '", "'),
    volume: String(total),
    active: true,
    closed: m.closed,
    ...(m.closedAt !== null ? { closedTime: iso(m.closedAt).replace('T', ' ').replace(/\.\d+Z$/, '+00') } : {}),
    createdAt: iso(m.createdAt),
    updatedAt: iso(Math.max(m.lastTradeAt, m.createdAt)),
    archived: false,
    restricted: true,
    questionID: m.questionId,
    enableOrderBook: true,
    orderPriceMinTickSize: tick,
    orderMinSize: 5,
    volumeNum: total,
    liquidityNum: m.liquidity,
    endDateIso: day(m.endDate),
    startDateIso: day(m.createdAt),
    volume24hr: volumeSince(e, m, now - 86_400_000),
    volume1wk: volumeSince(e, m, now - 7 * 86_400_000),
    volume1mo: volumeSince(e, m, now - 30 * 86_400_000),
    volume1yr: total,
    clobTokenIds: JSON.stringify(m.tokens).replace(/","/g, '", "'),
    umaResolutionStatuses: m.closed ? '["resolved"]' : '[]',
    volumeClob: total,
    acceptingOrders: !m.closed,
    negRisk: false,
    eventSlug: event.slug,
    events: [{ id: event.id, slug: event.slug, title: event.title }],
    tags: [gammaTag(tag)],
    ...GAMMA_MARKET_CONSTANTS,
    marketMakerAddress: '',
    submitted_by: '0x91430CaD2d3975766499717fA0D66A78D814E5c5',
    resolvedBy: '0x157Ce2d672854c848c9b79C49a8Cc6cc89176a49',
    volume1wkClob: volumeSince(e, m, now - 7 * 86_400_000),
    volume1moClob: volumeSince(e, m, now - 30 * 86_400_000),
    volume1yrClob: total,
    volume24hrClob: volumeSince(e, m, now - 86_400_000),
    liquidityClob: m.liquidity,
    acceptingOrdersTimestamp: iso(m.createdAt).replace(/\.\d+Z$/, 'Z'),
    deployingTimestamp: iso(m.createdAt),
    positionIds: [m.tokens[0].slice(0, 75), m.tokens[1].slice(0, 75)],
    clobRewards: [],
    competitive: 0.8,
    oneDayPriceChange: 0,
    oneWeekPriceChange: 0,
    oneMonthPriceChange: 0,
    oneYearPriceChange: 0,
    feeType: `${tag.slug}_fees`,
    feeSchedule: { exponent: 1, rate: 0.04, takerOnly: true, rebateRate: 0.25 },
    spread: m.closed ? 0 : round((2 * m.tick) / 1000, 3),
    lastTradePrice: last === null ? 0 : last / 1000,
    bestBid: m.closed ? 0 : round((m.price - m.tick) / 1000, 3),
    bestAsk: m.closed ? 0 : round((m.price + m.tick) / 1000, 3),
    version: 'v1',
  };
}

/** A Gamma event object with its markets embedded (event `volume`/`liquidity` are numbers). */
export function gammaEvent(e: Engine, idx: number): Record<string, unknown> {
  const ev = e.events[idx]!;
  const markets = ev.markets.map((i) => gammaMarket(e, e.markets[i]!));
  const closed = ev.markets.every((i) => e.markets[i]!.closed);
  const sum = (k: string): number => round(markets.reduce((s, m) => s + (m[k] as number), 0), 6);
  const first = e.markets[ev.markets[0]!]!;
  const tag = CATEGORY_TAGS[ev.category];
  return {
    id: ev.id,
    ticker: ev.slug,
    slug: ev.slug,
    title: ev.title,
    description: ev.title,
    startDate: iso(ev.createdAt),
    creationDate: iso(ev.createdAt),
    endDate: iso(first.endDate).replace('.000Z', 'Z'),
    active: true,
    closed,
    archived: false,
    liquidity: sum('liquidityNum'),
    volume: sum('volumeNum'),
    volume24hr: sum('volume24hr'),
    volume1wk: sum('volume1wk'),
    volume1mo: sum('volume1mo'),
    category: tag.label,
    createdAt: iso(ev.createdAt),
    updatedAt: iso(Math.max(...ev.markets.map((i) => e.markets[i]!.lastTradeAt))),
    markets,
    tags: [gammaTag(tag)],
    $schema: 'https://gamma-api.polymarket.com/schemas/Event.json',
    resolutionSource: '',
    image: `https://example.com/events/${ev.idx}.png`,
    icon: `https://example.com/events/${ev.idx}.png`,
    new: false,
    featured: false,
    restricted: true,
    openInterest: 0,
    sortBy: 'volume',
    published_at: iso(ev.createdAt).replace('T', ' ').replace('Z', '+00'),
    competitive: 0.8,
    volume1yr: sum('volume1yr'),
    liquidityAmm: 0,
    liquidityClob: sum('liquidityNum'),
    commentCount: (ev.idx * 37) % 500,
    cyom: false,
    ...(closed ? { closedTime: iso(Math.max(...ev.markets.map((i) => e.markets[i]!.closedAt ?? 0))) } : {}),
    showAllOutcomes: false,
    showMarketImages: true,
    enableNegRisk: false,
    negRiskAugmented: false,
    pendingDeployment: false,
    deploying: false,
    requiresTranslation: false,
    negRisk: false,
    version: 'v1',
  };
}
