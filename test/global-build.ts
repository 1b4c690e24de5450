// Vitest global set-up: builds dist/ from the sources under test, so the end-to-end tests, which start the real
// executable (bin/whaletop.js runs dist/), never run a stale build. esbuild takes well under a second.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  execFileSync(process.execPath, [fileURLToPath(new URL('../scripts/build.js', import.meta.url))], { stdio: 'inherit' });
}
