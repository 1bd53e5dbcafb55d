import type { StartTimer } from '../../lib/store/outbox';

/**
 * A discrete-event simulation of virtual time for the outbox's fault test: no real sleeps, and the same seed
 * replays the same run. Several contexts (service workers, windows) run the real outbox code on one database;
 * each runs until it waits on virtual time (a vendor answer, an attempt timeout, its next wake), then the
 * simulation fires the earliest timer. Only one context runs at any moment, so the order is deterministic;
 * the interleavings that matter (one context's vendor call outliving its lease while another claims, a 429
 * arriving while another context is mid-delivery) happen at those waits.
 */

interface Timer {
  at: number;
  seq: number;
  /** The context this timer resumes; null for the vendor's and the person's own events. */
  owner: SimContext | null;
  fn: () => void | Promise<void>;
  cancelled: boolean;
}

export class Sim {
  now: number;
  /** A counter that orders events happening at the same virtual time. */
  private order = 0;
  private readonly queue: Timer[] = [];

  constructor(start: number) {
    this.now = start;
  }

  tick(): number {
    return this.order++;
  }

  /** Run `fn` at `at` (never in the past). Returns its cancel. */
  schedule(at: number, owner: SimContext | null, fn: () => void | Promise<void>): () => void {
    const timer: Timer = { at: Math.max(at, this.now), seq: this.order++, owner, fn, cancelled: false };
    let i = this.queue.length;
    while (i > 0 && this.queue[i - 1]!.at > timer.at) i--;
    this.queue.splice(i, 0, timer);
    owner?.timers.add(timer);
    return () => {
      timer.cancelled = true;
      owner?.timers.delete(timer);
    };
  }

  /** Fire the earliest timer and wait until everything it set off waits on virtual time again. */
  async step(): Promise<boolean> {
    const timer = this.queue.shift();
    if (!timer) return false;
    if (timer.cancelled) return true;
    this.now = timer.at;
    if (!timer.owner) {
      await timer.fn();
      return true;
    }
    timer.owner.timers.delete(timer);
    if (timer.owner.alive) await timer.owner.resume(timer.fn);
    return true;
  }
}

/** One JavaScript context running the outbox: it runs, then waits on virtual time, and can be killed. */
export class SimContext {
  alive = true;
  readonly timers = new Set<Timer>();
  private blocked: (() => void) | undefined;
  private readonly killHooks = new Set<() => void>();

  constructor(
    readonly sim: Sim,
    readonly name: string,
  ) {}

  /** Run `fn` (which resumes this context) and resolve when the context waits on virtual time again. */
  resume(fn: () => void | Promise<void>): Promise<void> {
    return new Promise((resolve) => {
      this.blocked = resolve;
      void fn();
    });
  }

  /** The context now waits on virtual time (a timer it owns, or a kick). */
  block(): void {
    const resume = this.blocked;
    this.blocked = undefined;
    resume?.();
  }

  /** The outbox's attempt timeout on virtual time. */
  readonly startTimer: StartTimer = (ms, fire) => this.sim.schedule(this.sim.now + ms, this, fire);

  /** Undo `hook` if the context dies first (e.g. a request not yet on the wire). Returns the removal. */
  onKill(hook: () => void): () => void {
    this.killHooks.add(hook);
    return () => this.killHooks.delete(hook);
  }

  /** The worker is killed: its timers never fire, requests it had not yet sent never reach the vendor. */
  kill(): void {
    this.alive = false;
    for (const timer of this.timers) timer.cancelled = true;
    this.timers.clear();
    for (const hook of this.killHooks) hook();
    this.killHooks.clear();
    this.block();
  }
}
