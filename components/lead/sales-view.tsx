import type { Assessment } from '../../lib/domain/assess-lead';
import type { LeadContext } from '../../lib/domain/model';
import { useI18n } from '../i18n/i18n-context';
import { BelowFirstFrame } from '../panel/first-frame';
import { CardBoundary } from '../ui/card-boundary';
import { DataQualityWarnings } from './data-quality-warnings';
import { LiveSlaCountdown } from './live-sla-countdown';
import { QualificationCard } from './qualification-card';
import { TemperatureCard } from './temperature-card';
import { Timeline } from './timeline';

/**
 * What a salesperson needs in two seconds: how hot, why, how long is left; then the evidence. Each card has its
 * own boundary; `onRetry` refetches the context they are drawn from.
 */
export function SalesView({ context, assessment, clock, onRetry }: { context: LeadContext; assessment: Assessment; clock?: () => number; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <>
      <CardBoundary label={t('temp.heading')} onRetry={onRetry}>
        <TemperatureCard temperature={assessment.temperature} />
      </CardBoundary>
      <CardBoundary label={t('sla.heading')} onRetry={onRetry}>
        <LiveSlaCountdown
          sla={assessment.sla}
          calendar={assessment.definitions.calendar}
          firstTouchAt={assessment.firstTouch?.occurredAt ?? null}
          {...(clock ? { clock } : {})}
        />
      </CardBoundary>
      <CardBoundary label={t('warn.heading')} onRetry={onRetry}>
        <DataQualityWarnings warnings={assessment.warnings} />
      </CardBoundary>
      <BelowFirstFrame>
        <CardBoundary label={t('qual.heading')} onRetry={onRetry}>
          <QualificationCard qualification={assessment.qualification} />
        </CardBoundary>
        <CardBoundary label={t('timeline.heading')} onRetry={onRetry}>
          <Timeline events={context.events} />
        </CardBoundary>
      </BelowFirstFrame>
    </>
  );
}
