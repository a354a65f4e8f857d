import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    // The default summary, then each skipped suite's reason (a missing service or dataset).
    reporters: ['default', './test/support/skip-reasons-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // File-only coverage reporters keep the test summary as the last thing printed.
    coverage: { provider: 'v8', include: ['src/**'], reporter: ['json-summary', 'html'], reportsDirectory: 'coverage' },
  },
});
