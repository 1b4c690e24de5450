#!/usr/bin/env node
// `npm run build` (and npm's `prepare`, so `npm install` / `npm ci` in a clone builds it): bundles src/ into dist/
// with esbuild, so a start loads plain JavaScript instead of compiling TypeScript (tsx) every time. Packages
// stay external: Ink is loaded from node_modules, where patch-package has applied patches/ink+6.8.0.patch, and
// chdb's native library is loaded only if the embedded store is used. Code splitting keeps the lazy imports lazy
// (the UI, chdb's client, the sim), so `--help` and `--headless` do not load React.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(`${root}dist`, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['src/cli.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  packages: 'external',
  jsx: 'automatic',
  sourcemap: true,
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});
