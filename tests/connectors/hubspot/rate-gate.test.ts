import { createRateGate, DEFAULT_BURST, SEARCH_WINDOW } from '../../../lib/connectors/hubspot/rate-gate';
import { fakeClock } from './hubspot-portal-fake';

/** The most requests any rolling window of `ms` holds. */
function busiest(times: number[], ms: number): number {
  return Math.max(0, ...times.map((t) => times.filter((u) => u > t - ms && u <= t).length));
}

describe('HubSpot rate gate (fake clock, no real waiting)', () => {
  it('lets at most 80% of the 10-second window through, however many callers ask at once', async () => {
    const clock = fakeClock(0);
    const gate = createRateGate(clock);
    const times: number[] = [];
    await Promise.all(Array.from({ length: 400 }, () => gate.take('other').then(() => times.push(clock.now()))));
    expect(times).toHaveLength(400);
    expect(busiest(times, DEFAULT_BURST.intervalMs)).toBe(80);
    // It waits no longer than needed: 400 requests at 80 per rolling 10 s end within 50 s.
    expect(Math.max(...times)).toBeLessThanOrEqual(40_010);
  });

  it('keeps search under its per-second limit while other calls go on', async () => {
    const clock = fakeClock(0);
    const gate = createRateGate(clock);
    const search: number[] = [];
    const all: number[] = [];
    await Promise.all([
      ...Array.from({ length: 40 }, () => gate.take('search').then(() => { search.push(clock.now()); all.push(clock.now()); })),
      ...Array.from({ length: 60 }, () => gate.take('other').then(() => all.push(clock.now()))),
    ]);
    expect(busiest(search, 1_000)).toBe(SEARCH_WINDOW.max);
    expect(SEARCH_WINDOW.max).toBeLessThan(5); // HubSpot documents five per second per account
    expect(busiest(all, 10_000)).toBeLessThanOrEqual(80);
  });

  it('follows the tier HubSpot reports in its headers', async () => {
    const clock = fakeClock(0);
    const gate = createRateGate(clock);
    gate.setBurst({ max: 190, intervalMs: 10_000 });
    const times: number[] = [];
    await Promise.all(Array.from({ length: 400 }, () => gate.take('other').then(() => times.push(clock.now()))));
    expect(busiest(times, 10_000)).toBe(152);
    gate.setBurst({ max: 0, intervalMs: 10_000 }); // nonsense headers are ignored
    expect(gate.limits().burst.max).toBe(152);
  });

  it('stops waiting when the sync is cancelled', async () => {
    const clock = fakeClock(0);
    const gate = createRateGate(clock);
    const controller = new AbortController();
    for (let i = 0; i < 80; i++) await gate.take('other');
    controller.abort();
    await expect(gate.take('other', controller.signal)).rejects.toThrow();
  });
});
