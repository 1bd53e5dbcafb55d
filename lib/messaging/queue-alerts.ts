import { browser } from 'wxt/browser';
import { isOpenAt, type Calendar } from '../domain/business-calendar';
import type { QueueLead } from '../domain/my-queue';
import { queueAlertsAt, type QueueAlert } from '../domain/queue-alerts';
import { resolveLocale } from '../i18n/locale';
import { createTranslator } from '../i18n/translator';
import type { BatonDb } from '../store/db';
import { claimAlerts, firedAlert, readFiredAlerts } from '../store/queue-alert-store';
import { readSettings } from '../store/settings';

/**
 * Notifications for my queue: a lead at risk, a lead breached, a hot lead handed to me. Off until turned on in
 * options (which asks for the optional `notifications` permission inside the click). Each alert fires once per
 * lead and state: the fired keys are claimed in IndexedDB before showing, so a restarted worker, a restarted
 * browser or a second worker never shows one twice. None outside business hours unless the person asked. A click
 * opens the record; the panel follows the active tab.
 * https://developer.chrome.com/docs/extensions/reference/api/notifications#method-create
 */
export const ALERT_ID_PREFIX = 'baton-alert|';

export interface NotificationsLike {
  create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string; contextMessage?: string }): Promise<string>;
  clear?(id: string): Promise<boolean>;
}

export interface QueueAlertsDeps {
  db: BatonDb;
  /** The notifications API when the permission is granted, else undefined (nothing shown, nothing claimed). */
  notifications?: () => Promise<NotificationsLike | undefined>;
  openUrl?: (url: string) => Promise<unknown>;
  languages?: () => readonly string[];
  iconUrl?: () => string;
}

async function grantedNotifications(): Promise<NotificationsLike | undefined> {
  const api = browser as unknown as { notifications?: NotificationsLike; permissions?: { contains(p: { permissions: string[] }): Promise<boolean> } };
  if (!api.notifications || !api.permissions) return undefined;
  return (await api.permissions.contains({ permissions: ['notifications'] })) ? api.notifications : undefined;
}

export function createQueueAlerts(deps: QueueAlertsDeps) {
  const notifications = deps.notifications ?? grantedNotifications;
  const openUrl = deps.openUrl ?? ((url: string) => browser.tabs.create({ url, active: true }));
  const languages = deps.languages ?? (() => (typeof navigator !== 'undefined' ? navigator.languages : []));
  const iconUrl = deps.iconUrl ?? (() => (browser.runtime.getURL as (p: string) => string)('/icon/128.png'));

  /** Judges the queue the badge just painted; shows what has not been shown. Returns the alerts shown. */
  async function onQueue(leads: QueueLead[], now: number, calendar: Calendar): Promise<QueueAlert[]> {
    const settings = await readSettings(deps.db);
    if (!settings.queueAlerts) return [];
    const api = await notifications();
    if (!api) return [];
    const due = queueAlertsAt(leads, now);
    const { started } = await readFiredAlerts(deps.db);
    if (!started) {
      // First judgement here: what is already due is the starting point, not news.
      await claimAlerts(deps.db, due.map((a) => ({ key: a.key, at: now })), now);
      return [];
    }
    if (!settings.queueAlertsAfterHours && !isOpenAt(calendar, now)) return [];
    const added = new Set((await claimAlerts(deps.db, due.map((a) => ({ key: a.key, at: now, ...(a.lead.url ? { url: a.lead.url } : {}) })), now)).map((f) => f.key));
    const fresh = due.filter((a) => added.has(a.key));
    // A lead that went from on track to breached while nobody judged it: one notification (the breach), not two.
    const breached = new Set(fresh.filter((a) => a.kind === 'breached').map((a) => a.lead));
    const shown = fresh.filter((a) => a.kind === 'breached' || !breached.has(a.lead));
    const t = createTranslator(resolveLocale(settings.language, languages()));
    for (const alert of shown) {
      const company = alert.lead.company ? ` (${alert.lead.company})` : '';
      await api
        .create(`${ALERT_ID_PREFIX}${alert.key}`, {
          type: 'basic',
          iconUrl: iconUrl(),
          title: t(`alert.${alert.kind}.title`),
          message: t(`alert.${alert.kind}.message`, { name: `${alert.lead.name}${company}` }),
          contextMessage: t(`system.${alert.lead.ref.system}`),
        })
        .catch((e: unknown) => console.warn('Baton: notification failed', e));
    }
    return shown;
  }

  /** A click on one of Baton's alerts opens its record (the address kept with the fired key). */
  async function onClicked(notificationId: string): Promise<boolean> {
    if (!notificationId.startsWith(ALERT_ID_PREFIX)) return false;
    const fired = await firedAlert(deps.db, notificationId.slice(ALERT_ID_PREFIX.length));
    if (!fired?.url) return false;
    await openUrl(fired.url);
    return true;
  }

  return { onQueue, onClicked };
}
export type QueueAlerts = ReturnType<typeof createQueueAlerts>;

/** Wires the click listener (registered at start, so a click that wakes the worker is heard). */
export function startQueueAlerts(deps: QueueAlertsDeps): QueueAlerts {
  const alerts = createQueueAlerts(deps);
  const api = browser as unknown as { notifications?: { onClicked?: { addListener(cb: (id: string) => void): void } } };
  api.notifications?.onClicked?.addListener((id) => void alerts.onClicked(id).catch(() => undefined));
  return alerts;
}
