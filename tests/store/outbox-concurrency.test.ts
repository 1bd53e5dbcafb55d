import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '../../lib/connectors/connector';
import { openBatonDb, type BatonDb } from '../../lib/store/db';
import { deliverDue, LEASE_MS, recordFeedback, UNDO_WINDOW_MS } from '../../lib/store/outbox';
import { runOutbox } from '../../lib/store/outbox-runner';
import { sfRef, T0 } from './lead-context-fixture';
import { ManualVendor } from './manual-vendor';

/**
 * Two contexts (a restarted worker beside the old one still finishing, two windows) on one database, and a
 * vendor whose answers come when the test says: the races of issue 15, items 9 and 10, replayed exactly.
 */

let name: string;
const open: BatonDb[] = [];
function context(): BatonDb {
  const db = openBatonDb(name);
  open.push(db);
  return db;
}
afterEach(async () => {
  for (const db of open.splice(0)) db.close();
  await openBatonDb(name).delete();
});

async function clicks(db: BatonDb, count: number, at: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const ref = sfRef(`00Q00000000000${i}AAA`);
    ids.push((await recordFeedback(db, { ref, personKey: `p${i}@example.co.jp`, verdict: 'good', by: 'sato@example.co.jp' }, at)).id);
  }
  return ids;
}

const rateLimited = (retryAfterMs: number) =>
  new ConnectorError({ vendor: 'salesforce', kind: 'rate-limit', message: 'Too Many Requests', code: '429', retryAfterMs });

describe('two contexts and a slow vendor', () => {
  it('creates each click exactly once when a delivery run outlasts the lease', async () => {
    name = `baton-race-${Math.random().toString(36).slice(2)}`;
    const [a, b] = [context(), context()];
    const ids = await clicks(a, 3, T0);
    let t = T0 + UNDO_WINDOW_MS;
    const vendor = new ManualVendor(() => t);
    const done = { A: false, B: false };
    const run = (runner: 'A' | 'B', db: BatonDb) =>
      runOutbox({ db, connectorFor: async () => vendor.connector(runner), now: () => t, scheduleWake: () => {} }).finally(() => {
        done[runner] = true;
        vendor.changed();
      });

    // Context A sends the first two clicks; every request takes the vendor 12 s.
    const runA = run('A', a);
    for (let request = 0; request < 4; request++) {
      const next = await vendor.next('A');
      t += 12_000;
      next.answer();
    }
    // A now looks up the third click, 48 s after it started. Context B starts once 60 s have passed.
    await vendor.until(() => vendor.waiting('A'));
    t = T0 + UNDO_WINDOW_MS + LEASE_MS + 1_000;
    const runB = run('B', b);
    // The worst order: whenever both contexts are waiting on the vendor, every lookup is answered before any create.
    while (!(done.A && done.B)) {
      await vendor.until(() => (done.A || vendor.waiting('A')) && (done.B || vendor.waiting('B')));
      const waiting = vendor.takeAll().sort((x, y) => (x.kind === y.kind ? 0 : x.kind === 'lookup' ? -1 : 1));
      for (const request of waiting) request.answer();
    }
    await Promise.all([runA, runB]);

    expect(ids.map((id) => vendor.createCount.get(id) ?? 0)).toEqual([1, 1, 1]);
    expect((await a.feedback.toArray()).map((row) => row.state)).toEqual(['sent', 'sent', 'sent']);
  });

  it('settles only what it still holds: a late answer after the lease ran out does not overwrite the new holder', async () => {
    name = `baton-race-${Math.random().toString(36).slice(2)}`;
    const [a, b] = [context(), context()];
    const [id] = await clicks(a, 1, T0);
    let t = T0 + UNDO_WINDOW_MS;
    const vendor = new ManualVendor(() => t);
    // A's worker is suspended mid-call (its timers do not run): the lease runs out and B takes the click over.
    const runA = deliverDue(a, async () => vendor.connector('A'), () => t, { startTimer: () => () => {} });
    const lookupA = await vendor.next('A');
    t += LEASE_MS + 1;
    const runB = deliverDue(b, async () => vendor.connector('B'), () => t);
    (await vendor.next('B')).answer();
    (await vendor.next('B')).answer();
    expect(await runB).toMatchObject({ sent: 1 });
    const settledByB = await b.feedback.get(id!);
    // A wakes up; its lookup now finds B's Task. A must neither count it nor touch B's settled row.
    t += 5_000;
    lookupA.answer();
    expect(await runA).toMatchObject({ sent: 0, retrying: 0, failed: 0 });
    expect(vendor.createCount.get(id!)).toBe(1);
    expect(await a.feedback.get(id!)).toEqual(settledByB);
  });

  it('refuses an attempt timeout that could outlast the lease', async () => {
    name = `baton-race-${Math.random().toString(36).slice(2)}`;
    const a = context();
    await expect(deliverDue(a, async () => new ManualVendor().connector('A'), T0, { attemptTimeoutMs: LEASE_MS })).rejects.toThrow(
      RangeError,
    );
  });
});

describe('Retry-After', () => {
  it('counts the wait from when the 429 arrived, holds the vendor’s other clicks, and survives a restart', async () => {
    name = `baton-hold-${Math.random().toString(36).slice(2)}`;
    const a = context();
    const ids = await clicks(a, 2, T0);
    let t = T0 + UNDO_WINDOW_MS;
    const vendor = new ManualVendor(() => t);
    const wakes: (number | null)[] = [];
    const run = (db: BatonDb, runner: string) =>
      runOutbox({ db, connectorFor: async () => vendor.connector(runner), now: () => t, scheduleWake: (at) => void wakes.push(at) });

    // The vendor takes 20 s to answer 429 with Retry-After: 60 s. The window runs from the answer.
    const first = run(a, 'A');
    const lookup = await vendor.next('A');
    t += 20_000;
    const answeredAt = t;
    const windowEnd = answeredAt + 60_000;
    lookup.fail(rateLimited(60_000));
    await first;
    expect(wakes.at(-1)).toBeGreaterThanOrEqual(windowEnd);

    // The worker is stopped and restarted (nothing in memory survives); a new click arrives meanwhile.
    a.close();
    const restarted = context();
    t = answeredAt + 5_000;
    ids.push(...(await clicks(restarted, 1, t)));
    // Runs at every moment the old code would have called: 5 s after the new click, and after "start + 60 s".
    for (const at of [t + UNDO_WINDOW_MS, T0 + UNDO_WINDOW_MS + 60_000, T0 + UNDO_WINDOW_MS + 62_000, windowEnd - 1]) {
      t = at;
      await run(restarted, 'A2');
      expect(wakes.at(-1)).toBeGreaterThanOrEqual(windowEnd);
    }
    const inWindow = vendor.deliveries.filter((d) => d.at > answeredAt && d.at < windowEnd);
    expect(inWindow, `vendor calls inside the Retry-After window: ${inWindow.length}`).toEqual([]);

    // Once the window has passed, everything goes.
    t = windowEnd + 2_000;
    let finished = false;
    const after = run(restarted, 'A2').finally(() => {
      finished = true;
      vendor.changed();
    });
    for (;;) {
      await vendor.until(() => finished || vendor.waiting('A2'));
      if (finished) break;
      (await vendor.next('A2')).answer();
    }
    expect(await after).toMatchObject({ sent: 3 });
    expect(ids.map((id) => vendor.createCount.get(id))).toEqual([1, 1, 1]);
  });
});
