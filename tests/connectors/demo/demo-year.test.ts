import { createDemoConnector } from '../../../lib/connectors/demo/demo-connector';
import { DEMO_PEOPLE, generateDemoWorkspace, type DemoWorkspace } from '../../../lib/connectors/demo/dataset';
import { demoDefinitionsVersions } from '../../../lib/connectors/demo/demo-definitions';
import { DEMO_FEATURED, FEATURED_STORIES } from '../../../lib/connectors/demo/featured';
import { SALES_REPS } from '../../../lib/connectors/demo/demo-reps';
import { assessHandoff, assessLead } from '../../../lib/domain/assess-lead';
import { DEFAULT_DEFINITIONS } from '../../../lib/domain/definitions/default-definitions';
import { definitionsSchema } from '../../../lib/domain/definitions/schema';
import { mapVendorStage } from '../../../lib/domain/definitions/stage-mapping';
import type { LeadContext } from '../../../lib/domain/model';
import { personSegments } from '../../../lib/domain/person-segments';
import { computeTeamKpis } from '../../../lib/domain/team-kpis';
import { ANCHORS } from './anchors';

/** The demo as a year of a team (issue 11, item 8): what a team page needs of it. */
const DAY = 86_400_000;
const anchor = ANCHORS['Wednesday 14:00 JST'] as number;
let ws: DemoWorkspace;
let contexts: LeadContext[];

beforeAll(async () => {
  ws = generateDemoWorkspace({ anchor });
  const connector = createDemoConnector({ now: () => anchor });
  contexts = [];
  for await (const page of connector.listContexts!({ scope: 'team', from: 0, to: anchor + 1 }, { now: anchor })) contexts.push(...page.contexts);
});

const jst = (t: number) => new Date(t + 9 * 3_600_000);

describe('the demo team over a year', () => {
  it('holds at least 2,000 people arriving over the year, handled by 8 reps', () => {
    expect(DEMO_PEOPLE).toBeGreaterThanOrEqual(2_000);
    expect(contexts).toHaveLength(DEMO_PEOPLE);
    const arrived = ws.leads.filter((l) => l.createdAt >= ws.windowStart);
    expect(arrived.length).toBeGreaterThan(1_200);
    expect(new Set(ws.leads.map((l) => l.person.owner))).toEqual(new Set(SALES_REPS.map((r) => r.name)));
    expect(SALES_REPS).toHaveLength(8);
  });

  it('runs at least 30 campaigns, none split by a program status', () => {
    const campaigns = new Set(contexts.flatMap((c) => personSegments(c).campaigns));
    expect(campaigns.size).toBeGreaterThanOrEqual(30);
    for (const c of campaigns) expect(c).not.toMatch(/>\s*(Registered|Attended)/);
    // A webinar's registrants and attendees are one campaign.
    const webinar = contexts.flatMap((c) => c.events).find((e) => e.type === 'webinar_attended');
    const registered = contexts.flatMap((c) => c.events).filter((e) => e.type === 'webinar_registered' && e.asset === webinar?.asset);
    expect(registered.every((e) => e.campaign === webinar?.campaign)).toBe(true);
  });

  it('wins deals in every quarter of the year, credited to campaigns', () => {
    const k = computeTeamKpis(contexts, demoDefinitionsVersions(anchor), { from: ws.windowStart, to: anchor }, anchor);
    for (let q = 0; q < 4; q++) {
      const from = ws.windowStart + q * 91 * DAY;
      const quarter = computeTeamKpis(contexts, demoDefinitionsVersions(anchor), { from, to: from + 91 * DAY }, anchor);
      expect(quarter.funnel.reached.won).toBeGreaterThanOrEqual(8);
    }
    expect(k.funnel.reached.won).toBeGreaterThanOrEqual(50);
    const credited = k.revenue.byCampaign.filter((c) => c.won > 0);
    expect(credited.length).toBeGreaterThanOrEqual(15);
    // Revenue by campaign tells campaigns apart: not one amount shared by all.
    expect(new Set(credited.map((c) => c.wonAmount)).size).toBeGreaterThan(10);
  });

  it('follows the Japanese business year: few leads in Golden Week and the year-end closing, deals closing at fiscal year-end', () => {
    const arrived = ws.leads.filter((l) => l.createdAt >= ws.windowStart && !l.story);
    const perDay = arrived.length / 362;
    const inDays = (pred: (d: Date) => boolean) => arrived.filter((l) => pred(jst(l.createdAt))).length;
    const goldenWeek = inDays((d) => (d.getUTCMonth() === 3 && d.getUTCDate() >= 29) || (d.getUTCMonth() === 4 && d.getUTCDate() <= 6));
    const yearEnd = inDays((d) => (d.getUTCMonth() === 11 && d.getUTCDate() >= 29) || (d.getUTCMonth() === 0 && d.getUTCDate() <= 3));
    expect(goldenWeek).toBeLessThan(8 * perDay * 0.5);
    expect(yearEnd).toBeLessThan(6 * perDay * 0.5);
    const wonAt = contexts.flatMap((c) => c.opportunities).filter((o) => o.isWon).map((o) => jst(o.closeDate!));
    const march = wonAt.filter((d) => d.getUTCMonth() === 2).length;
    const average = wonAt.length / 12;
    expect(march).toBeGreaterThan(average * 1.3);
  });

  it('revised its definitions once mid-year: a lead counts by the version in force at its handoff', () => {
    const versions = demoDefinitionsVersions(anchor);
    expect(versions.map((v) => definitionsSchema.parse(v).version)).toEqual([1, 2]);
    const v2From = Date.parse(versions[1]!.effectiveFrom);
    expect(anchor - v2From).toBeGreaterThan(150 * DAY);
    expect(anchor - v2From).toBeLessThan(215 * DAY);
    expect(Date.parse(versions[0]!.effectiveFrom)).toBeLessThan(ws.windowStart);
    expect(versions[1]!.approvedBy.length).toBeGreaterThan(0);
    const judged = contexts.map((c) => assessHandoff(c, versions, anchor)).filter((a) => a.handoff && a.sla);
    const before = judged.filter((a) => a.handoff!.at < v2From);
    const after = judged.filter((a) => a.handoff!.at >= v2From);
    expect(before.length).toBeGreaterThan(100);
    expect(after.length).toBeGreaterThan(100);
    expect(before.every((a) => a.definitionsAtHandoff.version === 1)).toBe(true);
    expect(after.every((a) => a.definitionsAtHandoff.version === 2)).toBe(true);
    const budgets = (list: typeof judged, band: string) => new Set(list.filter((a) => a.sla!.policyId === band).map((a) => a.sla!.budgetMinutes));
    expect(budgets(before, 'warm')).toEqual(new Set([480]));
    expect(budgets(after, 'warm')).toEqual(new Set([240]));
    expect(budgets(after, 'hot')).toEqual(new Set([60]));
  });

  it('tells every featured story as before under the demo definitions', async () => {
    const connector = createDemoConnector();
    const now = anchor + 17 * 60_000;
    for (const story of FEATURED_STORIES) {
      const ctx = await connector.fetchContext(
        { system: 'demo', instance: 'sfa', object: 'lead', id: DEMO_FEATURED[story].sfa },
        { now, stageOf: (system, field, value) => mapVendorStage(DEFAULT_DEFINITIONS, system, field, value) },
      );
      const shipped = assessLead(ctx, [DEFAULT_DEFINITIONS], now);
      const demo = assessLead(ctx, demoDefinitionsVersions(anchor), now);
      expect({ story, sla: demo.sla?.status, budget: demo.sla?.budgetMinutes, mql: demo.qualification.mql.passed, band: demo.temperature.band }).toEqual({
        story,
        sla: shipped.sla?.status,
        budget: shipped.sla?.budgetMinutes,
        mql: shipped.qualification.mql.passed,
        band: shipped.temperature.band,
      });
    }
  });

  it('lays one person without laying the rest (the panel reads a handful)', () => {
    const fresh = generateDemoWorkspace({ anchor: anchor + 3_600_000 });
    const started = performance.now();
    const lead = fresh.bySfaId.get(DEMO_FEATURED.hotJustHandedOff.sfa);
    expect(lead?.story).toBe('hotJustHandedOff');
    expect(fresh.leadAt(1234)).toBe(fresh.leads[1234]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(0);
  });
});
