import { describe, expect, it } from 'vitest';
import { ConfigError, helpText, parseCli } from '../../src/config/index.ts';
import { FLAGS } from '../../src/config/flags.ts';

const env = { HOME: '/home/trader' } as NodeJS.ProcessEnv;

function config(argv: string[], e: NodeJS.ProcessEnv = env) {
  const request = parseCli(argv, e);
  if (request.kind !== 'run') throw new Error(`expected a run request, got ${request.kind}`);
  return request.config;
}

describe('parseCli', () => {
  it('a flag name with two meanings takes the one of its command (--wallets: world size, or a file for backfill)', () => {
    expect(config(['--demo', '--wallets', '200']).simWallets).toBe(200);
    const backfill = config(['backfill', '--wallets', '/tmp/list.txt']);
    expect(backfill.backfillWallets).toBe('/tmp/list.txt');
    expect(backfill.simWallets).toBeUndefined();
  });

  it('defaults to the TUI against Polymarket with the data dir under ~/.local/share', () => {
    const c = config([]);
    expect(c.command).toBe('run');
    expect(c.demo).toBe(false);
    expect(c.dataDir).toBe('/home/trader/.local/share/whaletop');
    expect(c.logFile).toBe('/home/trader/.local/share/whaletop/whaletop.log');
    expect(c.dataApiUrl).toBe('https://data-api.polymarket.com');
    expect(c.healthPort).toBe(8080);
    expect(c.refresh).toBe(5);
    expect(c.color).toBe(true);
  });

  it('reads each setting from the environment, and a flag wins over it', () => {
    const e = { ...env, WHALETOP_DATA_DIR: '/srv/wt', CLICKHOUSE_URL: 'http://ch:8123', CLICKHOUSE_DATABASE: 'pm', TRACKED_WALLET_MAX: '900', NO_COLOR: '1' };
    const c = config(['--data-dir', '/tmp/x', '--headless', '--once'], e);
    expect(c.dataDir).toBe('/tmp/x');
    expect(c.clickhouseUrl).toBe('http://ch:8123');
    expect(c.clickhouseDatabase).toBe('pm');
    expect(c.trackedWalletMax).toBe(900);
    expect(c.color).toBe(false);
    expect(c.headless && c.once).toBe(true);
  });

  it('parses subcommands and their flags', () => {
    expect(config(['migrate']).command).toBe('migrate');
    const q = config(['query', 'leaderboard', '--json', '--limit', '5', '--category', 'POLITICS']);
    expect(q).toMatchObject({ command: 'query', queryName: 'leaderboard', queryFormat: 'json', limit: 5, queryFilters: { category: 'POLITICS' } });
    expect(config(['sim', '--port=7000', '--seed', '3'])).toMatchObject({ command: 'sim', simPort: 7000, seed: 3 });
  });

  it.each([
    [['--bogus'], 'unknown flag --bogus'],
    [['frobnicate'], "unknown command 'frobnicate'"],
    [['--refresh', 'soon'], 'invalid value for --refresh (or WHALETOP_REFRESH)'],
    [['--clickhouse-url', 'not a url'], 'invalid value for --clickhouse-url'],
    [['--once'], '--once needs --headless'],
    [['--port', '80'], "unknown flag --port for 'run'"],
    [['--data-dir'], '--data-dir needs a value'],
    [['query'], 'usage: whaletop query <name>'],
  ])('rejects %j with one clear line', (argv, message) => {
    let error: unknown;
    try {
      parseCli(argv, env);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('answers --help and --version before validating anything else', () => {
    expect(parseCli(['--refresh', 'x', '--help'], env).kind).toBe('help');
    expect(parseCli(['--version'], env).kind).toBe('version');
  });

  it('documents every flag in --help', () => {
    const text = helpText('1.2.3');
    for (const f of FLAGS) expect(text).toContain(`--${f.flag}`);
  });
});

describe('issue-12-14 cron patterns are validated while parsing', () => {
  it.each([
    ['--market-sync-cron', '61 * * * *', "invalid value for --market-sync-cron (or MARKET_SYNC_CRON): '61 * * * *' is not a cron pattern (Invalid value for minute: 61)"],
    ['--profile-enricher-cron', 'every five minutes', "invalid value for --profile-enricher-cron (or PROFILE_ENRICHER_CRON): 'every five minutes' is not a cron pattern"],
    ['--position-sync-cron', '0 0 31 2 *', "invalid value for --position-sync-cron (or POSITION_SYNC_CRON): '0 0 31 2 *' never fires"],
  ])('%s %s is one clear line', (flag, value, message) => {
    let err: unknown;
    try {
      parseCli([flag, value], {});
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message.startsWith(message)).toBe(true);
    expect((err as Error).message).not.toContain('\n');
  });

  it('a bad pattern from the environment is caught the same way; a good one passes', () => {
    expect(() => parseCli([], { HOLDER_SYNC_CRON: '*/99 * * * *' })).toThrow(ConfigError);
    const ok = parseCli(['--leaderboard-sync-cron', '30 */2 * * *'], {});
    expect(ok.kind === 'run' && ok.config.leaderboardSyncCron).toBe('30 */2 * * *');
  });
});
