import type { Assessment } from '../../lib/domain/assess-lead';
import type { LeadContext } from '../../lib/domain/model';
import { DataQualityWarnings } from './data-quality-warnings';
import { LiveSlaCountdown } from './live-sla-countdown';
import { QualificationCard } from './qualification-card';
import { TemperatureCard } from './temperature-card';
import { Timeline } from './timeline';

/** What a salesperson needs in two seconds: how hot, why, how long is left; then the evidence. */
export function SalesView({ context, assessment, clock }: { context: LeadContext; assessment: Assessment; clock?: () => number }) {
  return (
    <>
      <TemperatureCard temperature={assessment.temperature} />
      <LiveSlaCountdown
        sla={assessment.sla}
        calendar={assessment.definitions.calendar}
        firstTouchAt={assessment.firstTouch?.occurredAt ?? null}
        {...(clock ? { clock } : {})}
      />
      <DataQualityWarnings warnings={assessment.warnings} />
      <QualificationCard qualification={assessment.qualification} />
      <Timeline events={context.events} />
    </>
  );
}
