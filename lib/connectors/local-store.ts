import { browser } from 'wxt/browser';
import { adoptSecret, openSecretsDb, readSecret, removeSecret, writeSecret, type SecretsDb } from '../store/secrets-db';
import { isSecretKey, SECRET_KEYS } from './secret-keys';

/**
 * Where connectors keep settings, tokens and org facts, read only by the background worker and extension
 * pages. Secrets (SECRET_KEYS: tokens, client secrets) go to the extension origin's own IndexedDB
 * (lib/store/secrets-db.ts), because content scripts can read all of `storage.local`; everything else
 * (non-secret settings, API usage, org facts) stays in `storage.local`. Never the `baton` cache (it can be
 * evicted and cleared), never a content script, never a runtime message. Connectors take this interface so
 * tests can hand them an in-memory map.
 */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

let sharedSecrets: SecretsDb | undefined;
function secretsDb(): SecretsDb {
  sharedSecrets ??= openSecretsDb();
  return sharedSecrets;
}

/**
 * Moves one secret an older version left in storage.local into the secrets database (unless a newer one is
 * already there), then deletes it from storage.local. Returns what is stored, or undefined if there was none.
 */
async function moveOutOfLocal(secrets: SecretsDb, key: string): Promise<unknown> {
  const found = (await browser.storage.local.get(key))[key];
  if (found === undefined) return undefined;
  const kept = await adoptSecret(secrets, key, found);
  await browser.storage.local.remove(key);
  return kept;
}

/**
 * Run at every start of the background worker: moves the secrets of an install made before they left
 * storage.local. Nobody is signed out: the same values are read from the new place. Returns the keys moved.
 */
export async function migrateSecretsOutOfLocalStorage(secrets: SecretsDb = secretsDb()): Promise<string[]> {
  const moved: string[] = [];
  for (const key of SECRET_KEYS) {
    if ((await moveOutOfLocal(secrets, key)) !== undefined) moved.push(key);
  }
  return moved;
}

/** Once per page or worker, on its first use of a secret: all legacy secrets move, not only the one asked for. */
let migratedHere: Promise<unknown> | undefined;
function migrateOnce(secrets: SecretsDb): Promise<unknown> {
  migratedHere ??= migrateSecretsOutOfLocalStorage(secrets).catch(() => {
    migratedHere = undefined; // try again on the next use; the per-key fallback below still finds every secret
  });
  return migratedHere;
}

export function browserLocalStore(secrets?: SecretsDb): KeyValueStore {
  const db = () => secrets ?? secretsDb();
  return {
    async get(key) {
      if (!isSecretKey(key)) return (await browser.storage.local.get(key))[key];
      await migrateOnce(db());
      const held = await readSecret(db(), key);
      // A page may read before the worker's start-up migration ran: it moves the secret itself.
      return held !== undefined ? held : moveOutOfLocal(db(), key);
    },
    async set(key, value) {
      if (!isSecretKey(key)) {
        await browser.storage.local.set({ [key]: value });
        return;
      }
      await writeSecret(db(), key, value);
      await browser.storage.local.remove(key);
    },
    async remove(key) {
      if (isSecretKey(key)) await removeSecret(db(), key);
      await browser.storage.local.remove(key);
    },
  };
}

/** For tests: values are cloned in and out, as the browser's stores serialize them. */
export function memoryStore(initial: Record<string, unknown> = {}): KeyValueStore & { data: Map<string, unknown> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    async get(key) {
      return structuredClone(data.get(key));
    },
    async set(key, value) {
      data.set(key, structuredClone(value));
    },
    async remove(key) {
      data.delete(key);
    },
  };
}
