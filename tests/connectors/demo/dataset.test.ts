import {
  ENGAGEMENT_TYPES,
  engagementEventSchema,
  normalizeEmail,
  opportunitySchema,
  personSchema,
  salesActivitySchema,
  stageChangeSchema,
  feedbackSchema,
} from '../../../lib/domain/model';
import { DEFAULT_DEFINITIONS } from '../../../lib/domain/definitions/default-definitions';
import { mapVendorStage } from '../../../lib/domain/definitions/stage-mapping';
import { DEMO_CALENDAR } from '../../../lib/connectors/demo/demo-calendar';
import { businessMinutesBetween } from '../../../lib/domain/business-calendar';
import { demoAnchor, generateDemoWorkspace, type DemoWorkspace } from '../../../lib/connectors/demo/dataset';
import { ANCHORS } from './anchors';

const DAY = 86_400_000;
const anchor = ANCHORS['Wednesday 14:00 JST'] as number;
let ws: DemoWorkspace;

beforeAll(() => {
  ws = generateDemoWorkspace({ anchor });
});

describe('demo workspace dataset', () => {
  it('is identical for the same seed and anchor, and different for another seed', () => {
    const again = generateDemoWorkspace({ anchor });
    expect(again.leads).toEqual(ws.leads);
    const other = generateDemoWorkspace({ seed: 7, anchor });
    expect(other.leads.slice(20, 40).map((l) => l.person.name)).not.toEqual(ws.leads.slice(20, 40).map((l) => l.person.name));
  });

  it('never draws from Math.random (only the seeded generator)', () => {
    const spy = vi.spyOn(Math, 'random');
    generateDemoWorkspace({ anchor: anchor + 5 * 3_600_000 });
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('anchors on the start of the current UTC hour, so data holds still within an hour', () => {
    expect(demoAnchor(anchor + 59 * 60_000)).toBe(anchor);
    expect(demoAnchor(anchor + 60 * 60_000)).toBe(anchor + 3_600_000);
    expect(generateDemoWorkspace({ anchor: demoAnchor(anchor + 1_234_567) }).leads[0]).toEqual(ws.leads[0]);
  });

  it('has at least 300 people, about 60% Japanese, with realistic names, companies and attributes', () => {
    expect(ws.leads.length).toBeGreaterThanOrEqual(300);
    const ja = ws.leads.filter((l) => l.person.attributes.country === 'JP').length / ws.leads.length;
    expect(ja).toBeGreaterThan(0.5);
    expect(ja).toBeLessThan(0.7);
    const countries = new Set(ws.leads.map((l) => l.person.attributes.country));
    expect([...countries].sort()).toEqual(['GB', 'JP', 'SG', 'US']);
    expect(ws.leads.some((l) => /^株式会社|株式会社$/.test(l.person.company ?? ''))).toBe(true);
    expect(ws.leads.some((l) => /\.co\.jp$/.test(l.person.email ?? ''))).toBe(true);
    for (const lead of ws.leads) {
      expect(() => personSchema.parse(lead.person)).not.toThrow();
      expect(Object.keys(lead.person.attributes)).toEqual(
        expect.arrayContaining(['industry', 'employees', 'title', 'country', 'leadSource', 'email', 'company']),
      );
      expect(lead.person.attributes.country).toMatch(/^[A-Z]{2}$/);
    }
  });

  it('lays a year of engagement of every type, nothing after the anchor but one clock-skewed event', () => {
    const events = ws.leads.flatMap((l) => l.events);
    for (const e of events) engagementEventSchema.parse(e);
    const types = new Set(events.map((e) => e.type));
    expect([...types].sort()).toEqual([...ENGAGEMENT_TYPES].sort());
    const first = Math.min(...events.map((e) => e.occurredAt));
    expect(anchor - first).toBeGreaterThanOrEqual(364 * DAY);
    expect(anchor - first).toBeLessThanOrEqual(366 * DAY);
    expect(events.filter((e) => e.occurredAt > anchor)).toHaveLength(1);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(events.some((e) => e.type === 'page_view' && e.url?.includes('/pricing'))).toBe(true);
    expect(events.some((e) => e.type === 'page_view' && e.url?.includes('/demo'))).toBe(true);
    expect(events.some((e) => e.type === 'email_send' && e.asset && e.vendorType === 'Send Email')).toBe(true);
    expect(events.some((e) => e.interesting)).toBe(true);
  });

  it('skews engagement: a few very active people, most quiet', () => {
    const recent = ws.leads
      .map((l) => l.events.filter((e) => e.type !== 'email_send' && e.occurredAt > anchor - 30 * DAY).length)
      .sort((a, b) => b - a);
    const median = recent[Math.floor(recent.length / 2)] ?? 0;
    const top = recent[Math.floor(recent.length * 0.03)] ?? 0;
    expect(median).toBeLessThanOrEqual(3);
    expect(top).toBeGreaterThanOrEqual(15);
  });

  it('includes bot-like bursts of e-mail clicks (many links within a minute)', () => {
    const bursts = ws.leads.filter((l) => {
      const clicks = l.events.filter((e) => e.type === 'email_click').map((e) => e.occurredAt);
      return clicks.some((t) => clicks.filter((u) => u >= t && u - t < 60_000).length >= 6);
    });
    expect(bursts.length).toBeGreaterThanOrEqual(2);
  });

  it('includes the data-quality cases: free mail, students, competitors, missing fields, duplicate e-mails', () => {
    const emails = ws.leads.map((l) => l.person.email ?? '');
    expect(emails.some((e) => e.endsWith('@gmail.com') || e.endsWith('@yahoo.co.jp'))).toBe(true);
    expect(ws.leads.some((l) => l.person.title === '学生' || l.person.title === 'Student')).toBe(true);
    expect(emails.some((e) => e.endsWith('rival-sfa.example') || e.endsWith('leadcompass.example'))).toBe(true);
    const missing = ws.leads.filter((l) => !l.person.company || !l.person.title || !l.person.email);
    expect(missing.length).toBeGreaterThanOrEqual(3);
    expect(ws.duplicatesByEmail.size).toBeGreaterThanOrEqual(1);
    for (const [email, group] of ws.duplicatesByEmail) {
      expect(group.length).toBeGreaterThan(1);
      for (const l of group) expect(normalizeEmail(l.person.email)).toBe(email);
    }
  });

  it('records stage histories in order, with Salesforce-like statuses the default definitions map', () => {
    for (const lead of ws.leads) {
      const changes = lead.stageChanges;
      expect(changes[0]?.stage).toBe('inquiry');
      changes.forEach((c, i) => {
        stageChangeSchema.parse(c);
        expect(c.at).toBeLessThan(anchor);
        expect(mapVendorStage(DEFAULT_DEFINITIONS, 'demo', 'Status', c.vendorValue)).toBe(c.stage);
        if (i > 0) {
          expect(c.at).toBeGreaterThanOrEqual(changes[i - 1]!.at);
          expect(c.fromVendorValue).toBe(changes[i - 1]!.vendorValue);
        }
      });
      expect(lead.person.stage).toBe(changes[changes.length - 1]?.stage);
    }
    const reached = new Set(ws.leads.flatMap((l) => l.stageChanges.map((c) => c.stage)));
    expect([...reached].sort()).toEqual(['disqualified', 'inquiry', 'lost', 'mql', 'opportunity', 'recycled', 'sal', 'sql', 'won']);
    const exits = ws.leads.flatMap((l) => l.stageChanges).filter((c) => c.stage === 'recycled' || c.stage === 'disqualified');
    expect(exits.every((c) => (c.reason ?? '').length > 0)).toBe(true);
  });

  it('has live SLA clocks: leads handed off in the last business day and not yet touched', () => {
    const live = ws.leads.filter((l) => {
      const last = l.stageChanges[l.stageChanges.length - 1];
      const touched = l.activities.some((a) => a.type !== 'task' && last && a.occurredAt >= last.at);
      return last?.stage === 'mql' && !touched && businessMinutesBetween(DEMO_CALENDAR, last.at, anchor) <= 540;
    });
    expect(live.length).toBeGreaterThanOrEqual(5);
  });

  it('has sales activities by named Japanese and English reps, opportunities in JPY and USD, and feedback', () => {
    const activities = ws.leads.flatMap((l) => l.activities);
    for (const a of activities) salesActivitySchema.parse(a);
    expect(new Set(activities.map((a) => a.type))).toEqual(new Set(['call', 'email', 'meeting', 'task']));
    const reps = new Set(activities.map((a) => a.by));
    expect(reps).toContain('佐藤 健一');
    expect([...reps].some((r) => r && /^[A-Za-z]/.test(r))).toBe(true);
    const opps = ws.leads.flatMap((l) => l.opportunities);
    for (const o of opps) opportunitySchema.parse(o);
    expect(new Set(opps.map((o) => o.currency))).toEqual(new Set(['JPY', 'USD']));
    expect(opps.some((o) => o.isWon) && opps.some((o) => o.isClosed && !o.isWon) && opps.some((o) => !o.isClosed)).toBe(true);
    const feedback = ws.leads.flatMap((l) => l.feedback);
    expect(feedback.length).toBeGreaterThanOrEqual(10);
    const reasons = new Map(DEFAULT_DEFINITIONS.feedbackReasons.map((r) => [r.code, r.verdict]));
    for (const f of feedback) {
      feedbackSchema.parse(f);
      expect(f.reasonCodes.length).toBeGreaterThan(0);
      for (const code of f.reasonCodes) expect(reasons.get(code)).toBe(f.verdict);
    }
    expect(new Set(feedback.map((f) => f.verdict))).toEqual(new Set(['good', 'bad']));
  });

  it('generates well under 300 ms (best of three, so a busy CI neighbour does not decide)', () => {
    const runs = [1, 2, 3].map((h) => {
      const started = performance.now();
      generateDemoWorkspace({ anchor: anchor + h * 3_600_000 });
      return performance.now() - started;
    });
    expect(Math.min(...runs)).toBeLessThan(300);
  });
});
