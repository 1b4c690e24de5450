import { defineConfig } from 'vitest/config';

// The default `forks` pool is deliberate: chDB allows one data directory per process, so test files that
// shared a process (threads) would collide on the embedded engine.
export default defineConfig({
  test: {
    pool: 'forks',
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
