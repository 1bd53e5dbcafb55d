import { z } from 'zod';
import { isConnectorError, type Connector, type ConnectorErrorKind, type DeliveryReceipt } from '../connectors/connector';
import {
  feedbackSchema,
  recordKey,
  recordRefSchema,
  verdictSchema,
  type Feedback,
  type SystemId,
} from '../domain/model';
import type { BatonDb, FeedbackRow } from './db';
import { isQuotaExceeded } from './db';
import { evictLeastRecentlyViewed } from './eviction';
import { extendHold, holdOf } from './vendor-hold';

/**
 * The feedback outbox. A click is written to IndexedDB at once and delivered later by the background worker,
 * exactly once: the feedback id is the idempotency key the connector looks up before creating, each item is
 * claimed just before its vendor call with a lease longer than the call may last (so a worker that died
 * mid-send gives it back, and no one else sends it meanwhile), a worker only settles items it still holds,
 * and a vendor's Retry-After is stored and obeyed by every context.
 */

/** How long a click can be taken back before the outbox may send it. */
export const UNDO_WINDOW_MS = 5_000;
/** A claimed item returns to the queue if its worker has not settled it by then (suspended or killed worker). */
export const LEASE_MS = 60_000;
/**
 * One vendor call (look up, create, reconcile) is abandoned after this long. Kept well below the lease, so an
 * item is never claimed by a second context while its first call may still be running.
 */
export const ATTEMPT_TIMEOUT_MS = 30_000;
/** Exponential backoff with full jitter: https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/ */
// A lost response is usually a blip: the first retry comes within seconds, later ones spread out to an hour.
export const BACKOFF_BASE_MS = 5_000;
export const BACKOFF_CAP_MS = 60 * 60_000;
const MIN_DELAY_MS = 1_000;
/** Spread of the retried item after a Retry-After, so items of several contexts do not all arrive in the same second. */
const RETRY_AFTER_SPREAD_MS = 2_000;
/** When a quota is spent and the vendor does not say when it resets, look again in an hour. */
const QUOTA_DEFAULT_WAIT_MS = 60 * 60_000;
/** The connector refreshes tokens itself; this many auth failures in a row mean a person must sign in. */
const MAX_AUTH_FAILURES = 3;
/** After this many attempts an item stops retrying on its own and waits for a person. */
export const MAX_ATTEMPTS = 25;
const DEFAULT_BATCH = 25;

export const feedbackInputSchema = z.object({
  id: feedbackSchema.shape.id.optional(),
  ref: recordRefSchema,
  personKey: z.string().min(1),
  verdict: verdictSchema,
  reasonCodes: feedbackSchema.shape.reasonCodes.default([]),
  comment: feedbackSchema.shape.comment,
  by: feedbackSchema.shape.by,
});
export type FeedbackInput = z.input<typeof feedbackInputSchema>;

function toFeedback(row: FeedbackRow): Feedback {
  const { recordKey: _r, claimId: _c, authFailures: _a, lastErrorKind: _k, op: _o, ...feedback } = row;
  return feedback;
}

function newId(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * Store one click as pending, sendable after the undo window. Written to the feedback table alone, so a full
 * cache can never make it fail: on QuotaExceededError the cache is evicted and the write tried again.
 */
export async function recordFeedback(db: BatonDb, input: FeedbackInput, now: number): Promise<Feedback> {
  const parsed = feedbackInputSchema.parse(input);
  const feedback: Feedback = {
    id: parsed.id ?? newId(),
    ref: parsed.ref,
    personKey: parsed.personKey,
    verdict: parsed.verdict,
    reasonCodes: parsed.reasonCodes,
    ...(parsed.comment !== undefined ? { comment: parsed.comment } : {}),
    by: parsed.by,
    at: now,
    state: 'pending',
    attempts: 0,
    nextAttemptAt: now + UNDO_WINDOW_MS,
  };
  const row: FeedbackRow = { ...feedback, recordKey: recordKey(feedback.ref), authFailures: 0 };
  try {
    // `add`, not `put`: a second click with the same id must not reset a delivered item.
    await db.feedback.add(row);
  } catch (error) {
    if (!isQuotaExceeded(error)) throw error;
    const people = await db.people.count();
    await evictLeastRecentlyViewed(db, { count: Math.max(1, Math.ceil(people / 4)) });
    await db.feedback.add(row);
  }
  return feedback;
}

/** Take a click back while it is still waiting and was never attempted. Returns whether it was cancelled. */
export async function undoFeedback(db: BatonDb, id: string, now: number): Promise<boolean> {
  return db.transaction('rw', db.feedback, async () => {
    const row = await db.feedback.get(id);
    if (!row || row.state !== 'pending' || row.attempts > 0) return false;
    await db.feedback.update(id, { state: 'cancelled', nextAttemptAt: now });
    return true;
  });
}

/**
 * Reasons or a comment added after the click was delivered: the same item goes back to the outbox as an `amend`,
 * which updates the one Task / note / activity it created (never a second click: the lead would count twice).
 * Only a delivered item can be amended (one still sending may not have a vendor id yet). Returns whether queued.
 */
export async function amendFeedback(db: BatonDb, id: string, change: { reasonCodes: string[]; comment?: string }, now: number): Promise<boolean> {
  const reasonCodes = feedbackSchema.shape.reasonCodes.parse(change.reasonCodes);
  const comment = change.comment ? feedbackSchema.shape.comment.parse(change.comment) : undefined;
  return db.transaction('rw', db.feedback, async () => {
    const row = await db.feedback.get(id);
    const amending = row?.op === 'amend' && (row.state === 'pending' || row.state === 'failed');
    if (!row || !row.vendorId || (row.state !== 'sent' && !amending)) return false;
    const { comment: _old, ...rest } = row;
    await db.feedback.put({
      ...rest,
      ...(comment ? { comment } : {}),
      reasonCodes,
      op: 'amend',
      state: 'pending',
      attempts: 0,
      authFailures: 0,
      lastError: undefined,
      lastErrorKind: undefined,
      nextAttemptAt: now,
    });
    return true;
  });
}

/** A person asks to try again now: failed items return to the queue, waiting ones skip their backoff. */
export async function retryFeedback(db: BatonDb, id: string, now: number): Promise<boolean> {
  return db.transaction('rw', db.feedback, async () => {
    const row = await db.feedback.get(id);
    if (!row || (row.state !== 'failed' && row.state !== 'pending')) return false;
    if (row.state === 'pending' && row.attempts === 0 && row.op !== 'amend') return false; // still inside its undo window
    await db.feedback.update(id, { state: 'pending', nextAttemptAt: now, authFailures: 0 });
    return true;
  });
}

/** When the outbox next has work: the earliest pending item or expiring lease. Null when idle. */
export async function nextDueAt(db: BatonDb): Promise<number | null> {
  const [pending, sending] = await Promise.all(
    (['pending', 'sending'] as const).map((state) =>
      db.feedback.where('[state+nextAttemptAt]').between([state, 0], [state, Number.MAX_SAFE_INTEGER], true, true).first(),
    ),
  );
  const times = [pending?.nextAttemptAt, sending?.nextAttemptAt].filter((t): t is number => t !== undefined);
  return times.length ? Math.min(...times) : null;
}

/** Feedback rows of one record or person, newest first (for the panel). */
export async function listFeedback(db: BatonDb, by: { recordKey?: string; personKey?: string }): Promise<Feedback[]> {
  const rows = by.recordKey
    ? await db.feedback.where('recordKey').equals(by.recordKey).toArray()
    : by.personKey
      ? await db.feedback.where('personKey').equals(by.personKey).toArray()
      : [];
  return rows.map(toFeedback).sort((a, b) => b.at - a.at);
}

/**
 * Claim the next due item, one at a time, just before its vendor call: a pending item whose time has come, or a
 * 'sending' one whose lease has run out (its worker died). A 'sending' item's `nextAttemptAt` is its lease end,
 * so one index serves both. Items of a vendor that asked us to wait are moved to the end of that wait instead
 * (not counted as an attempt): they are `deferred`.
 *
 * Why one item per claim rather than a leased batch: a lease taken for a whole batch runs out while the first
 * items are still being sent (slow vendor, timeouts), and another context then takes the rest and sends them
 * too. Claimed just before its call, an item's lease always outlasts the call (`ATTEMPT_TIMEOUT_MS` <
 * `LEASE_MS`), and each claim reads the vendor holds other contexts stored a moment ago.
 */
async function claimNext(db: BatonDb, now: number): Promise<{ row: FeedbackRow | undefined; deferred: number }> {
  return db.transaction('rw', db.feedback, db.sync, async () => {
    let deferred = 0;
    for (;;) {
      const row =
        (await firstDue(db, 'sending', now)) ?? // expired leases first: they have waited longest
        (await firstDue(db, 'pending', now));
      if (!row) return { row: undefined, deferred };
      const hold = await holdOf(db, row.ref.system, now);
      if (hold !== undefined) {
        await db.feedback.put({ ...row, state: 'pending', claimId: undefined, nextAttemptAt: hold });
        deferred++;
        continue;
      }
      const claimed: FeedbackRow = {
        ...row,
        state: 'sending',
        claimId: newId(),
        attempts: row.attempts + 1,
        nextAttemptAt: now + LEASE_MS,
      };
      await db.feedback.put(claimed);
      return { row: claimed, deferred };
    }
  });
}

function firstDue(db: BatonDb, state: 'sending' | 'pending', now: number): Promise<FeedbackRow | undefined> {
  return db.feedback.where('[state+nextAttemptAt]').between([state, 0], [state, now], true, true).first();
}

/**
 * Settle an item only if this claim still holds it (a lease that expired may have been re-claimed). A vendor
 * hold is stored whatever happened to the item: the vendor said it, for every context.
 */
async function settle(
  db: BatonDb,
  claimed: FeedbackRow,
  changes: Partial<FeedbackRow>,
  hold?: number,
): Promise<boolean> {
  return db.transaction('rw', db.feedback, db.sync, async () => {
    if (hold !== undefined) await extendHold(db, claimed.ref.system, hold);
    const row = await db.feedback.get(claimed.id);
    if (!row || row.state !== 'sending' || row.claimId !== claimed.claimId) return false;
    await db.feedback.put({ ...row, ...changes, claimId: undefined } as FeedbackRow);
    return true;
  });
}

export function backoffDelay(attempts: number, random: () => number): number {
  const exponential = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.max(MIN_DELAY_MS, Math.floor(random() * exponential));
}

const NEEDS_A_PERSON: readonly ConnectorErrorKind[] = ['permanent', 'not-found', 'invalid-response', 'not-connected'];

type Outcome =
  | { state: 'pending'; nextAttemptAt: number; lastError: string; kind: string; authFailures: number; holdUntil?: number }
  | { state: 'failed'; lastError: string; kind: string };

function describe(error: unknown): { message: string; kind: string } {
  if (isConnectorError(error)) return { message: `${error.vendor}: ${error.message}`, kind: error.kind };
  return { message: error instanceof Error ? error.message : String(error), kind: 'unknown' };
}

/** What to do after a failed attempt. `answeredAt` is when the failure arrived: every wait counts from it. */
function outcomeOf(error: unknown, row: FeedbackRow, answeredAt: number, random: () => number): Outcome {
  const { message, kind } = describe(error);
  if (isConnectorError(error) && NEEDS_A_PERSON.includes(error.kind)) return { state: 'failed', lastError: message, kind };
  const authFailures = kind === 'auth' ? row.authFailures + 1 : 0;
  if (authFailures >= MAX_AUTH_FAILURES) return { state: 'failed', lastError: message, kind };
  if (row.attempts >= MAX_ATTEMPTS) return { state: 'failed', lastError: message, kind };
  const retryAfter = isConnectorError(error) ? error.retryAfterMs : undefined;
  if (retryAfter !== undefined || kind === 'quota') {
    // The vendor said when: nothing goes to it before then (the hold), and this item a little after (spread).
    const holdUntil = answeredAt + (retryAfter ?? QUOTA_DEFAULT_WAIT_MS);
    const at = holdUntil + Math.floor(random() * RETRY_AFTER_SPREAD_MS);
    return { state: 'pending', nextAttemptAt: at, lastError: message, kind, authFailures, holdUntil };
  }
  // An auth failure is usually an expired token the connector refreshes on the next call: retry soon.
  const delay = kind === 'auth' ? MIN_DELAY_MS : backoffDelay(row.attempts, random);
  return { state: 'pending', nextAttemptAt: answeredAt + delay, lastError: message, kind, authFailures };
}

export interface DeliverResult {
  sent: number;
  retrying: number;
  failed: number;
  /** Due items moved to the end of their vendor's Retry-After (or quota) hold instead of being sent. */
  deferred: number;
}

/** The clock. Read at each claim and when each answer arrives: vendor calls take time. */
export type Clock = () => number;
/** Start a timer that calls `fire` after `ms`; returns its cancel. Injected by tests that drive time themselves. */
export type StartTimer = (ms: number, fire: () => void) => () => void;

const realTimer: StartTimer = (ms, fire) => {
  const id = setTimeout(fire, ms);
  return () => clearTimeout(id);
};

export interface DeliverOptions {
  random?: () => number;
  /** Items delivered at most by one call (one after another: vendors ration calls). */
  limit?: number;
  /** Give up on one vendor call after this long. Must stay below `LEASE_MS`, so no one else can claim the item meanwhile. */
  attemptTimeoutMs?: number;
  startTimer?: StartTimer;
}

/**
 * Deliver what is due, one item at a time (vendors ration calls). `connectorFor` gives the connector of the
 * record's system; `now` is the clock (a number means a clock that stands still). Safe to run in several
 * contexts at once: each item is claimed in a transaction and leased for longer than its call may last.
 */
export async function deliverDue(
  db: BatonDb,
  connectorFor: (system: SystemId) => Promise<Connector>,
  now: number | Clock,
  options: DeliverOptions = {},
): Promise<DeliverResult> {
  const clock: Clock = typeof now === 'number' ? () => now : now;
  const random = options.random ?? Math.random;
  const attemptTimeoutMs = options.attemptTimeoutMs ?? ATTEMPT_TIMEOUT_MS;
  if (attemptTimeoutMs >= LEASE_MS) throw new RangeError(`attemptTimeoutMs must stay below the ${LEASE_MS} ms lease`);
  const startTimer = options.startTimer ?? realTimer;
  const result: DeliverResult = { sent: 0, retrying: 0, failed: 0, deferred: 0 };
  for (let n = 0; n < (options.limit ?? DEFAULT_BATCH); n++) {
    const { row, deferred } = await claimNext(db, clock());
    result.deferred += deferred;
    if (!row) break;
    try {
      const connector = await connectorFor(row.ref.system);
      const feedback = toFeedback(row);
      const receipt = await withTimeout(
        (signal) => (row.op === 'amend' ? amendThrough(connector, feedback, { now: clock(), signal }) : connector.deliverFeedback(feedback, { now: clock(), signal })),
        attemptTimeoutMs,
        startTimer,
      );
      const answeredAt = clock();
      const settled = await settle(db, row, {
        state: 'sent',
        sentAt: answeredAt,
        vendorId: receipt.vendorId,
        lastError: undefined,
        lastErrorKind: undefined,
        authFailures: 0,
        nextAttemptAt: answeredAt,
      });
      if (settled) result.sent++;
    } catch (error) {
      const answeredAt = clock();
      const outcome = outcomeOf(error, row, answeredAt, random);
      if (outcome.state === 'failed') {
        const changes = { state: 'failed' as const, lastError: outcome.lastError, lastErrorKind: outcome.kind, nextAttemptAt: answeredAt };
        if (await settle(db, row, changes)) result.failed++;
      } else {
        const changes = {
          state: 'pending' as const,
          nextAttemptAt: outcome.nextAttemptAt,
          lastError: outcome.lastError,
          lastErrorKind: outcome.kind,
          authFailures: outcome.authFailures,
        };
        if (await settle(db, row, changes, outcome.holdUntil)) result.retrying++;
      }
    }
  }
  return result;
}

/**
 * An amend goes through the connector's `amendFeedback`. A system that keeps activities as first written (Marketo's
 * custom activities cannot be changed) has none: the added reasons stay in Baton and the item is settled as sent
 * again, without a call, rather than shown as a failure of feedback that did arrive.
 */
async function amendThrough(connector: Connector, feedback: Feedback, options: { now: number; signal: AbortSignal }): Promise<DeliveryReceipt> {
  if (!connector.amendFeedback) return { vendorId: feedback.vendorId ?? '', alreadyExisted: true };
  return connector.amendFeedback(feedback, options);
}

class AttemptTimeout extends Error {
  constructor(ms: number) {
    super(`No answer from the vendor within ${Math.round(ms / 1000)} s; will try again.`);
    this.name = 'AttemptTimeout';
  }
}

async function withTimeout<T>(run: (signal: AbortSignal) => Promise<T>, ms: number, startTimer: StartTimer): Promise<T> {
  const controller = new AbortController();
  let cancel = () => {};
  const timeout = new Promise<never>((_, reject) => {
    cancel = startTimer(ms, () => {
      controller.abort();
      reject(new AttemptTimeout(ms));
    });
  });
  try {
    return await Promise.race([run(controller.signal), timeout]);
  } finally {
    cancel();
  }
}
