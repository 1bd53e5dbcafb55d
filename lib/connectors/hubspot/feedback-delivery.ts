import { z } from 'zod';
import type { DeliveryReceipt } from '../connector';
import { ConnectorError } from '../connector';
import type { Feedback } from '../../domain/model';
import type { HubSpotClient } from './client';
import { parseVendorDateTime } from '../vendor-date';
import { feedbackNoteBody, feedbackToken, noteCarriesFeedback } from './feedback-note';
import { searchResponseSchema, simpleObjectSchema } from './schemas';

/** Note → contact, HubSpot-defined association type 202. https://developers.hubspot.com/docs/api/crm/associations/v4 */
const NOTE_TO_CONTACT = 202;
/** Notes searched per page and pages at most when looking for the notes of one feedback. */
const SEARCH_PAGE = 20;
const SEARCH_MAX_PAGES = 3;
/**
 * CRM search is eventually consistent: a note just created can be missing from search for some seconds
 * (integrators advise waiting up to ~10 s after a create). After creating, the reconcile search is repeated,
 * after these waits (11 s in all, well inside a service worker's 30 s idle limit), until it shows the note we
 * created; once it does, a copy created earlier by a resent POST shows too.
 * https://developers.hubspot.com/docs/api/crm/search#limitations
 */
const INDEX_WAITS_MS = [1_000, 2_000, 4_000, 4_000];

type HubSpotNote = z.infer<typeof simpleObjectSchema>;
/** Batch archive answers 204 with no body; anything it says is ignored. */
const unknownBody = z.unknown();

export interface FeedbackDeliveryDeps {
  client: HubSpotClient;
  sleep?: (ms: number) => Promise<void>;
}

/** HubSpot ids are decimal and grow with time; compared as numbers of any length. */
function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * The note that stands for the feedback when several carry its token: the oldest (created first, then lowest
 * id). Every attempt, from any browser, picks the same one, so the receipt never changes between retries.
 */
export function oldestNote<T extends Pick<HubSpotNote, 'id' | 'createdAt'>>(notes: readonly T[]): T | undefined {
  const at = (n: T) => parseVendorDateTime(n.createdAt) ?? Number.MAX_SAFE_INTEGER;
  return [...notes].sort((a, b) => at(a) - at(b) || compareIds(a.id, b.id))[0];
}

/**
 * Delivers one feedback click as one note on the contact, exactly once.
 *
 * 1. Look up notes carrying the feedback's token: an earlier attempt whose answer was lost is found, not redone.
 * 2. Create the note.
 * 3. Reconcile: search again, keep the oldest note carrying the token and archive the others. This catches a
 *    copy made when the POST was sent twice below `fetch`: Chromium silently resends a POST when a reused
 *    keep-alive connection is cut before the answer, so HubSpot creates two notes and we only see the second.
 *    Archiving is HubSpot's delete for CRM objects: the copy leaves the timeline and search.
 *    https://developers.hubspot.com/docs/api-reference/crm-notes-v3/batch/post-crm-v3-objects-notes-batch-archive
 */
export function createFeedbackDelivery(deps: FeedbackDeliveryDeps) {
  const { client } = deps;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));

  async function notesCarrying(feedback: Feedback, signal?: AbortSignal): Promise<HubSpotNote[]> {
    const found: HubSpotNote[] = [];
    let after: string | undefined;
    for (let page = 0; page < SEARCH_MAX_PAGES; page++) {
      const res = await client.request({
        method: 'POST',
        path: '/crm/v3/objects/notes/search',
        body: {
          filterGroups: [{ filters: [{ propertyName: 'hs_note_body', operator: 'CONTAINS_TOKEN', value: feedbackToken(feedback.id) }] }],
          properties: ['hs_note_body', 'hs_timestamp'],
          limit: SEARCH_PAGE,
          ...(after ? { after } : {}),
        },
        schema: searchResponseSchema,
        signal,
        doing: 'looking for the feedback note',
      });
      found.push(...res.results.filter((n) => !n.archived && noteCarriesFeedback(n.properties.hs_note_body, feedback.id)));
      after = res.paging?.next?.after;
      if (!after) break;
    }
    return found;
  }

  /** Keeps the oldest note and archives the rest, in one call. Returns the one kept. */
  async function keepOldest(notes: HubSpotNote[], signal?: AbortSignal): Promise<HubSpotNote> {
    const keep = oldestNote(notes);
    if (!keep) throw new Error('keepOldest needs at least one note');
    const extras = notes.filter((n) => n.id !== keep.id);
    if (!extras.length) return keep;
    try {
      await client.request({
        method: 'POST',
        path: '/crm/v3/objects/notes/batch/archive',
        body: { inputs: extras.map((n) => ({ id: n.id })) },
        schema: unknownBody,
        signal,
        doing: 'removing a duplicate feedback note',
      });
    } catch (error) {
      // Retryable: the outbox tries again and step 1 reconciles. Permanent (a token without the scope to
      // archive): the click is delivered all the same; the duplicate stays in HubSpot, the panel shows one.
      if (!(error instanceof ConnectorError) || error.retryable) throw error;
    }
    return keep;
  }

  /** After creating `created`: search until the index shows it (bounded), then keep the oldest. */
  async function reconcile(feedback: Feedback, created: HubSpotNote, signal?: AbortSignal): Promise<HubSpotNote> {
    for (let attempt = 0; ; attempt++) {
      const notes = await notesCarrying(feedback, signal);
      if (notes.some((n) => n.id === created.id)) return keepOldest(notes, signal);
      const wait = INDEX_WAITS_MS[attempt];
      // The index has not caught up: keep what we know. Any duplicate left shows once in the panel (read side
      // dedupes by feedback id) and is removed by the next delivery attempt of the same feedback, if any.
      if (wait === undefined) return keepOldest([created, ...notes], signal);
      await sleep(wait);
    }
  }

  async function deliver(feedback: Feedback, contactId: string, signal?: AbortSignal): Promise<DeliveryReceipt> {
    const earlier = await notesCarrying(feedback, signal);
    if (earlier.length) return { vendorId: (await keepOldest(earlier, signal)).id, alreadyExisted: true };
    const created = await client.request({
      method: 'POST',
      path: '/crm/v3/objects/notes',
      body: {
        properties: { hs_timestamp: new Date(feedback.at).toISOString(), hs_note_body: feedbackNoteBody(feedback) },
        associations: [{ to: { id: contactId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: NOTE_TO_CONTACT }] }],
      },
      schema: simpleObjectSchema,
      signal,
      doing: 'creating the feedback note',
    });
    try {
      const kept = await reconcile(feedback, created, signal);
      return { vendorId: kept.id, alreadyExisted: kept.id !== created.id };
    } catch (error) {
      // The note exists. A retryable failure of the reconcile search is retried by the outbox (step 1 then
      // reconciles); a permanent one must not turn a delivered click into a failure.
      if (error instanceof ConnectorError && !error.retryable) return { vendorId: created.id, alreadyExisted: false };
      throw error;
    }
  }

  /**
   * Reasons added after delivery: the one note is updated in place (PATCH of its `hs_note_body`, the same body a
   * resend writes again), never a second note. https://developers.hubspot.com/docs/api-reference/crm-notes-v3/basic/patch-crm-v3-objects-notes-noteId
   * (guide: https://developers.hubspot.com/docs/api/crm/notes, "Update notes").
   */
  async function amend(feedback: Feedback, signal?: AbortSignal): Promise<DeliveryReceipt> {
    if (!feedback.vendorId || !/^\d+$/.test(feedback.vendorId)) {
      throw new ConnectorError({ vendor: 'hubspot', kind: 'permanent', code: 'NO_NOTE', message: 'HubSpot: this feedback has no note to update.' });
    }
    const updated = await client.request({
      method: 'PATCH',
      path: `/crm/v3/objects/notes/${feedback.vendorId}`,
      body: { properties: { hs_note_body: feedbackNoteBody(feedback) } },
      schema: simpleObjectSchema,
      signal,
      doing: 'updating the feedback note',
    });
    return { vendorId: updated.id, alreadyExisted: true };
  }

  return { deliver, notesCarrying, amend };
}
