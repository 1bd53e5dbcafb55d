import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DB_NAME } from '../../lib/store/db-name';
import { openBatonDb } from '../../lib/store/db';
import { warmStore } from '../../lib/store/warm-store';

/** Waits until the warm-up's open has succeeded or failed. */
function settled(request: IDBOpenDBRequest | undefined): Promise<void> {
  return new Promise((resolve) => {
    request?.addEventListener('success', () => resolve());
    request?.addEventListener('error', () => resolve());
  });
}

const names = async () => (await indexedDB.databases()).map((d) => d.name);

describe('warming the store before the panel opens it', () => {
  it('does not create the database on a first install: Dexie creates it with its schema', async () => {
    await new Promise((resolve) => (indexedDB.deleteDatabase(DB_NAME).onsuccess = resolve));
    await settled(warmStore());
    expect(await names()).not.toContain(DB_NAME);
    const db = openBatonDb();
    await db.open();
    expect(await names()).toContain(DB_NAME);
    expect(db.tables.map((t) => t.name)).toContain('records');
    db.close();
  });

  it('never holds up the database Dexie opens next', async () => {
    const db = openBatonDb();
    const warmed = settled(warmStore());
    await db.open();
    await warmed;
    expect(db.isOpen()).toBe(true);
    expect(await db.records.count()).toBeGreaterThanOrEqual(0);
    db.close();
  });
});
