// What bin/run-ts.js sets up before loading TypeScript sources (benchmarks, scripts): tsx, a development tool.
// The `whaletop` executable runs the build in dist/ instead (bin/whaletop.js).
import { register as registerTsx } from 'tsx/esm/api';

registerTsx();
// React's development build roughly doubles the CPU of every frame; benchmarks measure what users run.
process.env.NODE_ENV ??= 'production';
