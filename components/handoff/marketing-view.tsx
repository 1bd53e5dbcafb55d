import type { Assessment } from '../../lib/domain/assess-lead';
import type { LeadContext } from '../../lib/domain/model';
import { useI18n } from '../i18n/i18n-context';
import { BelowFirstFrame } from '../panel/first-frame';
import { CardBoundary } from '../ui/card-boundary';
import { HandoffCard } from './handoff-card';
import { SalesActivities } from './sales-activities';
import { ExitReasons, StageProgression } from './stage-progression';

/** What happened after handoff, for the marketer on the MA page. Each card has its own boundary. */
export function MarketingView({ context, assessment, onRetry }: { context: LeadContext; assessment: Assessment; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <>
      <CardBoundary label={t('handoff.heading')} onRetry={onRetry}>
        <HandoffCard handoff={assessment.handoff} owner={context.person.owner} sla={assessment.sla} firstTouch={assessment.firstTouch} />
      </CardBoundary>
      <CardBoundary label={t('activities.heading')} onRetry={onRetry}>
        <SalesActivities activities={context.activities} since={assessment.handoff?.at ?? null} />
      </CardBoundary>
      <BelowFirstFrame>
        <CardBoundary label={t('progression.heading')} onRetry={onRetry}>
          <StageProgression stageChanges={context.stageChanges} opportunities={context.opportunities} />
        </CardBoundary>
        <CardBoundary label={t('reasons.heading')} onRetry={onRetry}>
          <ExitReasons stageChanges={context.stageChanges} />
        </CardBoundary>
      </BelowFirstFrame>
    </>
  );
}
