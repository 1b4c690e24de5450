/**
 * Fault injection: knobs a test (or `whaletop sim` flags) turns to make the simulator misbehave the way the real
 * APIs do. Decisions come from a seeded stream separate from the world's, so faults never change the world.
 */
import { createRng, mixSeed, type Rng } from './rng.ts';

/** Every fault knob. Fractions are per request (HTTP) or per record (malformed). */
export interface FaultConfig {
  /** Fixed added latency per HTTP response, ms. */
  latencyMs: number;
  /** Extra uniform random latency in [0, jitterMs), ms. */
  jitterMs: number;
  /** Fraction of requests answered 429. */
  rate429: number;
  /** Retry-After seconds sent with fault 429s; null sends no header. */
  retryAfterSeconds: number | null;
  /** Fraction of requests answered with `status5xx`. */
  rate5xx: number;
  status5xx: number;
  /** Fraction of requests never answered (the socket stays open until the client gives up or the sim stops). */
  hangRate: number;
  /** Fraction of records in list bodies replaced by a malformed copy (missing field or wrong type). */
  malformedRate: number;
  /**
   * HTTP faults apply only to paths starting with one of these (matched against the full path such as
   * "/data-api/positions" and the API-relative path "/positions"); empty = every path.
   */
  paths: string[];
  /** Enforce the published per-10 s limits (POLYMARKET_API.md §6) with a sliding window; 429 when exceeded. */
  enforceRateLimits: boolean;
  /** Multiplies every published limit (tests use small values to reach a limit quickly). */
  rateLimitScale: number;
  /** Close every WS connection every N wall ms (null = never). */
  wsDropEveryMs: number | null;
  /** Data frames stop flowing while PONG keeps answering PING. */
  wsFreeze: boolean;
  /** A subscribe frame listing more asset ids than this closes the socket. */
  wsMaxAssetsPerFrame: number;
}

/** No faults at all. */
export const DEFAULT_FAULTS: Readonly<FaultConfig> = Object.freeze({
  latencyMs: 0,
  jitterMs: 0,
  rate429: 0,
  retryAfterSeconds: 1,
  rate5xx: 0,
  status5xx: 503,
  hangRate: 0,
  malformedRate: 0,
  paths: [],
  enforceRateLimits: false,
  rateLimitScale: 1,
  wsDropEveryMs: null,
  wsFreeze: false,
  wsMaxAssetsPerFrame: 500,
});

/** Runtime control of faults (`sim.faults`). */
export interface FaultController {
  /** The current configuration (a copy). */
  get(): FaultConfig;
  /** Merges `patch` into the current configuration. */
  set(patch: Partial<FaultConfig>): void;
  /** Back to DEFAULT_FAULTS (no faults). */
  clear(): void;
  /** Closes every open WS connection now (abnormal close); returns how many were dropped. */
  dropWsConnections(): number;
}

/** The controller plus what the router and WS server need internally. */
export interface FaultEngine extends FaultController {
  /** Whether HTTP faults apply to a request path. */
  applies(fullPath: string, relPath: string): boolean;
  /** Seeded draws for fault decisions. */
  readonly rng: Rng;
  /** Registers the WS drop handler and config-change listener. */
  bindWs(drop: () => number): void;
  onChange(listener: (c: FaultConfig) => void): void;
}

/** Creates the fault engine with an initial configuration. */
export function createFaults(seed: number, initial: Partial<FaultConfig>): FaultEngine {
  let config: FaultConfig = { ...DEFAULT_FAULTS, ...initial };
  let drop: () => number = () => 0;
  const listeners: ((c: FaultConfig) => void)[] = [];
  const changed = (): void => listeners.forEach((l) => l(config));
  return {
    rng: createRng(mixSeed(seed, 0xfa17)),
    get: () => ({ ...config, paths: [...config.paths] }),
    set: (patch) => {
      config = { ...config, ...patch };
      changed();
    },
    clear: () => {
      config = { ...DEFAULT_FAULTS, paths: [] };
      changed();
    },
    dropWsConnections: () => drop(),
    applies: (full, rel) => config.paths.length === 0 || config.paths.some((p) => full.startsWith(p) || rel.startsWith(p)),
    bindWs: (fn) => {
      drop = fn;
    },
    onChange: (l) => listeners.push(l),
  };
}

const CORE_FIELDS = ['proxyWallet', 'asset', 'conditionId', 'timestamp', 'size', 'price', 'rank', 'vol', 'pnl',
  'usdcSize', 'amount', 'id', 'question', 'clobTokenIds', 'outcomePrices', 'value', 'user', 'type', 'side'];

/** Returns a malformed copy of a record: a core field removed, nulled or given the wrong type. */
export function corruptRecord(rng: Rng, record: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...record };
  const keys = CORE_FIELDS.filter((k) => k in copy);
  const key = keys.length ? rng.pick(keys) : rng.pick(Object.keys(copy));
  const mode = rng.int(0, 2);
  if (mode === 0) delete copy[key];
  else if (mode === 1) copy[key] = null;
  else copy[key] = typeof copy[key] === 'number' ? 'not-a-number' : { unexpected: true };
  return copy;
}
