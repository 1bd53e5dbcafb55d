import { defineConfig } from 'vitest/config';

// End-to-end: the production build in real Chromium (Debian's, or CHROME_PATH). One file at a time:
// each launches its own browser, and the machine has two cores.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
