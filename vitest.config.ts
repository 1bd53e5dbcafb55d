import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  resolve: {
    // wxt 0.21.0: without this alias esbuild fails inside jsdom with a TextEncoder/Uint8Array invariant.
    alias: [{ find: /^wxt\/testing$/, replacement: 'wxt/testing/fake-browser' }],
  },
  test: {
    globals: true,
    environment: 'jsdom',
    setupFiles: ['tests/setup.ts'],
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    // A budget, not a wait: a test ends as soon as what it waits for shows. On a 2-core machine with another
    // CPU-heavy process beside the suite, the workshop's typing tests took over 20 s; 60 s fails only a real hang.
    testTimeout: 60_000,
  },
});
