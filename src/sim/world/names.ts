/** Word lists and templates that make the simulated world read like Polymarket. */
import type { Rng } from '../rng.ts';

/** The leaderboard categories (POLYMARKET_API.md §1.1), minus OVERALL which spans all. */
export const MARKET_CATEGORIES = [
  'POLITICS', 'SPORTS', 'CRYPTO', 'CULTURE', 'MENTIONS', 'WEATHER', 'ECONOMICS', 'TECH', 'FINANCE',
] as const;
export type MarketCategory = (typeof MARKET_CATEGORIES)[number];

/** Index of each category in MARKET_CATEGORIES (the engine looks it up per trade). */
export const CATEGORY_INDEX = Object.fromEntries(MARKET_CATEGORIES.map((c, i) => [c, i])) as Record<MarketCategory, number>;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];

/** Relative number of markets per category (sports and politics dominate, as on the real site). */
export const CATEGORY_WEIGHTS: Record<MarketCategory, number> = {
  POLITICS: 22, SPORTS: 30, CRYPTO: 16, CULTURE: 8, MENTIONS: 5, WEATHER: 4, ECONOMICS: 6, TECH: 5, FINANCE: 4,
};

/** Gamma tag per category (markets carry `tags[]`; `category` itself is legacy). */
export const CATEGORY_TAGS: Record<MarketCategory, { id: string; label: string; slug: string }> = {
  POLITICS: { id: '2', label: 'Politics', slug: 'politics' },
  SPORTS: { id: '1', label: 'Sports', slug: 'sports' },
  CRYPTO: { id: '21', label: 'Crypto', slug: 'crypto' },
  CULTURE: { id: '596', label: 'Culture', slug: 'pop-culture' },
  MENTIONS: { id: '100343', label: 'Mentions', slug: 'mentions' },
  WEATHER: { id: '84', label: 'Weather', slug: 'weather' },
  ECONOMICS: { id: '100328', label: 'Economy', slug: 'economy' },
  TECH: { id: '1401', label: 'Tech', slug: 'tech' },
  FINANCE: { id: '120', label: 'Finance', slug: 'finance' },
};

const ADJECTIVES = ['Frail', 'Peppery', 'Quiet', 'Bold', 'Silver', 'Lucky', 'Gentle', 'Rapid', 'Hidden', 'Brave',
  'Calm', 'Eager', 'Fuzzy', 'Grand', 'Jolly', 'Keen', 'Misty', 'Noble', 'Proud', 'Sunny', 'Witty', 'Zesty'];
const NOUNS = ['Possible', 'Capital', 'Harbor', 'Falcon', 'Meadow', 'Comet', 'Lantern', 'Summit', 'Willow', 'Ember',
  'Canyon', 'Glacier', 'Orchid', 'Pioneer', 'Quartz', 'Raven', 'Tundra', 'Voyage', 'Zephyr', 'Badger'];
const HANDLE_PARTS = ['swiss', 'tony', 'whale', 'degen', 'alpha', 'theo', 'fredi', 'sharp', 'poly', 'moon', 'ape',
  'quant', 'oracle', 'mango', 'kelly', 'edge', 'lucky', 'nova', 'zeus', 'sigma'];
const BIOS = ['So long, and thanks for all the fish', 'what is your plan', 'probabilities, not predictions',
  'full-time degen', 'I fade the crowd', 'markets are conversations', 'not financial advice', 'buy low, sell never',
  'calibrated since 2020', ''];

const PEOPLE = ['Gavin Newsom', 'J.D. Vance', 'Marco Rubio', 'AOC', 'Kamala Harris', 'Pete Buttigieg', 'Josh Shapiro'];
const PLACES = ['California', 'Texas', 'Ohio', 'Germany', 'France', 'Brazil', 'Japan', 'Canada', 'Poland'];
const TEAMS = ['Tottenham Hotspur', 'TSG Hoffenheim', 'Real Madrid', 'Boston Celtics', 'Dallas Mavericks',
  'Memphis Grizzlies', 'Kansas City Chiefs', 'Buffalo Bills', 'Deportivo Saprissa', 'Jeonbuk Hyundai Motors FC',
  'Arsenal', 'Bayern Munich', 'New York Yankees', 'Los Angeles Dodgers'];
const COINS = ['Bitcoin', 'Ethereum', 'Solana', 'XRP', 'Dogecoin'];
const CELEBS = ['Taylor Swift', 'Elon Musk', 'MrBeast', 'Drake', 'Zendaya'];
const COMPANIES = ['OpenAI', 'Apple', 'NVIDIA', 'Google', 'Anthropic', 'Tesla', 'Microsoft'];
const WORDS = ['tariff', 'crypto', 'inflation', 'Ukraine', 'AI', 'border', 'China'];
const CITIES = ['NYC', 'London', 'Seoul', 'Chicago', 'Miami', 'Paris'];

/** An auto-generated Polymarket-style pseudonym, e.g. "Frail-Possible". */
export function pseudonym(rng: Rng): string {
  return `${rng.pick(ADJECTIVES)}-${rng.pick(NOUNS)}`;
}

/** A user-chosen display name, e.g. "swisstony42". */
export function handle(rng: Rng): string {
  const base = rng.pick(HANDLE_PARTS) + rng.pick(HANDLE_PARTS);
  return rng.chance(0.5) ? base : base + rng.int(1, 999);
}

/** A short bio (possibly empty). */
export function bio(rng: Rng): string {
  return rng.pick(BIOS);
}

/** A question for a market of `category`, resolving around `endDate`. */
export function question(rng: Rng, category: MarketCategory, endDate: Date): string {
  const day = endDate.toISOString().slice(0, 10);
  // toLocaleString would give the same name at ~100 µs a call (Intl), which dominates building 2k markets.
  const month = MONTHS[endDate.getUTCMonth()]!;
  switch (category) {
    case 'POLITICS':
      return rng.chance(0.5)
        ? `Will ${rng.pick(PEOPLE)} win the ${endDate.getUTCFullYear() + 1} ${rng.pick(PLACES)} primary?`
        : `${rng.pick(PLACES)} snap election called by ${month}?`;
    case 'SPORTS': {
      const a = rng.pick(TEAMS);
      let b = rng.pick(TEAMS);
      if (b === a) b = TEAMS[(TEAMS.indexOf(a) + 1) % TEAMS.length] as string;
      return rng.chance(0.5) ? `Will ${a} win on ${day}?` : `${a} vs. ${b}: O/U ${rng.int(0, 4)}.5`;
    }
    case 'CRYPTO':
      return `Will ${rng.pick(COINS)} be above $${rng.int(1, 150) * 1000} on ${month} ${endDate.getUTCDate()}?`;
    case 'CULTURE':
      return `Will ${rng.pick(CELEBS)} announce a new project by ${day}?`;
    case 'MENTIONS':
      return `Will the President say "${rng.pick(WORDS)}" ${rng.int(3, 20)}+ times this week?`;
    case 'WEATHER':
      return `Highest temperature in ${rng.pick(CITIES)} on ${month} ${endDate.getUTCDate()}: ${rng.int(60, 99)}°F or higher?`;
    case 'ECONOMICS':
      return `Fed ${rng.pick(['cuts', 'hikes', 'holds'])} rates in ${month}?`;
    case 'TECH':
      return `${rng.pick(COMPANIES)} releases a new flagship model by ${day}?`;
    case 'FINANCE':
      return `Will ${rng.pick(COMPANIES)} close above $${rng.int(50, 900)} on ${day}?`;
  }
}

/** Outcome labels for a question (most markets are Yes/No; O/U markets are Over/Under). */
export function outcomesFor(q: string): [string, string] {
  return q.includes('O/U') ? ['Over', 'Under'] : ['Yes', 'No'];
}

/** Lower-case, dash-separated ASCII slug. */
export function slugify(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80);
}
