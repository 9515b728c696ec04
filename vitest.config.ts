import { configDefaults, defineConfig } from 'vitest/config';

/** Suites that take a minute or more each: Chromium, the kill test, the fuzz tests. */
const SLOW = ['tests/browser/**/*.test.ts', 'tests/publish/kill.test.ts', 'tests/fuzz/**/*.test.ts'];

export default defineConfig({
  test: {
    // Builds the sample newsroom once for every project (see tests/helpers/shared-sample.ts).
    globalSetup: ['tests/setup/sample-newsroom.ts'],
    projects: [
      {
        test: {
          name: 'main',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...SLOW],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'slow',
          include: SLOW,
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
