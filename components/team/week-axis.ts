import type { ScaleOptions } from '@observablehq/plot';

/** At most this many week starts are labelled: four fit the 260 px a chart has in a card at 360 px, in either language. */
const MAX_LABELS = 4;

/**
 * The time axis of a chart by week (SLA met rate, feedback trend): the period's weeks from the first to the last,
 * labelled at week starts (every week, or every second, third… so that at most four are) in the user's language and
 * the team calendar's zone (`monthDay`: 10月5日 · Oct 5). Plot's own labels were English month names ("Oct", "Nov")
 * on the Japanese page too, at UTC month starts rather than the team's weeks.
 */
export function weekAxis(weeks: readonly { from: number }[], monthDay: (ms: number) => string): ScaleOptions {
  const step = Math.max(1, Math.ceil(weeks.length / MAX_LABELS));
  const starts = weeks.map((w) => new Date(w.from));
  return {
    type: 'utc',
    label: null,
    ...(starts.length ? { domain: [starts[0]!, starts.at(-1)!] } : {}),
    ticks: starts.filter((_, i) => i % step === 0),
    tickFormat: (d: Date) => monthDay(d.getTime()),
  };
}
