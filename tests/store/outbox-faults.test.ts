import { describe, expect, it } from 'vitest';
import type { Connector } from '../../lib/connectors/connector';
import type { SystemId } from '../../lib/domain/model';
import { openBatonDb, type BatonDb } from '../../lib/store/db';
import { recordFeedback } from '../../lib/store/outbox';
import { runOutbox } from '../../lib/store/outbox-runner';
import { faultyConnector, FakeVendor, seeded } from './fault-connector';
import { T0 } from './lead-context-fixture';

const CLICKS = 1_000;
const RESTARTS_AT = [333, 666];

describe('feedback outbox under faults and worker restarts', () => {
  it('delivers 1,000 clicks exactly once: none lost, none doubled', async () => {
    const name = `baton-faults-${Math.random().toString(36).slice(2)}`;
    const random = seeded(20261125);
    const vendor = new FakeVendor();
    const connectors = new Map<SystemId, Connector>();
    const connectorFor = async (system: SystemId) => {
      let connector = connectors.get(system);
      if (!connector) connectors.set(system, (connector = faultyConnector(system, vendor, random)));
      return connector;
    };

    let db: BatonDb = openBatonDb(name);
    let t = T0;
    let clicked = 0;
    let restarts = 0;
    let hungWorkers = 0;
    for (let round = 0; round < 50_000; round++) {
      for (let i = 0; i < 20 && clicked < CLICKS; i++, clicked++) {
        const system: SystemId = clicked % 3 === 0 ? 'hubspot' : 'salesforce';
        await recordFeedback(
          db,
          {
            ref: { system, instance: 'acme', object: 'Lead', id: `L${clicked}` },
            personKey: `p${clicked}@example.co.jp`,
            verdict: clicked % 2 ? 'good' : 'bad',
            by: 'sato@example.co.jp',
          },
          t,
        );
      }
      const restartAt = RESTARTS_AT[restarts];
      if (restartAt !== undefined && clicked >= restartAt) {
        // The worker is killed mid-send: the vendor creates the Task, the answer never comes back,
        // the claimed batch stays 'sending', and all in-memory state is gone with the worker.
        restarts++;
        await new Promise<void>((reached) => {
          const dying: Connector = {
            system: 'salesforce',
            fetchContext: () => new Promise(() => {}),
            deliverFeedback: (feedback) => {
              vendor.create(feedback);
              reached();
              return new Promise(() => {});
            },
          };
          void runOutbox({ db, connectorFor: async () => dying, now: () => t + 10_000, scheduleWake: () => {}, random });
        });
        hungWorkers++;
        db.close();
        db = openBatonDb(name);
      }
      let wake: number | null = null;
      await runOutbox({ db, connectorFor, now: () => t, scheduleWake: (at) => void (wake = at), random });
      if (clicked >= CLICKS && wake === null) break;
      // Time only moves when the outbox has nothing due: jump to the next alarm (or the next clicks).
      const nextClicks = clicked < CLICKS ? t + 1_000 : Infinity;
      t = Math.max(t + 1, Math.min(wake ?? Infinity, nextClicks));
    }

    const rows = await db.feedback.toArray();
    const duplicates = [...vendor.createCount.values()].filter((n) => n > 1).length;
    const lost = rows.filter((row) => !vendor.created.has(row.id)).length;
    console.info(
      `[outbox-faults] clicks=${CLICKS} delivered=${vendor.created.size} duplicates=${duplicates} lost=${lost} ` +
        `vendorCalls=${vendor.calls} restarts=${restarts} faults=${JSON.stringify(vendor.faults)} virtualHours=${((t - T0) / 3_600_000).toFixed(1)}`,
    );
    expect(hungWorkers).toBe(2);
    expect(rows).toHaveLength(CLICKS);
    expect(vendor.created.size).toBe(CLICKS);
    expect(duplicates).toBe(0);
    expect(lost).toBe(0);
    expect(rows.every((row) => row.state === 'sent' && row.vendorId === vendor.created.get(row.id))).toBe(true);
    // Every kind of fault really happened.
    for (const fault of ['expired-token', '5xx', '429', 'timeout', 'reset-before', 'reset-after-create']) {
      expect(vendor.faults[fault] ?? 0).toBeGreaterThan(0);
    }
    await db.delete();
  });
});
