import type { Config } from '../config/index.ts';
import type { FaultConfig, SimulatorOptions } from '../sim/index.ts';

/** The world size asked for on the command line (`--wallets`, `--markets`, `--history-days`, `--history-trades`). */
export function simWorld(config: Config): Pick<SimulatorOptions, 'walletCount' | 'marketCount' | 'historyDays' | 'historyTrades'> {
  return {
    ...(config.simWallets !== undefined ? { walletCount: config.simWallets } : {}),
    ...(config.simMarkets !== undefined ? { marketCount: config.simMarkets } : {}),
    ...(config.simHistoryDays !== undefined ? { historyDays: config.simHistoryDays } : {}),
    ...(config.simHistoryTrades !== undefined ? { historyTrades: config.simHistoryTrades } : {}),
  };
}

/** The simulator faults asked for on the command line (`whaletop sim` and `--demo` share them). */
export function simFaults(config: Config): Partial<FaultConfig> {
  return {
    latencyMs: config.faultLatencyMs,
    jitterMs: config.faultJitterMs,
    rate429: config.fault429,
    retryAfterSeconds: config.faultRetryAfter === 'none' ? null : config.faultRetryAfter,
    rate5xx: config.fault5xx,
    hangRate: config.faultHang,
    malformedRate: config.faultMalformed,
    paths: config.faultPaths.split(',').map((p) => p.trim()).filter((p) => p !== ''),
    enforceRateLimits: config.enforceRateLimits,
    wsDropEveryMs: config.wsDropEveryMs ?? null,
    wsFreeze: config.wsFreeze,
  };
}
