import { placingTime, planFor, searchBody, splitWindow, TEAM_DATE_PROPERTIES } from '../../../lib/connectors/hubspot/search-window';

const FROM = Date.UTC(2026, 5, 1);
const TO = Date.UTC(2026, 11, 1);

describe('HubSpot search windows', () => {
  it('asks within the documented search limits: five groups, at most six filters each and 18 in all, under 3,000 characters', () => {
    for (const plan of [planFor({ scope: 'team' }), planFor({ scope: 'team', modifiedSince: TO - 1 }), planFor({ scope: 'mine', modifiedSince: TO - 1 }, '41629779')]) {
      const body = searchBody(plan, { from: FROM, to: TO }, '9800') as { filterGroups: { filters: unknown[] }[]; limit: number };
      expect(body.filterGroups.length).toBeLessThanOrEqual(5);
      expect(body.filterGroups.every((g) => g.filters.length <= 6)).toBe(true);
      expect(body.filterGroups.flatMap((g) => g.filters).length).toBeLessThanOrEqual(18);
      expect(JSON.stringify(body).length).toBeLessThan(3_000);
      expect(body.limit).toBe(200);
    }
  });

  it('a team window is half-open: entered at or after its start, before its end, on each lifecycle date', () => {
    const body = searchBody(planFor({ scope: 'team' }), { from: FROM, to: TO }) as { filterGroups: { filters: { propertyName: string; operator: string; value: string }[] }[] };
    expect(body.filterGroups.map((g) => g.filters[0]?.propertyName)).toEqual([...TEAM_DATE_PROPERTIES]);
    expect(body.filterGroups[1]?.filters).toEqual([
      { propertyName: 'hs_v2_date_entered_marketingqualifiedlead', operator: 'GTE', value: String(FROM) },
      { propertyName: 'hs_v2_date_entered_marketingqualifiedlead', operator: 'LT', value: String(TO) },
    ]);
  });

  it('halves a window into two that meet exactly, and stops at one millisecond', () => {
    const [a, b] = splitWindow({ from: FROM, to: TO })!;
    expect(a.from).toBe(FROM);
    expect(a.to).toBe(b.from);
    expect(b.to).toBe(TO);
    expect(splitWindow({ from: 5, to: 6 })).toBeNull();
  });

  it('places a contact created before the period but handed off in it by its handoff, and one touching it twice by the earlier date', () => {
    const plan = planFor({ scope: 'team' });
    const period = { from: FROM, to: TO };
    const handoff = Date.UTC(2026, 8, 1);
    expect(placingTime(plan, { createdate: '2025-01-01T00:00:00.000Z', hs_v2_date_entered_marketingqualifiedlead: new Date(handoff).toISOString() }, period)).toBe(handoff);
    expect(placingTime(plan, { createdate: new Date(FROM + 5).toISOString(), hs_v2_date_entered_salesqualifiedlead: String(TO - 5) }, period)).toBe(FROM + 5);
    expect(placingTime(plan, { createdate: '2025-01-01T00:00:00.000Z' }, period)).toBeUndefined();
  });
});
