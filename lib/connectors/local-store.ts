import { browser } from 'wxt/browser';

/**
 * Where connectors keep settings, tokens and org facts: `browser.storage.local`, read only by the background
 * worker and extension pages. Never Dexie (the cache can be evicted and cleared), never a content script (it
 * runs beside untrusted page code), never a runtime message. Connectors take this interface so tests can hand
 * them an in-memory map.
 */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

export function browserLocalStore(): KeyValueStore {
  return {
    async get(key) {
      const found = await browser.storage.local.get(key);
      return found[key];
    },
    async set(key, value) {
      await browser.storage.local.set({ [key]: value });
    },
    async remove(key) {
      await browser.storage.local.remove(key);
    },
  };
}

/** For tests: values are cloned in and out, as storage.local serializes them. */
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
