import type { SalesActivity } from '../../../lib/domain/model';
import { DEMO_CALENDAR } from '../../../lib/connectors/demo/demo-calendar';
import { businessMinutesBetween } from '../../../lib/domain/business-calendar';
import { generateDemoWorkspace, type DemoLead, type DemoWorkspace } from '../../../lib/connectors/demo/dataset';
import { DEMO_DEFAULT_LEAD, DEMO_FEATURED, FEATURED_STORIES } from '../../../lib/connectors/demo/featured';
import { ANCHORS } from './anchors';

const DAY = 86_400_000;
const TOUCHES = new Set<SalesActivity['type']>(['call', 'email', 'meeting']);

function handoffOf(lead: DemoLead): number {
  const mql = lead.stageChanges.find((c) => c.stage === 'mql');
  if (!mql) throw new Error(`${lead.person.name} was never handed off`);
  return mql.at;
}

function firstTouchAfter(lead: DemoLead, at: number): SalesActivity | undefined {
  return lead.activities.find((a) => TOUCHES.has(a.type) && a.occurredAt >= at);
}

describe.each(Object.entries(ANCHORS))('featured demo leads at %s', (_label, anchor) => {
  // Built before the tests, not while the file is collected, so a mutation test sees which test reaches the engines.
  let ws: DemoWorkspace;
  beforeAll(() => {
    ws = generateDemoWorkspace({ anchor });
  });
  const lead = (story: keyof typeof DEMO_FEATURED): DemoLead => {
    const found = ws.bySfaId.get(DEMO_FEATURED[story].sfa);
    if (!found) throw new Error(`featured ${story} missing`);
    expect(ws.byMaId.get(DEMO_FEATURED[story].ma)).toBe(found);
    return found;
  };

  it('hot lead handed off 10 business minutes ago, from a demo request, not yet touched', () => {
    const l = lead('hotJustHandedOff');
    const h = handoffOf(l);
    expect(l.person.attributes.country).toBe('JP');
    expect(l.person.stage).toBe('mql');
    expect(businessMinutesBetween(DEMO_CALENDAR, h, anchor)).toBe(10);
    expect(firstTouchAfter(l, h)).toBeUndefined();
    expect(l.events.some((e) => e.type === 'form_submit' && e.url?.includes('/demo') && e.occurredAt <= h && e.interesting)).toBe(true);
    expect(l.events.filter((e) => e.occurredAt > anchor - 14 * DAY).length).toBeGreaterThanOrEqual(8);
  });

  it('warm lead past three quarters of a 4-hour SLA, and one hot lead far past it, both untouched', () => {
    const warm = lead('warmAtRisk');
    expect(businessMinutesBetween(DEMO_CALENDAR, handoffOf(warm), anchor)).toBe(180);
    expect(firstTouchAfter(warm, handoffOf(warm))).toBeUndefined();
    const breached = lead('hotBreached');
    expect(businessMinutesBetween(DEMO_CALENDAR, handoffOf(breached), anchor)).toBe(300);
    expect(firstTouchAfter(breached, handoffOf(breached))).toBeUndefined();
  });

  it('SLA met: first call 22 business minutes after handoff, now SQL with good feedback', () => {
    const l = lead('slaMet');
    const h = handoffOf(l);
    const touch = firstTouchAfter(l, h);
    expect(touch && businessMinutesBetween(DEMO_CALENDAR, h, touch.occurredAt)).toBe(22);
    expect(l.person.stage).toBe('sql');
    expect(l.feedback.map((f) => f.verdict)).toEqual(['good']);
  });

  it('won although the first touch came 420 business minutes late; the deal is in JPY', () => {
    const l = lead('wonMetLate');
    const h = handoffOf(l);
    const touch = firstTouchAfter(l, h);
    expect(touch && businessMinutesBetween(DEMO_CALENDAR, h, touch.occurredAt)).toBe(420);
    expect(l.person.stage).toBe('won');
    expect(l.opportunities).toEqual([expect.objectContaining({ isWon: true, isClosed: true, currency: 'JPY', amount: 18_000_000 })]);
  });

  it('English lead with an open USD opportunity', () => {
    const l = lead('englishOpportunity');
    expect(l.person.attributes.country).toBe('US');
    expect(l.person.stage).toBe('opportunity');
    expect(l.opportunities).toEqual([expect.objectContaining({ isClosed: false, currency: 'USD', amount: 84_000 })]);
  });

  it('cold lead: never handed off, nothing in the last 30 days', () => {
    const l = lead('cold');
    expect(l.stageChanges.map((c) => c.stage)).toEqual(['inquiry']);
    expect(l.events.filter((e) => e.occurredAt > anchor - 30 * DAY)).toEqual([]);
  });

  it('duplicate pair shares one e-mail address written two ways', () => {
    const a = lead('duplicate');
    const b = lead('duplicateTwin');
    expect(a.person.email).not.toBe(b.person.email);
    expect(a.person.key).toBe(b.person.key);
    expect(ws.duplicatesByEmail.get(a.person.key)).toEqual([a, b]);
  });

  it('recycled with a reason after "No budget" feedback from sales', () => {
    const l = lead('recycledBadFeedback');
    const last = l.stageChanges[l.stageChanges.length - 1];
    expect(last).toEqual(expect.objectContaining({ stage: 'recycled', reason: '予算なし' }));
    expect(l.feedback).toEqual([expect.objectContaining({ verdict: 'bad', reasonCodes: ['NO_BUDGET', 'BAD_TIMING'] })]);
  });
});

describe('featured ids', () => {
  it('are Salesforce-shaped 18-character lead ids and integer Marketo ids, unique per story', () => {
    const sfa = FEATURED_STORIES.map((s) => DEMO_FEATURED[s].sfa);
    const ma = FEATURED_STORIES.map((s) => DEMO_FEATURED[s].ma);
    for (const id of sfa) expect(id).toMatch(/^00Q[A-Za-z0-9]{15}$/);
    for (const id of ma) expect(id).toMatch(/^\d+$/);
    expect(new Set(sfa).size).toBe(sfa.length);
    expect(new Set(ma).size).toBe(ma.length);
    expect(DEMO_DEFAULT_LEAD).toBe(DEMO_FEATURED.hotJustHandedOff);
  });
});
