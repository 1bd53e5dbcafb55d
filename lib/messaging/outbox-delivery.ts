import { browser } from 'wxt/browser';
import type { Connector } from '../connectors/connector';
import type { SystemId } from '../domain/model';
import type { BatonDb } from '../store/db';
import { runOutbox } from '../store/outbox-runner';
import { outboxKickSchema } from './messages';
import { isFromExtensionPage, type MessageSender } from './senders';

export const OUTBOX_ALARM = 'baton-outbox';

/**
 * Background delivery of the feedback outbox. An alarm is the durable wake-up (it survives worker suspension
 * and browser restarts), but Chrome clamps alarms to 30 s; a click's 5-second undo window is served by a
 * timer in the awake worker, with the alarm behind it as the safety net.
 * https://developer.chrome.com/docs/extensions/reference/api/alarms#method-create
 */
export function startOutboxDelivery(deps: {
  db: BatonDb;
  connectorFor: (system: SystemId) => Promise<Connector>;
  now?: () => number;
}): { run: () => Promise<void> } {
  const now = deps.now ?? Date.now;
  let running: Promise<void> | null = null;
  let rerun = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const scheduleWake = async (atMs: number | null) => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (atMs === null) {
      await browser.alarms.clear(OUTBOX_ALARM);
      return;
    }
    const delay = Math.max(0, atMs - now());
    if (delay < 60_000) timer = setTimeout(() => void run(), delay + 50);
    await browser.alarms.create(OUTBOX_ALARM, { when: Math.max(atMs, now() + 1_000) });
  };

  const run = (): Promise<void> => {
    if (running) {
      rerun = true;
      return running;
    }
    running = (async () => {
      do {
        rerun = false;
        await runOutbox({ db: deps.db, connectorFor: deps.connectorFor, now, scheduleWake }).catch((error: unknown) => {
          console.warn('Baton: outbox run failed; the alarm will try again', error);
        });
      } while (rerun);
    })().finally(() => {
      running = null;
    });
    return running;
  };

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) void run();
  });
  // Only the extension's pages (the panel after a click, "retry") kick the outbox; a content script cannot.
  browser.runtime.onMessage.addListener((message: unknown, sender: MessageSender) => {
    if (!isFromExtensionPage(sender) || !outboxKickSchema.safeParse(message).success) return undefined;
    void run();
    return undefined;
  });
  browser.runtime.onStartup.addListener(() => void run());
  browser.runtime.onInstalled.addListener(() => void run());
  return { run };
}
