import { z } from 'zod';
import type { Market, PublicProfile } from './types.ts';
import {
  conditionId,
  dateOrNull,
  flag,
  idString,
  numberOr,
  stringifiedNumbers,
  stringifiedStrings,
  text,
  wallet,
} from './wire.ts';

/**
 * Zod schemas of the Gamma API (POLYMARKET_API.md §2). Market money fields: `volume`/`liquidity` are strings on
 * markets and numbers on events, so both forms are accepted; the numeric `volumeNum`/`liquidityNum` win when
 * present. Dates come in RFC 3339 (micro/milli), date-only or Postgres style.
 */

const tagSchema = z.object({ label: text, slug: text }).loose();

/** One Gamma market → {@link Market}. `eventSlug` is taken from the first nested event when present. */
export const marketSchema: z.ZodType<Market> = z
  .object({
    id: idString,
    conditionId,
    question: text,
    slug: text,
    category: text,
    tags: z.array(tagSchema).nullish().transform((t) => t ?? []),
    events: z
      .array(z.object({ slug: text }).loose())
      .nullish()
      .transform((e) => e ?? []),
    outcomes: stringifiedStrings,
    outcomePrices: stringifiedNumbers,
    clobTokenIds: stringifiedStrings,
    volume: numberOr(0),
    volumeNum: numberOr(Number.NaN),
    volume24hr: numberOr(0),
    liquidity: numberOr(0),
    liquidityNum: numberOr(Number.NaN),
    active: flag,
    closed: flag,
    endDate: dateOrNull,
    endDateIso: dateOrNull,
    updatedAt: dateOrNull,
  })
  .transform(
    (m): Market => ({
      gammaId: m.id,
      conditionId: m.conditionId,
      question: m.question,
      slug: m.slug,
      eventSlug: m.events[0]?.slug ?? '',
      category: m.category,
      tags: m.tags.map((t) => t.label).filter((l) => l !== ''),
      outcomes: m.outcomes,
      outcomePrices: m.outcomePrices,
      clobTokenIds: m.clobTokenIds,
      volume: Number.isNaN(m.volumeNum) ? m.volume : m.volumeNum,
      volume24hr: m.volume24hr,
      liquidity: Number.isNaN(m.liquidityNum) ? m.liquidity : m.liquidityNum,
      active: m.active,
      closed: m.closed,
      endDate: m.endDate ?? m.endDateIso,
      updatedAt: m.updatedAt,
    }),
  );

/**
 * The envelope of one Gamma event. Its `markets` stay unparsed so the client validates each market on its own
 * (a bad market is dropped and counted, the event and its other markets kept).
 */
export const eventEnvelopeSchema = z.object({
  id: idString,
  slug: text,
  title: text,
  category: text,
  volume: numberOr(0),
  liquidity: numberOr(0),
  active: flag,
  closed: flag,
  markets: z.array(z.unknown()).nullish().transform((m) => m ?? []),
});

/** `/public-profile` body → {@link PublicProfile}; `proxyWallet` may be null, then the requested address is used. */
export const publicProfileSchema = z.object({
  proxyWallet: wallet.nullish().transform((v) => v ?? null),
  pseudonym: text,
  name: text,
  bio: text,
  profileImage: text,
  xUsername: text,
  verifiedBadge: flag,
  displayUsernamePublic: flag,
  createdAt: dateOrNull,
});

/** Maps a parsed profile to the domain type, falling back to `requested` when the wire omits the wallet. */
export function toPublicProfile(p: z.output<typeof publicProfileSchema>, requested: string): PublicProfile {
  const { proxyWallet, ...rest } = p;
  return { wallet: proxyWallet ?? requested.toLowerCase(), ...rest };
}
