import { defineConfig } from 'vitest/config';

// The default `forks` pool is deliberate: chDB allows one data directory per process, so test files that
// shared a process (threads) would collide on the embedded engine.
export default defineConfig({
  test: {
    pool: 'forks',
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    globalSetup: ['test/global-build.ts'],
    // CI runs set CI=true, and Ink then draws only the final frame (is-in-ci), so frame tests would see nothing.
    // The UI under test is the interactive one.
    env: { CI: 'false', CONTINUOUS_INTEGRATION: 'false' },
    // Timeouts catch hangs, not slowness (speed is measured by `npm run bench`): the integration tests run real
    // chDB and simulator processes, which take several times longer on a busy 2-core runner.
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
