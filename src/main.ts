import type { Config } from './config/index.ts';
import type { Output } from './commands/output.ts';

/** Dispatches a parsed command line to its command. Returns the process exit code. */
export async function main(config: Config, out: Output): Promise<number> {
  switch (config.command) {
    case 'migrate':
      return (await import('./commands/migrate.ts')).migrateCommand(config, out);
    case 'query':
      return (await import('./commands/query.ts')).queryCommand(config, out);
    case 'score':
      return (await import('./commands/score.ts')).scoreCommand(config, out);
    case 'sim':
      return (await import('./commands/sim.ts')).simCommand(config, out);
    case 'follow':
    case 'unfollow':
      return (await import('./commands/follow.ts')).followCommand(config, out);
    case 'run':
      return (await import('./commands/run.ts')).runCommand(config, out);
  }
}
