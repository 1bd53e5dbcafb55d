import { createDemoConnector } from '../../lib/connectors/demo/demo-connector';
import { createQueueAlerts, type NotificationsLike } from '../../lib/messaging/queue-alerts';
import { createQueueBadge } from '../../lib/messaging/queue-badge';
import { createTeamSync } from '../../lib/messaging/team-sync';
import type { BatonDb } from '../../lib/store/db';
import { saveSettings } from '../../lib/store/settings';
import { freshDb } from '../store/lead-context-fixture';

/** Wednesday 10:30 in Tokyo. The demo rep's hot lead 山田 太郎 (handed off 09:50) is at risk at 10:35, breached at 10:50. */
const NOW = Date.UTC(2026, 10, 25, 1, 30);
const MIN = 60_000;

function fakeNotifications() {
  const shown: { id: string; title: string; message: string }[] = [];
  const api: NotificationsLike = {
    create: async (id, o) => {
      shown.push({ id, title: o.title, message: o.message });
      return id;
    },
  };
  return { shown, api };
}

/** One worker life: a badge and its alerts over the same database (a restart makes new ones). */
function worker(db: BatonDb, clock: { now: number }, api: NotificationsLike, opened: string[] = []) {
  const alerts = createQueueAlerts({ db, notifications: async () => api, languages: () => ['en'], iconUrl: () => 'icon.png', openUrl: async (u) => opened.push(u) });
  const noop = { setBadgeText: async () => undefined, setBadgeBackgroundColor: async () => undefined };
  const alarms = { create: () => undefined, clear: async () => true };
  const badge = createQueueBadge({ db, now: () => clock.now, action: noop, alarms, onQueue: alerts.onQueue });
  return { alerts, badge };
}

async function syncedDemo(clock: { now: number }) {
  const db = freshDb();
  const demo = createDemoConnector({ now: () => clock.now });
  await createTeamSync({ db, connectorFor: async () => demo, now: () => clock.now, broadcast: () => undefined }).start({ system: 'demo', kind: 'mine' });
  return db;
}

describe('queue alerts', () => {
  it('are off until turned on', async () => {
    const clock = { now: NOW };
    const db = await syncedDemo(clock);
    const n = fakeNotifications();
    await worker(db, clock, n.api).badge.refresh();
    clock.now = NOW + 5 * MIN;
    await worker(db, clock, n.api).badge.refresh();
    expect(n.shown).toEqual([]);
  });

  it('fire once at at-risk and once at breach, across worker restarts; a click opens the record', async () => {
    const clock = { now: NOW };
    const db = await syncedDemo(clock);
    await saveSettings(db, { queueAlerts: true });
    const n = fakeNotifications();
    const opened: string[] = [];

    // Turned on: what is already due is the starting point, not fifty notifications.
    await worker(db, clock, n.api).badge.refresh();
    expect(n.shown).toEqual([]);

    clock.now = NOW + 5 * MIN; // 10:35
    await worker(db, clock, n.api).badge.refresh();
    expect(n.shown.map((s) => s.title)).toEqual(['SLA at risk']);
    expect(n.shown[0]!.message).toContain('山田 太郎');

    // The worker is restarted (and the browser: a new worker over the same database) at the same minute.
    const again = worker(db, clock, n.api, opened);
    await again.badge.refresh();
    await again.badge.refresh();
    expect(n.shown).toHaveLength(1);

    clock.now = NOW + 20 * MIN; // 10:50
    await worker(db, clock, n.api).badge.refresh();
    expect(n.shown.map((s) => s.title)).toEqual(['SLA at risk', 'SLA breached']);
    await worker(db, clock, n.api).badge.refresh();
    expect(n.shown).toHaveLength(2);

    expect(await again.alerts.onClicked(n.shown[1]!.id)).toBe(true);
    expect(opened).toEqual([expect.stringMatching(/demo-sfa\.html/)]);
    expect(await again.alerts.onClicked('someone-else|x')).toBe(false);
  });

  it('stay quiet outside business hours unless asked, and then come once', async () => {
    const clock = { now: NOW };
    const db = await syncedDemo(clock);
    await saveSettings(db, { queueAlerts: true });
    const n = fakeNotifications();
    await worker(db, clock, n.api).badge.refresh();
    // 山田 reaches at risk at 10:35; the first look after it is at 19:00, after hours.
    clock.now = Date.UTC(2026, 10, 25, 10, 0);
    await worker(db, clock, n.api).badge.refresh();
    expect(n.shown).toEqual([]);
    await saveSettings(db, { queueAlertsAfterHours: true });
    await worker(db, clock, n.api).badge.refresh();
    // Passed at risk into breach unseen: one notification, the breach.
    expect(n.shown.filter((s) => s.message.includes('山田 太郎')).map((s) => s.title)).toEqual(['SLA breached']);
  });
});
