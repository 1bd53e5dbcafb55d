import { z } from 'zod';
import type { ReviewRecord } from '../domain/team-review';
import type { BatonDb } from './db';

/**
 * The review packs made (Dexie v6 `reviews`), one row per review, so the next pack says what changed since. A
 * pack of the same period made again within `SAME_MEETING_MS` (a reload, a second print) is the same review: it
 * replaces that row and is compared with the review before it. A row this build cannot read is skipped.
 */
const SAME_MEETING_MS = 12 * 3_600_000;

const epochMs = z.number().int().nonnegative();
const count = z.number().int().nonnegative();
const reviewSchema = z.object({
  at: epochMs,
  range: z.object({ from: epochMs, to: epochMs }),
  inForce: z.string().nullable(),
  headline: z.object({
    leads: count,
    mql: count,
    sql: count,
    won: count,
    wonAmount: z.number(),
    handedOff: count,
    met: count,
    metRate: z.number().min(0).max(1).nullable(),
    good: count,
    bad: count,
  }),
});

async function readAll(db: BatonDb): Promise<(ReviewRecord & { seq: number })[]> {
  const rows = await db.reviews.orderBy('at').reverse().toArray();
  return rows.flatMap((row) => {
    const parsed = reviewSchema.safeParse(row.review);
    return parsed.success && row.seq !== undefined ? [{ ...parsed.data, seq: row.seq }] : [];
  });
}

/** The latest review recorded, or null when none was. */
export async function latestReview(db: BatonDb): Promise<ReviewRecord | null> {
  const [latest] = await readAll(db);
  return latest ? withoutSeq(latest) : null;
}

function withoutSeq({ seq: _seq, ...review }: ReviewRecord & { seq: number }): ReviewRecord {
  return review;
}

/** Records a review pack made; returns the review before it (null: this is the first). */
export async function recordReview(db: BatonDb, review: ReviewRecord): Promise<ReviewRecord | null> {
  const parsed = reviewSchema.parse(review);
  return db.transaction('rw', db.reviews, async () => {
    const [latest, before] = await readAll(db);
    const sameMeeting =
      latest && latest.range.from === parsed.range.from && latest.range.to === parsed.range.to && Math.abs(parsed.at - latest.at) < SAME_MEETING_MS;
    if (sameMeeting) {
      await db.reviews.put({ seq: latest.seq, at: parsed.at, review: parsed });
      return before ? withoutSeq(before) : null;
    }
    await db.reviews.add({ at: parsed.at, review: parsed });
    return latest ? withoutSeq(latest) : null;
  });
}
