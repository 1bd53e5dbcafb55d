import type { Assessment } from '../../lib/domain/assess-lead';
import type { LeadContext } from '../../lib/domain/model';
import { HandoffCard } from './handoff-card';
import { SalesActivities } from './sales-activities';
import { ExitReasons, StageProgression } from './stage-progression';

/** What happened after handoff, for the marketer on the MA page. */
export function MarketingView({ context, assessment }: { context: LeadContext; assessment: Assessment }) {
  return (
    <>
      <HandoffCard handoff={assessment.handoff} owner={context.person.owner} sla={assessment.sla} firstTouch={assessment.firstTouch} />
      <SalesActivities activities={context.activities} since={assessment.handoff?.at ?? null} />
      <StageProgression stageChanges={context.stageChanges} opportunities={context.opportunities} />
      <ExitReasons stageChanges={context.stageChanges} />
    </>
  );
}
