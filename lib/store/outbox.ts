import { z } from 'zod';
import { isConnectorError, type Connector, type ConnectorErrorKind } from '../connectors/connector';
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

/**
 * The feedback outbox. A click is written to IndexedDB at once and delivered later by the background worker,
 * exactly once: the feedback id is the idempotency key the connector looks up before creating, items in
 * flight carry a lease so a worker that died mid-send gives them back, and a worker only settles items it
 * still holds.
 */

/** How long a click can be taken back before the outbox may send it. */
export const UNDO_WINDOW_MS = 5_000;
/** A claimed item returns to the queue if its worker has not settled it by then (suspended or killed worker). */
export const LEASE_MS = 60_000;
/** Exponential backoff with full jitter: https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/ */
// A lost response is usually a blip: the first retry comes within seconds, later ones spread out to an hour.
export const BACKOFF_BASE_MS = 5_000;
export const BACKOFF_CAP_MS = 60 * 60_000;
const MIN_DELAY_MS = 1_000;
/** Spread of retries after a Retry-After, so a queue of items does not hit the vendor in the same second. */
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
  const { recordKey: _r, claimId: _c, authFailures: _a, lastErrorKind: _k, ...feedback } = row;
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

/** A person asks to try again now: failed items return to the queue, waiting ones skip their backoff. */
export async function retryFeedback(db: BatonDb, id: string, now: number): Promise<boolean> {
  return db.transaction('rw', db.feedback, async () => {
    const row = await db.feedback.get(id);
    if (!row || (row.state !== 'failed' && row.state !== 'pending')) return false;
    if (row.state === 'pending' && row.attempts === 0) return false; // still inside its undo window
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
 * Claim due items: pending ones whose time has come, and 'sending' ones whose lease has run out (their worker
 * died). A 'sending' item's `nextAttemptAt` is its lease end, so one index serves both.
 */
async function claimDue(db: BatonDb, now: number, limit: number, claimId: string): Promise<FeedbackRow[]> {
  return db.transaction('rw', db.feedback, async () => {
    const due: FeedbackRow[] = [];
    for (const state of ['sending', 'pending'] as const) {
      if (due.length >= limit) break;
      const rows = await db.feedback
        .where('[state+nextAttemptAt]')
        .between([state, 0], [state, now], true, true)
        .limit(limit - due.length)
        .toArray();
      due.push(...rows);
    }
    const claimed = due.map((row) => ({
      ...row,
      state: 'sending' as const,
      claimId,
      attempts: row.attempts + 1,
      nextAttemptAt: now + LEASE_MS,
    }));
    await db.feedback.bulkPut(claimed);
    return claimed;
  });
}

/** Settle an item only if this worker still holds it (a lease that expired may have been re-claimed). */
async function settle(db: BatonDb, id: string, claimId: string, changes: Partial<FeedbackRow>): Promise<boolean> {
  return db.transaction('rw', db.feedback, async () => {
    const row = await db.feedback.get(id);
    if (!row || row.state !== 'sending' || row.claimId !== claimId) return false;
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
  | { state: 'pending'; nextAttemptAt: number; lastError: string; kind: string; authFailures: number; holdSystem?: number }
  | { state: 'failed'; lastError: string; kind: string };

function describe(error: unknown): { message: string; kind: string } {
  if (isConnectorError(error)) return { message: `${error.vendor}: ${error.message}`, kind: error.kind };
  return { message: error instanceof Error ? error.message : String(error), kind: 'unknown' };
}

function outcomeOf(error: unknown, row: FeedbackRow, now: number, random: () => number): Outcome {
  const { message, kind } = describe(error);
  if (isConnectorError(error) && NEEDS_A_PERSON.includes(error.kind)) return { state: 'failed', lastError: message, kind };
  const authFailures = kind === 'auth' ? row.authFailures + 1 : 0;
  if (authFailures >= MAX_AUTH_FAILURES) return { state: 'failed', lastError: message, kind };
  if (row.attempts >= MAX_ATTEMPTS) return { state: 'failed', lastError: message, kind };
  const retryAfter = isConnectorError(error) ? error.retryAfterMs : undefined;
  if (retryAfter !== undefined || kind === 'quota') {
    // The vendor said when: wait that long (then a little spread), and hold its other items too.
    const wait = retryAfter ?? QUOTA_DEFAULT_WAIT_MS;
    const at = now + wait + Math.floor(random() * RETRY_AFTER_SPREAD_MS);
    return { state: 'pending', nextAttemptAt: at, lastError: message, kind, authFailures, holdSystem: at };
  }
  // An auth failure is usually an expired token the connector refreshes on the next call: retry soon.
  const delay = kind === 'auth' ? MIN_DELAY_MS : backoffDelay(row.attempts, random);
  return { state: 'pending', nextAttemptAt: now + delay, lastError: message, kind, authFailures };
}

export interface DeliverResult {
  sent: number;
  retrying: number;
  failed: number;
  /** Items handed back because the vendor asked to slow down while an earlier item of the batch was sent. */
  deferred: number;
}

export interface DeliverOptions {
  random?: () => number;
  limit?: number;
  /** Give up on one vendor call after this long; the lease keeps the item safe either way. */
  attemptTimeoutMs?: number;
}

/**
 * Deliver what is due, one item at a time (vendors ration calls). `connectorFor` gives the connector of the
 * record's system. Safe to run in several contexts at once: claims are transactional and leased.
 */
export async function deliverDue(
  db: BatonDb,
  connectorFor: (system: SystemId) => Promise<Connector>,
  now: number,
  options: DeliverOptions = {},
): Promise<DeliverResult> {
  const random = options.random ?? Math.random;
  const claimId = newId();
  const claimed = await claimDue(db, now, options.limit ?? DEFAULT_BATCH, claimId);
  const result: DeliverResult = { sent: 0, retrying: 0, failed: 0, deferred: 0 };
  const heldUntil = new Map<SystemId, number>();
  for (const row of claimed) {
    const system = row.ref.system;
    const hold = heldUntil.get(system);
    if (hold !== undefined) {
      // Hand it back untouched (the claim did not count as an attempt).
      if (await settle(db, row.id, claimId, { state: 'pending', attempts: row.attempts - 1, nextAttemptAt: hold })) {
        result.deferred++;
      }
      continue;
    }
    try {
      const connector = await connectorFor(system);
      const receipt = await withTimeout(
        (signal) => connector.deliverFeedback(toFeedback(row), { now, signal }),
        options.attemptTimeoutMs ?? 30_000,
      );
      const settled = await settle(db, row.id, claimId, {
        state: 'sent',
        sentAt: now,
        vendorId: receipt.vendorId,
        lastError: undefined,
        lastErrorKind: undefined,
        authFailures: 0,
        nextAttemptAt: now,
      });
      if (settled) result.sent++;
    } catch (error) {
      const outcome = outcomeOf(error, row, now, random);
      if (outcome.state === 'failed') {
        if (await settle(db, row.id, claimId, { state: 'failed', lastError: outcome.lastError, lastErrorKind: outcome.kind, nextAttemptAt: now })) {
          result.failed++;
        }
      } else {
        if (outcome.holdSystem !== undefined) heldUntil.set(system, outcome.holdSystem);
        const changes = {
          state: 'pending' as const,
          nextAttemptAt: outcome.nextAttemptAt,
          lastError: outcome.lastError,
          lastErrorKind: outcome.kind,
          authFailures: outcome.authFailures,
        };
        if (await settle(db, row.id, claimId, changes)) result.retrying++;
      }
    }
  }
  return result;
}

class AttemptTimeout extends Error {
  constructor(ms: number) {
    super(`No answer from the vendor within ${Math.round(ms / 1000)} s; will try again.`);
    this.name = 'AttemptTimeout';
  }
}

async function withTimeout<T>(run: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new AttemptTimeout(ms));
    }, ms);
  });
  try {
    return await Promise.race([run(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
