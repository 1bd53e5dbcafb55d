import type { BusinessCalendar } from '../../lib/domain/definitions/schema';
import type { Sla } from '../../lib/domain/sla';
import { useNow } from '../ui/use-now';
import { SlaCountdown } from './sla-countdown';

/** The only part of the panel that re-renders every second. */
export function LiveSlaCountdown({
  sla,
  calendar,
  firstTouchAt,
  clock,
}: {
  sla: Sla | null;
  calendar: BusinessCalendar;
  firstTouchAt: number | null;
  clock?: () => number;
}) {
  const ticking = sla !== null && sla.status !== 'met' && sla.status !== 'met_late';
  const now = useNow(1000, clock, ticking);
  return <SlaCountdown sla={sla} now={now} calendar={calendar} firstTouchAt={firstTouchAt} />;
}
