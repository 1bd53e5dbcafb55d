import { z } from 'zod';
import { CHECK_IDS, type CheckId, type SelfAnswer, type SelfAssessment } from '../domain/alignment-diagnostic';
import type { BatonDb } from './db';

/**
 * The team's own answers to the alignment diagnostic's checks (yes / partly / no, with a note), kept as a history:
 * each answer is a new row, the latest per check is the one in force. A row this build cannot read (another
 * version wrote it) is skipped, not allowed to break the page.
 */
export type SelfAssessmentRecord = SelfAssessment & { checkId: CheckId; seq: number };

const NOTE_MAX = 2_000;
const rowSchema = z.object({
  seq: z.number().int(),
  checkId: z.enum(CHECK_IDS),
  answer: z.enum(['yes', 'partly', 'no']),
  note: z.string().max(NOTE_MAX).optional(),
  at: z.number().int().nonnegative(),
});

export async function saveSelfAssessment(db: BatonDb, entry: { checkId: CheckId; answer: SelfAnswer; note?: string; at: number }): Promise<void> {
  const parsed = rowSchema.omit({ seq: true }).parse(entry);
  const note = parsed.note?.trim();
  await db.selfAssessments.add({ checkId: parsed.checkId, answer: parsed.answer, at: parsed.at, ...(note ? { note } : {}) });
}

export interface SelfAssessments {
  /** The answer in force per check: the latest given. */
  latest: Partial<Record<CheckId, SelfAssessment>>;
  /** Every answer, newest first. */
  history: SelfAssessmentRecord[];
}

export async function readSelfAssessments(db: BatonDb): Promise<SelfAssessments> {
  const rows = await db.selfAssessments.orderBy('at').reverse().toArray();
  const history: SelfAssessmentRecord[] = [];
  for (const row of rows) {
    const parsed = rowSchema.safeParse(row);
    if (!parsed.success) continue;
    const { seq, checkId, answer, note, at } = parsed.data;
    history.push({ seq, checkId, answer, at, ...(note !== undefined ? { note } : {}) });
  }
  // Same instant: the later write (higher seq) is the one in force.
  history.sort((a, b) => b.at - a.at || b.seq - a.seq);
  const latest: Partial<Record<CheckId, SelfAssessment>> = {};
  for (const r of history) {
    if (latest[r.checkId]) continue;
    latest[r.checkId] = { answer: r.answer, at: r.at, ...(r.note !== undefined ? { note: r.note } : {}) };
  }
  return { latest, history };
}
