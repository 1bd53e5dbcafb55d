import type { Connector, ConnectorError } from '../../lib/connectors/connector';
import type { SystemId } from '../../lib/domain/model';

/** One request on the wire, answered when the test says so (no timers). */
export interface ManualRequest {
  kind: 'lookup' | 'create';
  runner: string;
  feedbackId: string;
  /** The vendor handles the request now (a lookup reads what exists now) and the answer arrives. */
  answer(): void;
  /** The vendor refuses it (429, 503…). */
  fail(error: ConnectorError): void;
}

/**
 * A system of record whose requests resolve when the test says, so a test can hold one context's call while
 * another runs. Like the real connectors, delivering is two requests: look the feedback id up, then create.
 * Each context (`runner`) gets its own connector, as each worker or window has its own.
 */
export class ManualVendor {
  readonly createCount = new Map<string, number>();
  /** Every delivery started: which context, which feedback, at what time of the test's clock. */
  readonly deliveries: { runner: string; feedbackId: string; at: number }[] = [];
  private readonly created = new Map<string, string>();
  private readonly pending: ManualRequest[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(private readonly clock: () => number = () => 0) {}

  connector(runner: string, system: SystemId = 'salesforce'): Connector {
    return {
      system,
      fetchContext: () => Promise.reject(new Error('not used')),
      deliverFeedback: async (feedback, options) => {
        this.deliveries.push({ runner, feedbackId: feedback.id, at: this.clock() });
        const found = await this.request('lookup', runner, feedback.id, options.signal, () => this.created.get(feedback.id));
        if (found) return { vendorId: found, alreadyExisted: true };
        const vendorId = await this.request('create', runner, feedback.id, options.signal, () => {
          const id = `00T${String(this.created.size).padStart(15, '0')}`;
          this.created.set(feedback.id, id);
          this.createCount.set(feedback.id, (this.createCount.get(feedback.id) ?? 0) + 1);
          return id;
        });
        return { vendorId: vendorId!, alreadyExisted: false };
      },
    };
  }

  /** Resolves once a request of `runner` (any runner when omitted) is waiting, and takes it off the wire. */
  async next(runner?: string): Promise<ManualRequest> {
    await this.until(() => this.pending.some((r) => runner === undefined || r.runner === runner));
    const index = this.pending.findIndex((r) => runner === undefined || r.runner === runner);
    return this.pending.splice(index, 1)[0]!;
  }

  /** The requests waiting now, taken off the wire. */
  takeAll(): ManualRequest[] {
    return this.pending.splice(0);
  }

  /** Resolves when `condition` holds, checked again at every request and every `changed()`. */
  until(condition: () => boolean): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve) => {
      const check = () => {
        if (!condition()) return;
        this.listeners.delete(check);
        resolve();
      };
      this.listeners.add(check);
    });
  }

  /** Something the test waits on changed (a context finished its run). */
  changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  waiting(runner: string): boolean {
    return this.pending.some((r) => r.runner === runner);
  }

  private request<T>(
    kind: ManualRequest['kind'],
    runner: string,
    feedbackId: string,
    signal: AbortSignal | undefined,
    handle: () => T,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const request: ManualRequest = {
        kind,
        runner,
        feedbackId,
        answer: () => resolve(handle()),
        fail: (error) => reject(error),
      };
      signal?.addEventListener('abort', () => {
        const index = this.pending.indexOf(request);
        if (index >= 0) this.pending.splice(index, 1);
        reject(new Error('aborted'));
      });
      this.pending.push(request);
      this.changed();
    });
  }
}
