import { browser } from 'wxt/browser';
import type { Calendar } from '../domain/business-calendar';
import { nextQueueChange, queueAlertCount, type QueueLead } from '../domain/my-queue';
import type { BatonDb } from '../store/db';
import { watchDefinitions } from '../store/definitions-watch';
import { readMyQueue } from '../store/my-queue-repo';
import { queueChangedSchema } from './messages';
import { isFromExtensionPage, type MessageSender } from './senders';

/**
 * The toolbar badge: how many of my leads are at risk or breached, red when any is breached, amber otherwise.
 * It changes only when a lead changes state, and that instant is known in advance from the business calendar
 * (`nextQueueChange`), so one alarm is set for exactly then instead of waking the worker every minute. A sync
 * of my leads, a new rep, the worker's start and a change of the shared definitions (SLA table, calendar: saved
 * by the options page or fetched by the worker) also repaint it, re-judging every lead and re-setting the alarm.
 * https://developer.chrome.com/docs/extensions/reference/api/action#method-setBadgeText
 * https://developer.chrome.com/docs/extensions/reference/api/alarms#method-create (`when`)
 */
export const QUEUE_BADGE_ALARM = 'baton-queue-badge';
export const BADGE_COLORS = { breached: '#c5221f', at_risk: '#b06000' } as const;

export interface BadgeAction {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
}
export interface BadgeAlarms {
  create(name: string, info: { when: number }): Promise<void> | void;
  clear(name: string): Promise<boolean>;
}

export interface QueueBadgeDeps {
  db: BatonDb;
  now?: () => number;
  action?: BadgeAction;
  alarms?: BadgeAlarms;
  /** Told after every repaint with the queue as judged then (the alerts listen here). */
  onQueue?: (leads: QueueLead[], now: number, calendar: Calendar) => Promise<unknown>;
}

export interface QueueBadgeState {
  text: string;
  worst: 'breached' | 'at_risk' | null;
  /** When the alarm is set for (null: nothing will change). */
  next: number | null;
}

function browserAction(): BadgeAction | undefined {
  const api = browser as unknown as { action?: BadgeAction; browserAction?: BadgeAction };
  return api.action ?? api.browserAction;
}

export function createQueueBadge(deps: QueueBadgeDeps) {
  // The clock is read at each repaint (not a reference to Date.now kept from the worker's start), so whatever
  // clock the worker runs on decides the state at the instant the alarm fires.
  const now = deps.now ?? (() => Date.now());
  const action = deps.action ?? browserAction();
  const alarms: BadgeAlarms = deps.alarms ?? browser.alarms;
  let running: Promise<QueueBadgeState> | null = null;
  let again = false;

  async function paint(): Promise<QueueBadgeState> {
    const t = now();
    const { leads, calendar } = await readMyQueue(deps.db, t);
    const { count, worst } = queueAlertCount(leads, t);
    const text = count === 0 ? '' : count > 99 ? '99+' : String(count);
    if (action) {
      await action.setBadgeText({ text });
      if (worst) await action.setBadgeBackgroundColor({ color: BADGE_COLORS[worst] });
    }
    const next = nextQueueChange(leads, calendar, t);
    // One alarm: `create` with the same name replaces the previous one.
    if (next === null) await alarms.clear(QUEUE_BADGE_ALARM);
    else await alarms.create(QUEUE_BADGE_ALARM, { when: next });
    await deps.onQueue?.(leads, t, calendar);
    return { text, worst, next };
  }

  /** Repaints now; calls made while one runs are folded into one more run after it. */
  function refresh(): Promise<QueueBadgeState> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        let state = await paint();
        while (again) {
          again = false;
          state = await paint();
        }
        return state;
      } finally {
        running = null;
      }
    })();
    return running;
  }

  async function onAlarm(name: string): Promise<void> {
    if (name === QUEUE_BADGE_ALARM) await refresh();
  }

  return { refresh, onAlarm };
}
export type QueueBadge = ReturnType<typeof createQueueBadge>;

/** Wires the badge into the worker: its alarm, and a first paint at every start (the badge is not kept across restarts). */
export function startQueueBadge(deps: QueueBadgeDeps): QueueBadge {
  const badge = createQueueBadge(deps);
  browser.alarms.onAlarm.addListener((alarm) => void badge.onAlarm(alarm.name).catch((e: unknown) => console.warn('Baton: badge repaint failed', e)));
  browser.runtime.onMessage.addListener((message: unknown, sender: MessageSender) => {
    if (!isFromExtensionPage(sender) || !queueChangedSchema.safeParse(message).success) return undefined;
    return badge.refresh().then(() => ({ ok: true }));
  });
  watchDefinitions(deps.db, () => void badge.refresh().catch((e: unknown) => console.warn('Baton: badge repaint failed', e)));
  void badge.refresh().catch((e: unknown) => console.warn('Baton: badge repaint failed', e));
  return badge;
}
