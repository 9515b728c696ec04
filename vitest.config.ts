import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Integration tests run whole builds; two cores are shared by the pool.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
