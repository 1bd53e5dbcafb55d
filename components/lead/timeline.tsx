import { useState } from 'react';
import type { EngagementEvent, EngagementType } from '../../lib/domain/model';
import { dayKey } from '../../lib/i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { Card } from '../ui/card';
import { SafeLink } from '../ui/safe-link';
import {
  CalendarPlus,
  Dot,
  FileDown,
  FilePen,
  Globe,
  Handshake,
  MailOpen,
  Megaphone,
  MessageCircle,
  MousePointerClick,
  Send,
  Star,
  Ticket,
  Users,
  Video,
} from 'lucide-react';
import { Icon, type LucideIcon } from '../ui/icon';

export const EVENT_ICONS: Record<EngagementType, LucideIcon> = {
  email_send: Send,
  email_open: MailOpen,
  email_click: MousePointerClick,
  page_view: Globe,
  form_submit: FilePen,
  content_download: FileDown,
  webinar_registered: CalendarPlus,
  webinar_attended: Video,
  event_registered: Ticket,
  event_attended: Handshake,
  chat: MessageCircle,
  ad_click: Megaphone,
  social: Users,
  other: Dot,
};

/** Newest first, grouped by calendar day in the team's zone (a 23:30 visit in Tokyo belongs to that Tokyo day). */
export function groupByDay<T extends { occurredAt: number }>(items: readonly T[], timeZone: string | undefined): { key: string; at: number; items: T[] }[] {
  const groups = new Map<string, { key: string; at: number; items: T[] }>();
  for (const item of [...items].sort((a, b) => b.occurredAt - a.occurredAt)) {
    const key = dayKey(item.occurredAt, timeZone);
    const group = groups.get(key) ?? { key, at: item.occurredAt, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Recent history answers "what did they just do"; a long nurture history stays one click away. */
export const TIMELINE_RECENT = 25;

export function Timeline({ events }: { events: readonly EngagementEvent[] }) {
  const { t, day, time, timeZone, number } = useI18n();
  const [all, setAll] = useState(false);
  const newestFirst = [...events].sort((a, b) => b.occurredAt - a.occurredAt);
  const days = groupByDay(all ? newestFirst : newestFirst.slice(0, TIMELINE_RECENT), timeZone);
  return (
    <Card title={t('timeline.heading')} aside={<span className="muted small">{t('timeline.count', { count: number(events.length) })}</span>}>
      {days.length === 0 ? (
        <p className="muted">{t('timeline.empty')}</p>
      ) : (
        days.map((d) => (
          <div className="timeline-day" key={d.key}>
            <h3>{day(d.at)}</h3>
            <ul className="plain">
              {d.items.map((e) => (
                <li className="event" key={e.id}>
                  <span className="icon">
                    <Icon icon={EVENT_ICONS[e.type]} />
                  </span>
                  <span>
                    {t(`event.${e.type}`)}
                    {e.interesting && (
                      <span className="small">
                        {' '}
                        <Icon icon={Star} /> {t('timeline.interesting')}
                      </span>
                    )}
                  </span>
                  <time className="when" dateTime={new Date(e.occurredAt).toISOString()}>
                    {time(e.occurredAt)}
                  </time>
                  {(e.asset || e.url || e.campaign) && (
                    <span className="detail">
                      {(e.asset || e.url) && <SafeLink url={e.url}>{e.asset ?? e.url}</SafeLink>}
                      {e.campaign && (
                        <>
                          {(e.asset || e.url) && ' · '}
                          <span>{t('timeline.campaign', { name: e.campaign })}</span>
                        </>
                      )}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
      {events.length > TIMELINE_RECENT && (
        <button type="button" className="link" aria-expanded={all} onClick={() => setAll((a) => !a)}>
          {all ? t('timeline.showRecent') : t('timeline.showAll', { count: number(events.length) })}
        </button>
      )}
    </Card>
  );
}
