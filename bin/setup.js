// What every entry point (bin/whaletop.js, bin/run-ts.js) sets up before loading the TypeScript sources.
import { register as registerHooks } from 'node:module';
import { register as registerTsx } from 'tsx/esm/api';

// No build step stands between a clone and a running program: tsx runs the sources as they are.
registerTsx();
// Ink's `widest-line` import gets a cached one (src/ui/ink/cached-widest-line.ts).
registerHooks('../src/ui/ink/widest-line-hooks.js', import.meta.url);
// React's development build roughly doubles the CPU of every frame; a user always gets the production one, and
// benchmarks measure what users run.
process.env.NODE_ENV ??= 'production';
