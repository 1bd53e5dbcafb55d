import { DB_NAME } from './db-name';

/**
 * Opens the app database's backing store while the panel's scripts still load, so Dexie's own open later is a
 * quick one (on a cold start Chromium opens the LevelDB files behind IndexedDB on the first open, hundreds of
 * milliseconds on a busy machine). No version is asked, so nothing is upgraded; a database that does not exist
 * yet is not created (the upgrade is aborted): Dexie creates it with its schema. The connection closes as soon as
 * it opens, so it never holds up Dexie's upgrade of a newer version.
 */
export function warmStore(idb: IDBFactory | undefined = globalThis.indexedDB): IDBOpenDBRequest | undefined {
  if (!idb) return undefined;
  try {
    const request = idb.open(DB_NAME);
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => request.result.close();
    request.onerror = (event) => event.preventDefault();
    return request;
  } catch {
    // A warm-up only: the real open reports its own errors.
    return undefined;
  }
}
