import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// CI runs on two shared cores, and `npm test` must pass with another CPU-heavy process beside it. Every find* and
// waitFor ends as soon as what it waits for shows; the timeout is only how long before it gives up, so it is
// generous. 5 s was not enough at a load of 25: the options page took longer to switch to English.
const PATIENCE_MS = 30_000;
configure({ asyncUtilTimeout: PATIENCE_MS });
// The same for vitest's own `vi.waitFor`, whose default gives up after 1 s (an explicit timeout still wins).
const waitFor = vi.waitFor;
vi.waitFor = ((callback, options) =>
  waitFor(callback, typeof options === 'number' ? options : { timeout: PATIENCE_MS, ...options })) as typeof vi.waitFor;

afterEach(() => {
  cleanup();
});
