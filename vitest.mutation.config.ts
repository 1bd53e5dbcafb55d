import { defineConfig } from 'vitest/config';

/**
 * The tests Stryker runs against each mutant (`npm run mutation`, stryker.config.mjs): only the suites that pin
 * the mutated code (lib/domain, lib/sites, lib/store/outbox.ts), in Node rather than jsdom, so a mutant costs
 * milliseconds. The full suite stays in vitest.config.ts.
 */
export default defineConfig({
  test: {
    globals: true,
    environment: 'node',
    setupFiles: ['tests/mutation/setup.ts'],
    include: [
      'tests/domain/**/*.test.ts',
      'tests/sites/**/*.test.ts',
      'tests/store/outbox*.test.ts',
    ],
    // Builds the content script with esbuild: a size budget, not a rule about the mutated code.
    exclude: ['tests/sites/bundle-size.test.ts', 'node_modules/**'],
    // Two shared cores under mutation: a property test may take a while; Stryker times mutants out on its own.
    testTimeout: 60_000,
  },
});
