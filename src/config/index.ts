import { join } from 'node:path';
import { z } from 'zod';
import { FLAGS, type FlagSpec } from './flags.ts';
import { COMMANDS, ConfigSchema, defaultDataDir, type Command, type Config } from './schema.ts';

export type { Config, Command } from './schema.ts';

/** A configuration problem, worded as the one line the user sees before exit code 2. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** What the command line asked for beyond running: help or version output. */
export type CliRequest = { kind: 'help' } | { kind: 'version' } | { kind: 'run'; config: Config };

/** Every spec of each flag name. One name may carry two meanings (`--wallets`: the world's size for sim and demo,
 * a file of addresses for backfill). */
const byFlag = new Map<string, FlagSpec[]>();
for (const spec of FLAGS) byFlag.set(spec.flag, [...(byFlag.get(spec.flag) ?? []), spec]);

/** The spec a flag has for a command: the one scoped to the command wins over the one every command shares. */
function flagSpec(name: string, command: string): FlagSpec | undefined {
  const named = byFlag.get(name) ?? [];
  return named.find((f) => f.commands?.includes(command)) ?? named.find((f) => !f.commands) ?? named[0];
}

function applyFlag(raw: Record<string, unknown>, spec: FlagSpec, value: string | undefined): void {
  if (spec.flag === 'json' || spec.flag === 'csv') raw.queryFormat = spec.flag;
  else if (!spec.takesValue) raw[spec.key] = spec.sets ?? true;
  else raw[spec.key] = value;
}

/**
 * Parses argv (without `node` and the script) and the environment into a validated {@link Config}.
 * Flags win over environment variables, which win over defaults. Throws {@link ConfigError} with one line.
 */
export function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv): CliRequest {
  const raw: Record<string, unknown> = {};
  const positionals: string[] = [];
  const filters: Record<string, string> = {};
  let command: Command = 'run';
  const args = [...argv];

  if (args[0] !== undefined && !args[0].startsWith('-')) {
    const first = args.shift() as string;
    if (!(COMMANDS as readonly string[]).includes(first) || first === 'run') {
      throw new ConfigError(`unknown command '${first}' (commands: migrate, query, sim, follow, unfollow, score, backfill; see --help)`);
    }
    command = first as Command;
  }

  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (arg === '--version' || arg === '-V') return { kind: 'version' };
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    const spec = flagSpec(name, command);
    if (!spec || (spec.commands && !spec.commands.includes(command))) {
      // `whaletop query <name> --category POLITICS`: unknown flags of `query` are that query's filters.
      if (command === 'query' && !spec) {
        const value = inline ?? args[++i];
        if (value === undefined || value.startsWith('--')) throw new ConfigError(`filter --${name} needs a value`);
        filters[name] = value;
        continue;
      }
      throw new ConfigError(`unknown flag --${name}${spec ? ` for '${command}'` : ''} (see --help)`);
    }
    if (spec.takesValue) {
      const value = inline ?? args[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new ConfigError(`--${name} needs a value`);
      applyFlag(raw, spec, value);
    } else {
      if (inline !== undefined) throw new ConfigError(`--${name} takes no value`);
      applyFlag(raw, spec, undefined);
    }
  }

  if (command === 'query') {
    if (positionals.length !== 1) throw new ConfigError('usage: whaletop query <name> [--json|--csv] [--limit N] [--filter value …]');
    raw.queryName = positionals[0];
    raw.queryFilters = filters;
  } else if (command === 'score') {
    if (positionals.length !== 1) throw new ConfigError('usage: whaletop score <wallet> [--json]');
    raw.scoreWallet = positionals[0];
  } else if (command === 'follow' || command === 'unfollow') {
    if (positionals.length > 1 || (command === 'unfollow' && positionals.length !== 1)) {
      throw new ConfigError(`usage: whaletop ${command} <wallet|name>${command === 'follow' ? ' [--alerts on|off] [--min-trade USDC] [--quiet SECONDS]' : ''}`);
    }
    raw.followTarget = positionals[0];
  } else if (positionals.length > 0) {
    throw new ConfigError(`unexpected argument '${positionals[0]}' (see --help)`);
  }

  for (const spec of FLAGS) {
    if (spec.env === undefined || raw[spec.key] !== undefined) continue;
    const value = env[spec.env];
    if (value !== undefined && value !== '') raw[spec.key] = spec.takesValue ? value : envBoolean(spec, value);
  }
  if (raw.color === undefined && env.NO_COLOR !== undefined && env.NO_COLOR !== '') raw.color = false;
  // Demo and live data never share a store: each has its own default directory (issue 11, defect 2).
  raw.dataDir ??= defaultDataDir(env, raw.demo === true);
  raw.command = command;

  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(describeIssue(parsed.error));
  const config = parsed.data;
  if (config.once && !config.headless) throw new ConfigError('--once needs --headless');
  if (config.command === 'backfill' && config.backfillTop === undefined && config.backfillWallets === undefined) {
    throw new ConfigError('backfill needs --top N or --wallets FILE|- (see --help)');
  }
  config.logFile ??= join(config.dataDir, 'whaletop.log');
  return { kind: 'run', config };
}

/** Spellings a boolean environment variable may take (case-insensitive). */
const TRUE_WORDS = ['1', 'true', 'yes', 'on'];
const FALSE_WORDS = ['0', 'false', 'no', 'off'];

/**
 * A boolean flag's environment variable: one of {@link TRUE_WORDS} or {@link FALSE_WORDS}. Anything else
 * (`WHALETOP_DEMO=ture`) stops the program with one line, as a bad flag does, instead of silently meaning false.
 */
function envBoolean(spec: FlagSpec, value: string): boolean {
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.includes(word)) return true;
  if (FALSE_WORDS.includes(word)) return false;
  throw new ConfigError(`invalid value for ${spec.env} (--${spec.flag}): '${value}' is not a boolean (use 1/0, true/false, yes/no or on/off)`);
}

/** Names the offending flag (or env variable) and the rule it broke, in one line. */
function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid configuration';
  const key = String(issue.path[0] ?? '');
  const spec = FLAGS.find((f) => f.key === key);
  const where = spec ? `--${spec.flag}${spec.env ? ` (or ${spec.env})` : ''}` : key;
  return `invalid value for ${where}: ${issue.message}`;
}

/** The `--help` text, generated from the flag table. */
export function helpText(version: string): string {
  const lines = [
    `whaletop ${version} — live monitor for Polymarket whales and smart money`,
    '',
    'Usage:',
    '  whaletop [--demo] [flags]             TUI + sync jobs + live feed (Polymarket, or the simulator with --demo)',
    '  whaletop --headless [--once]          no UI; --once runs every sync job once and exits',
    '  whaletop migrate                      apply the schema and exit',
    '  whaletop query <name> [--json|--csv] [--limit N] [--filter value …]   print a dashboard query',
    '  whaletop sim [--port N] [--seed S]    run the offline Polymarket simulator on loopback',
    '  whaletop score <wallet> [--json]      every factor of a wallet\'s grade, whale and insider scores',
    '',
    'Flags (environment variable in brackets):',
  ];
  for (const f of FLAGS) {
    const left = `  --${f.flag}${f.takesValue ? ' <v>' : ''}`;
    lines.push(`${left.padEnd(30)} ${f.help}${f.env ? ` [${f.env}]` : ''}`);
  }
  lines.push(`${'  --help, --version'.padEnd(30)} this text / the version`);
  lines.push('', 'Server mode also reads CLICKHOUSE_USER, CLICKHOUSE_PASSWORD, CLICKHOUSE_DATABASE. NO_COLOR is honoured.');
  return lines.join('\n');
}
