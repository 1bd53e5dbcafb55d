import { memo, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import type { QueueLead, QueueTick } from '../../lib/domain/my-queue';
import { queueTick } from '../../lib/domain/my-queue';
import { useBatonDeps } from '../../lib/queries/baton-deps';
import { useMyQueue, useSyncMyQueue } from '../../lib/queries/use-my-queue';
import { useI18n } from '../i18n/i18n-context';
import { SLA_ICONS } from '../lead/sla-countdown';
import { BandBadge } from '../ui/band-badge';
import { Card } from '../ui/card';
import { Icon } from '../ui/icon';
import { safeHref } from '../ui/safe-link';
import { useNow } from '../ui/use-now';
import { ExternalLink } from 'lucide-react';
import './my-queue.css';

export type QueueFilter = 'urgent' | 'all';

/** Opens the record in the active window's tab strip; the panel follows the active tab, so it shows the lead. */
function openInNewTab(url: string) {
  void browser.tabs.create({ url, active: true });
}

/**
 * My queue: my open handed-off leads by SLA due, each with its live countdown, band, last engagement and a
 * one-click open in its vendor. Painted from the local store; one clock for the whole list, and rows re-render
 * only when what they show changes.
 */
export function MyQueue({ onOpen = openInNewTab }: { onOpen?: (url: string) => void }) {
  const { t } = useI18n();
  const { now: clock } = useBatonDeps();
  const now = useNow(1000, clock);
  const minute = Math.floor(now / 60_000);
  const queue = useMyQueue(minute);
  const syncNow = useSyncMyQueue();
  const [filter, setFilter] = useState<QueueFilter>('urgent');
  const ticks = useMemo(() => queueTick(queue.leads, queue.calendar, now), [queue.leads, queue.calendar, now]);
  const urgent = ticks.filter((x) => x.state === 'at_risk' || x.state === 'breached').length;
  const rows = queue.leads.map((lead, i) => ({ lead, tick: ticks[i]! })).filter((r) => filter === 'all' || r.tick.state === 'at_risk' || r.tick.state === 'breached');

  return (
    <Card title={t('queue.heading')} className="my-queue">
      <div role="radiogroup" aria-label={t('queue.filter')} className="row">
        {(['urgent', 'all'] as const).map((f) => (
          <label key={f}>
            <input type="radio" name="queue-filter" value={f} checked={filter === f} onChange={() => setFilter(f)} />{' '}
            {f === 'urgent' ? t('queue.filter.urgent', { count: urgent }) : t('queue.filter.all', { count: queue.leads.length })}
          </label>
        ))}
      </div>
      {!queue.loaded ? (
        <p className="muted">{t('app.loading')}</p>
      ) : !queue.synced ? (
        <p className="muted">
          {t('queue.notSynced')}{' '}
          <button type="button" onClick={() => void syncNow()}>
            {t('queue.syncNow')}
          </button>
        </p>
      ) : rows.length === 0 ? (
        <p className="muted">{filter === 'urgent' ? t('queue.noneUrgent') : t('queue.none')}</p>
      ) : (
        <ol className="plain stack queue-list" aria-label={t('queue.heading')}>
          {rows.map(({ lead, tick }) => (
            <QueueRow key={`${lead.ref.system}|${lead.ref.instance}|${lead.ref.id}`} lead={lead} state={tick.state} label={countdownLabel(tick)} onOpen={onOpen} />
          ))}
        </ol>
      )}
    </Card>
  );
}

/** What the row's countdown shows, as a key that only changes when its text does. */
function countdownLabel(tick: QueueTick): number | null {
  return tick.seconds === null ? null : Math.trunc(tick.seconds);
}

const QueueRow = memo(function QueueRow({ lead, state, label, onOpen }: { lead: QueueLead; state: QueueTick['state']; label: number | null; onOpen: (url: string) => void }) {
  const { t, countdown, dateTime } = useI18n();
  const href = safeHref(lead.url);
  const vendor = t(`system.${lead.ref.system}`);
  return (
    <li className="queue-row" data-state={state}>
      <div className="row">
        {href ? (
          <button type="button" className="link" onClick={() => onOpen(href)} aria-label={t('queue.open', { name: lead.name, vendor })}>
            {lead.name} <Icon icon={ExternalLink} />
          </button>
        ) : (
          <strong>{lead.name}</strong>
        )}
        {lead.company && <span className="muted small">{lead.company}</span>}
        <BandBadge band={lead.band} />
      </div>
      <div className="row small">
        <span className={`sla-status sla-${state}`} data-status={state}>
          <Icon icon={SLA_ICONS[state]} /> {t(`sla.status.${state}`)}
        </span>
        {label !== null && <span className="queue-countdown">{label > 0 ? t('sla.remaining', { duration: countdown(label) }) : t('sla.overdueBy', { duration: countdown(-label) })}</span>}
      </div>
      <div className="small muted">
        {lead.lastEngagement ? t('queue.lastEngagement', { what: t(`event.${lead.lastEngagement.type}`), time: dateTime(lead.lastEngagement.at) }) : t('queue.noEngagement')}
      </div>
    </li>
  );
});
