import { z } from 'zod';
import { feedbackSchema, type Feedback, type RecordRef } from '../../domain/model';
import type { KintoneComment } from './schemas';
import { parseVendorDateTime } from '../vendor-date';

/**
 * The record comment Baton posts for one feedback click, and how it finds it again. Comments are plain text
 * (https://cybozu.dev/ja/kintone/docs/rest-api/records/add-comment/) and kintone has no idempotency key, so the
 * last line carries the feedback id as a marker `[baton:<id>]` plus a JSON line the panel reads back.
 */
const MARKER = (id: string) => `[baton:${id}]`;
const machineSchema = z.object({
  id: z.string().min(8).max(64),
  verdict: z.enum(['good', 'bad']),
  reasons: z.array(z.string().max(64)).max(20),
  by: z.string().max(200),
  at: z.number().int().nonnegative(),
});

export function feedbackCommentText(feedback: Feedback): string {
  const verdict = feedback.verdict === 'good' ? '良いリード / Good lead' : '良くないリード / Bad lead';
  const machine = { id: feedback.id, verdict: feedback.verdict, reasons: feedback.reasonCodes, by: feedback.by, at: feedback.at };
  return [
    `Baton リードの質フィードバック / lead-quality feedback: ${verdict}`,
    feedback.reasonCodes.length ? `理由 / Reasons: ${feedback.reasonCodes.join(', ')}` : '',
    feedback.comment ? `コメント / Comment: ${feedback.comment}` : '',
    `記入者 / By: ${feedback.by}`,
    `${MARKER(feedback.id)} ${JSON.stringify(machine)}`,
  ]
    .filter(Boolean)
    .join('\n');
}

export function commentCarriesFeedback(text: string, feedbackId: string): boolean {
  return text.includes(MARKER(feedbackId));
}

/** kintone comment ids are decimal and grow per record: the oldest has the smallest. */
export function compareCommentIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** Feedback Baton wrote (from any browser), read back from a comment; null for other comments. */
export function parseFeedbackComment(comment: KintoneComment, ref: RecordRef, personKey: string): Feedback | null {
  const line = comment.text.split('\n').reverse().find((l) => l.startsWith('[baton:'));
  const m = line ? /^\[baton:([A-Za-z0-9_-]{8,64})\] (\{.*\})$/.exec(line) : null;
  if (!m) return null;
  let json: unknown;
  try {
    json = JSON.parse(m[2] ?? '');
  } catch {
    return null;
  }
  const machine = machineSchema.safeParse(json);
  if (!machine.success || machine.data.id !== m[1]) return null;
  const comment_ = comment.text.split('\n').find((l) => l.startsWith('コメント / Comment: '))?.slice('コメント / Comment: '.length);
  const sentAt = parseVendorDateTime(comment.createdAt) ?? machine.data.at;
  const parsed = feedbackSchema.safeParse({
    id: machine.data.id,
    ref,
    personKey,
    verdict: machine.data.verdict,
    reasonCodes: machine.data.reasons,
    ...(comment_ ? { comment: comment_ } : {}),
    by: machine.data.by,
    at: machine.data.at,
    state: 'sent',
    attempts: 0,
    nextAttemptAt: machine.data.at,
    sentAt,
    vendorId: comment.id,
  });
  return parsed.success ? parsed.data : null;
}

/** One feedback per id: when a twin comment survived, the oldest stands for it, as delivery keeps it. */
export function feedbackFromComments(comments: readonly KintoneComment[], ref: RecordRef, personKey: string): Feedback[] {
  const byId = new Map<string, { fb: Feedback; commentId: string }>();
  for (const c of comments) {
    const fb = parseFeedbackComment(c, ref, personKey);
    if (!fb) continue;
    const seen = byId.get(fb.id);
    if (!seen || compareCommentIds(c.id, seen.commentId) < 0) byId.set(fb.id, { fb, commentId: c.id });
  }
  return [...byId.values()].map((v) => v.fb);
}
