/**
 * Keeps the team listing under HubSpot's request limits before HubSpot has to say 429.
 *
 * Two limits apply to one private app token (https://developers.hubspot.com/docs/guides/apps/api-usage/usage-details):
 * - the burst window: 100 requests per rolling 10 s on Free/Starter, 190 on Professional/Enterprise, 250 with the
 *   API limit increase pack. HubSpot says which in `X-HubSpot-RateLimit-Max` / `-Interval-Milliseconds`, which the
 *   client remembers in the status; until it has seen them the gate assumes the lowest tier;
 * - CRM search: five requests per second per account (https://developers.hubspot.com/docs/api/crm/search#limitations),
 *   shared with every other integration of the account, and search answers carry no rate-limit headers.
 *
 * HubSpot's windows roll (policy `TEN_SECONDLY_ROLLING`). A token bucket of N refilled at N per window can pass
 * almost 2N requests within one rolling window (a full bucket, then the refill), so the gate keeps the times of the
 * last requests instead and lets a request through only when fewer than N fall in the window that ends now.
 * Reservation is synchronous, so concurrent callers never overshoot together.
 */
export interface RateWindow {
  max: number;
  intervalMs: number;
}

export interface RateGateDeps {
  now: () => number;
  /** Waits; tests pass a fake clock's advance. Must reject when the signal aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** The lowest documented burst tier (Free/Starter private apps). */
export const DEFAULT_BURST: RateWindow = { max: 100, intervalMs: 10_000 };
/**
 * Search: documented five per second per account; the listing takes four, leaving one for the panel's look-ups and
 * the account's other integrations (the account-wide limit is HubSpot's, not ours to use up).
 */
export const SEARCH_WINDOW: RateWindow = { max: 4, intervalMs: 1_000 };
/** Background listing uses this share of the burst window, so a person opening a record meanwhile is not refused. */
export const BURST_SHARE = 0.8;

export type GateKind = 'search' | 'other';

class SlidingWindow {
  private readonly times: number[] = [];
  constructor(public window: RateWindow) {}

  /** Milliseconds to wait before a request may start at `now`; 0 means it was reserved. */
  reserve(now: number): number {
    const since = now - this.window.intervalMs;
    while (this.times.length && (this.times[0] ?? 0) <= since) this.times.shift();
    if (this.times.length < this.window.max) return 0;
    return (this.times[this.times.length - this.window.max] ?? now) + this.window.intervalMs - now + 1;
  }

  record(now: number): void {
    this.times.push(now);
  }
}

export function createRateGate(deps: RateGateDeps, burst: RateWindow = DEFAULT_BURST) {
  const burstWindow = new SlidingWindow(shareOf(burst));
  const searchWindow = new SlidingWindow(SEARCH_WINDOW);

  /** Resolves when one request of `kind` may start now (and counts it). Search requests count in both windows. */
  async function take(kind: GateKind, signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const now = deps.now();
      const wait = Math.max(burstWindow.reserve(now), kind === 'search' ? searchWindow.reserve(now) : 0);
      if (wait === 0) {
        burstWindow.record(now);
        if (kind === 'search') searchWindow.record(now);
        return;
      }
      await deps.sleep(wait, signal);
    }
  }

  /** The tier HubSpot reported (`X-HubSpot-RateLimit-Max` per `-Interval-Milliseconds`). */
  function setBurst(limit: Partial<RateWindow> | undefined): void {
    if (!limit?.max || !limit.intervalMs || limit.max <= 0 || limit.intervalMs <= 0) return;
    burstWindow.window = shareOf({ max: limit.max, intervalMs: limit.intervalMs });
  }

  return { take, setBurst, limits: () => ({ burst: burstWindow.window, search: searchWindow.window }) };
}

function shareOf(w: RateWindow): RateWindow {
  return { max: Math.max(1, Math.floor(w.max * BURST_SHARE)), intervalMs: w.intervalMs };
}

export type RateGate = ReturnType<typeof createRateGate>;

/** A real wait that an abort cuts short. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    function onAbort() {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
