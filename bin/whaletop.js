#!/usr/bin/env node
// Entry point of the `whaletop` executable: runs the build in dist/ (scripts/build.js, run by npm's `prepare`).
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(built)) {
  process.stderr.write('whaletop is not built: run `npm install` (or `npm run build`) in its directory first\n');
  process.exit(1);
}
// React's development build roughly doubles the CPU of every frame; a user always gets the production one.
process.env.NODE_ENV ??= 'production';
// Stack traces in the log point at src/, not at the bundle.
process.setSourceMapsEnabled(true);
await import(built.href);
