import { useQuery } from '@tanstack/react-query';
import type { Definitions } from '../domain/definitions/schema';
import { definitionsVersionKey } from '../domain/definitions/version-in-force';
import type { TeamRange } from '../domain/team-kpis';
import { reviewRecord, sinceLastReview, type ReviewRecord, type SinceLastReview } from '../domain/team-review';
import { recordReview } from '../store/review-repo';
import { useBatonDeps } from './baton-deps';
import type { TeamKpisData } from './team-kpis-protocol';

/**
 * The review pack's "since the last review": records this pack as a review (once per page, from the worker's own
 * figures, never from figures kept from an earlier visit) and compares it with the review before it.
 * `kpis` null: the figures are not there yet, nothing is recorded.
 */
export function useTeamReview(kpis: TeamKpisData | null, range: TeamRange, versions: Definitions[]) {
  const { db, now } = useBatonDeps();
  return useQuery<{ current: ReviewRecord; since: SinceLastReview }>({
    queryKey: ['team-review', range.from, range.to, versions.map(definitionsVersionKey).join(',')],
    queryFn: async () => {
      const current = reviewRecord(kpis!, range, versions, now());
      const last = await recordReview(db, current);
      return { current, since: sinceLastReview(last, current, versions) };
    },
    enabled: kpis !== null,
    staleTime: Infinity,
    gcTime: Infinity,
  });
}
