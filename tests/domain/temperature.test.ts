import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import type { EngagementEvent, EngagementType } from '../../lib/domain/model';
import { computeTemperature, decayFactor, temperatureBand } from '../../lib/domain/temperature';
import { jst } from './time-helpers';

const D = DEFAULT_DEFINITIONS;
const NOW = jst('2026-11-25 12:00');
const DAY = 86_400_000;
const HOUR = 3_600_000;

let seq = 0;
function event(type: EngagementType, occurredAt: number, extra: Partial<EngagementEvent> = {}): EngagementEvent {
  const sourceId = extra.sourceId ?? `a${++seq}`;
  return { id: `marketo:${sourceId}`, source: 'marketo', sourceId, type, occurredAt, ...extra };
}

const manager = { title: '営業部長', employees: 1200, industry: 'Manufacturing', country: 'JP', email: 'taro@example.co.jp', company: 'Example' };

describe('fit', () => {
  it('adds the attribute rules, counting one rule per group (the best employee band, the best seniority)', () => {
    const t = computeTemperature({ events: [], attributes: manager, definitions: D, now: NOW });
    // industry 15 + employees-1000 20 + title-manager 15 + country 10 = 60
    expect(t.fitScore).toBe(60);
    expect(t.fitGrade).toBe('A');
    expect(t.contributions.map((c) => c.ruleId).sort()).toEqual(['country-japan', 'employees-1000', 'industry-target', 'title-manager']);
  });
  it('reads English titles and numbers written as text', () => {
    const t = computeTemperature({ events: [], attributes: { title: 'Marketing Manager', employees: '350' }, definitions: D, now: NOW });
    expect(t.fitScore).toBe(30);
    expect(t.fitGrade).toBe('B');
  });
  it('applies exclusions: a free-mail student sinks to cold', () => {
    const t = computeTemperature({ events: [], attributes: { title: '学生', email: 'someone@gmail.com' }, definitions: D, now: NOW });
    expect(t.fitScore).toBe(-80);
    expect(t.band).toBe('cold');
    expect(t.contributions.filter((c) => c.kind === 'exclusion').map((c) => c.ruleId).sort()).toEqual(['free-mail', 'student']);
  });
});

describe('engagement', () => {
  it('weights page views by URL: the pricing page counts ten times a blog post', () => {
    const t = computeTemperature({
      events: [event('page_view', NOW, { url: 'https://example.com/pricing' }), event('page_view', NOW, { url: 'https://example.com/blog/x' })],
      attributes: {},
      definitions: D,
      now: NOW,
    });
    expect(t.engagementScore).toBe(11);
    expect(t.contributions.find((c) => c.ruleId === 'page-pricing')?.points).toBe(10);
  });
  it('halves points every half-life (14 days)', () => {
    const t = computeTemperature({ events: [event('content_download', NOW - 14 * DAY)], attributes: {}, definitions: D, now: NOW });
    expect(t.engagementScore).toBe(5);
  });
  it('caps e-mail opens per day, blunting mail-scanner opens', () => {
    const opens = Array.from({ length: 40 }, (_, i) => event('email_open', NOW - i * 60_000));
    const t = computeTemperature({ events: opens, attributes: {}, definitions: D, now: NOW });
    expect(t.engagementScore).toBeCloseTo(2, 1);
    expect(t.contributions.find((c) => c.ruleId === 'email-open')?.eventIds).toHaveLength(40);
  });
  it('caps the same way when the history spans more than a decade', () => {
    const opens = Array.from({ length: 40 }, (_, i) => event('email_open', NOW - i * 60_000));
    const t = computeTemperature({ events: [...opens, event('form_submit', NOW - 12 * 365 * DAY)], attributes: {}, definitions: D, now: NOW });
    expect(t.engagementScore).toBeCloseTo(2, 1);
  });
  it('lists the 50 most recent events behind a busy contribution, newest first', () => {
    const views = Array.from({ length: 120 }, (_, i) => event('page_view', NOW - ((i * 37) % 120) * HOUR, { url: 'https://example.com/blog' }));
    const ids = computeTemperature({ events: views, attributes: {}, definitions: D, now: NOW }).contributions.find((c) => c.ruleId === 'page-view')!.eventIds!;
    const expected = [...views].sort((a, b) => b.occurredAt - a.occurredAt).slice(0, 50).map((e) => e.id);
    expect(ids).toEqual(expected);
  });
  it('counts the same event delivered twice once', () => {
    const form = event('form_submit', NOW - HOUR, { url: 'https://example.com/contact' });
    const once = computeTemperature({ events: [form], attributes: {}, definitions: D, now: NOW });
    const twice = computeTemperature({ events: [form, { ...form }], attributes: {}, definitions: D, now: NOW });
    expect(twice).toEqual(once);
    expect(once.engagementScore).toBeCloseTo(30, 0);
  });
  it('picks the same delivery whatever the order when re-deliveries of one event differ', () => {
    const first = event('page_view', NOW - HOUR, { sourceId: 'dup', id: 'marketo:dup', url: 'https://example.com/pricing' });
    const second = { ...first, url: 'https://example.com/blog' };
    const later = { ...first, occurredAt: NOW - 30 * 60_000 };
    const a = computeTemperature({ events: [first, second, later], attributes: {}, definitions: D, now: NOW });
    const b = computeTemperature({ events: [later, second, first], attributes: {}, definitions: D, now: NOW });
    expect(a).toEqual(b);
    expect(a.contributions).toHaveLength(1);
  });
  it('ignores and reports future-dated events', () => {
    const future = event('form_submit', NOW + DAY);
    const t = computeTemperature({ events: [future, event('email_click', NOW - HOUR)], attributes: {}, definitions: D, now: NOW });
    expect(t.ignoredFutureEventIds).toEqual([future.id]);
    expect(t.engagementScore).toBeCloseTo(3, 0);
    expect(t.lastActivityAt).toBe(NOW - HOUR);
  });
  it('does not treat our own e-mail sends as the lead’s activity', () => {
    const t = computeTemperature({ events: [event('email_send', NOW - HOUR)], attributes: {}, definitions: D, now: NOW });
    expect(t.lastActivityAt).toBeNull();
    expect(t.score).toBe(0);
  });
});

describe('band, trend and spike', () => {
  it('a manager at a target company who asked for a demo today is hot, spiking and trending up', () => {
    const events = [
      event('form_submit', NOW - 2 * HOUR, { url: 'https://example.com/demo-request' }),
      event('page_view', NOW - 3 * HOUR, { url: 'https://example.com/pricing' }),
    ];
    const t = computeTemperature({ events, attributes: manager, definitions: D, now: NOW });
    expect(t.band).toBe('hot');
    expect(t.spike).toBe(true);
    expect(t.trend7d).toBeGreaterThan(35);
    expect(t.contributions[0]).toMatchObject({ kind: 'engagement', ruleId: 'form-contact' });
    expect(t.contributions[1]).toMatchObject({ kind: 'fit', ruleId: 'employees-1000', points: 20 });
  });
  it('old activity gives a falling trend and no spike', () => {
    const events = [event('webinar_attended', NOW - 10 * DAY), event('content_download', NOW - 9 * DAY)];
    const t = computeTemperature({ events, attributes: manager, definitions: D, now: NOW });
    expect(t.spike).toBe(false);
    expect(t.trend7d).toBeLessThan(0);
  });
  it.each([
    [80, 'hot'],
    [79.9, 'warm'],
    [50, 'warm'],
    [25, 'cool'],
    [24, 'cold'],
  ] as const)('a score of %d is %s', (score, band) => {
    const defs = structuredClone(D);
    defs.score.fit.rules = [{ id: 'x', label: { ja: 'x', en: 'x' }, when: { attribute: 'k', op: 'present' }, points: score }];
    defs.score.fit.exclusions = [];
    expect(computeTemperature({ events: [], attributes: { k: 'v' }, definitions: defs, now: NOW }).band).toBe(band);
  });
});

const types: EngagementType[] = ['email_open', 'email_click', 'page_view', 'form_submit', 'content_download', 'webinar_attended'];
const arbEvent = fc.record({
  sourceId: fc.string({ minLength: 1, maxLength: 4 }),
  type: fc.constantFrom(...types),
  ageMin: fc.integer({ min: -600, max: 60 * 24 * 60 }),
  url: fc.constantFrom('https://x.jp/pricing', 'https://x.jp/blog', 'https://x.jp/contact', undefined),
});

describe('temperature properties', () => {
  it('does not depend on event order or duplicate delivery', () => {
    fc.assert(
      fc.property(fc.uniqueArray(arbEvent, { selector: (e) => e.sourceId, maxLength: 40 }), fc.integer(), (raw, seed) => {
        const events = raw.map((r) =>
          event(r.type, NOW - r.ageMin * 60_000, { sourceId: r.sourceId, id: `marketo:${r.sourceId}`, ...(r.url ? { url: r.url } : {}) }),
        );
        const base = computeTemperature({ events, attributes: manager, definitions: D, now: NOW });
        // Shuffle deterministically and re-deliver some events.
        const shuffled = [...events, ...events.filter((_, i) => (i + seed) % 3 === 0)]
          .map((e, i) => ({ e, k: Math.sin(i * 9301 + seed) }))
          .sort((a, b) => a.k - b.k)
          .map((x) => ({ ...x.e }));
        expect(computeTemperature({ events: shuffled, attributes: manager, definitions: D, now: NOW })).toEqual(base);
      }),
    );
  });

  it('the band alone (the SLA policy at handoff) is the band of the full temperature, then and now', () => {
    fc.assert(
      fc.property(fc.uniqueArray(arbEvent, { selector: (e) => e.sourceId, maxLength: 60 }), fc.integer({ min: 0, max: 40 * 24 * 60 }), (raw, backMin) => {
        const events = raw.map((r) =>
          event(r.type, NOW - r.ageMin * 60_000, { sourceId: r.sourceId, id: `marketo:${r.sourceId}`, ...(r.url ? { url: r.url } : {}) }),
        );
        for (const at of [NOW, NOW - backMin * 60_000]) {
          const full = computeTemperature({ events, attributes: manager, definitions: D, now: at });
          expect(temperatureBand({ events, attributes: manager, definitions: D, now: at })).toBe(full.band);
          // And a later full run is not disturbed by the band's run (shared buffers are left clean).
          expect(computeTemperature({ events, attributes: manager, definitions: D, now: at })).toEqual(full);
        }
      }),
    );
  });
});

// Large histories take a faster path for local days (plain arithmetic when the zone's offset is steady).
// Daily caps are per local day and decay is per event, so the engagement of many days is the sum of each day's
// engagement computed on its own — which, for small days, goes through the ordinary path.
describe('temperature over hundreds of events, across local midnights', () => {
  function engagementOf(events: EngagementEvent[], zone: string, now: number): number {
    const definitions = { ...D, calendar: { ...D.calendar, timeZone: zone } };
    return computeTemperature({ events, attributes: {}, definitions, now }).engagementScore;
  }
  function burst(prefix: string, type: EngagementType, at: number, count: number): EngagementEvent[] {
    return Array.from({ length: count }, (_, i) => event(type, at + i * 1_000, { id: `${prefix}:${i}`, sourceId: `${prefix}-${i}` }));
  }

  it('caps e-mail opens per Tokyo day, not per UTC day (23:30 and 00:30 JST are two days)', () => {
    const lateEvening = burst('a', 'email_open', jst('2026-11-20 23:30'), 150); // 14:30 UTC
    const afterMidnight = burst('b', 'email_open', jst('2026-11-21 00:30'), 150); // 15:30 UTC, same UTC day
    const pages = burst('c', 'page_view', jst('2026-11-22 10:00'), 40);
    const all = [...lateEvening, ...afterMidnight, ...pages];
    expect(all.length).toBeGreaterThanOrEqual(256);
    const separately = engagementOf(lateEvening, 'Asia/Tokyo', NOW) + engagementOf(afterMidnight, 'Asia/Tokyo', NOW) + engagementOf(pages, 'Asia/Tokyo', NOW);
    // Scores are shown to one decimal: each part may round by up to 0.05.
    expect(Math.abs(engagementOf(all, 'Asia/Tokyo', NOW) - separately)).toBeLessThanOrEqual(0.15 + 1e-9);
    // Two capped days of opens: more than one cap's worth, never more than two.
    const opens = engagementOf([...lateEvening, ...afterMidnight], 'Asia/Tokyo', NOW);
    expect(opens).toBeGreaterThan(engagementOf(lateEvening, 'Asia/Tokyo', NOW));
  });

  it('does the same in New York across the end of daylight saving time (1 November 2026)', () => {
    const ny = (iso: string) => Date.parse(iso);
    const days = [
      burst('d1', 'email_click', ny('2026-10-31T23:50:00-04:00'), 100),
      burst('d2', 'email_click', ny('2026-11-01T00:10:00-04:00'), 100),
      burst('d3', 'email_click', ny('2026-11-02T00:10:00-05:00'), 100),
    ];
    const now = ny('2026-11-10T12:00:00-05:00');
    const separately = days.reduce((sum, d) => sum + engagementOf(d, 'America/New_York', now), 0);
    expect(Math.abs(engagementOf(days.flat(), 'America/New_York', now) - separately)).toBeLessThanOrEqual(0.15 + 1e-9);
  });
});

describe('the decay curve (decayFactor), against a plain reference', () => {
  // Reference: half the points are left after each half-life, written the obvious way.
  const reference = (ageMs: number, halfLifeDays: number) => 0.5 ** (ageMs / (halfLifeDays * 86_400_000));
  it('matches 0.5^(age / half-life) for any age and half-life', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * 365 * 86_400_000 }), fc.integer({ min: 1, max: 365 }), (age, halfLife) => {
        expect(decayFactor(age, halfLife)).toBeCloseTo(reference(age, halfLife), 12);
      }),
    );
  });
});
