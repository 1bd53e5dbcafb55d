import type { ReviewRecord } from '../../lib/domain/team-review';
import { openBatonDb } from '../../lib/store/db';
import { latestReview, recordReview } from '../../lib/store/review-repo';

const H = 3_600_000;
const T0 = Date.UTC(2026, 10, 25, 1);
const review = (at: number, from = T0 - 90 * 24 * H, good = 1): ReviewRecord => ({
  at,
  range: { from, to: T0 },
  inForce: 'baton-default@1',
  headline: { leads: 10, mql: 5, sql: 2, won: 1, wonAmount: 1000, handedOff: 4, met: 3, metRate: 0.75, good, bad: 0 },
});

describe('reviews kept for the next review pack', () => {
  it('returns the review before each one made; the same period made again within hours is the same meeting', async () => {
    const db = openBatonDb(`reviews-${Math.random()}`);
    expect(await recordReview(db, review(T0))).toBeNull();
    // A reload of the pack an hour later: the same review, still compared with none.
    expect(await recordReview(db, review(T0 + H, undefined, 2))).toBeNull();
    expect(await db.reviews.count()).toBe(1);
    expect((await latestReview(db))?.headline.good).toBe(2);
    // Next week's meeting: compared with the last one.
    expect((await recordReview(db, review(T0 + 7 * 24 * H)))?.at).toBe(T0 + H);
    // Another period the same day is another review.
    expect((await recordReview(db, review(T0 + 7 * 24 * H + H, T0 - 7 * 24 * H)))?.at).toBe(T0 + 7 * 24 * H);
    expect(await db.reviews.count()).toBe(3);
    // A row another build wrote is skipped.
    await db.reviews.add({ at: T0 + 30 * 24 * H, review: { nonsense: true } });
    expect((await latestReview(db))?.at).toBe(T0 + 7 * 24 * H + H);
    await db.delete();
  });
});
