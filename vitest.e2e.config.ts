import { defineConfig } from 'vitest/config';

// Browser journeys: the real server in-process and Debian's Chromium through playwright-core.
// One fork, one file at a time, generous timeouts. Needs `npm run build` first (dist/web).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    reporters: ['default', './tests/summary-reporter.ts'],
  },
});
