/** Firefox end-to-end tests: the built dist/firefox in the system firefox-esr, driven over WebDriver BiDi. */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/firefox/**/*.test.ts'],
    environment: 'node',
    reporters: ['default', ['json', { outputFile: 'reports/firefox.json' }]],
    // One browser at a time; Firefox takes seconds to start.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
