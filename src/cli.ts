import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './lib/package-root.ts';
import { ConfigError, helpText, parseCli } from './config/index.ts';
import { processOutput } from './commands/output.ts';
import { errorMessage } from './lib/error-message.ts';
import { main } from './main.ts';

/**
 * The executable's first line of code: parse, then hand over to `main`. The only module allowed to print
 * before a command takes over, and the one exit point of the process (Shopify cli-kit's rule): every command
 * returns its exit code — the run command only once its shutdown is complete, native chDB work included — and
 * this file alone calls `process.exit`, so a socket or timer left open by a library never keeps a finished
 * program alive. A bad flag or value is one line on stderr and exit code 2.
 */
const version = (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
const out = processOutput();

let code = 0;
try {
  const request = parseCli(process.argv.slice(2), process.env);
  if (request.kind === 'help') out.print(helpText(version));
  else if (request.kind === 'version') out.print(version);
  else code = await main(request.config, out);
} catch (err) {
  out.error(errorMessage(err));
  code = err instanceof ConfigError ? 2 : 1;
}
process.exit(code);
