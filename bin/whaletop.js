#!/usr/bin/env node
// Entry point of the `whaletop` executable: registers tsx so the TypeScript sources run as they are, then hands
// over to the CLI. No build step stands between a clone and a running program.
import { register } from 'tsx/esm/api';

register();
// React's development build roughly doubles the CPU of every frame; a user always gets the production one.
process.env.NODE_ENV ??= 'production';
await import('../src/cli.ts');
