import { useEffect, useState } from 'react';

/**
 * A clock that re-renders only the component that asks for it. The countdown ticks every second; the
 * assessment above it ticks every minute, so a second's tick never recomputes the whole panel.
 */
export function useNow(intervalMs: number, clock: () => number = Date.now, enabled = true): number {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    if (!enabled) return;
    setNow(clock());
    // Align to the interval boundary so a minute tick lands on the minute, not at a random second.
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      const t = clock();
      timer = setTimeout(() => {
        setNow(clock());
        schedule();
      }, intervalMs - (t % intervalMs) + 5);
    };
    schedule();
    return () => clearTimeout(timer);
  }, [intervalMs, clock, enabled]);
  return now;
}
