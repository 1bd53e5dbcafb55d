import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorError, type Connector, type ConnectorErrorKind } from '../../lib/connectors/connector';
import type { BatonDb } from '../../lib/store/db';
import {
  amendFeedback,
  backoffDelay,
  BACKOFF_BASE_MS,
  BACKOFF_CAP_MS,
  deliverDue,
  LEASE_MS,
  listFeedback,
  MAX_ATTEMPTS,
  nextDueAt,
  recordFeedback,
  retryFeedback,
  undoFeedback,
  UNDO_WINDOW_MS,
  type StartTimer,
} from '../../lib/store/outbox';
import { saveContext } from '../../lib/store/context-repo';
import { freshDb, leadContext, scripted, sfRef, T0 } from './lead-context-fixture';

/**
 * The outbox's rules one at a time (tests/store/outbox.test.ts tells the main stories): what undo, retry and amend
 * accept, how each kind of vendor failure is waited out, and what the delivery counts say.
 */

let db: BatonDb;
afterEach(async () => {
  await db?.delete();
});

const DUE = T0 + UNDO_WINDOW_MS;
const click = (id = '00Q000000000001AAA', over: { comment?: string; personKey?: string } = {}) => ({
  ref: sfRef(id),
  personKey: over.personKey ?? `${id}@example.co.jp`,
  verdict: 'bad' as const,
  reasonCodes: ['NO_BUDGET'],
  ...(over.comment === undefined ? {} : { comment: over.comment }),
  by: 'sato@example.co.jp',
});

const vendorError = (kind: ConnectorErrorKind, retryAfterMs?: number) =>
  new ConnectorError({ vendor: 'salesforce', kind, message: `${kind} happened`, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });

/** One failed attempt with `error` at DUE; returns the stored row and the counts. */
async function failOnce(error: Error, random = () => 0.5) {
  db = freshDb();
  const f = await recordFeedback(db, click(), T0);
  const result = await deliverDue(db, scripted([error]).connectorFor, DUE, { random });
  return { result, row: (await db.feedback.get(f.id))! };
}

describe('a click as recorded', () => {
  it('keeps its comment when one was written, and has none otherwise', async () => {
    db = freshDb();
    const withComment = await recordFeedback(db, click('00Q000000000001AAA', { comment: '予算は来期' }), T0);
    const without = await recordFeedback(db, click('00Q000000000002AAA'), T0);
    expect(withComment.comment).toBe('予算は来期');
    expect('comment' in without).toBe(false);
    expect('comment' in (await db.feedback.get(without.id))!).toBe(false);
  });

  it('a full disk with nothing cached yet still frees one person’s cache and writes the click', async () => {
    db = freshDb();
    const original = db.feedback.add.bind(db.feedback);
    let calls = 0;
    db.feedback.add = ((...args: Parameters<typeof original>) =>
      calls++ === 0 ? Promise.reject(new DOMException('disk full', 'QuotaExceededError')) : original(...args)) as typeof original;
    const f = await recordFeedback(db, click(), T0);
    expect((await db.feedback.get(f.id))?.state).toBe('pending');
  });

  it('a full disk frees a quarter of the people cached (8 people: 2), then writes the click', async () => {
    db = freshDb();
    for (let i = 0; i < 8; i++) await saveContext(db, leadContext(sfRef(`00Q00000000003${i}AAA`), { fetchedAt: T0 + i }));
    const original = db.feedback.add.bind(db.feedback);
    let calls = 0;
    db.feedback.add = ((...args: Parameters<typeof original>) =>
      calls++ === 0 ? Promise.reject(new DOMException('disk full', 'QuotaExceededError')) : original(...args)) as typeof original;
    await recordFeedback(db, click(), T0);
    expect(await db.people.count()).toBe(6);
  });

  it('any other write error is the caller’s to see: nothing is evicted and the click is not claimed as saved', async () => {
    db = freshDb();
    for (let i = 0; i < 4; i++) await saveContext(db, leadContext(sfRef(`00Q00000000004${i}AAA`), { fetchedAt: T0 + i }));
    db.feedback.add = (() => Promise.reject(new Error('database closed'))) as unknown as typeof db.feedback.add;
    await expect(recordFeedback(db, click(), T0)).rejects.toThrow('database closed');
    expect(await db.people.count()).toBe(4);
  });

  it('lists a record’s or a person’s clicks newest first; without either, none', async () => {
    db = freshDb();
    const first = await recordFeedback(db, click('00Q000000000001AAA', { personKey: 'p@example.co.jp' }), T0);
    const second = await recordFeedback(db, click('00Q000000000001AAA', { personKey: 'p@example.co.jp' }), T0 + 1_000);
    const other = await recordFeedback(db, click('00Q000000000002AAA', { personKey: 'p@example.co.jp' }), T0 + 2_000);
    const byRecord = await listFeedback(db, { recordKey: 'salesforce|acme.my.salesforce.com|Lead|00Q000000000001AAA' });
    expect(byRecord.map((f) => f.id)).toEqual([second.id, first.id]);
    expect(byRecord[0]).not.toHaveProperty('recordKey');
    expect(byRecord[0]).not.toHaveProperty('authFailures');
    expect((await listFeedback(db, { personKey: 'p@example.co.jp' })).map((f) => f.id)).toEqual([other.id, second.id, first.id]);
    expect(await listFeedback(db, {})).toEqual([]);
  });
});

describe('undo, retry and amend accept only what they can change', () => {
  it('undo: an unknown click, a sent one or a cancelled one cannot be taken back', async () => {
    db = freshDb();
    expect(await undoFeedback(db, 'no-such-click', T0)).toBe(false);
    const f = await recordFeedback(db, click(), T0);
    expect(await undoFeedback(db, f.id, T0 + 1_000)).toBe(true);
    expect(await undoFeedback(db, f.id, T0 + 2_000)).toBe(false);
    const g = await recordFeedback(db, click('00Q000000000002AAA'), T0);
    await deliverDue(db, scripted().connectorFor, DUE);
    expect((await db.feedback.get(g.id))?.state).toBe('sent');
    expect(await undoFeedback(db, g.id, DUE + 1)).toBe(false);
  });

  it('undo: a click waiting for its retry after a failed attempt cannot be taken back (the vendor may have it)', async () => {
    const { row } = await failOnce(vendorError('transient'));
    expect(row).toMatchObject({ state: 'pending', attempts: 1 });
    expect(await undoFeedback(db, row.id, DUE + 1)).toBe(false);
    expect((await db.feedback.get(row.id))?.state).toBe('pending');
  });

  it('retry: a click waiting out its backoff is sent now; a sent, unknown or still-undoable one is left alone', async () => {
    const { row } = await failOnce(vendorError('transient'));
    expect(row.nextAttemptAt).toBeGreaterThan(DUE + 1);
    expect(await retryFeedback(db, row.id, DUE + 1)).toBe(true);
    expect(await nextDueAt(db)).toBe(DUE + 1);
    expect(await retryFeedback(db, 'no-such-click', DUE)).toBe(false);
    const fresh = await recordFeedback(db, click('00Q000000000002AAA'), T0);
    expect(await retryFeedback(db, fresh.id, T0 + 1_000)).toBe(false);
    expect((await db.feedback.get(fresh.id))?.nextAttemptAt).toBe(DUE);
    await deliverDue(db, scripted().connectorFor, DUE + 1);
    expect(await retryFeedback(db, row.id, DUE + 2)).toBe(false);
    expect((await db.feedback.get(row.id))?.state).toBe('sent');
  });

  it('retry: signing in again gives a click its three sign-in attempts back', async () => {
    db = freshDb();
    const f = await recordFeedback(db, click(), T0);
    const { connectorFor } = scripted([vendorError('auth'), vendorError('auth'), vendorError('auth'), vendorError('auth')]);
    let now = DUE;
    for (let i = 0; i < 2; i++) {
      await deliverDue(db, connectorFor, now);
      now = (await db.feedback.get(f.id))!.nextAttemptAt;
    }
    expect(await db.feedback.get(f.id)).toMatchObject({ state: 'pending', authFailures: 2 });
    expect(await retryFeedback(db, f.id, now)).toBe(true);
    expect((await db.feedback.get(f.id))?.authFailures).toBe(0);
    await deliverDue(db, connectorFor, now);
    expect(await db.feedback.get(f.id)).toMatchObject({ state: 'pending', authFailures: 1 });
  });

  it('amend: only a delivered click (or an amend that is waiting or failed) takes new reasons; the comment is replaced or removed', async () => {
    db = freshDb();
    expect(await amendFeedback(db, 'no-such-click', { reasonCodes: ['NO_BUDGET'] }, T0)).toBe(false);
    const f = await recordFeedback(db, click('00Q000000000001AAA', { comment: 'first words' }), T0);
    expect(await amendFeedback(db, f.id, { reasonCodes: ['BAD_TIMING'] }, T0 + 1)).toBe(false);
    await deliverDue(db, scripted().connectorFor, DUE);
    expect(await amendFeedback(db, f.id, { reasonCodes: ['BAD_TIMING'], comment: '来期に再検討' }, DUE + 1)).toBe(true);
    expect(await db.feedback.get(f.id)).toMatchObject({ op: 'amend', state: 'pending', attempts: 0, reasonCodes: ['BAD_TIMING'], comment: '来期に再検討', nextAttemptAt: DUE + 1 });
    // Still waiting: a second change replaces the first; without a comment the old one goes.
    expect(await amendFeedback(db, f.id, { reasonCodes: ['NO_BUDGET', 'BAD_TIMING'] }, DUE + 2)).toBe(true);
    const row = (await db.feedback.get(f.id))!;
    expect(row.reasonCodes).toEqual(['NO_BUDGET', 'BAD_TIMING']);
    expect('comment' in row).toBe(false);
  });

  it('amend: a failed amend can be changed again; a failed first delivery cannot (nothing to amend yet)', async () => {
    db = freshDb();
    const f = await recordFeedback(db, click(), T0);
    await deliverDue(db, scripted().connectorFor, DUE);
    await amendFeedback(db, f.id, { reasonCodes: ['BAD_TIMING'] }, DUE + 1);
    const failing: Connector = { ...scripted().connector, amendFeedback: () => Promise.reject(vendorError('permanent')) };
    await deliverDue(db, async () => failing, DUE + 1);
    expect(await db.feedback.get(f.id)).toMatchObject({ state: 'failed', op: 'amend', lastErrorKind: 'permanent' });
    expect(await amendFeedback(db, f.id, { reasonCodes: ['NO_BUDGET'] }, DUE + 2)).toBe(true);
    expect(await db.feedback.get(f.id)).toMatchObject({ state: 'pending', lastErrorKind: undefined, lastError: undefined });

    const { row } = await failOnce(vendorError('permanent'));
    expect(row.state).toBe('failed');
    expect(await amendFeedback(db, row.id, { reasonCodes: ['NO_BUDGET'] }, DUE + 1)).toBe(false);
  });

  it('retry: an amend waiting in the queue can be pushed now (it has no undo window)', async () => {
    db = freshDb();
    const f = await recordFeedback(db, click(), T0);
    await deliverDue(db, scripted().connectorFor, DUE);
    await amendFeedback(db, f.id, { reasonCodes: ['BAD_TIMING'] }, DUE + 10);
    expect(await retryFeedback(db, f.id, DUE + 5)).toBe(true);
    expect(await nextDueAt(db)).toBe(DUE + 5);
  });
});

describe('when the outbox next has work', () => {
  it('is the earlier of the next pending item and the next expiring lease', async () => {
    db = freshDb();
    const f = await recordFeedback(db, click(), T0);
    const hang: Connector = { ...scripted().connector, deliverFeedback: () => new Promise(() => {}) };
    // Never-firing timer: the call stays open, the item stays 'sending' until its lease ends.
    void deliverDue(db, async () => hang, DUE, { startTimer: () => () => {} });
    await expect.poll(async () => (await db.feedback.get(f.id))?.state).toBe('sending');
    await recordFeedback(db, click('00Q000000000002AAA'), T0 + LEASE_MS);
    expect(await nextDueAt(db)).toBe(DUE + LEASE_MS);
    await recordFeedback(db, click('00Q000000000003AAA'), T0 + 1_000);
    expect(await nextDueAt(db)).toBe(DUE + 1_000);
  });

  it('an item is due at exactly its time', async () => {
    db = freshDb();
    await recordFeedback(db, click(), T0);
    expect(await deliverDue(db, scripted().connectorFor, DUE)).toMatchObject({ sent: 1 });
  });
});

describe('waiting out a vendor failure', () => {
  it('the first retry after a blip comes within 5 s, the third within 20 s, never sooner than 1 s, never later than an hour', () => {
    expect(backoffDelay(1, () => 0.999)).toBeLessThan(BACKOFF_BASE_MS);
    expect(backoffDelay(1, () => 0.5)).toBe(BACKOFF_BASE_MS / 2);
    expect(backoffDelay(3, () => 0.5)).toBe(2 * BACKOFF_BASE_MS);
    expect(backoffDelay(0, () => 0.5)).toBe(BACKOFF_BASE_MS / 2);
    expect(backoffDelay(1, () => 0)).toBe(1_000);
    expect(backoffDelay(40, () => 0.999)).toBeLessThanOrEqual(BACKOFF_CAP_MS);
    expect(backoffDelay(40, () => 0.5)).toBe(BACKOFF_CAP_MS / 2);
  });

  it('a transient failure is retried after the backoff, counted as retrying, with the vendor named in the error', async () => {
    const { row, result } = await failOnce(vendorError('transient'), () => 0.5);
    expect(result).toEqual({ sent: 0, retrying: 1, failed: 0, deferred: 0 });
    expect(row).toMatchObject({ state: 'pending', nextAttemptAt: DUE + BACKOFF_BASE_MS / 2, lastError: 'salesforce: transient happened', lastErrorKind: 'transient' });
  });

  it('an error that is not the vendor’s (a bug, a lost network) is retried, kept with its own message', async () => {
    const { row, result } = await failOnce(new TypeError('Failed to fetch'));
    expect(result.retrying).toBe(1);
    expect(row).toMatchObject({ state: 'pending', lastError: 'Failed to fetch', lastErrorKind: 'unknown' });
    await db.delete();
    db = freshDb();
    const f = await recordFeedback(db, click(), T0);
    const throwsText: Connector = { ...scripted().connector, deliverFeedback: () => Promise.reject('socket hang up') };
    await deliverDue(db, async () => throwsText, DUE);
    expect(await db.feedback.get(f.id)).toMatchObject({ state: 'pending', lastError: 'socket hang up', lastErrorKind: 'unknown' });
  });

  it('errors a person must fix (permission, missing record, bad answer, not connected) fail at once and are counted as failed', async () => {
    for (const kind of ['permanent', 'not-found', 'invalid-response', 'not-connected'] as const) {
      const { row, result } = await failOnce(vendorError(kind));
      expect(result, kind).toEqual({ sent: 0, retrying: 0, failed: 1, deferred: 0 });
      expect(row).toMatchObject({ state: 'failed', lastErrorKind: kind, lastError: `salesforce: ${kind} happened`, nextAttemptAt: DUE });
      await db.delete();
    }
  });

  it('a Retry-After on any failure is obeyed: the item waits that long plus a spread of up to 2 s', async () => {
    const { row } = await failOnce(vendorError('transient', 30_000), () => 0.5);
    expect(row.nextAttemptAt).toBe(DUE + 30_000 + 1_000);
  });

  it('a spent quota with no reset time waits an hour', async () => {
    const { row } = await failOnce(vendorError('quota'), () => 0);
    expect(row).toMatchObject({ state: 'pending', nextAttemptAt: DUE + 60 * 60_000, lastErrorKind: 'quota' });
  });

  it('an expired sign-in is retried after 1 s (the connector refreshes the token); the third in a row asks a person', async () => {
    const { row } = await failOnce(vendorError('auth'), () => 0.999);
    expect(row).toMatchObject({ state: 'pending', nextAttemptAt: DUE + 1_000, authFailures: 1 });
  });

  it(`after ${MAX_ATTEMPTS} attempts an item stops retrying on its own; the attempt before still retries`, async () => {
    db = freshDb();
    const f = await recordFeedback(db, click(), T0);
    await db.feedback.update(f.id, { attempts: MAX_ATTEMPTS - 2 });
    const { connectorFor } = scripted([vendorError('transient'), vendorError('transient')]);
    await deliverDue(db, connectorFor, DUE);
    expect(await db.feedback.get(f.id)).toMatchObject({ state: 'pending', attempts: MAX_ATTEMPTS - 1 });
    const next = (await db.feedback.get(f.id))!.nextAttemptAt;
    expect(await deliverDue(db, connectorFor, next)).toMatchObject({ failed: 1 });
    expect(await db.feedback.get(f.id)).toMatchObject({ state: 'failed', attempts: MAX_ATTEMPTS });
  });

  it('a call that never answers is abandoned after the attempt timeout with a message saying how long it waited', async () => {
    db = freshDb();
    const f = await recordFeedback(db, click(), T0);
    const hang: Connector = { ...scripted().connector, deliverFeedback: () => new Promise(() => {}) };
    let waited = 0;
    const fireAtOnce: StartTimer = (ms, fire) => {
      waited = ms;
      queueMicrotask(fire);
      return () => {};
    };
    expect(await deliverDue(db, async () => hang, DUE, { startTimer: fireAtOnce, attemptTimeoutMs: 30_000 })).toMatchObject({ retrying: 1 });
    expect(waited).toBe(30_000);
    expect((await db.feedback.get(f.id))?.lastError).toBe('No answer from the vendor within 30 s; will try again.');
  });

  it('an attempt timeout as long as the lease is refused, saying why', async () => {
    db = freshDb();
    await expect(deliverDue(db, scripted().connectorFor, DUE, { attemptTimeoutMs: LEASE_MS })).rejects.toThrow(`attemptTimeoutMs must stay below the ${LEASE_MS} ms lease`);
  });
});

describe('one delivery run', () => {
  it('sends at most `limit` items, one after another', async () => {
    db = freshDb();
    for (let i = 1; i <= 3; i++) await recordFeedback(db, click(`00Q00000000000${i}AAA`), T0);
    const { sent, connectorFor } = scripted();
    expect(await deliverDue(db, connectorFor, DUE, { limit: 2 })).toMatchObject({ sent: 2 });
    expect(sent).toHaveLength(2);
    expect(await deliverDue(db, connectorFor, DUE, { limit: 1 })).toMatchObject({ sent: 1 });
  });

  it('counts each failure once: two items failing for good are two failed', async () => {
    db = freshDb();
    for (let i = 1; i <= 2; i++) await recordFeedback(db, click(`00Q00000000000${i}AAA`), T0);
    const { connectorFor } = scripted([vendorError('permanent'), vendorError('permanent')]);
    expect(await deliverDue(db, connectorFor, DUE)).toEqual({ sent: 0, retrying: 0, failed: 2, deferred: 0 });
  });

  it('a click whose record was removed while it was being sent (signing out of the system) is not written back', async () => {
    db = freshDb();
    const f = await recordFeedback(db, click(), T0);
    const removing: Connector = {
      ...scripted().connector,
      deliverFeedback: async () => {
        await db.feedback.delete(f.id);
        return { vendorId: '00T000000000001AAA', alreadyExisted: false };
      },
    };
    expect(await deliverDue(db, async () => removing, DUE)).toEqual({ sent: 0, retrying: 0, failed: 0, deferred: 0 });
    expect(await db.feedback.get(f.id)).toBeUndefined();
  });
});
