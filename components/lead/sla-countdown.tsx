import type { BusinessCalendar } from '../../lib/domain/definitions/schema';
import { businessMinutesBetween, isOpenAt, nextOpeningAt } from '../../lib/domain/business-calendar';
import type { Sla } from '../../lib/domain/sla';
import { useI18n } from '../i18n/i18n-context';
import { Card } from '../ui/card';
import { CircleCheck, OctagonX, Pause, SquareCheck, Timer, TriangleAlert } from 'lucide-react';
import { Icon, type LucideIcon } from '../ui/icon';

export type SlaStatus = Sla['status'];

/** Colour is never alone: each status has an icon and a word. */
export const SLA_ICONS: Record<SlaStatus, LucideIcon> = {
  on_track: Timer,
  at_risk: TriangleAlert,
  breached: OctagonX,
  met: CircleCheck,
  met_late: SquareCheck,
};

export interface LiveSla {
  status: SlaStatus;
  /** Business seconds left (positive) or overdue (negative); null once touched. */
  businessSeconds: number | null;
  pausedUntil: number | null;
}

/**
 * The assessment is memoized per minute; between two assessments the countdown moves on its own. Only the
 * clock-driven facts are recomputed here (the business calendar answers in microseconds): the time left, the
 * pause while closed, and the moment the deadline passes.
 */
export function liveSla(sla: Sla, now: number, calendar: BusinessCalendar): LiveSla {
  if (sla.status === 'met' || sla.status === 'met_late') return { status: sla.status, businessSeconds: null, pausedUntil: null };
  const pausedUntil = isOpenAt(calendar, now) ? null : nextOpeningAt(calendar, now);
  const seconds =
    now < sla.dueAt ? businessMinutesBetween(calendar, now, sla.dueAt) * 60 : -businessMinutesBetween(calendar, sla.dueAt, now) * 60;
  const status: SlaStatus = seconds <= 0 ? 'breached' : sla.status === 'breached' ? 'at_risk' : sla.status;
  return { status, businessSeconds: seconds, pausedUntil };
}

export function SlaCountdown({
  sla,
  now,
  calendar,
  firstTouchAt,
}: {
  sla: Sla | null;
  now: number;
  calendar: BusinessCalendar;
  firstTouchAt?: number | null;
}) {
  const { t, countdown, duration, weekdayTime, dateTime } = useI18n();
  if (!sla) {
    return (
      <Card title={t('sla.heading')}>
        <p className="muted">{t('sla.notHandedOff')}</p>
      </Card>
    );
  }
  const live = liveSla(sla, now, calendar);
  const statusWord = t(`sla.status.${live.status}`);
  return (
    <Card title={t('sla.heading')} className="sla">
      <div className="row">
        <span className={`sla-status sla-${live.status}`} data-status={live.status}>
          <Icon icon={SLA_ICONS[live.status]} /> {statusWord}
        </span>
        {live.businessSeconds !== null && (
          <span className="countdown">
            {live.businessSeconds > 0
              ? t('sla.remaining', { duration: countdown(live.businessSeconds) })
              : t('sla.overdueBy', { duration: countdown(-live.businessSeconds) })}
          </span>
        )}
      </div>
      {/* Announced politely, and only when the status word changes, never every second. */}
      <p role="status" aria-live="polite" className="visually-hidden">
        {t('sla.announce', { status: statusWord })}
      </p>
      {live.pausedUntil !== null && (
        <p className="paused">
          <Icon icon={Pause} /> {t('sla.paused', { time: weekdayTime(live.pausedUntil) })}
        </p>
      )}
      <p className="small">
        {t('sla.due', { time: weekdayTime(sla.dueAt) })}
        {' · '}
        <span className="muted">{t('sla.budget', { duration: duration(sla.budgetMinutes) })}</span>
      </p>
      {firstTouchAt != null && <p className="small">{t('sla.firstTouch', { time: dateTime(firstTouchAt) })}</p>}
      {live.status === 'met_late' && sla.lateByMinutes !== null && (
        <p className="small">{t('sla.lateBy', { duration: duration(sla.lateByMinutes) })}</p>
      )}
    </Card>
  );
}
