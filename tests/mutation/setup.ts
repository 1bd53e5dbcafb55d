// The mutation suite runs in Node (vitest.mutation.config.ts); the outbox tests need IndexedDB.
import 'fake-indexeddb/auto';
