import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Definitions } from '../../lib/domain/definitions/schema';
import type { EngagementEvent, EngagementType } from '../../lib/domain/model';
import { computeScore, computeTemperature, decayFactor, temperatureBand, temperatureScore } from '../../lib/domain/temperature';
import { copyDefinitions, jst } from './time-helpers';

// A fresh copy of the default definitions for each test: the engine keeps its rule tables per definitions object,
// so a copy shared by every test would keep tables built before the code under test changed (docs/mutation.md).
let D: Definitions;
beforeEach(() => {
  D = copyDefinitions();
});
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
    const defs = D;
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

describe('engagement rules at their edges', () => {
  const engagement = (events: EngagementEvent[], now = NOW) => computeTemperature({ events, attributes: {}, definitions: D, now });
  const pointsOf = (t: ReturnType<typeof computeTemperature>, ruleId: string) => t.contributions.find((c) => c.ruleId === ruleId)?.points;

  it('counts an event dated exactly now; one a millisecond later is in the future', () => {
    const atNow = event('form_submit', NOW);
    const justAfter = event('form_submit', NOW + 1);
    const t = engagement([atNow, justAfter]);
    expect(t.engagementScore).toBe(15);
    expect(t.ignoredFutureEventIds).toEqual([justAfter.id]);
    expect(t.lastActivityAt).toBe(NOW);
  });

  it('matches URL patterns whatever their letter case', () => {
    expect(pointsOf(engagement([event('page_view', NOW, { url: 'https://example.com/PRICING/Plans' })]), 'page-pricing')).toBe(10);
  });

  it('weights a view with no URL by its asset, and one with neither by the plain page-view rule', () => {
    const t = engagement([event('page_view', NOW, { asset: '料金表' }), event('page_view', NOW)]);
    expect(pointsOf(t, 'page-pricing')).toBe(10);
    expect(pointsOf(t, 'page-view')).toBe(1);
    expect(t.engagementScore).toBe(11);
  });

  it('takes the first URL rule a page matches, in the order the rules are listed', () => {
    // "/pricing" is listed before "/demo": a demo page about pricing is a pricing view.
    const t = engagement([event('page_view', NOW, { url: 'https://example.com/demo/pricing' })]);
    expect(t.contributions.map((c) => c.ruleId)).toEqual(['page-pricing']);
  });

  it('gives a form with no URL the ordinary form-submission points, not the contact form’s', () => {
    const t = engagement([event('form_submit', NOW)]);
    expect(t.contributions.map((c) => [c.ruleId, c.points])).toEqual([['form-submit', 15]]);
  });

  it('scores a type with only URL rules by nothing when the page matches none of them', () => {
    D.score.engagement.rules = D.score.engagement.rules.filter((r) => r.id !== 'page-view');
    const t = engagement([event('page_view', NOW, { url: 'https://example.com/blog' }), event('page_view', NOW)]);
    expect(t.engagementScore).toBe(0);
    expect(t.contributions).toEqual([]);
    // It is still the lead's activity.
    expect(t.lastActivityAt).toBe(NOW);
  });

  it('a rule worth 0 points scores nothing and lists no events', () => {
    D.score.engagement.rules = D.score.engagement.rules.map((r) => (r.id === 'email-open' ? { ...r, points: 0 } : r));
    const t = engagement([event('email_open', NOW), event('email_click', NOW)]);
    expect(t.contributions.map((c) => c.ruleId)).toEqual(['email-click']);
    expect(t.engagementScore).toBe(3);
  });

  it('an activity no rule scores ("other") is still the lead’s last activity', () => {
    const t = engagement([event('other', NOW - HOUR)]);
    expect(t.engagementScore).toBe(0);
    expect(t.lastActivityAt).toBe(NOW - HOUR);
  });

  it('keeps a day’s points up to the cap as they are and scales a day over the cap down to it', () => {
    // E-mail clicks: 3 points each, at most 6 a day.
    expect(engagement([event('email_click', NOW), event('email_click', NOW - 60_000)]).engagementScore).toBe(6);
    expect(engagement([event('email_click', NOW), event('email_click', NOW - 60_000), event('email_click', NOW - 120_000)]).engagementScore).toBe(6);
    // Webinars have no cap: five in one day count in full.
    const webinars = Array.from({ length: 5 }, (_, i) => event('webinar_attended', NOW - i * 60_000));
    expect(engagement(webinars).engagementScore).toBeCloseTo(75, 1);
  });

  it('caps per day in the team’s time zone for a handful of events too (23:30 and 00:30 in Tokyo are two days)', () => {
    // Three opens (1 point each, cap 2 a day): two late on the 20th, one after midnight, all in one UTC day.
    const now = jst('2026-11-21 01:00');
    const opens = [event('email_open', jst('2026-11-20 23:00')), event('email_open', jst('2026-11-20 23:30')), event('email_open', jst('2026-11-21 00:30'))];
    const t = engagement(opens, now);
    expect(t.engagementScore).toBeCloseTo(3, 1);
    // All on the 20th: capped to 2.
    const sameDay = [event('email_open', jst('2026-11-20 22:00')), event('email_open', jst('2026-11-20 23:00')), event('email_open', jst('2026-11-20 23:30'))];
    expect(engagement(sameDay, now).engagementScore).toBeCloseTo(2, 1);
  });

  it('counts an event exactly a week old in full in the score a week ago (the trend)', () => {
    const t = engagement([event('content_download', NOW - 7 * DAY)]);
    // 10 points, decayed by half a half-life now (7.1) and not at all a week ago (10).
    expect(t.engagementScore).toBe(7.1);
    expect(t.trend7d).toBe(-2.9);
  });

  it('a week ago, caps each day by what had happened by then', () => {
    // Three clicks (3 points each, cap 6 a day) on the day a week ago: two before that moment, one after.
    const weekAgo = NOW - 7 * DAY;
    const clicks = [event('email_click', weekAgo - 2 * HOUR), event('email_click', weekAgo - HOUR), event('email_click', weekAgo + HOUR)];
    const t = engagement(clicks);
    const decay = (age: number) => 0.5 ** (age / (14 * DAY));
    // Now the day holds 9 raw points, scaled to 6; a week ago it held 6, not over the cap.
    const nowPoints = (6 / 9) * 3 * (decay(7 * DAY + 2 * HOUR) + decay(7 * DAY + HOUR) + decay(7 * DAY - HOUR));
    const thenPoints = 3 * (decay(2 * HOUR) + decay(HOUR));
    expect(t.engagementScore).toBeCloseTo(nowPoints, 1);
    expect(t.trend7d).toBeCloseTo(nowPoints - thenPoints, 1);
  });

  it('a spike is 30 points or more within the last 48 hours; an event exactly 48 hours old is outside', () => {
    const form = (at: number) => event('form_submit', at, { url: 'https://example.com/contact' });
    expect(engagement([form(NOW - 48 * HOUR)]).spike).toBe(false);
    expect(engagement([form(NOW - 48 * HOUR + 1)]).spike).toBe(true);
    // 29 points in the window: no spike (definitions are never edited in place: a new version is a new object).
    D = copyDefinitions();
    D.score.engagement.rules = D.score.engagement.rules.map((r) => (r.id === 'form-contact' ? { ...r, points: 29 } : r));
    expect(engagement([form(NOW)]).spike).toBe(false);
  });

  it('the spike counts capped points, not decayed ones', () => {
    // 45 form points a day at most: two contact forms today (60 raw) count 45, a spike even 40 hours back.
    const t = engagement([event('form_submit', NOW - 40 * HOUR, { url: '/contact' }), event('form_submit', NOW - 40 * HOUR + 1, { url: '/contact' })]);
    expect(t.spike).toBe(true);
    expect(t.engagementScore).toBeLessThan(45);
  });

  it('lists contributions largest first by size, a penalty by its size too, and equal ones by rule id', () => {
    const t = computeTemperature({
      events: [event('webinar_attended', NOW), event('form_submit', NOW)],
      attributes: { title: 'Student', employees: 1200 },
      definitions: D,
      now: NOW,
    });
    expect(t.contributions.map((c) => [c.ruleId, c.points])).toEqual([
      ['student', -50],
      ['employees-1000', 20],
      ['form-submit', 15],
      ['webinar-attended', 15],
    ]);
  });

  it('lists the events behind a contribution newest first, and events at the same time by id', () => {
    const t = engagement([
      event('email_click', NOW - HOUR, { sourceId: 'b', id: 'marketo:b' }),
      event('email_click', NOW - HOUR, { sourceId: 'a', id: 'marketo:a' }),
      event('email_click', NOW, { sourceId: 'c', id: 'marketo:c' }),
    ]);
    expect(pointsOf(t, 'email-click')).toBe(6);
    expect(t.contributions[0]!.eventIds).toEqual(['marketo:c', 'marketo:a', 'marketo:b']);
  });

  it('keeps the 50 most recent of a busy rule, ties going to the smaller id, whatever the delivery order', () => {
    // 60 views at one instant and 20 older ones: the 50 listed are the instant's 50 smallest ids.
    const id = (i: number) => `marketo:v${String(i).padStart(3, '0')}`;
    const same = Array.from({ length: 60 }, (_, i) => event('page_view', NOW - HOUR, { sourceId: `v${i}`, id: id(i) }));
    const older = Array.from({ length: 20 }, (_, i) => event('page_view', NOW - 2 * HOUR - i * 60_000, { sourceId: `v${100 + i}`, id: id(100 + i) }));
    const expected = Array.from({ length: 50 }, (_, i) => id(i));
    for (const events of [[...same, ...older], [...older, ...same].reverse(), [...same].reverse().concat(older)]) {
      expect(pointsOf(engagement(events), 'page-view')).toBeDefined();
      expect(engagement(events).contributions.find((c) => c.ruleId === 'page-view')!.eventIds).toEqual(expected);
    }
  });

  it('lists future-dated events by id, each once however often it was delivered', () => {
    const late = event('form_submit', NOW + DAY, { sourceId: 'z', id: 'marketo:z' });
    const early = event('form_submit', NOW + 2 * DAY, { sourceId: 'a', id: 'marketo:a' });
    expect(engagement([late, early, { ...late }]).ignoredFutureEventIds).toEqual(['marketo:a', 'marketo:z']);
  });

  it('a re-delivery dated later than the first is dropped: it is neither the last activity nor in the future', () => {
    const first = event('email_click', NOW - 2 * HOUR, { sourceId: 'x', id: 'marketo:x' });
    const t = engagement([{ ...first, occurredAt: NOW - HOUR }, first, { ...first, occurredAt: NOW + HOUR }]);
    expect(t.lastActivityAt).toBe(NOW - 2 * HOUR);
    expect(t.ignoredFutureEventIds).toEqual([]);
    expect(t.engagementScore).toBe(3);
  });

  it('between two deliveries of one event at one time, the one whose content sorts first counts', () => {
    const a = event('page_view', NOW, { sourceId: 'p', id: 'marketo:p', url: 'https://example.com/blog' });
    const b = { ...a, url: 'https://example.com/pricing' };
    // "…/blog" sorts before "…/pricing": the blog view counts, in either order.
    expect(engagement([a, b]).engagementScore).toBe(1);
    expect(engagement([b, a]).engagementScore).toBe(1);
  });

  it('a send is not the lead’s activity even next to a re-delivered event', () => {
    const open = event('email_open', NOW - 2 * HOUR, { sourceId: 'o', id: 'marketo:o' });
    const t = engagement([event('email_send', NOW - HOUR), open, { ...open }]);
    expect(t.lastActivityAt).toBe(NOW - 2 * HOUR);
  });

  it('rounds the score, the engagement and the trend to one decimal', () => {
    // A download 1 day old: 10 × 0.5^(1/14) = 9.5169…
    const t = engagement([event('content_download', NOW - DAY)]);
    expect(t.engagementScore).toBe(9.5);
    expect(t.score).toBe(9.5);
    expect(t.trend7d).toBe(9.5);
  });
});

describe('the lighter readings of the same score', () => {
  const events = () => [
    event('form_submit', NOW - 2 * HOUR, { url: 'https://example.com/demo-request' }),
    event('email_click', NOW - 10 * DAY),
    event('form_submit', NOW + HOUR),
  ];

  it('the score reading (qualification, the workshop) has the full score, band and fit rules, without the engagement why', () => {
    const input = { events: events(), attributes: manager, definitions: D, now: NOW };
    const full = computeTemperature(input);
    const light = computeScore(input);
    expect(light).toMatchObject({ score: full.score, fitScore: 60, engagementScore: full.engagementScore, fitGrade: 'A', band: full.band, lastActivityAt: full.lastActivityAt });
    expect(light.contributions.map((c) => c.ruleId).sort()).toEqual(['country-japan', 'employees-1000', 'industry-target', 'title-manager']);
    expect(light.trend7d).toBe(0);
    expect(light.spike).toBe(false);
    expect(light.ignoredFutureEventIds).toEqual([]);
    expect(full.ignoredFutureEventIds).toHaveLength(1);
  });

  it('the score alone is the full score', () => {
    const input = { events: events(), attributes: manager, definitions: D, now: NOW };
    expect(temperatureScore(input)).toBe(computeTemperature(input).score);
    expect(temperatureScore(input)).toBeGreaterThan(80);
  });
});

describe('the trend, the spike and the order of the why, with caps and ties', () => {
  const engagement = (events: EngagementEvent[]) => computeTemperature({ events, attributes: {}, definitions: D, now: NOW });

  it('a week ago, a day already over its cap then was capped then too', () => {
    // Three clicks (9 raw points, cap 6) on one day ten days ago: capped at 6 now and a week ago.
    const old = NOW - 10 * DAY;
    const t = engagement([event('email_click', old), event('email_click', old + 60_000), event('email_click', old + 120_000)]);
    const decay = (days: number) => 0.5 ** (days / 14);
    expect(t.engagementScore).toBeCloseTo(6 * decay(10), 1);
    expect(t.trend7d).toBeCloseTo(6 * decay(10) - 6 * decay(3), 1);
  });

  it('the spike counts a day’s points after its cap: fifteen clicks in an hour are 6 points, no spike', () => {
    const clicks = Array.from({ length: 15 }, (_, i) => event('email_click', NOW - i * 60_000));
    expect(engagement(clicks).spike).toBe(false);
  });

  it('of two deliveries of one event, the earlier counts even when the later one’s content sorts first', () => {
    const first = event('page_view', NOW - 2 * HOUR, { sourceId: 'd', id: 'marketo:d', url: 'https://example.com/pricing' });
    const later = { ...first, occurredAt: NOW - HOUR, url: 'https://example.com/blog' };
    expect(engagement([later, first]).engagementScore).toBeCloseTo(10, 0);
    expect(engagement([first, later]).engagementScore).toBeCloseTo(10, 0);
  });

  it('with re-deliveries about, an activity exactly at now is still the last activity', () => {
    const open = event('email_open', NOW - HOUR, { sourceId: 'o', id: 'marketo:o' });
    expect(engagement([open, { ...open }, event('email_click', NOW)]).lastActivityAt).toBe(NOW);
  });

  it('orders contributions of equal size by rule id, fit and engagement alike', () => {
    // Japan (fit, 10) and a content download (engagement, 10) today: "content-download" before "country-japan".
    const t = computeTemperature({ events: [event('content_download', NOW)], attributes: { country: 'JP' }, definitions: D, now: NOW });
    expect(t.contributions.map((c) => [c.ruleId, c.points])).toEqual([
      ['content-download', 10],
      ['country-japan', 10],
    ]);
    // And two engagement rules of one size listed against the definitions' order.
    D = copyDefinitions();
    D.score.engagement.rules = D.score.engagement.rules.map((r) => (r.id === 'chat' ? { ...r, id: 'a-chat' } : r));
    const u = computeTemperature({ events: [event('chat', NOW), event('content_download', NOW)], attributes: {}, definitions: D, now: NOW });
    expect(u.contributions.map((c) => c.ruleId)).toEqual(['a-chat', 'content-download']);
  });

  it('for a very busy lead (hundreds of views, many at the same minute) lists the 50 most recent, ties by id, whatever the order', () => {
    // 420 views over 60 minutes: seven at each minute, ids chosen so that id order and time order disagree.
    const views = Array.from({ length: 420 }, (_, i) => {
      const minute = i % 60;
      const sourceId = `v${String((i * 7919) % 1000).padStart(3, '0')}`;
      return event('page_view', NOW - minute * 60_000, { sourceId, id: `marketo:${sourceId}`, url: 'https://example.com/blog' });
    });
    const expected = [...views]
      .sort((a, b) => b.occurredAt - a.occurredAt || (a.id < b.id ? -1 : 1))
      .slice(0, 50)
      .map((e) => e.id);
    const orders = [views, [...views].reverse(), [...views].sort((a, b) => (a.id < b.id ? -1 : 1)), [...views].sort((a, b) => a.occurredAt - b.occurredAt)];
    for (const events of orders) {
      expect(engagement(events).contributions.find((c) => c.ruleId === 'page-view')!.eventIds).toEqual(expected);
    }
  });
});
