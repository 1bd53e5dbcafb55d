import type { Feedback, RecordRef } from '../../domain/model';
import { ConnectorError } from '../connector';
import { feedbackDescription as describe, feedbackFromTask } from '../salesforce/feedback-task';

/**
 * The completed task one feedback click becomes, in the same words and machine line as Salesforce's Task, so a
 * colleague's feedback reads back the same. Dataverse's task columns are shorter: subject 200, description
 * 2,000 characters. https://learn.microsoft.com/en-us/power-apps/developer/data-platform/reference/entities/task
 */
const SUBJECT_MAX = 200;
const DESCRIPTION_MAX = 2000;

export function feedbackMarker(feedbackId: string): string {
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(feedbackId)) {
    throw new ConnectorError({ vendor: 'dynamics', kind: 'permanent', code: 'INVALID_FEEDBACK_ID', message: 'Feedback id has unexpected characters; it cannot be delivered.' });
  }
  return `[baton:${feedbackId}]`;
}

export function feedbackTaskSubject(f: Pick<Feedback, 'id' | 'verdict' | 'reasonCodes'>): string {
  const verdict = f.verdict === 'good' ? '\u{1F44D} Good lead' : '\u{1F44E} Not a good lead';
  const reasons = f.reasonCodes.length ? `: ${f.reasonCodes.join(', ')}` : '';
  const marker = ` ${feedbackMarker(f.id)}`;
  return `${`Baton lead feedback: ${verdict}${reasons}`.slice(0, SUBJECT_MAX - marker.length)}${marker}`;
}

/** The details and the machine line; a long comment is cut so the machine line always fits. */
export function feedbackTaskDescription(f: Pick<Feedback, 'id' | 'verdict' | 'reasonCodes' | 'comment' | 'by' | 'at'>): string {
  const full = describe(f);
  if (full.length <= DESCRIPTION_MAX || !f.comment) return full.slice(-DESCRIPTION_MAX);
  const over = full.length - DESCRIPTION_MAX;
  return describe({ ...f, comment: `${f.comment.slice(0, Math.max(0, f.comment.length - over - 1))}…` }).slice(-DESCRIPTION_MAX);
}

/**
 * `contains()` is translated to SQL LIKE, where `[`, `_` and `%` are wildcards: each is escaped in brackets so
 * the marker matches only itself. https://learn.microsoft.com/en-us/power-apps/developer/data-platform/wildcard-characters
 */
export function likeLiteral(text: string): string {
  return text.replace(/[[_%]/g, (c) => `[${c}]`).replace(/'/g, "''");
}

export function feedbackFromDataverseTask(
  task: { activityid: string; subject?: string | null; description?: string | null },
  ref: RecordRef,
  personKey: string,
): Feedback | null {
  return feedbackFromTask({ Id: task.activityid, Subject: task.subject, Description: task.description }, ref, personKey);
}
