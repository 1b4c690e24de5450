import type { Config } from '../config/index.ts';
import { fileLogger } from '../lib/log.ts';
import { runSimCli } from '../sim/cli.ts';
import { simFaults, simWorld } from './sim-options.ts';
import type { Output } from './output.ts';

/** `whaletop sim [--port N] [--seed S] [--speed X] [--hostile]`: serves the offline Polymarket until a signal. */
export async function simCommand(config: Config, out: Output): Promise<number> {
  const logger = fileLogger(config.logFile as string, config.logLevel);
  const { closed } = await runSimCli(
    { port: config.simPort, seed: config.seed, speed: config.speed, hostile: config.hostile, ...simWorld(config), ...simFaults(config) },
    logger,
    (s) => out.print(s),
  );
  await closed;
  await logger.close();
  return 0;
}
