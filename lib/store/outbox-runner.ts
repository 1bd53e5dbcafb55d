import type { Connector } from '../connectors/connector';
import type { SystemId } from '../domain/model';
import type { BatonDb } from './db';
import { deliverDue, nextDueAt, type DeliverOptions, type DeliverResult } from './outbox';

export interface RunOutboxOptions extends DeliverOptions {
  db: BatonDb;
  connectorFor: (system: SystemId) => Promise<Connector>;
  /** The clock; read at each claim and when each answer arrives, since vendor calls take time. */
  now: () => number;
  /**
   * Ask to be woken at `atMs` (the background maps it to `browser.alarms.create`, which survives worker
   * suspension and browser restarts); null means nothing is queued and any alarm can be cleared.
   */
  scheduleWake: (atMs: number | null) => void | Promise<void>;
  /** Upper bound on batches per run, so one wake never monopolises the worker. */
  maxBatches?: number;
}

/**
 * One wake of the background worker: deliver everything due now, batch after batch, then schedule the next
 * wake from what is left (backoff, Retry-After, undo windows, leases of a worker that died).
 */
export async function runOutbox(options: RunOutboxOptions): Promise<DeliverResult> {
  const { db, connectorFor, now, scheduleWake, maxBatches = 40, ...deliverOptions } = options;
  const total: DeliverResult = { sent: 0, retrying: 0, failed: 0, deferred: 0 };
  for (let batch = 0; batch < maxBatches; batch++) {
    const result = await deliverDue(db, connectorFor, now, deliverOptions);
    total.sent += result.sent;
    total.retrying += result.retrying;
    total.failed += result.failed;
    total.deferred += result.deferred;
    if (result.sent + result.retrying + result.failed + result.deferred === 0) break;
  }
  await scheduleWake(await nextDueAt(db));
  return total;
}
