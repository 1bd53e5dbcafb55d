import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { CACHE_BUDGET_ALARM, CACHE_BUDGET_MINUTES, startCacheBudget } from '../../lib/messaging/cache-budget';
import { saveContext } from '../../lib/store/context-repo';
import type { BatonDb } from '../../lib/store/db';
import { recordFeedback } from '../../lib/store/outbox';
import { freshDb, leadContext, sfRef, T0 } from '../store/lead-context-fixture';

const MB = 1024 * 1024;
let db: BatonDb;

/** What the browser says the extension's storage weighs (navigator.storage.estimate). */
function browserReportsUsage(bytes: number) {
  Object.defineProperty(navigator, 'storage', { value: { estimate: async () => ({ usage: bytes }) }, configurable: true });
}

beforeEach(async () => {
  fakeBrowser.reset();
  db = freshDb();
  for (const id of ['00Q000000000001AAA', '00Q000000000002AAA']) {
    await saveContext(db, leadContext(sfRef(id), { events: 5, fetchedAt: T0 }));
    await recordFeedback(db, { ref: sfRef(id), personKey: `${id.toLowerCase()}@example.co.jp`, verdict: 'good', by: 'me' }, T0);
  }
});
afterEach(async () => {
  Reflect.deleteProperty(navigator, 'storage');
  await db.delete();
});

describe('daily cache budget in the background', () => {
  it('schedules a daily alarm, and on it evicts cached leads over the budget while keeping feedback', async () => {
    browserReportsUsage(300 * MB); // over the default 200 MB budget
    startCacheBudget({ db });
    await vi.waitFor(async () => expect((await fakeBrowser.alarms.get(CACHE_BUDGET_ALARM))?.periodInMinutes).toBe(CACHE_BUDGET_MINUTES));

    await fakeBrowser.alarms.onAlarm.trigger({ name: CACHE_BUDGET_ALARM, scheduledTime: T0 });
    expect(await db.people.count()).toBe(0);
    expect(await db.events.count()).toBe(0);
    expect(await db.feedback.count()).toBe(2);
  });

  it('leaves the cache alone while it is under the budget, and ignores other alarms', async () => {
    browserReportsUsage(300 * MB);
    const { run } = startCacheBudget({ db });
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'baton-outbox', scheduledTime: T0 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await db.people.count()).toBe(2);
    browserReportsUsage(150 * MB);
    const result = await run();
    expect(result?.evicted).toEqual([]);
    expect(await db.people.count()).toBe(2);
  });
});
