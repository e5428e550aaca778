import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit and component tests: pure lib/ code, Preact components, and the browser wiring (utils/) against WXT's fake browser.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    include: ['test/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    // A bound against hangs, not a speed check: property tests take a few seconds on a loaded
    // two-core machine (speed is measured by `npm run bench`).
    testTimeout: 30_000,
  },
});
