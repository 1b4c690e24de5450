#!/usr/bin/env node
// Runs one TypeScript file (benchmarks, scripts) with tsx registered: `node bin/run-ts.js bench/run.ts`.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import './setup.js';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: run-ts <file.ts> [args]\n');
  process.exit(2);
}
process.argv.splice(1, 1);
await import(pathToFileURL(resolve(file)).href);
