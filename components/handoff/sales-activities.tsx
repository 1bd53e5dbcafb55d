import type { SalesActivity, SalesActivityType } from '../../lib/domain/model';
import { useI18n } from '../i18n/i18n-context';
import { Card } from '../ui/card';
import { Handshake, Mail, Phone, SquareCheck, StickyNote } from 'lucide-react';
import { Icon, type LucideIcon } from '../ui/icon';

const ACTIVITY_ICONS: Record<SalesActivityType, LucideIcon> = { call: Phone, email: Mail, meeting: Handshake, task: SquareCheck, note: StickyNote };

/** What sales did with the lead since it was handed off, newest first. */
export function SalesActivities({ activities, since }: { activities: readonly SalesActivity[]; since: number | null }) {
  const { t, dateTime } = useI18n();
  const shown = activities.filter((a) => since === null || a.occurredAt >= since).sort((a, b) => b.occurredAt - a.occurredAt);
  return (
    <Card title={t('activities.heading')}>
      {shown.length === 0 ? (
        <p className="muted">{t('activities.empty')}</p>
      ) : (
        <ul className="plain">
          {shown.map((a) => (
            <li className="event" key={a.id}>
              <span className="icon">
                <Icon icon={ACTIVITY_ICONS[a.type]} />
              </span>
              <span>
                {t(`activity.${a.type}`)}
                {a.subject && <>: {a.subject}</>}
              </span>
              <time className="when" dateTime={new Date(a.occurredAt).toISOString()}>
                {dateTime(a.occurredAt)}
              </time>
              {(a.by || a.outcome) && <span className="detail">{[a.by, a.outcome].filter(Boolean).join(' · ')}</span>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
