// The mutation suite runs in Node (vitest.mutation.config.ts); the outbox tests need IndexedDB.
import 'fake-indexeddb/auto';
import fc from 'fast-check';

// Each mutant reruns the properties that reach it: 25 runs instead of 100 keeps a run of the calendar group
// within the hour on two shared cores; the full suite (`npm test`) still runs the usual 100.
fc.configureGlobal({ numRuns: 25 });
