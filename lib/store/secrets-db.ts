import Dexie, { type Table } from 'dexie';

/**
 * Where tokens and client secrets live: an IndexedDB database of the extension's origin, separate from the
 * `baton` cache. Only the extension's own pages and its worker can open it. `storage.local` is readable by
 * content scripts (they run beside the vendor page's code: `chrome.storage.local.get(null)` from a content
 * script returns everything), and `storage.session` is emptied when the browser closes, which would sign
 * everyone out every morning. A separate database, so the cache's versions, eviction and "clear cache" never
 * touch a credential, and a secret is never one of the cache's rows.
 * https://developer.chrome.com/docs/extensions/reference/api/storage#storage_areas
 */
export const SECRETS_DB_NAME = 'baton-secrets';

export interface SecretRow {
  value: unknown;
}

/** Version 1: one key–value table; the key is the connector's storage key (outbound, as in storage.local). */
export class SecretsDb extends Dexie {
  entries!: Table<SecretRow, string>;

  constructor(name: string = SECRETS_DB_NAME) {
    super(name);
    this.version(1).stores({ entries: '' });
  }
}

export function openSecretsDb(name: string = SECRETS_DB_NAME): SecretsDb {
  return new SecretsDb(name);
}

export async function readSecret(db: SecretsDb, key: string): Promise<unknown> {
  return (await db.entries.get(key))?.value;
}

export async function writeSecret(db: SecretsDb, key: string, value: unknown): Promise<void> {
  await db.entries.put({ value }, key);
}

export async function removeSecret(db: SecretsDb, key: string): Promise<void> {
  await db.entries.delete(key);
}

/**
 * Stores `value` only if nothing is stored under `key` yet, in one transaction, and returns what is stored
 * afterwards. The migration uses it: a copy found in storage.local never replaces a newer secret that another
 * page or the worker wrote meanwhile (a refreshed token, a new client secret).
 */
export async function adoptSecret(db: SecretsDb, key: string, value: unknown): Promise<unknown> {
  return db.transaction('rw', db.entries, async () => {
    const held = await db.entries.get(key);
    if (held) return held.value;
    await db.entries.put({ value }, key);
    return value;
  });
}
