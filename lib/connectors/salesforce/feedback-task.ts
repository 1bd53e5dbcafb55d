import { z } from 'zod';
import type { Feedback, RecordRef } from '../../domain/model';
import { feedbackMarker } from './queries';

/**
 * The shape of a feedback Task, written and read by the same code: a Subject people can read in the activity
 * timeline, carrying the `[baton:<id>]` marker that makes the Task findable again, and a Description with the
 * details plus one machine-readable line so Baton can show feedback given from another browser.
 */
const MACHINE_PREFIX = 'baton-feedback:v1 ';

const machineSchema = z.object({
  id: z.string().min(8).max(64),
  verdict: z.enum(['good', 'bad']),
  reasons: z.array(z.string().max(64)).max(20),
  by: z.string().max(200),
  at: z.number().int().nonnegative(),
});

export function feedbackSubject(f: Pick<Feedback, 'id' | 'verdict' | 'reasonCodes'>): string {
  const verdict = f.verdict === 'good' ? '\u{1F44D} Good lead' : '\u{1F44E} Not a good lead';
  const reasons = f.reasonCodes.length ? `: ${f.reasonCodes.join(', ')}` : '';
  const marker = ` ${feedbackMarker(f.id)}`;
  // Task.Subject holds 255 characters; the marker must survive, so the reasons are cut instead.
  const head = `Baton lead feedback: ${verdict}${reasons}`.slice(0, 255 - marker.length);
  return `${head}${marker}`;
}

export function feedbackDescription(f: Pick<Feedback, 'id' | 'verdict' | 'reasonCodes' | 'comment' | 'by' | 'at'>): string {
  const lines = [
    `Verdict / 評価: ${f.verdict === 'good' ? 'good / 良い' : 'bad / 良くない'}`,
    `Reasons / 理由: ${f.reasonCodes.join(', ') || '-'}`,
    ...(f.comment ? [`Comment / コメント: ${f.comment}`] : []),
    `By / 記入者: ${f.by}`,
    `At / 日時: ${new Date(f.at).toISOString()}`,
    '',
    `${MACHINE_PREFIX}${JSON.stringify({ id: f.id, verdict: f.verdict, reasons: f.reasonCodes, by: f.by, at: f.at })}`,
  ];
  // Task.Description holds 32,000 characters.
  return lines.join('\n').slice(-32000);
}

/** Read back a feedback Task written by Baton (any browser). Returns null for every other Task. */
export function feedbackFromTask(
  task: { Id: string; Subject?: string | null; Description?: string | null },
  ref: RecordRef,
  personKey: string,
): Feedback | null {
  if (!task.Subject?.includes('[baton:') || !task.Description) return null;
  const line = task.Description.split('\n').find((l) => l.startsWith(MACHINE_PREFIX));
  if (!line) return null;
  let json: unknown;
  try {
    json = JSON.parse(line.slice(MACHINE_PREFIX.length));
  } catch {
    return null;
  }
  const m = machineSchema.safeParse(json);
  if (!m.success || !task.Subject.includes(`[baton:${m.data.id}]`)) return null;
  return {
    id: m.data.id,
    ref,
    personKey,
    verdict: m.data.verdict,
    reasonCodes: m.data.reasons,
    by: m.data.by,
    at: m.data.at,
    state: 'sent',
    attempts: 0,
    nextAttemptAt: m.data.at,
    sentAt: m.data.at,
    vendorId: task.Id,
  };
}

export function isFeedbackTask(task: { Subject?: string | null }): boolean {
  return /\[baton:[A-Za-z0-9_-]{8,64}\]/.test(task.Subject ?? '');
}
