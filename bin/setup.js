// What every entry point (bin/whaletop.js, bin/run-ts.js) sets up before loading the TypeScript sources.
import { register as registerTsx } from 'tsx/esm/api';

// No build step stands between a clone and a running program: tsx runs the sources as they are.
registerTsx();
// React's development build roughly doubles the CPU of every frame; a user always gets the production one, and
// benchmarks measure what users run.
process.env.NODE_ENV ??= 'production';
