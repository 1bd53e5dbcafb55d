import { describe, expect, it } from 'vitest';
import { localDayNumber, offsetLookup, steadyOffset, wallToInstant, zoneOffsetMs } from '../../lib/domain/time-zone';

const H = 3_600_000;
const DAY = 86_400_000;
const utc = (iso: string) => Date.parse(`${iso}Z`);

describe('zone offsets', () => {
  it('Tokyo is 9 hours ahead all year', () => {
    expect(zoneOffsetMs('Asia/Tokyo', utc('2026-01-15T00:00:00'))).toBe(9 * H);
    expect(zoneOffsetMs('Asia/Tokyo', utc('2026-07-15T12:34:56'))).toBe(9 * H);
  });
  it('New York switches to daylight time at 02:00 local on the second Sunday of March, to the minute', () => {
    // 2026-03-08 02:00 EST = 07:00 UTC.
    expect(zoneOffsetMs('America/New_York', utc('2026-03-08T06:59:59'))).toBe(-5 * H);
    expect(zoneOffsetMs('America/New_York', utc('2026-03-08T07:00:00'))).toBe(-4 * H);
    // …and back at 02:00 EDT on the first Sunday of November (06:00 UTC).
    expect(zoneOffsetMs('America/New_York', utc('2026-11-01T05:59:00'))).toBe(-4 * H);
    expect(zoneOffsetMs('America/New_York', utc('2026-11-01T06:00:00'))).toBe(-5 * H);
  });
  it('half-hour zones and half-hour daylight saving keep their minutes (India +5:30, Lord Howe +10:30/+11)', () => {
    expect(zoneOffsetMs('Asia/Kolkata', utc('2026-06-01T00:00:00'))).toBe(5.5 * H);
    // Lord Howe Island moves 30 minutes at 02:00 local on the first Sunday of October (2026-10-04; 15:30 UTC the day before).
    expect(zoneOffsetMs('Australia/Lord_Howe', utc('2026-10-03T15:29:00'))).toBe(10.5 * H);
    expect(zoneOffsetMs('Australia/Lord_Howe', utc('2026-10-03T15:30:00'))).toBe(11 * H);
  });
  it('dates before 1970 and after 2079 get their offsets too', () => {
    expect(zoneOffsetMs('America/New_York', utc('1969-07-20T20:17:00'))).toBe(-4 * H);
    expect(zoneOffsetMs('America/New_York', utc('1969-01-20T20:17:00'))).toBe(-5 * H);
    expect(zoneOffsetMs('America/New_York', utc('2090-07-04T12:00:00'))).toBe(-4 * H);
    expect(zoneOffsetMs('America/New_York', utc('2090-12-25T12:00:00'))).toBe(-5 * H);
  });
  it('a lookup walking through a change day answers both sides of the change, whatever was asked first', () => {
    const forward = offsetLookup('Europe/Berlin');
    // 2026-03-29 01:00 UTC: Berlin goes from +1 to +2.
    expect(forward(utc('2026-03-29T00:59:00'))).toBe(1 * H);
    expect(forward(utc('2026-03-29T01:00:00'))).toBe(2 * H);
    expect(forward(utc('2026-03-28T12:00:00'))).toBe(1 * H);
    expect(forward(utc('2026-03-30T12:00:00'))).toBe(2 * H);
    const backward = offsetLookup('Europe/Berlin');
    // 2026-10-25 01:00 UTC: back to +1; ask the day after first so the change day is found from its neighbour.
    expect(backward(utc('2026-10-26T12:00:00'))).toBe(1 * H);
    expect(backward(utc('2026-10-24T12:00:00'))).toBe(2 * H);
    expect(backward(utc('2026-10-25T00:59:00'))).toBe(2 * H);
    expect(backward(utc('2026-10-25T01:00:00'))).toBe(1 * H);
  });
});

describe('steady offsets over a span', () => {
  it('a span without a change has one offset', () => {
    expect(steadyOffset('America/Chicago', utc('2026-04-01T00:00:00'), utc('2026-04-30T00:00:00'), 60)).toBe(-5 * H);
    expect(steadyOffset('Asia/Tokyo', utc('2026-01-01T00:00:00'), utc('2026-12-31T00:00:00'), 400)).toBe(9 * H);
  });
  it('a span across a change has none', () => {
    expect(steadyOffset('America/Chicago', utc('2026-03-01T00:00:00'), utc('2026-03-31T00:00:00'), 60)).toBeNull();
    // A change on the first day of the span counts too.
    expect(steadyOffset('America/Chicago', utc('2026-11-01T00:00:00'), utc('2026-11-20T00:00:00'), 60)).toBeNull();
    // And on the last day: Chicago falls back at 07:00 UTC on 1 November; a span ending at noon that day has two offsets.
    expect(steadyOffset('America/Chicago', utc('2026-10-20T00:00:00'), utc('2026-11-01T12:00:00'), 60)).toBeNull();
    // From the day after the change on, the offset is steady again.
    expect(steadyOffset('America/Chicago', utc('2026-11-02T00:00:00'), utc('2026-11-20T00:00:00'), 60)).toBe(-6 * H);
    // A span of that day alone, after the change.
    expect(steadyOffset('America/Chicago', utc('2026-11-01T08:00:00'), utc('2026-11-01T12:00:00'), 60)).toBeNull();
  });
  it('a span longer than the allowed days, or reversed, is not checked', () => {
    const from = utc('2026-04-01T00:00:00');
    expect(steadyOffset('Asia/Tokyo', from, from + 10 * DAY, 10)).toBeNull();
    expect(steadyOffset('Asia/Tokyo', from, from + 9 * DAY, 10)).toBe(9 * H);
    expect(steadyOffset('Asia/Tokyo', from, from - DAY, 10)).toBeNull();
    expect(steadyOffset('Asia/Tokyo', from, from, 1)).toBe(9 * H);
  });
});

describe('local days and wall times', () => {
  it('the local day turns at local midnight, not at UTC midnight', () => {
    // 2026-11-24 23:30 JST is 14:30 UTC of the same date; 00:30 JST the next day is still the 24th in UTC.
    expect(localDayNumber('Asia/Tokyo', Date.parse('2026-11-24T23:30:00+09:00'))).toBe(Date.UTC(2026, 10, 24) / DAY);
    expect(localDayNumber('Asia/Tokyo', Date.parse('2026-11-25T00:30:00+09:00'))).toBe(Date.UTC(2026, 10, 25) / DAY);
  });
  it('a wall time maps to its instant', () => {
    expect(wallToInstant('Asia/Tokyo', utc('2026-11-25T10:00:00'))).toBe(Date.parse('2026-11-25T10:00:00+09:00'));
    expect(wallToInstant('America/New_York', utc('2026-07-01T09:00:00'))).toBe(Date.parse('2026-07-01T09:00:00-04:00'));
  });
  it('a wall time skipped by spring-forward moves forward by the gap, as Temporal’s "compatible" does', () => {
    // 2026-03-08 02:30 does not exist in New York: read with the offset before the gap, it is 03:30 EDT (07:30 UTC).
    expect(wallToInstant('America/New_York', utc('2026-03-08T02:30:00'))).toBe(utc('2026-03-08T07:30:00'));
    // The first wall minute after the gap is itself.
    expect(wallToInstant('America/New_York', utc('2026-03-08T03:00:00'))).toBe(utc('2026-03-08T07:00:00'));
  });
  it('a wall time that happens twice at fall-back is the earlier one', () => {
    // 2026-11-01 01:30 happens at 05:30 UTC (EDT) and again at 06:30 UTC (EST).
    expect(wallToInstant('America/New_York', utc('2026-11-01T01:30:00'))).toBe(utc('2026-11-01T05:30:00'));
    // Just after the repeated hour there is one instant only.
    expect(wallToInstant('America/New_York', utc('2026-11-01T02:30:00'))).toBe(utc('2026-11-01T07:30:00'));
  });

  it('east of UTC too, a wall time that happens twice is the earlier one (Berlin 2026-10-25 02:30 is CEST)', () => {
    // First read with the later offset (CET), so only the overlap rule moves it to 00:30 UTC rather than 01:30.
    expect(wallToInstant('Europe/Berlin', utc('2026-10-25T02:30:00'))).toBe(Date.parse('2026-10-25T02:30:00+02:00'));
    expect(wallToInstant('Europe/Berlin', utc('2026-10-25T03:30:00'))).toBe(Date.parse('2026-10-25T03:30:00+01:00'));
  });

  it('a wall time just after a spring-forward is that time in summer time, not an hour later (Berlin 2026-03-29 03:30)', () => {
    // An hour before it the zone was still on winter time: that reading must not win.
    expect(wallToInstant('Europe/Berlin', utc('2026-03-29T03:30:00'))).toBe(Date.parse('2026-03-29T03:30:00+02:00'));
    expect(wallToInstant('America/New_York', utc('2026-03-08T03:30:00'))).toBe(Date.parse('2026-03-08T03:30:00-04:00'));
  });
});
