#!/usr/bin/env node
// Entry point of the `whaletop` executable: registers tsx so the TypeScript sources run as they are, then hands
// over to the CLI. No build step stands between a clone and a running program.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
