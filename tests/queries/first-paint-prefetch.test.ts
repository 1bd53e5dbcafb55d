import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { takeFirstPaintRows, prefetchFirstPaintRows } from '../../lib/queries/first-paint-prefetch';
import { saveContext } from '../../lib/store/context-repo';
import { openBatonDb } from '../../lib/store/db';
import { DB_NAME } from '../../lib/store/db-name';
import { openFirstPaintStore } from '../../lib/store/first-paint-read';
import { SF_REF, leadContext } from '../components/panel-harness';

/** Deletes the app database: resolves 'deleted', or 'blocked' while a connection is still held open somewhere. */
function deleteAppDb(): Promise<'deleted' | 'blocked'> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onblocked = () => resolve('blocked');
    request.onsuccess = () => resolve('deleted');
  });
}

/** The warm-up's prefetch, resolved once its `then` has run (the read has begun, or there is none). */
function prefetch(reply: unknown): Promise<void> {
  return new Promise((resolve) => prefetchFirstPaintRows(Promise.resolve({ reply }), resolve));
}

describe("the warm-up's early read for the first paint", () => {
  // The early connection also closes itself when another open asks for a new version: watching close itself is
  // what tells that it was let go on its own.
  const closes = () => vi.spyOn(IDBDatabase.prototype, 'close');
  afterEach(() => vi.restoreAllMocks());

  it('reads the record the worker names, from a database opened while the worker was asked, and lets it go', async () => {
    const db = openBatonDb();
    const ctx = leadContext();
    await saveContext(db, ctx);
    db.close();

    const close = closes();
    await prefetch({ ref: SF_REF, page: '' });
    const rows = await takeFirstPaintRows(SF_REF);
    expect(rows?.cached.context.person.name).toBe(ctx.person.name);
    expect(close).toHaveBeenCalledTimes(1);
    // Taken once: a second paint reads for itself.
    expect(takeFirstPaintRows(SF_REF)).toBeUndefined();
    expect(await deleteAppDb()).toBe('deleted');
  });

  it('with no record in the answer, reads nothing and closes the database it opened', async () => {
    const db = openBatonDb();
    await saveContext(db, leadContext());
    db.close();

    const close = closes();
    await prefetch({ ref: null, page: '' });
    expect(takeFirstPaintRows(SF_REF)).toBeUndefined();
    // The close follows the open's own success.
    await vi.waitFor(() => expect(close).toHaveBeenCalledTimes(1));
    expect(await deleteAppDb()).toBe('deleted');
  });

  it("never holds up a newer schema's upgrade while it waits for the worker", async () => {
    const db = openBatonDb();
    await db.open();
    const version = db.verno;
    db.close();
    const early = await openFirstPaintStore();
    expect(early).not.toBeNull();
    const upgraded = await new Promise<string>((resolve) => {
      const request = indexedDB.open(DB_NAME, version * 10 + 1);
      request.onblocked = () => resolve('blocked');
      request.onsuccess = () => {
        request.result.close();
        resolve('upgraded');
      };
    });
    expect(upgraded).toBe('upgraded');
    expect(await deleteAppDb()).toBe('deleted');
  });
});
