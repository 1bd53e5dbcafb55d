/**
 * The next local midnight in an IANA zone, as epoch ms: when a vendor's daily API quota resets.
 * Marketo resets at midnight US Central time; HubSpot at midnight in the account's time zone.
 */
export function nextMidnightIn(timeZone: string, now: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const elapsedMs = ((get('hour') * 60 + get('minute')) * 60 + get('second')) * 1000 + (now % 1000);
  return now - elapsedMs + 24 * 60 * 60 * 1000;
}
