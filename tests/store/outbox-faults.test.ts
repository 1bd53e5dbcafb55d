import { describe, expect, it } from 'vitest';
import type { Connector } from '../../lib/connectors/connector';
import type { SystemId, Verdict } from '../../lib/domain/model';
import { openBatonDb, type BatonDb } from '../../lib/store/db';
import { recordFeedback, retryFeedback, undoFeedback } from '../../lib/store/outbox';
import { runOutbox } from '../../lib/store/outbox-runner';
import { faultyConnector, FakeVendor, seeded } from './fault-connector';
import { Sim, SimContext } from './fault-sim';
import { T0 } from './lead-context-fixture';

const CLICKS = 450;
const CONTEXTS = 3;
const SYSTEMS: SystemId[] = ['salesforce', 'hubspot', 'marketo'];
const MINUTE = 60_000;
const ALARM_MS = 30_000;

/** A context running the real outbox loop the way the background does: run, then sleep until the next wake or a kick. */
class OutboxContext extends SimContext {
  readonly db: BatonDb;
  private kicked = false;
  private wakeIdle: (() => void) | undefined;
  private cancelIdle = () => {};

  constructor(sim: Sim, name: string, dbName: string, vendor: FakeVendor, random: () => number, errors: unknown[]) {
    super(sim, name);
    this.db = openBatonDb(dbName);
    const connectors = new Map<SystemId, Connector>();
    const connectorFor = async (system: SystemId) => {
      if (!connectors.has(system)) connectors.set(system, faultyConnector(system, vendor, this, random));
      return connectors.get(system)!;
    };
    this.loop = async () => {
      while (this.alive) {
        let wake: number | null = null;
        try {
          await runOutbox({ db: this.db, connectorFor, now: () => sim.now, scheduleWake: (at) => void (wake = at), random, startTimer: this.startTimer });
        } catch (error) {
          if (this.alive) errors.push(error);
        }
        if (!this.alive) break;
        if (this.kicked) {
          this.kicked = false;
          continue;
        }
        // Like the background: a timer for the next wake, and the alarm behind it (Chrome's minimum is 30 s).
        await this.idle(wake === null ? null : Math.min(Math.max(wake, sim.now) + 50, sim.now + ALARM_MS));
      }
      this.block();
    };
  }

  readonly loop: () => Promise<void>;

  /** The panel nudged the background (a click, a retry). */
  kick(): void {
    if (!this.wakeIdle) {
      this.kicked = true;
      return;
    }
    this.cancelIdle();
    this.cancelIdle = this.sim.schedule(this.sim.now, this, this.wakeIdle);
  }

  private idle(at: number | null): Promise<void> {
    return new Promise((resolve) => {
      this.wakeIdle = () => {
        this.wakeIdle = undefined;
        resolve();
      };
      this.cancelIdle = at === null ? () => {} : this.sim.schedule(at, this, this.wakeIdle);
      this.block();
    });
  }
}

/**
 * Issue 15's independent fault test, made part of the suite: several live contexts on one database (a restarted
 * worker beside the old one still finishing), vendor latency and slow spells, look-up and create as separate
 * requests (answers lost after either), requests never answered (attempt timeouts), 429 with Retry-After, undo
 * and replace, permanent failures a person retries, workers killed mid-delivery. Virtual time, seeded random:
 * the same run every time. Before the fixes of items 9 and 10 this run counted 4 duplicates, 9 calls inside a
 * Retry-After and 35 overlapping deliveries of one click.
 */
describe('feedback outbox under faults, with several contexts at once', () => {
  it('delivers every click exactly once and never calls a vendor inside a Retry-After it was told', async () => {
    const dbName = `baton-faults-${Math.random().toString(36).slice(2)}`;
    const random = seeded(20261125);
    const vendor = new FakeVendor();
    const sim = new Sim(T0);
    const errors: unknown[] = [];
    const panel = openBatonDb(dbName);
    const live = new Set<OutboxContext>();
    const stats = { clicks: 0, undone: 0, kills: 0, retriesByAPerson: 0, contexts: 0 };
    const cancelled = new Set<string>();

    const start = async () => {
      const context = new OutboxContext(sim, `worker-${stats.contexts++}`, dbName, vendor, random, errors);
      live.add(context);
      await context.resume(context.loop);
    };
    // The panel nudges the background: the newest worker hears it; the others run on their own wakes.
    const kick = () => [...live].at(-1)?.kick();

    const click = async (n: number, verdict: Verdict) => {
      const system = SYSTEMS[n % SYSTEMS.length]!;
      const ref = { system, instance: 'acme', object: 'Lead', id: `L${n}` };
      // Ids from the seed too: items due at the same time are taken in id order, and the run must replay exactly.
      const id = `fb-${String(n).padStart(4, '0')}-${verdict}`;
      const feedback = await recordFeedback(panel, { id, ref, personKey: `p${n}@example.co.jp`, verdict, by: 'sato@example.co.jp' }, sim.now);
      kick();
      return feedback.id;
    };

    // Clicks in bursts (a person going through a list: 1–3 s apart), then a pause of up to a minute; one in
    // twenty is taken back within the undo window and replaced by the other verdict.
    let at = T0;
    for (let n = 0; n < CLICKS; n++) {
      at += n % 10 === 0 ? Math.floor(random() * MINUTE) : 1_000 + Math.floor(random() * 2_000);
      const undo = random() < 0.05;
      sim.schedule(at, null, async () => {
        stats.clicks++;
        const id = await click(n, 'good');
        if (!undo) return;
        sim.schedule(sim.now + 1_000 + Math.floor(random() * 3_000), null, async () => {
          if (await undoFeedback(panel, id, sim.now)) {
            cancelled.add(id);
            stats.undone++;
            await click(n, 'bad');
          }
        });
      });
    }
    // A worker is replaced now and then: the new one starts while the old one is still finishing, then the old one dies.
    const replaceAWorker = () =>
      sim.schedule(sim.now + 2 * MINUTE + Math.floor(random() * 4 * MINUTE), null, async () => {
        const old = [...live][Math.floor(random() * live.size)]!;
        await start();
        sim.schedule(sim.now + Math.floor(random() * 15_000), null, () => {
          old.kill();
          old.db.close();
          live.delete(old);
          stats.kills++;
        });
        replaceAWorker();
      });
    // A person presses "retry" on what failed, every quarter of an hour.
    let finished = false;
    const person = () =>
      sim.schedule(sim.now + 15 * MINUTE, null, async () => {
        const rows = await panel.feedback.toArray();
        for (const row of rows.filter((r) => r.state === 'failed')) {
          if (await retryFeedback(panel, row.id, sim.now)) stats.retriesByAPerson++;
        }
        kick();
        finished = stats.clicks === CLICKS && rows.every((r) => r.state === 'sent' || r.state === 'cancelled');
        if (!finished) person();
      });

    for (let i = 0; i < CONTEXTS; i++) await start();
    replaceAWorker();
    person();
    let steps = 0;
    while (!finished && sim.now < T0 + 72 * 60 * MINUTE && (await sim.step())) steps++;
    for (const context of live) {
      context.kill();
      context.db.close();
    }

    const rows = await panel.feedback.toArray();
    const delivered = rows.filter((row) => !cancelled.has(row.id));
    const counts = {
      duplicates: [...vendor.createCount.values()].filter((n) => n > 1).length,
      lost: delivered.filter((row) => row.state !== 'sent' || row.vendorId !== vendor.created.get(row.id)).length,
      undoneButSent: [...cancelled].filter((id) => vendor.createCount.has(id)).length,
      callsInsideRetryAfter: vendor.callsInsideRetryAfter(),
      overlappingDeliveries: vendor.overlapping,
    };
    const summary =
      `[outbox-faults] clicks=${stats.clicks} undone=${stats.undone} toDeliver=${delivered.length} created=${vendor.created.size} ` +
      `duplicates=${counts.duplicates} lost=${counts.lost} undoneButSent=${counts.undoneButSent} ` +
      `callsInsideRetryAfter=${counts.callsInsideRetryAfter} overlappingDeliveries=${counts.overlappingDeliveries} deliveries=${vendor.deliveries.length} requests=${vendor.requests} ` +
      `retryAfterToldTimes=${vendor.told.length} contexts=${stats.contexts} kills=${stats.kills} retriesByAPerson=${stats.retriesByAPerson} ` +
      `faults=${JSON.stringify(vendor.faults)} virtualHours=${((sim.now - T0) / 3_600_000).toFixed(1)} steps=${steps}`;
    console.info(summary);
    await panel.delete();

    expect(errors, summary).toEqual([]);
    expect(finished, summary).toBe(true);
    expect(counts, summary).toEqual({ duplicates: 0, lost: 0, undoneButSent: 0, callsInsideRetryAfter: 0, overlappingDeliveries: 0 });
    expect(rows).toHaveLength(CLICKS + stats.undone);
    // Every kind of fault really happened.
    for (const fault of ['5xx', '429', 'expired-token', 'permanent', 'reset-before', 'lost-after-lookup', 'lost-after-create', 'never-answers', 'attempt-timeout']) {
      expect(vendor.faults[fault] ?? 0, `${fault} never happened: ${summary}`).toBeGreaterThan(0);
    }
    expect(stats.undone).toBeGreaterThan(0);
    expect(stats.kills).toBeGreaterThan(0);
    expect(stats.retriesByAPerson).toBeGreaterThan(0);
  }, 60_000);
});
