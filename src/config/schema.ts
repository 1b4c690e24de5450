import { homedir } from 'node:os';
import { join } from 'node:path';
import { Cron } from 'croner';
import { z } from 'zod';
import { GRADES } from '../store/metrics/grades.ts';

/**
 * The one schema for all configuration: every flag and environment variable lands here, is coerced and checked
 * once, and the rest of the program reads typed values only. A bad value stops the program with one clear line.
 */

/**
 * A schedule croner accepts and that fires at least once (issue 12 item 14: a bad pattern used to surface only
 * when the scheduler built it — exit 1 after migrating, or a zombie without signal handlers).
 */
const cron = z
  .string()
  .trim()
  .min(1, 'needs a cron pattern')
  .superRefine((pattern, ctx) => {
    try {
      if (new Cron(pattern, { paused: true }).nextRun() === null) ctx.addIssue({ code: 'custom', message: `'${pattern}' never fires` });
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: `'${pattern}' is not a cron pattern (${(err as Error).message.replace(/^CronPattern: /, '')})` });
    }
  });
const url = z.url({ protocol: /^(https?|wss?)$/, error: 'needs an http(s):// or ws(s):// URL' });
const port = z.coerce.number().int().min(0).max(65_535);
const boolish = z.union([z.boolean(), z.enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])]).transform((v) =>
  typeof v === 'boolean' ? v : ['1', 'true', 'yes', 'on'].includes(v),
);

/**
 * Default data directory: `$XDG_DATA_HOME/whaletop`, else `~/.local/share/whaletop`; with `--demo`, `whaletop-demo`
 * beside it, so the simulator's data never lands in the store live mode reads (issue 11, defect 2).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv, demo = false): string {
  const base = env.XDG_DATA_HOME && env.XDG_DATA_HOME.trim() !== '' ? env.XDG_DATA_HOME : join(env.HOME && env.HOME.trim() !== '' ? env.HOME : homedir(), '.local', 'share');
  return join(base, demo ? 'whaletop-demo' : 'whaletop');
}

/** Polymarket's public endpoints (see docs/POLYMARKET_API.md). */
export const POLYMARKET_URLS = {
  dataApi: 'https://data-api.polymarket.com',
  gamma: 'https://gamma-api.polymarket.com',
  clob: 'https://clob.polymarket.com',
  ws: 'wss://ws-subscriptions-clob.polymarket.com/ws/market',
} as const;

export const COMMANDS = ['run', 'migrate', 'query', 'sim', 'follow', 'unfollow', 'score', 'backfill'] as const;
export type Command = (typeof COMMANDS)[number];

export const ConfigSchema = z.object({
  command: z.enum(COMMANDS),
  demo: z.boolean().default(false),
  headless: z.boolean().default(false),
  once: z.boolean().default(false),

  dataDir: z.string().min(1),
  clickhouseUrl: url.optional(),
  clickhouseUser: z.string().default('default'),
  clickhousePassword: z.string().default(''),
  clickhouseDatabase: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'needs a plain database name').default('whaletop'),

  logFile: z.string().min(1).optional(),
  logLevel: z.enum(['debug', 'info', 'warn', 'error']).default('info'),

  healthPort: port.default(8080),
  healthHost: z.string().default('127.0.0.1'),
  /** UI refresh interval, seconds. */
  refresh: z.coerce.number().min(1).max(3600).default(5),
  color: z.boolean().default(true),
  /** SGR mouse reporting in the TUI (`--no-mouse` turns it off). */
  mouse: z.boolean().default(true),

  dataApiUrl: url.default(POLYMARKET_URLS.dataApi),
  gammaUrl: url.default(POLYMARKET_URLS.gamma),
  clobUrl: url.default(POLYMARKET_URLS.clob),
  wsUrl: url.default(POLYMARKET_URLS.ws),
  /**
   * Fraction of each published rate limit the clients may use. Unset: 0.5 against Polymarket (room for other
   * users of the same IP), 1 against the in-process simulator (--demo), which has no one else to share with.
   */
  rateFraction: z.coerce.number().gt(0).max(1).optional(),
  requestTimeoutMs: z.coerce.number().int().min(100).max(600_000).default(15_000),
  /** How long the batched writer holds rows that no job flushes (live snapshots, attributions), ms. */
  writerFlushMs: z.coerce.number().int().min(100).max(3_600_000).default(2_000),

  leaderboardMaxResults: z.coerce.number().int().min(1).max(1000).default(200),
  holderSyncTopMarkets: z.coerce.number().int().min(1).max(1000).default(50),
  trackedWalletMax: z.coerce.number().int().min(1).max(100_000).default(500),
  profileBatchSize: z.coerce.number().int().min(1).max(1000).default(20),
  marketSyncCron: cron.default('*/10 * * * *'),
  leaderboardSyncCron: cron.default('0 * * * *'),
  holderSyncCron: cron.default('*/15 * * * *'),
  positionSyncCron: cron.default('*/5 * * * *'),
  profileEnricherCron: cron.default('*/10 * * * *'),
  closedPositionSyncCron: cron.default('*/15 * * * *'),
  resolutionSyncCron: cron.default('*/10 * * * *'),
  walletScoresCron: cron.default('* * * * *'),

  live: z.boolean().default(true),
  watchlistMaxMarkets: z.coerce.number().int().min(1).max(5000).default(100),
  alertBell: boolish.default(false),
  // Grades are upper-case letters; `--elite-min-grade a` means the same.
  eliteMinGrade: z.preprocess((v) => (typeof v === 'string' ? v.trim().toUpperCase() : v), z.enum(GRADES, { message: `expected one of ${GRADES.join(', ')}` })).default('A'),
  alertWebhook: url.optional(),
  alertMinConfidence: z.enum(['LOW', 'MEDIUM', 'HIGH']).default('HIGH'),
  /** Comma list of market categories that alert, upper-cased; empty = every category. */
  alertCategories: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((c) => c.trim().toUpperCase()).filter(Boolean)),
  alertMinTrade: z.coerce.number().min(0).max(1e12).default(0),
  /** Quiet period per wallet and market after an alert, seconds. */
  alertQuiet: z.coerce.number().int().min(0).max(30 * 86_400).default(600),
  /** `whaletop follow|unfollow <wallet|name>`: the wallet. */
  followTarget: z.string().optional(),
  /** `whaletop follow … --alerts on|off`: the wallet's trade alerts. */
  followAlerts: boolish.optional(),
  /** `whaletop follow … --min-trade N`: the wallet's own minimum trade size, USDC. */
  followMinTrade: z.coerce.number().min(0).max(1e12).optional(),
  /** `whaletop follow … --quiet S`: the wallet's own quiet period, seconds. */
  followQuiet: z.coerce.number().int().min(0).max(30 * 86_400).optional(),

  simPort: port.default(0),
  seed: z.coerce.number().int().min(0).default(1),
  speed: z.coerce.number().gt(0).max(1000).default(1),
  hostile: z.boolean().default(false),
  simWallets: z.coerce.number().int().min(10).max(1_000_000).optional(),
  simMarkets: z.coerce.number().int().min(5).max(100_000).optional(),
  simHistoryDays: z.coerce.number().int().min(1).max(1_000).optional(),
  simHistoryTrades: z.coerce.number().int().min(0).max(50_000_000).optional(),
  // Simulator faults (`whaletop sim` and `--demo`): fractions are of requests (or of records for malformed).
  faultLatencyMs: z.coerce.number().int().min(0).max(60_000).default(0),
  faultJitterMs: z.coerce.number().int().min(0).max(60_000).default(0),
  fault429: z.coerce.number().min(0).max(1).default(0),
  faultRetryAfter: z.union([z.literal('none'), z.coerce.number().int().min(0).max(3600)]).default(1),
  fault5xx: z.coerce.number().min(0).max(1).default(0),
  faultHang: z.coerce.number().min(0).max(1).default(0),
  faultMalformed: z.coerce.number().min(0).max(1).default(0),
  faultPaths: z.string().default(''),
  enforceRateLimits: z.boolean().default(false),
  wsDropEveryMs: z.coerce.number().int().min(100).optional(),
  wsFreeze: z.boolean().default(false),

  /** backfill: the top N wallets of the priority queue. */
  backfillTop: z.coerce.number().int().min(1).max(10_000_000).optional(),
  /** backfill: a file of wallet addresses, one per line, or '-' for stdin. */
  backfillWallets: z.string().min(1).optional(),
  backfillMaxWallets: z.coerce.number().int().min(1).max(10_000_000).optional(),
  /** backfill: history from this date on (YYYY-MM-DD or an ISO time, UTC); default: all of it. */
  backfillSince: z
    .string()
    .refine((v) => /^\d{4}-\d{2}-\d{2}([T ][0-9:.]+Z?)?$/.test(v) && Number.isFinite(Date.parse(v)), 'needs a date (YYYY-MM-DD)')
    .optional(),
  dryRun: z.boolean().default(false),
  resume: z.boolean().default(false),
  /** backfill: wallets in flight (the rate limiters set the pace; this only covers latency). */
  backfillConcurrency: z.coerce.number().int().min(1).max(256).default(24),

  queryName: z.string().optional(),
  /** `whaletop score <wallet>`: the wallet. */
  scoreWallet: z.string().optional(),
  queryFormat: z.enum(['table', 'json', 'csv']).default('table'),
  limit: z.coerce.number().int().min(1).max(100_000).optional(),
  queryFilters: z.record(z.string(), z.string()).default({}),
});

export type Config = z.infer<typeof ConfigSchema>;
