import { createDemoConnector } from '../../lib/connectors/demo/demo-connector';
import { createQueueBadge, BADGE_COLORS, QUEUE_BADGE_ALARM } from '../../lib/messaging/queue-badge';
import { createTeamSync } from '../../lib/messaging/team-sync';
import type { BatonDb } from '../../lib/store/db';
import { saveIdentity } from '../../lib/store/identity-repo';
import { freshDb } from '../store/lead-context-fixture';

/** Wednesday 10:30 in Tokyo. The demo rep's hot lead (handed off 09:50) turns at risk at 10:35. */
const NOW = Date.UTC(2026, 10, 25, 1, 30);
const MIN = 60_000;

function fakeToolbar() {
  const painted: { text: string; color?: string }[] = [];
  const alarms = new Map<string, number>();
  return {
    painted,
    alarms,
    action: {
      setBadgeText: async ({ text }: { text: string }) => void painted.push({ text }),
      setBadgeBackgroundColor: async ({ color }: { color: string }) => void (painted.at(-1)!.color = color),
    },
    alarmApi: {
      create: (name: string, info: { when: number }) => void alarms.set(name, info.when),
      clear: async (name: string) => alarms.delete(name),
    },
  };
}

async function syncDemo(db: BatonDb, clock: { now: number }, onMineSynced?: () => void) {
  const demo = createDemoConnector({ now: () => clock.now });
  const sync = createTeamSync({ db, connectorFor: async () => demo, now: () => clock.now, broadcast: () => undefined, onMineSynced });
  await sync.start({ system: 'demo', kind: 'mine' });
}

describe('toolbar badge', () => {
  it('counts my leads at risk or breached, coloured by the worst, and sets one alarm for the next change', async () => {
    const db = freshDb();
    const clock = { now: NOW };
    await syncDemo(db, clock);
    const toolbar = fakeToolbar();
    const badge = createQueueBadge({ db, now: () => clock.now, action: toolbar.action, alarms: toolbar.alarmApi });

    const first = await badge.refresh();
    const count = Number(first.text);
    expect(count).toBeGreaterThanOrEqual(2);
    expect(toolbar.painted.at(-1)).toEqual({ text: String(count), color: BADGE_COLORS.breached });
    // The alarm is set for the exact instant the hot lead turns at risk, not for the next minute.
    expect(toolbar.alarms.get(QUEUE_BADGE_ALARM)).toBe(NOW + 5 * MIN);
    expect(toolbar.alarms.size).toBe(1);

    clock.now = toolbar.alarms.get(QUEUE_BADGE_ALARM)!;
    await badge.onAlarm(QUEUE_BADGE_ALARM);
    expect(toolbar.painted.at(-1)!.text).toBe(String(count + 1));
    expect(toolbar.alarms.get(QUEUE_BADGE_ALARM)).toBeGreaterThan(clock.now);
    await badge.onAlarm('some-other-alarm');
    expect(toolbar.painted).toHaveLength(2);
  });

  it('is empty with no alarm for a rep with nothing open, and repaints when a sync of my leads ends', async () => {
    const db = freshDb();
    const clock = { now: NOW };
    await saveIdentity(db, { system: 'demo', userId: 'nobody', name: 'Nobody', checkedAt: NOW });
    const toolbar = fakeToolbar();
    const badge = createQueueBadge({ db, now: () => clock.now, action: toolbar.action, alarms: toolbar.alarmApi });
    expect(await badge.refresh()).toEqual({ text: '', worst: null, next: null });
    expect(toolbar.alarms.size).toBe(0);

    await saveIdentity(db, { system: 'demo', userId: '鈴木 美咲', name: '鈴木 美咲', checkedAt: NOW });
    let repainted: Promise<unknown> | undefined;
    await syncDemo(db, clock, () => (repainted = badge.refresh()));
    await repainted;
    expect(toolbar.painted.at(-1)!.text).not.toBe('');
  });
});

describe('"queue changed" from pages', () => {
  it('repaints for the extension’s own pages only, never for a content script', async () => {
    const { fakeBrowser } = await import('wxt/testing');
    const { startQueueBadge } = await import('../../lib/messaging/queue-badge');
    fakeBrowser.reset();
    const db = freshDb();
    const toolbar = fakeToolbar();
    startQueueBadge({ db, now: () => NOW, action: toolbar.action, alarms: toolbar.alarmApi });
    await vi.waitFor(() => expect(toolbar.painted).toHaveLength(1)); // the start-up paint
    type Sender = Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1];
    const ext = `chrome-extension://${fakeBrowser.runtime.id}`;
    const content = { id: fakeBrowser.runtime.id, url: 'https://acme.lightning.force.com/lightning/r/Lead/00Q5e00000AbCdEEAV/view', tab: { id: 7 }, frameId: 0 } as Sender;
    await fakeBrowser.runtime.onMessage.trigger({ type: 'baton/queue-changed' }, content);
    expect(toolbar.painted).toHaveLength(1);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'baton/queue-changed', extra: 1 }, { id: fakeBrowser.runtime.id, url: `${ext}/options.html` } as Sender);
    expect(toolbar.painted).toHaveLength(1);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'baton/queue-changed' }, { id: fakeBrowser.runtime.id, url: `${ext}/options.html` } as Sender);
    expect(toolbar.painted).toHaveLength(2);
  });
});

describe('a change of the shared definitions', () => {
  it('repaints the badge and moves the alarm at once, not at the next sync', async () => {
    const { fakeBrowser } = await import('wxt/testing');
    const { startQueueBadge } = await import('../../lib/messaging/queue-badge');
    const { saveDefinitions } = await import('../../lib/store/definitions-repo');
    const { DEFAULT_DEFINITIONS } = await import('../../lib/domain/definitions/default-definitions');
    fakeBrowser.reset();
    const db = freshDb();
    const clock = { now: NOW };
    await syncDemo(db, clock);
    const toolbar = fakeToolbar();
    startQueueBadge({ db, now: () => clock.now, action: toolbar.action, alarms: toolbar.alarmApi });
    await vi.waitFor(() => expect(toolbar.painted).toHaveLength(1)); // the start-up paint
    const count = Number(toolbar.painted[0]!.text);
    expect(toolbar.alarms.get(QUEUE_BADGE_ALARM)).toBe(NOW + 5 * MIN);

    // The team corrects its SLA table (same effective date, next version): "at risk" from half the budget on.
    // The hot lead handed off at 09:50 (1 business hour) is then at risk since 10:20, and breaches at 10:50.
    await saveDefinitions(db, {
      definitions: {
        ...DEFAULT_DEFINITIONS,
        version: 2,
        changeLog: [...DEFAULT_DEFINITIONS.changeLog, { version: 2, date: '2026-11-25', summary: { ja: '警告を半分で', en: 'Warn at half' } }],
        sla: { ...DEFAULT_DEFINITIONS.sla, warnAtFraction: 0.5 },
      },
      source: 'file',
      fetchedAt: NOW,
    });
    await vi.waitFor(() => expect(toolbar.painted.at(-1)!.text).toBe(String(count + 1)));
    expect(toolbar.alarms.get(QUEUE_BADGE_ALARM)).toBe(NOW + 20 * MIN);
  });
});
