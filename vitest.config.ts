import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'data/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Database and browser suites are heavy; two workers match the two cores of our machines.
    maxWorkers: 2,
  },
});
