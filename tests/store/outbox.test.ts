import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectorError, type Connector } from '../../lib/connectors/connector';
import { saveContext } from '../../lib/store/context-repo';
import type { BatonDb } from '../../lib/store/db';
import {
  BACKOFF_BASE_MS,
  deliverDue,
  LEASE_MS,
  nextDueAt,
  recordFeedback,
  retryFeedback,
  undoFeedback,
  UNDO_WINDOW_MS,
} from '../../lib/store/outbox';
import { runOutbox } from '../../lib/store/outbox-runner';
import { freshDb, leadContext, scripted, sfRef, T0 } from './lead-context-fixture';

let db: BatonDb;
afterEach(async () => {
  await db?.delete();
});

const click = (id = '00Q000000000001AAA') => ({
  ref: sfRef(id),
  personKey: `${id}@example.co.jp`,
  verdict: 'bad' as const,
  reasonCodes: ['NO_BUDGET'],
  comment: '予算なし',
  by: 'sato@example.co.jp',
});

describe('recording and undoing a click', () => {
  it('stores the click as pending at once and waits out the undo window before sending', async () => {
    db = freshDb();
    const feedback = await recordFeedback(db, click(), T0);
    expect(feedback.state).toBe('pending');
    expect((await db.feedback.get(feedback.id))?.reasonCodes).toEqual(['NO_BUDGET']);
    const { sent, connectorFor } = scripted([]);
    expect((await deliverDue(db, connectorFor, T0 + UNDO_WINDOW_MS - 1)).sent).toBe(0);
    expect(sent).toHaveLength(0);
    expect(await nextDueAt(db)).toBe(T0 + UNDO_WINDOW_MS);
    expect((await deliverDue(db, connectorFor, T0 + UNDO_WINDOW_MS)).sent).toBe(1);
    const row = await db.feedback.get(feedback.id);
    expect(row).toMatchObject({ state: 'sent', vendorId: '00T000000000001AAA', sentAt: T0 + UNDO_WINDOW_MS });
    expect(sent[0]?.id).toBe(feedback.id);
  });

  it('an undone click is never sent', async () => {
    db = freshDb();
    const feedback = await recordFeedback(db, click(), T0);
    expect(await undoFeedback(db, feedback.id, T0 + 1_000)).toBe(true);
    const { sent, connectorFor } = scripted([]);
    await deliverDue(db, connectorFor, T0 + 60_000);
    expect(sent).toHaveLength(0);
    expect((await db.feedback.get(feedback.id))?.state).toBe('cancelled');
    expect(await nextDueAt(db)).toBeNull();
  });

  it('cannot undo once the outbox has tried to send it', async () => {
    db = freshDb();
    const feedback = await recordFeedback(db, click(), T0);
    await deliverDue(db, scripted([]).connectorFor, T0 + UNDO_WINDOW_MS);
    expect(await undoFeedback(db, feedback.id, T0 + UNDO_WINDOW_MS + 1)).toBe(false);
    expect((await db.feedback.get(feedback.id))?.state).toBe('sent');
  });

  it('refuses a click that is not valid feedback', async () => {
    db = freshDb();
    await expect(recordFeedback(db, { ...click(), verdict: 'meh' as 'good' }, T0)).rejects.toThrow(/verdict/);
    expect(await db.feedback.count()).toBe(0);
  });
});

describe('delivery failures', () => {
  it('waits at least as long as Retry-After says, and holds the vendor’s other items too', async () => {
    db = freshDb();
    await recordFeedback(db, click('00Q000000000001AAA'), T0);
    await recordFeedback(db, click('00Q000000000002AAA'), T0);
    const limited = new ConnectorError({ vendor: 'salesforce', kind: 'rate-limit', message: 'REQUEST_LIMIT_EXCEEDED', retryAfterMs: 120_000 });
    const { sent, connectorFor } = scripted([limited]);
    const now = T0 + UNDO_WINDOW_MS;
    const result = await deliverDue(db, connectorFor, now, { random: () => 0.5 });
    expect(result).toMatchObject({ sent: 0, retrying: 1, deferred: 1 });
    expect(sent).toHaveLength(1);
    const rows = await db.feedback.toArray();
    for (const row of rows) {
      expect(row.state).toBe('pending');
      expect(row.nextAttemptAt).toBeGreaterThanOrEqual(now + 120_000);
    }
    expect(rows.map((r) => r.attempts).sort()).toEqual([0, 1]);
    expect((await deliverDue(db, connectorFor, now + 119_000)).sent).toBe(0);
  });

  it('backs off exponentially with jitter on transient errors', async () => {
    db = freshDb();
    const feedback = await recordFeedback(db, click(), T0);
    const down = () => new ConnectorError({ vendor: 'salesforce', kind: 'transient', message: '503 Service Unavailable' });
    const { connectorFor } = scripted([down(), down(), down()]);
    let now = T0 + UNDO_WINDOW_MS;
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      await deliverDue(db, connectorFor, now, { random: () => 0.999 });
      const row = await db.feedback.get(feedback.id);
      delays.push(row!.nextAttemptAt - now);
      now = row!.nextAttemptAt;
    }
    expect(delays[0]).toBeGreaterThan(BACKOFF_BASE_MS * 0.99);
    expect(delays[1]).toBeGreaterThan(delays[0]! * 1.9);
    expect(delays[2]).toBeGreaterThan(delays[1]! * 1.9);
    expect((await db.feedback.get(feedback.id))?.lastError).toMatch(/salesforce: 503/);
  });

  it('marks a permanent error failed with the vendor’s reason, and a person can retry it', async () => {
    db = freshDb();
    const feedback = await recordFeedback(db, click(), T0);
    const denied = new ConnectorError({ vendor: 'salesforce', kind: 'permanent', message: 'INSUFFICIENT_ACCESS: cannot create Task' });
    const { sent, connectorFor } = scripted([denied]);
    await deliverDue(db, connectorFor, T0 + UNDO_WINDOW_MS);
    expect(await db.feedback.get(feedback.id)).toMatchObject({ state: 'failed', lastError: 'salesforce: INSUFFICIENT_ACCESS: cannot create Task' });
    expect(await nextDueAt(db)).toBeNull();
    expect(await retryFeedback(db, feedback.id, T0 + 60_000)).toBe(true);
    await deliverDue(db, connectorFor, T0 + 60_000);
    expect((await db.feedback.get(feedback.id))?.state).toBe('sent');
    expect(sent).toHaveLength(2);
  });

  it('asks a person to sign in when the token cannot be refreshed', async () => {
    db = freshDb();
    const feedback = await recordFeedback(db, click(), T0);
    const auth = () => new ConnectorError({ vendor: 'salesforce', kind: 'auth', message: 'INVALID_SESSION_ID' });
    const { connectorFor } = scripted([auth(), auth(), auth()]);
    let now = T0 + UNDO_WINDOW_MS;
    for (let i = 0; i < 3; i++) {
      await deliverDue(db, connectorFor, now);
      now = (await db.feedback.get(feedback.id))!.nextAttemptAt;
    }
    expect(await db.feedback.get(feedback.id)).toMatchObject({ state: 'failed', lastErrorKind: 'auth' });
  });

  it('takes back an item whose worker died, once its lease runs out', async () => {
    db = freshDb();
    const feedback = await recordFeedback(db, click(), T0);
    const hang: Connector = { system: 'salesforce', fetchContext: () => new Promise(() => {}), deliverFeedback: () => new Promise(() => {}) };
    void deliverDue(db, async () => hang, T0 + UNDO_WINDOW_MS);
    // The hung delivery has taken the item once it is marked as being sent.
    await vi.waitFor(async () => expect((await db.feedback.get(feedback.id))?.state).toBe('sending'));
    const { sent, connectorFor } = scripted([]);
    expect((await deliverDue(db, connectorFor, T0 + UNDO_WINDOW_MS + LEASE_MS - 1)).sent).toBe(0);
    expect(await nextDueAt(db)).toBe(T0 + UNDO_WINDOW_MS + LEASE_MS);
    expect((await deliverDue(db, connectorFor, T0 + UNDO_WINDOW_MS + LEASE_MS)).sent).toBe(1);
    expect(sent).toHaveLength(1);
  });

  it('two workers running at once never send the same item twice', async () => {
    db = freshDb();
    for (let i = 0; i < 30; i++) await recordFeedback(db, click(`00Q0000000000${String(i).padStart(2, '0')}AAA`), T0);
    const { sent, connectorFor } = scripted([]);
    const now = T0 + UNDO_WINDOW_MS;
    await Promise.all([deliverDue(db, connectorFor, now, { limit: 50 }), deliverDue(db, connectorFor, now, { limit: 50 })]);
    expect(sent).toHaveLength(30);
    expect(new Set(sent.map((f) => f.id)).size).toBe(30);
  });
});

describe('resilience', () => {
  it('a vendor call that never answers times out and is retried later, not left hanging', async () => {
    db = freshDb();
    const feedback = await recordFeedback(db, click(), T0);
    const hang: Connector = { system: 'salesforce', fetchContext: () => new Promise(() => {}), deliverFeedback: () => new Promise(() => {}) };
    const result = await deliverDue(db, async () => hang, T0 + UNDO_WINDOW_MS, { attemptTimeoutMs: 20 });
    expect(result.retrying).toBe(1);
    expect(await db.feedback.get(feedback.id)).toMatchObject({ state: 'pending', attempts: 1, lastError: expect.stringMatching(/No answer/) });
  });

  it('a full disk never loses a click: the cache is evicted and the click written', async () => {
    db = freshDb();
    for (let i = 0; i < 4; i++) await saveContext(db, leadContext(sfRef(`00Q00000000002${i}AAA`), { fetchedAt: T0 + i }));
    const original = db.feedback.add.bind(db.feedback);
    let calls = 0;
    db.feedback.add = ((...args: Parameters<typeof original>) =>
      calls++ === 0 ? Promise.reject(new DOMException('disk full', 'QuotaExceededError')) : original(...args)) as typeof original;
    const feedback = await recordFeedback(db, click(), T0);
    expect((await db.feedback.get(feedback.id))?.state).toBe('pending');
    expect(await db.people.count()).toBe(3);
  });
});

describe('runOutbox', () => {
  it('sends what is due and asks to be woken for the rest', async () => {
    db = freshDb();
    await recordFeedback(db, click('00Q000000000001AAA'), T0);
    await recordFeedback(db, click('00Q000000000002AAA'), T0 + 3_000);
    const wakes: (number | null)[] = [];
    const { connectorFor } = scripted([]);
    const result = await runOutbox({ db, connectorFor, now: () => T0 + UNDO_WINDOW_MS, scheduleWake: (at) => void wakes.push(at) });
    expect(result.sent).toBe(1);
    expect(wakes).toEqual([T0 + 3_000 + UNDO_WINDOW_MS]);
    await runOutbox({ db, connectorFor, now: () => T0 + 3_000 + UNDO_WINDOW_MS, scheduleWake: (at) => void wakes.push(at) });
    expect(wakes.at(-1)).toBeNull();
  });
});
