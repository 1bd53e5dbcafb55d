import { ConnectorError, type Connector } from '../../lib/connectors/connector';
import { mulberry32 } from '../../lib/connectors/demo/random';
import type { Feedback, SystemId } from '../../lib/domain/model';
import type { SimContext } from './fault-sim';

/** Deterministic PRNG, so a failing run can be replayed: the demo workspace's own generator. */
export const seeded = mulberry32;

/** Fault rates per request reaching the vendor, and how often a request is lost on the way or never answered. */
const P = {
  startRateLimit: 0.02,
  serverError: 0.04,
  expiredToken: 0.01,
  permanent: 0.004,
  lostResponse: 0.05,
  resetBefore: 0.02,
  neverAnswers: 0.02,
} as const;

/**
 * The systems of record as the outbox sees them: one Task per feedback id, every create counted (a duplicate
 * shows up as a count of 2), every delivery started and every Retry-After a context was told, in order.
 */
export class FakeVendor {
  readonly created = new Map<string, string>();
  readonly createCount = new Map<string, number>();
  readonly faults: Record<string, number> = {};
  /** Deliveries started (`deliverFeedback` calls): which system, when, in which order. */
  readonly deliveries: { system: SystemId; at: number; order: number }[] = [];
  /** Each 429 as it reached a context: no delivery to that system may start before `until`. */
  readonly told: { system: SystemId; from: number; until: number; order: number }[] = [];
  requests = 0;
  /** A delivery started while another delivery of the same click was still running (a lease that did not hold). */
  overlapping = 0;
  readonly inFlight = new Map<string, number>();
  /** The vendor's own "too many requests" window, per system. */
  private readonly busyUntil = new Map<SystemId, number>();

  fault(name: string): void {
    this.faults[name] = (this.faults[name] ?? 0) + 1;
  }

  /** A create always creates (a second one is the duplicate we count); the first stays the feedback's Task. */
  create(feedback: Feedback): string {
    this.createCount.set(feedback.id, (this.createCount.get(feedback.id) ?? 0) + 1);
    const vendorId = `00T${String(this.requests).padStart(15, '0')}`;
    if (!this.created.has(feedback.id)) this.created.set(feedback.id, vendorId);
    return this.created.get(feedback.id)!;
  }

  /** Deliveries that started while a Retry-After some context had been told was still running. */
  callsInsideRetryAfter(): number {
    return this.deliveries.filter((d) => this.told.some((w) => w.system === d.system && w.order < d.order && d.at < w.until)).length;
  }

  /** What the vendor answers a request arriving now, before handling it; undefined means it handles it. */
  refusal(system: SystemId, kind: 'lookup' | 'create', now: number, random: () => number): ConnectorError | undefined {
    const busy = this.busyUntil.get(system) ?? 0;
    if (busy > now) return rateLimited(system, busy - now);
    if (random() < P.startRateLimit) {
      const wait = 1_000 + Math.floor(random() * 19_000);
      this.busyUntil.set(system, now + wait);
      return rateLimited(system, wait);
    }
    const r = random();
    if (r < P.serverError) return this.failure('5xx', system, 'transient', 'Service Unavailable', '503');
    if (r < P.serverError + P.expiredToken) return this.failure('expired-token', system, 'auth', 'Session expired or invalid', 'INVALID_SESSION_ID');
    if (kind === 'create' && r < P.serverError + P.expiredToken + P.permanent) {
      return this.failure('permanent', system, 'permanent', 'INSUFFICIENT_ACCESS: cannot create Task', 'INSUFFICIENT_ACCESS');
    }
    return undefined;
  }

  failure(name: string, vendor: SystemId, kind: ConnectorError['kind'], message: string, code: string): ConnectorError {
    this.fault(name);
    return new ConnectorError({ vendor, kind, message, code });
  }
}

function rateLimited(vendor: SystemId, retryAfterMs: number): ConnectorError {
  return new ConnectorError({ vendor, kind: 'rate-limit', message: 'Too Many Requests', code: '429', retryAfterMs });
}

/**
 * Network time one way: mostly quick, sometimes seconds, now and then close to the attempt timeout. Three minutes
 * in ten, a vendor is slow for everyone (every request takes 5–25 s), so queued clicks pile up behind it.
 */
function latency(random: () => number, now: number): number {
  if (Math.floor(now / 60_000) % 10 >= 7) return 5_000 + Math.floor(random() * 20_000);
  const r = random();
  if (r < 0.9) return 30 + Math.floor(random() * 270);
  if (r < 0.98) return 1_000 + Math.floor(random() * 9_000);
  return 10_000 + Math.floor(random() * 18_000);
}

/**
 * A connector of one context whose vendor misbehaves the ways real ones do. Like the real connectors it
 * delivers in two requests, each with its own latency and faults: look the feedback id up, then create.
 * A request aborted (attempt timeout) or killed before it reached the vendor is never handled; once handled,
 * its effect stands whatever happens to the answer.
 */
export function faultyConnector(system: SystemId, vendor: FakeVendor, context: SimContext, random: () => number): Connector {
  const { sim } = context;

  function request<T>(kind: 'lookup' | 'create', handle: () => T, signal: AbortSignal | undefined): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      vendor.requests++;
      let arrived = false;
      let cancelAnswer = () => {};
      const up = latency(random, sim.now);
      const down = latency(random, sim.now + up);
      const silent = random() < P.neverAnswers;
      const resetBefore = random() < P.resetBefore;
      const cancelArrival = sim.schedule(sim.now + up, null, () => {
        arrived = true;
        forgetOnKill();
        if (resetBefore) {
          vendor.fault('reset-before');
          cancelAnswer = sim.schedule(sim.now + down, context, () => reject(vendor.failure('reset', system, 'transient', 'Connection reset', 'ECONNRESET')));
          return;
        }
        const refusal = vendor.refusal(system, kind, sim.now, random);
        let answer: () => void;
        if (refusal) {
          answer = () => {
            if (refusal.retryAfterMs !== undefined) {
              vendor.fault('429');
              vendor.told.push({ system, from: sim.now, until: sim.now + refusal.retryAfterMs, order: sim.tick() });
            }
            reject(refusal);
          };
        } else {
          const value = handle();
          answer =
            random() < P.lostResponse
              ? () => reject(vendor.failure(`lost-after-${kind}`, system, 'transient', 'Connection reset', 'ECONNRESET'))
              : () => resolve(value);
        }
        if (silent) {
          vendor.fault('never-answers');
          return;
        }
        cancelAnswer = sim.schedule(sim.now + down, context, answer);
      });
      const forgetOnKill = context.onKill(() => {
        if (!arrived) cancelArrival();
      });
      signal?.addEventListener(
        'abort',
        () => {
          if (!arrived) cancelArrival();
          cancelAnswer();
          vendor.fault('attempt-timeout');
          reject(new ConnectorError({ vendor: system, kind: 'transient', message: 'aborted', code: 'ABORT' }));
        },
        { once: true },
      );
      context.block();
    });
  }

  return {
    system,
    fetchContext: () => Promise.reject(new Error('not used')),
    async deliverFeedback(feedback, options) {
      vendor.deliveries.push({ system, at: sim.now, order: sim.tick() });
      const running = vendor.inFlight.get(feedback.id) ?? 0;
      if (running > 0) vendor.overlapping++;
      vendor.inFlight.set(feedback.id, running + 1);
      // A killed worker's delivery is over even though its promise never settles.
      const done = () => vendor.inFlight.set(feedback.id, vendor.inFlight.get(feedback.id)! - 1);
      const forget = context.onKill(done);
      try {
        const found = await request('lookup', () => vendor.created.get(feedback.id), options.signal);
        if (found) return { vendorId: found, alreadyExisted: true };
        const vendorId = await request('create', () => vendor.create(feedback), options.signal);
        return { vendorId, alreadyExisted: false };
      } finally {
        forget();
        done();
      }
    },
  };
}
