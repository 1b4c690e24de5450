import { readFileSync } from 'node:fs';
import { ConfigError, helpText, parseCli } from './config/index.ts';
import { processOutput } from './commands/output.ts';
import { main } from './main.ts';

/**
 * The executable's first line of code: parse, then hand over to `main`. The only module allowed to print
 * before a command takes over; a bad flag or value is one line on stderr and exit code 2.
 */
const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const out = processOutput();

let request;
try {
  request = parseCli(process.argv.slice(2), process.env);
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  out.error(err.message);
  process.exit(2);
}

if (request.kind === 'help') {
  out.print(helpText(version));
} else if (request.kind === 'version') {
  out.print(version);
} else {
  try {
    process.exitCode = await main(request.config, out);
  } catch (err) {
    out.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  }
}
