import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// CI runs on two shared cores: give live queries and re-renders time before a find* or waitFor gives up.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
});
