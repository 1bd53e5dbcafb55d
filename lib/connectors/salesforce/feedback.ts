import type { Feedback } from '../../domain/model';
import { ConnectorError, type DeliveryReceipt } from '../connector';
import type { SalesforceClient } from './client';
import { feedbackDescription, feedbackSubject } from './feedback-task';
import { assertSalesforceId, feedbackLookupQuery, personObjectOf, queryPath } from './queries';
import { createResultSchema, queryResultSchema } from './schemas';
import { z } from 'zod';

/**
 * Feedback write-back: one completed Task on the lead or contact, readable by people, carrying the feedback id.
 * Created once: every delivery first looks the id up (`Subject LIKE '%[baton:<id>]%'`), so a response lost
 * after Salesforce created the Task (the outbox then retries) finds it instead of creating a second one; and
 * after creating it looks again and removes any twin a transport-level resend made.
 * Feedback is rare (a person's click), so the extra query per delivery is cheap insurance.
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_sobject_create.htm
 */
export async function deliverSalesforceFeedback(
  client: SalesforceClient,
  input: { feedback: Feedback; apiVersion: string; feedbackField?: string; signal?: AbortSignal },
): Promise<DeliveryReceipt> {
  const { feedback, apiVersion, signal } = input;
  const object = personObjectOf(feedback.ref.object);
  if (feedback.ref.system !== 'salesforce' || !object) {
    throw new ConnectorError({ vendor: 'salesforce', kind: 'permanent', code: 'UNSUPPORTED_OBJECT', message: `Salesforce feedback goes on leads and contacts, not on ${feedback.ref.object}.` });
  }
  const whoId = assertSalesforceId(feedback.ref.id);
  const v = `/services/data/v${apiVersion}`;

  const lookup = async (): Promise<string[]> => {
    const found = await client.request(queryPath(apiVersion, feedbackLookupQuery(whoId, feedback.id)), { signal });
    const parsed = queryResultSchema(z.object({ Id: z.string() })).safeParse(found.body);
    if (!parsed.success) {
      throw new ConnectorError({ vendor: 'salesforce', kind: 'invalid-response', message: 'Salesforce: the feedback lookup answered with an unexpected shape.' });
    }
    return parsed.data.records.map((r) => r.Id);
  };

  let marked = await lookup();
  const alreadyExisted = marked.length > 0;
  if (!alreadyExisted) {
    const created = await client.request(`${v}/sobjects/Task`, {
      method: 'POST',
      signal,
      body: {
        WhoId: whoId,
        Subject: feedbackSubject(feedback),
        Description: feedbackDescription(feedback),
        Status: 'Completed',
        Priority: 'Normal',
        TaskSubtype: 'Task',
        ActivityDate: new Date(feedback.at).toISOString().slice(0, 10),
      },
    });
    const result = createResultSchema.safeParse(created.body);
    if (!result.success || !result.data.success) {
      throw new ConnectorError({ vendor: 'salesforce', kind: 'invalid-response', message: 'Salesforce: creating the feedback Task answered with an unexpected shape.' });
    }
    // Look again: a browser resends a POST whose reused keep-alive connection closed before any answer came
    // back, so Salesforce may have created the Task twice while we saw one answer. The lookup finds both.
    marked = await lookup();
    if (!marked.includes(result.data.id)) marked.push(result.data.id);
  }
  const vendorId = marked[0]!;
  await removeDuplicates(client, apiVersion, marked.slice(1), signal);
  // The optional mapped field: a PATCH is idempotent, so it is sent again on every delivery until one succeeds.
  if (input.feedbackField) {
    const value = `${feedback.verdict}${feedback.reasonCodes.length ? `: ${feedback.reasonCodes.join(', ')}` : ''}`.slice(0, 255);
    await client.request(`${v}/sobjects/${object}/${whoId}`, { method: 'PATCH', signal, body: { [input.feedbackField]: value } });
  }
  return { vendorId, alreadyExisted };
}

/**
 * Keeps the oldest marked Task and deletes the rest in one sObject Collections call, so the lead's activity
 * history shows one piece of feedback per click. A failed delete (say, no delete right on Tasks) leaves the
 * duplicate visible but never fails the delivery: the feedback did arrive.
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_sobjects_collections_delete.htm
 */
async function removeDuplicates(client: SalesforceClient, apiVersion: string, ids: string[], signal: AbortSignal | undefined): Promise<void> {
  if (ids.length === 0) return;
  const query = `ids=${ids.map((id) => assertSalesforceId(id)).join(',')}&allOrNone=false`;
  await client.request(`/services/data/v${apiVersion}/composite/sobjects?${query}`, { method: 'DELETE', signal }).catch(() => undefined);
}

/**
 * Reasons added after delivery: the one Task is updated in place (Update a Record: PATCH
 * /sobjects/Task/{id}, 204 No Content), with the same Subject and Description a resend writes again, so a
 * retried amend changes nothing more and never creates a Task.
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_update_fields.htm
 */
export async function amendSalesforceFeedback(
  client: SalesforceClient,
  input: { feedback: Feedback; apiVersion: string; feedbackField?: string; signal?: AbortSignal },
): Promise<DeliveryReceipt> {
  const { feedback, apiVersion, signal } = input;
  const object = personObjectOf(feedback.ref.object);
  if (feedback.ref.system !== 'salesforce' || !object || !feedback.vendorId) {
    throw new ConnectorError({ vendor: 'salesforce', kind: 'permanent', code: 'NO_TASK', message: 'Salesforce: this feedback has no Task to update.' });
  }
  const taskId = assertSalesforceId(feedback.vendorId);
  const v = `/services/data/v${apiVersion}`;
  await client.request(`${v}/sobjects/Task/${taskId}`, {
    method: 'PATCH',
    signal,
    body: { Subject: feedbackSubject(feedback), Description: feedbackDescription(feedback) },
  });
  if (input.feedbackField) {
    const value = `${feedback.verdict}${feedback.reasonCodes.length ? `: ${feedback.reasonCodes.join(', ')}` : ''}`.slice(0, 255);
    await client.request(`${v}/sobjects/${object}/${assertSalesforceId(feedback.ref.id)}`, { method: 'PATCH', signal, body: { [input.feedbackField]: value } });
  }
  return { vendorId: taskId, alreadyExisted: true };
}
