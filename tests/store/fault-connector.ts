import { ConnectorError, type Connector, type DeliveryReceipt } from '../../lib/connectors/connector';
import { mulberry32 } from '../../lib/connectors/demo/random';
import type { Feedback, SystemId } from '../../lib/domain/model';

/** Deterministic PRNG, so a failing run can be replayed: the demo workspace's own generator. */
export const seeded = mulberry32;

/**
 * The system of record as the outbox sees it: it stores one Task per feedback id and counts every create,
 * so a duplicate shows up as a count of 2.
 */
export class FakeVendor {
  readonly created = new Map<string, string>();
  readonly createCount = new Map<string, number>();
  calls = 0;
  tokenExpired = false;
  readonly faults: Record<string, number> = {};

  create(feedback: Feedback): DeliveryReceipt {
    const existing = this.created.get(feedback.id);
    if (existing) return { vendorId: existing, alreadyExisted: true };
    const vendorId = `00T${String(this.created.size).padStart(15, '0')}`;
    this.created.set(feedback.id, vendorId);
    this.createCount.set(feedback.id, (this.createCount.get(feedback.id) ?? 0) + 1);
    return { vendorId, alreadyExisted: false };
  }

  fault(name: string): void {
    this.faults[name] = (this.faults[name] ?? 0) + 1;
  }
}

const err = (vendor: SystemId, kind: ConnectorError['kind'], message: string, extra: { code?: string; retryAfterMs?: number } = {}) =>
  new ConnectorError({ vendor, kind, message, ...extra });

/**
 * A connector whose vendor misbehaves the ways real ones do. Like the real connectors it looks the feedback
 * id up before creating, so a retry after a lost response finds the first Task.
 */
export function faultyConnector(system: SystemId, vendor: FakeVendor, random: () => number): Connector {
  return {
    system,
    fetchContext: () => Promise.reject(new Error('not used')),
    async deliverFeedback(feedback) {
      vendor.calls++;
      if (vendor.tokenExpired) {
        // 401 INVALID_SESSION_ID: this call fails, the connector refreshes the token, the next one works.
        vendor.tokenExpired = false;
        vendor.fault('expired-token');
        throw err(system, 'auth', 'Session expired or invalid', { code: 'INVALID_SESSION_ID' });
      }
      if (random() < 0.01) vendor.tokenExpired = true;
      const r = random();
      if (r < 0.08) {
        vendor.fault('5xx');
        throw err(system, 'transient', 'Service Unavailable', { code: '503' });
      }
      if (r < 0.14) {
        vendor.fault('429');
        throw err(system, 'rate-limit', 'Too Many Requests', { code: '429', retryAfterMs: 1_000 + Math.floor(random() * 20_000) });
      }
      if (r < 0.18) {
        vendor.fault('timeout');
        throw err(system, 'transient', 'Timed out waiting for the vendor', { code: 'ETIMEDOUT' });
      }
      if (r < 0.21) {
        vendor.fault('reset-before');
        throw err(system, 'transient', 'Connection reset', { code: 'ECONNRESET' });
      }
      const receipt = vendor.create(feedback);
      if (r < 0.27) {
        // Created, then the connection dropped: the response is lost, the Task exists.
        vendor.fault('reset-after-create');
        throw err(system, 'transient', 'Connection reset', { code: 'ECONNRESET' });
      }
      return receipt;
    },
  };
}
