/** `whaletop sim`: serves the simulator alone until SIGINT/SIGTERM. */
import type { Logger } from '../lib/log.ts';
import type { FaultConfig } from './faults.ts';
import { startSimulator, type Simulator } from './index.ts';

/** Flags of `whaletop sim` (the CLI parses argv into this). */
export interface SimCliArgs extends Partial<FaultConfig> {
  port?: number;
  host?: string;
  seed?: number;
  speed?: number;
  hostile?: boolean;
  marketCount?: number;
  walletCount?: number;
  historyDays?: number;
  historyTrades?: number;
}

/** A running CLI simulator; `closed` resolves after a signal stopped it. */
export interface SimCliHandle {
  sim: Simulator;
  closed: Promise<void>;
}

/**
 * Starts the simulator, writes its URLs in one short block through `write` (the only stdout output), and stops
 * it on SIGINT/SIGTERM.
 */
export async function runSimCli(args: SimCliArgs, logger: Logger, write: (s: string) => void): Promise<SimCliHandle> {
  const { port, host, seed, speed, hostile, marketCount, walletCount, historyDays, historyTrades, ...faults } = args;
  const sim = await startSimulator({
    ...(port !== undefined ? { port } : {}),
    ...(host !== undefined ? { host } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(speed !== undefined ? { speed } : {}),
    ...(hostile !== undefined ? { hostile } : {}),
    ...(marketCount !== undefined ? { marketCount } : {}),
    ...(walletCount !== undefined ? { walletCount } : {}),
    ...(historyDays !== undefined ? { historyDays } : {}),
    ...(historyTrades !== undefined ? { historyTrades } : {}),
    faults,
    logger,
  });
  write(
    [
      `whaletop simulator (seed ${seed ?? 1})`,
      `  data api  ${sim.urls.dataApi}`,
      `  gamma     ${sim.urls.gamma}`,
      `  clob      ${sim.urls.clob}`,
      `  ws        ${sim.urls.ws}`,
      '',
    ].join('\n'),
  );
  const closed = new Promise<void>((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      logger.info('simulator stopping', { signal });
      void sim.stop().then(resolve);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  return { sim, closed };
}
