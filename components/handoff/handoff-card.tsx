import type { SalesActivity } from '../../lib/domain/model';
import type { Sla } from '../../lib/domain/sla';
import { useI18n } from '../i18n/i18n-context';
import { Card } from '../ui/card';
import { SLA_ICONS } from '../lead/sla-countdown';
import { Icon } from '../ui/icon';

/** The marketer's first question after handoff: when, to whom, and did sales answer in time. */
export function HandoffCard({
  handoff,
  owner,
  sla,
  firstTouch,
}: {
  handoff: { at: number; by?: string } | null;
  owner: string | undefined;
  sla: Sla | null;
  firstTouch: SalesActivity | null;
}) {
  const { t, dateTime, duration } = useI18n();
  if (!handoff) {
    return (
      <Card title={t('handoff.heading')}>
        <p className="muted">{t('handoff.none')}</p>
      </Card>
    );
  }
  return (
    <Card title={t('handoff.heading')} className="handoff">
      <dl className="facts">
        <dt>{t('handoff.at')}</dt>
        <dd>{dateTime(handoff.at)}</dd>
        <dt>{t('handoff.to')}</dt>
        <dd>{owner ?? t('header.noOwner')}</dd>
        {handoff.by && (
          <>
            <dt>{t('handoff.by')}</dt>
            <dd>{handoff.by}</dd>
          </>
        )}
        <dt>{t('handoff.firstTouch')}</dt>
        <dd>
          {firstTouch ? (
            <>
              {dateTime(firstTouch.occurredAt)} · {t(`activity.${firstTouch.type}`)}
              {firstTouch.by && <> · {firstTouch.by}</>}
            </>
          ) : (
            t('handoff.noTouch')
          )}
        </dd>
        {sla && (
          <>
            <dt>{t('handoff.slaOutcome')}</dt>
            <dd>
              <span className={`sla-status sla-${sla.status}`} data-status={sla.status}>
                <Icon icon={SLA_ICONS[sla.status]} /> {t(`sla.status.${sla.status}`)}
              </span>
              {sla.status === 'met_late' && sla.lateByMinutes !== null && (
                <> · {t('sla.lateBy', { duration: duration(sla.lateByMinutes) })}</>
              )}
              {sla.status === 'breached' && sla.lateByMinutes !== null && (
                <> · {t('sla.overdueBy', { duration: duration(sla.lateByMinutes) })}</>
              )}
            </dd>
          </>
        )}
      </dl>
    </Card>
  );
}
