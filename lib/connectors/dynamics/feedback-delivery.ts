import { z } from 'zod';
import type { DeliveryReceipt } from '../connector';
import { ConnectorError } from '../connector';
import type { Feedback } from '../../domain/model';
import { parseVendorDateTime } from '../vendor-date';
import type { DataverseClient } from './client';
import { feedbackMarker, feedbackTaskDescription, feedbackTaskSubject, likeLiteral } from './feedback-task';
import { assertGuid } from './queries';
import { pageSchema, taskSchema, type DataverseTask } from './schemas';

const nothing = z.unknown();
/** Task state: 1 Completed with status reason 5 Completed. https://learn.microsoft.com/en-us/power-apps/developer/data-platform/reference/entities/task#BKMK_StateCode */
const COMPLETED = { statecode: 1, statuscode: 5 } as const;
/** Single-valued navigation property of task.regardingobjectid per table. https://learn.microsoft.com/en-us/power-apps/developer/data-platform/webapi/associate-disassociate-entities-using-web-api */
const REGARDING: Record<string, { nav: string; set: string }> = {
  lead: { nav: 'regardingobjectid_lead_task', set: 'leads' },
  contact: { nav: 'regardingobjectid_contact_task', set: 'contacts' },
};

/** The task standing for a feedback when several carry its marker: the oldest, then the lowest id, from any browser. */
export function oldestTask<T extends Pick<DataverseTask, 'activityid' | 'createdon'>>(tasks: readonly T[]): T | undefined {
  const t = (x: T) => parseVendorDateTime(x.createdon) ?? Number.MAX_SAFE_INTEGER;
  return [...tasks].sort((a, b) => t(a) - t(b) || (a.activityid < b.activityid ? -1 : a.activityid > b.activityid ? 1 : 0))[0];
}

/**
 * One feedback click → one completed task regarding the lead or contact, exactly once.
 * 1. Look up tasks on the record whose subject carries the `[baton:<id>]` marker: an attempt whose answer was
 *    lost is found, not redone.
 * 2. Create the task (`Prefer: return=representation`: the answer carries its id).
 * 3. Look up again, keep the oldest, delete the others: Chromium resends a POST whose keep-alive connection closed
 *    before the answer, so Dataverse may have created two. Dataverse reads are consistent at once (no search index).
 * 4. Complete the kept task (PATCH statecode/statuscode; a completed task is read-only, so the text goes in first).
 * Calls: 4 the first time; 1 (+ deletes, + the completion if an earlier attempt stopped before it) on a retry.
 */
export function createDynamicsFeedbackDelivery(client: DataverseClient) {
  async function tasksCarrying(host: string, recordId: string, feedback: Feedback, signal?: AbortSignal): Promise<DataverseTask[]> {
    const page = await client.request({
      host,
      path: 'tasks',
      query: {
        $select: 'activityid,subject,description,createdon,statecode',
        $filter: `_regardingobjectid_value eq ${assertGuid(recordId)} and contains(subject,'${likeLiteral(feedbackMarker(feedback.id))}')`,
        $orderby: 'createdon asc,activityid asc',
        $top: '20',
      },
      schema: pageSchema(taskSchema),
      signal,
      doing: 'looking for the feedback task',
    });
    // `contains` matched on the server; the exact marker is checked again here.
    return page.value.filter((t) => t.subject?.includes(feedbackMarker(feedback.id)));
  }

  async function keepOldest(host: string, tasks: DataverseTask[], signal?: AbortSignal): Promise<DataverseTask> {
    const keep = oldestTask(tasks);
    if (!keep) throw new Error('keepOldest needs a task');
    for (const twin of tasks.filter((t) => t.activityid !== keep.activityid)) {
      try {
        await client.request({ host, method: 'DELETE', path: `tasks(${assertGuid(twin.activityid)})`, schema: nothing, signal, doing: 'removing a duplicate feedback task' });
      } catch (error) {
        // Gone already (another context removed it) or no delete privilege: one feedback shows all the same
        // (the panel reads one per id). Retryable failures go back to the outbox, whose next attempt reconciles.
        if (!(error instanceof ConnectorError) || error.retryable) throw error;
      }
    }
    if (keep.statecode !== COMPLETED.statecode) {
      await client.request({ host, method: 'PATCH', path: `tasks(${assertGuid(keep.activityid)})`, body: COMPLETED, schema: nothing, signal, doing: 'completing the feedback task' });
    }
    return keep;
  }

  async function deliver(feedback: Feedback, signal?: AbortSignal): Promise<DeliveryReceipt> {
    const { instance: host, object, id } = feedback.ref;
    const regarding = REGARDING[object];
    if (!regarding) {
      throw new ConnectorError({ vendor: 'dynamics', kind: 'permanent', code: 'UNSUPPORTED_TABLE', message: `Baton writes feedback on Dynamics 365 leads and contacts; this record is a "${object}".` });
    }
    const earlier = await tasksCarrying(host, id, feedback, signal);
    if (earlier.length) return { vendorId: (await keepOldest(host, earlier, signal)).activityid, alreadyExisted: true };
    const created = await client.request({
      host,
      method: 'POST',
      path: 'tasks',
      query: { $select: 'activityid,subject,description,createdon,statecode' },
      prefer: ['return=representation'],
      body: {
        subject: feedbackTaskSubject(feedback),
        description: feedbackTaskDescription(feedback),
        actualend: new Date(feedback.at).toISOString(),
        [`${regarding.nav}@odata.bind`]: `/${regarding.set}(${assertGuid(id)})`,
      },
      schema: taskSchema,
      signal,
      doing: 'creating the feedback task',
    });
    const now = await tasksCarrying(host, id, feedback, signal);
    const all = now.some((t) => t.activityid === created.activityid) ? now : [created, ...now];
    const kept = await keepOldest(host, all, signal);
    return { vendorId: kept.activityid, alreadyExisted: kept.activityid !== created.activityid };
  }

  return { deliver, tasksCarrying };
}
