import type { Feedback } from '../../domain/model';
import { ConnectorError, type DeliveryReceipt } from '../connector';
import type { KintoneClient } from './client';
import { commentCarriesFeedback, compareCommentIds, feedbackCommentText } from './feedback-comment';
import { addCommentResponseSchema, emptyResponseSchema, getCommentsResponseSchema, type KintoneComment } from './schemas';

/** Comments come 10 a call (the API's maximum), newest first; the marker is looked for in the latest 30. */
const PAGE = 10;
const MAX_PAGES = 3;

export interface KintoneRecordAddress {
  appId: string;
  guestSpaceId?: string;
  recordId: string;
}

/**
 * Delivers one feedback click as one record comment, exactly once.
 * 1. Look for comments carrying the feedback's marker: an earlier attempt whose answer was lost is found, not redone.
 * 2. Post the comment. https://cybozu.dev/ja/kintone/docs/rest-api/records/add-comment/
 * 3. Look again: Chromium resends a POST whose reused keep-alive connection closed before any answer, so kintone
 *    may hold two. The oldest (smallest id) is kept, twins are deleted
 *    (https://cybozu.dev/ja/kintone/docs/rest-api/records/delete-comment/); a delete kintone refuses (only the
 *    poster may delete) leaves the twin visible but never fails the delivery, and the panel shows one per id.
 * Comments are read without delay after posting: kintone reads them from its database, not a search index.
 */
export function createKintoneFeedbackDelivery(client: KintoneClient) {
  async function commentsCarrying(feedback: Feedback, at: KintoneRecordAddress, signal?: AbortSignal): Promise<KintoneComment[]> {
    const found: KintoneComment[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await client.request({
        api: 'record/comments',
        guestSpaceId: at.guestSpaceId,
        params: { app: at.appId, record: at.recordId, order: 'desc', offset: page * PAGE, limit: PAGE },
        schema: getCommentsResponseSchema,
        signal,
        doing: 'looking for the feedback comment',
      });
      found.push(...res.comments.filter((c) => commentCarriesFeedback(c.text, feedback.id)));
      if (!res.older) break;
    }
    return found.sort((a, b) => compareCommentIds(a.id, b.id));
  }

  async function removeTwins(twins: KintoneComment[], at: KintoneRecordAddress, signal?: AbortSignal): Promise<void> {
    for (const twin of twins) {
      try {
        await client.request({
          method: 'DELETE',
          api: 'record/comment',
          guestSpaceId: at.guestSpaceId,
          params: { app: at.appId, record: at.recordId, comment: twin.id },
          schema: emptyResponseSchema,
          signal,
          doing: 'removing a duplicate feedback comment',
        });
      } catch (error) {
        if (!(error instanceof ConnectorError) || error.retryable) throw error;
      }
    }
  }

  async function deliver(feedback: Feedback, at: KintoneRecordAddress, signal?: AbortSignal): Promise<DeliveryReceipt> {
    const earlier = await commentsCarrying(feedback, at, signal);
    if (earlier[0]) {
      await removeTwins(earlier.slice(1), at, signal);
      return { vendorId: earlier[0].id, alreadyExisted: true };
    }
    const created = await client.request({
      method: 'POST',
      api: 'record/comment',
      guestSpaceId: at.guestSpaceId,
      body: { app: at.appId, record: at.recordId, comment: { text: feedbackCommentText(feedback) } },
      schema: addCommentResponseSchema,
      signal,
      doing: 'posting the feedback comment',
    });
    let after: KintoneComment[];
    try {
      after = await commentsCarrying(feedback, at, signal);
    } catch (error) {
      // The comment exists: a permanent failure of the second look must not turn a delivered click into a failure.
      if (error instanceof ConnectorError && !error.retryable) return { vendorId: created.id, alreadyExisted: false };
      throw error;
    }
    const keep = after[0];
    if (!keep) return { vendorId: created.id, alreadyExisted: false };
    await removeTwins(after.slice(1), at, signal);
    return { vendorId: keep.id, alreadyExisted: keep.id !== created.id };
  }

  return { deliver, commentsCarrying };
}
