import { defineConfig } from 'vitest/config';

// End-to-end tests of the production builds in real browsers. Run after `wxt build` for both
// browsers (scripts/test-all.mjs does that). One file at a time: two browsers on two cores is enough.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
