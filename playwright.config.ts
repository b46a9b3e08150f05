/**
 * Chromium end-to-end tests: the built dist/chrome loaded into the system
 * Chromium (see test/e2e/support/extension.ts). Build first: npm run build.
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/e2e/chromium',
  outputDir: 'test-results/chromium',
  // One browser per worker; two cores.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'reports/chromium.json' }]],
});
