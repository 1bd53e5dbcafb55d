import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import type { Definitions } from '../../lib/domain/definitions/schema';
import { type Feedback, type LeadContext, type Opportunity, type Stage } from '../../lib/domain/model';
import { personSegments } from '../../lib/domain/person-segments';
import { computeTeamKpis, countTeam, judgeTeam, rejudgeTeam, type FigurePath, type JudgedTeam, type TeamRange } from '../../lib/domain/team-kpis';
import { expectFeedbackAndRevenue, expectFunnelFromAssessments, expectHalvesAddUp, expectSlaFromAssessments, additive, sorted } from './team-kpis-invariants';
import { copyDefinitions, jst } from './time-helpers';

const DAY = 86_400_000;
const NOW = jst('2026-11-27 15:00');
const WINDOW_FROM = NOW - 60 * DAY;

/** A revision of the definitions that took effect 20 days ago: SAL is a handoff too, and every SLA is 30 minutes. */
function revision(): Definitions {
  const d = copyDefinitions();
  d.version = 2;
  d.effectiveFrom = new Date(NOW - 20 * DAY).toISOString().replace(/\.\d{3}Z$/, 'Z');
  d.sla.handoffStages = ['mql', 'sal'];
  d.sla.policies = d.sla.policies.map((p) => ({ ...p, budgetMinutes: 30 }));
  return d;
}

// --- a realistic LeadContext, as a connector maps one -------------------------------------------------------------
const OWNERS = ['佐藤 健一', 'Emily Carter', undefined];
const SOURCES = ['Web', 'Webinar', 'Referral', null];
const CAMPAIGNS = ['2026 秋 ウェビナー', 'EM-101', 'Google Ads'];
/** Salesforce Lead Status values: mapped ones are remapped by the definitions, others keep the connector's stage. */
const VENDOR_VALUES: { stage: Stage | null; vendorValue: string }[] = [
  { stage: 'inquiry', vendorValue: 'Inquiry' },
  { stage: 'mql', vendorValue: 'Open - Not Contacted' },
  { stage: 'mql', vendorValue: 'MQL' },
  { stage: 'sal', vendorValue: 'Working - Contacted' },
  { stage: 'sql', vendorValue: 'Closed - Converted' },
  { stage: 'opportunity', vendorValue: 'Opportunity' },
  { stage: 'won', vendorValue: 'Won' },
  { stage: 'recycled', vendorValue: 'Recycled' },
  { stage: 'disqualified', vendorValue: 'Closed - Not Converted' },
  { stage: null, vendorValue: 'Nurture' },
  // A connector that mapped a value the definitions now read otherwise: remapped to sal.
  { stage: 'mql', vendorValue: 'Working - Contacted' },
];
const REASONS = ['GOOD_FIT', 'NO_BUDGET', 'WRONG_CONTACT'];

const arbTime = fc.integer({ min: WINDOW_FROM, max: NOW });
const arbLead = fc.record({
  owner: fc.constantFrom(...OWNERS),
  source: fc.constantFrom(...SOURCES),
  title: fc.constantFrom('部長', 'Engineer', '学生'),
  employees: fc.constantFrom(20, 400, 2000),
  events: fc.array(
    fc.record({
      type: fc.constantFrom('email_open', 'email_click', 'page_view', 'form_submit', 'webinar_attended' as const),
      at: arbTime,
      campaign: fc.option(fc.constantFrom(...CAMPAIGNS), { nil: undefined }),
      url: fc.constantFrom('https://example.co.jp/pricing', 'https://example.co.jp/blog', undefined),
    }),
    { maxLength: 8 },
  ),
  stages: fc.array(fc.record({ value: fc.constantFrom(...VENDOR_VALUES), at: arbTime }), { maxLength: 5 }),
  activities: fc.array(
    fc.record({ type: fc.constantFrom('call', 'email', 'meeting', 'note' as const), at: fc.integer({ min: WINDOW_FROM, max: NOW + 2 * DAY }) }),
    { maxLength: 3 },
  ),
  feedback: fc.array(
    fc.record({
      verdict: fc.constantFrom('good', 'bad' as const),
      reasons: fc.subarray(REASONS, { maxLength: 2 }),
      at: arbTime,
      state: fc.constantFrom('sent', 'pending', 'cancelled' as const),
    }),
    { maxLength: 2 },
  ),
  opportunity: fc.option(
    fc.record({
      createdAt: arbTime,
      closedAfter: fc.option(fc.integer({ min: 0, max: 30 * DAY }), { nil: undefined }),
      won: fc.boolean(),
      amount: fc.option(fc.integer({ min: 1, max: 100 }).map((n) => n * 100_000), { nil: null }),
    }),
    { nil: undefined },
  ),
});
type LeadSpec = typeof arbLead extends fc.Arbitrary<infer T> ? T : never;

function leadContext(spec: LeadSpec, i: number): LeadContext {
  const id = `00Q${String(i).padStart(12, '0')}AAA`;
  const ref = { system: 'salesforce', instance: 'acme.my.salesforce.com', object: 'Lead', id } as const;
  const key = `lead${i}@example.co.jp`;
  const feedback: Feedback[] = spec.feedback.map((f, k) => ({
    id: `feedback-${i}-${k}-0000`, ref, personKey: key, verdict: f.verdict, reasonCodes: f.reasons, by: '佐藤', at: f.at,
    state: f.state, attempts: 0, nextAttemptAt: f.at,
  }));
  const opportunities: Opportunity[] = [];
  if (spec.opportunity) {
    const o = spec.opportunity;
    const closeDate = o.closedAfter === undefined ? undefined : o.createdAt + o.closedAfter;
    opportunities.push({
      id: `salesforce:006${String(i).padStart(12, '0')}`, source: 'salesforce', name: `商談 ${i}`, stageName: o.won ? 'Closed Won' : 'Prospecting',
      amount: o.amount, createdAt: o.createdAt, closeDate, isClosed: closeDate !== undefined, isWon: closeDate !== undefined && o.won,
    });
  }
  return {
    ref,
    person: {
      key, name: `見込客 ${i}`, email: key, owner: spec.owner, stage: null,
      attributes: { email: key, title: spec.title, employees: spec.employees, country: 'JP', leadSource: spec.source },
      links: [{ ref }],
    },
    events: spec.events.map((e, k) => ({
      id: `marketo:${i}-${k}`, source: 'marketo', sourceId: `${i}-${k}`, type: e.type, occurredAt: e.at,
      ...(e.campaign ? { campaign: e.campaign } : {}), ...(e.url ? { url: e.url } : {}),
    })),
    activities: spec.activities.map((a, k) => ({ id: `salesforce:00T${i}-${k}`, source: 'salesforce', type: a.type, occurredAt: a.at, by: '佐藤' })),
    stageChanges: spec.stages.map((s, k) => ({ id: `salesforce:017${i}-${k}`, source: 'salesforce', stage: s.value.stage, vendorValue: s.value.vendorValue, at: s.at })),
    opportunities,
    feedback,
    warnings: [],
    fetchedAt: NOW,
    sources: ['salesforce'],
  };
}

const arbTeam = fc.array(arbLead, { maxLength: 14 }).map((specs) => specs.map(leadContext));
const arbRange = fc
  .tuple(fc.integer({ min: WINDOW_FROM - 5 * DAY, max: NOW }), fc.integer({ min: 0, max: 70 * DAY }))
  .map(([from, length]): TeamRange => ({ from, to: from + length }));
const arbVersions = fc.constantFrom('default only', 'with a revision').map((v) => (v === 'default only' ? [DEFAULT_DEFINITIONS] : [DEFAULT_DEFINITIONS, revision()]));

describe('team KPIs are sums of the per-lead judgement (properties)', () => {
  it('each SLA count is the number of people handed off in the range whose assessLead status says so', () => {
    fc.assert(
      fc.property(arbTeam, arbVersions, arbRange, (contexts, versions, range) => {
        expectSlaFromAssessments(contexts, versions, range, NOW);
      }),
      { numRuns: 60 },
    );
  });

  it('the funnel counts people entering each stage in the range, by assessLead’s remapped history and their deals', () => {
    fc.assert(
      fc.property(arbTeam, arbVersions, arbRange, (contexts, versions, range) => {
        expectFunnelFromAssessments(contexts, versions, range, NOW);
      }),
      { numRuns: 60 },
    );
  });

  it('feedback and revenue count what was given and won within the range', () => {
    fc.assert(
      fc.property(arbTeam, arbRange, (contexts, range) => {
        expectFeedbackAndRevenue(contexts, [DEFAULT_DEFINITIONS], range, NOW, REASONS);
      }),
      { numRuns: 60 },
    );
  });

  it('splitting the people in two and adding the halves gives the whole', () => {
    fc.assert(
      fc.property(arbTeam, arbVersions, arbRange, fc.infiniteStream(fc.boolean()), (contexts, versions, range, coin) => {
        expectHalvesAddUp(contexts, versions, range, NOW, () => coin.next().value);
      }),
      { numRuns: 60 },
    );
  });

  it('judging the team again at a later minute gives what judging it afresh then gives (the page re-judges every minute)', () => {
    const plain = (t: JudgedTeam) => ({ ...t, contexts: t.contexts.map((c) => c.person.key) });
    // Later by a minute up to two days (booked meetings happen, budgets run out, the revision takes effect), or earlier.
    const arbLater = fc.oneof(fc.integer({ min: 1, max: 2 * 24 * 60 }).map((m) => m * 60_000), fc.constant(-60_000), fc.constant(21 * DAY));
    fc.assert(
      fc.property(arbTeam, arbVersions, fc.integer({ min: -25 * DAY, max: 0 }), arbLater, (contexts, versions, back, later) => {
        const before = NOW + back;
        const now = before + later;
        expect(plain(rejudgeTeam(judgeTeam(contexts, versions, before), now))).toEqual(plain(judgeTeam(contexts, versions, now)));
      }),
      { numRuns: 120 },
    );
  });

  it('splits by owner and source partition the team; a filter gives the figures of the people it keeps', () => {
    fc.assert(
      fc.property(arbTeam, arbRange, fc.subarray([...OWNERS.map((o) => o ?? null)], { minLength: 1 }), (contexts, range, owners) => {
        const team = judgeTeam(contexts, [DEFAULT_DEFINITIONS], NOW);
        const k = countTeam(team, range);
        for (const split of [k.byOwner, k.bySource]) {
          expect(split.reduce((s, x) => s + x.leads, 0)).toBe(k.leads);
          expect(split.reduce((s, x) => s + x.sla.met, 0)).toBe(k.sla.met);
          expect(split.reduce((s, x) => s + x.revenue.wonAmount, 0)).toBe(k.revenue.wonAmount);
        }
        const filtered = countTeam(team, range, { owners });
        const kept = contexts.filter((c) => owners.includes(personSegments(c).owner));
        const alone = computeTeamKpis(kept, [DEFAULT_DEFINITIONS], range, NOW);
        expect(additive(filtered)).toEqual(additive(alone));
        // The people behind the filtered figures (its facts are kept by position in the filter's selection, not by
        // person in the team) are those behind the same figures of the kept people counted alone, splits included.
        const paths: FigurePath[] = [['leads'], ['sla', 'met'], ['sla', 'firstTouchMinutes', 'p50'], ['funnel', 'reached', 'sql'], ['feedback', 'bad'], ['revenue', 'wonAmount']];
        for (const s of alone.bySource) paths.push(['bySource', s.key, 'sla', 'handedOff'], ['bySource', s.key, 'funnel', 'conversion', 'mqlToSql', 'of']);
        for (const c of alone.revenue.byCampaign) paths.push(['revenue', 'byCampaign', c.campaign, 'sql'], ['byCampaign', c.campaign, 'leads']);
        for (const path of paths) expect(sorted(filtered.peopleFor(path)), JSON.stringify(path)).toEqual(sorted(alone.peopleFor(path)));
        for (const s of k.byOwner) expect(sorted(k.peopleFor(['byOwner', s.key, 'sla', 'met']))).toEqual(sorted(countTeam(team, range, { owners: [s.key] }).peopleFor(['sla', 'met'])));
      }),
      { numRuns: 40 },
    );
  });
});

describe('team KPIs, business rules', () => {
  const monday = (hhmm: string) => jst(`2026-11-16 ${hhmm}`);
  const week: TeamRange = { from: jst('2026-11-16 00:00'), to: jst('2026-11-23 00:00') };
  const ref = (id: string) => ({ system: 'salesforce', instance: 'acme.my.salesforce.com', object: 'Lead', id }) as const;
  /** A lead handed off (MQL) at `handoff`, touched by a call at `call`, with optional campaigns and deals. */
  function lead(
    id: string,
    handoff: number,
    call: number | null,
    extra: { owner?: string; campaigns?: string[]; won?: { amount: number; at: number }; feedback?: Partial<Feedback>[] } = {},
  ): LeadContext {
    return {
      ref: ref(id),
      person: {
        key: `${id}@example.co.jp`, name: id, owner: extra.owner ?? '佐藤 健一', stage: 'mql',
        attributes: { title: 'Engineer', employees: 20, leadSource: 'Web' }, links: [{ ref: ref(id) }],
      },
      events: (extra.campaigns ?? []).map((campaign, k) => ({
        id: `marketo:${id}-${k}`, source: 'marketo' as const, sourceId: `${id}-${k}`, type: 'email_click' as const, occurredAt: handoff - 2 * DAY, campaign,
      })),
      activities: call === null ? [] : [{ id: `salesforce:call-${id}`, source: 'salesforce', type: 'call', occurredAt: call, by: '佐藤' }],
      stageChanges: [{ id: `salesforce:h-${id}`, source: 'salesforce', stage: 'mql', vendorValue: 'Open - Not Contacted', at: handoff }],
      opportunities: extra.won
        ? [{ id: `salesforce:opp-${id}`, source: 'salesforce', name: id, stageName: 'Closed Won', amount: extra.won.amount, createdAt: handoff + DAY, closeDate: extra.won.at, isClosed: true, isWon: true }]
        : [],
      feedback: (extra.feedback ?? []).map((f, k) => ({
        id: `feedback-${id}-${k}-0000`, ref: ref(id), personKey: `${id}@example.co.jp`, verdict: 'bad', reasonCodes: ['NO_BUDGET'], by: '佐藤',
        at: handoff + DAY, state: 'sent', attempts: 1, nextAttemptAt: handoff, ...f,
      })),
      warnings: [],
      fetchedAt: NOW,
      sources: ['salesforce'],
    };
  }

  it('a cold lead handed off Monday 10:00 and called at 11:00 met its 2-business-day SLA; one called on Thursday did not', () => {
    const k = computeTeamKpis([lead('a', monday('10:00'), monday('11:00')), lead('b', monday('10:00'), jst('2026-11-19 10:00'))], [DEFAULT_DEFINITIONS], week, NOW);
    expect(k.sla).toMatchObject({ handedOff: 2, met: 1, metLate: 1, breachedOpen: 0, open: 0, metRate: 0.5 });
    // 60 business minutes for a; Monday 10:00 → Thursday 10:00 is three 8-hour days (9:00–18:00 with a lunch hour).
    expect(k.sla.firstTouchMinutes).toEqual({ p50: 60, p90: 3 * 480 });
    expect(k.peopleFor(['sla', 'metLate'])).toEqual(['b@example.co.jp']);
  });

  it('a lead never called is breached once its budget has passed, and is not in the first-touch minutes', () => {
    const k = computeTeamKpis([lead('c', monday('10:00'), null)], [DEFAULT_DEFINITIONS], week, NOW);
    expect(k.sla).toMatchObject({ handedOff: 1, breachedOpen: 1, metRate: 0, firstTouchMinutes: { p50: null, p90: null } });
  });

  it('a handoff outside the period is not this period’s SLA, and no MQL means no conversion rate (null, not 0)', () => {
    const k = computeTeamKpis([lead('d', jst('2026-11-02 10:00'), jst('2026-11-02 10:30'))], [DEFAULT_DEFINITIONS], week, NOW);
    expect(k.sla.handedOff).toBe(0);
    expect(k.sla.metRate).toBeNull();
    expect(k.funnel.conversion).toEqual({ mqlToSql: null, sqlToOpportunity: null, opportunityToWon: null });
    expect(k.leads).toBe(1);
  });

  it('a person touched by two campaigns counts in both, with the whole deal; the team total counts the deal once', () => {
    const won = { amount: 3_000_000, at: jst('2026-11-20 12:00') };
    const k = computeTeamKpis([lead('e', monday('10:00'), monday('10:30'), { campaigns: ['EM-101', 'ウェビナー'], won })], [DEFAULT_DEFINITIONS], week, NOW);
    expect(k.revenue.wonAmount).toBe(3_000_000);
    expect(k.revenue.byCampaign).toEqual([
      { campaign: 'EM-101', leads: 1, sql: 0, won: 1, wonAmount: 3_000_000 },
      { campaign: 'ウェビナー', leads: 1, sql: 0, won: 1, wonAmount: 3_000_000 },
    ]);
    expect(k.byCampaign.map((s) => [s.key, s.leads])).toEqual([['EM-101', 1], ['ウェビナー', 1]]);
    expect(k.funnel.reached.won).toBe(1);
  });

  it('feedback cancelled in the undo window is not counted; the rest counts by reason', () => {
    const k = computeTeamKpis(
      [lead('f', monday('10:00'), monday('10:30'), { feedback: [{ state: 'cancelled' }, { verdict: 'good', reasonCodes: ['GOOD_FIT'] }, {}] })],
      [DEFAULT_DEFINITIONS],
      week,
      NOW,
    );
    expect(k.feedback).toEqual({ good: 1, bad: 1, byReason: { GOOD_FIT: 1, NO_BUDGET: 1 } });
    expect(k.peopleFor(['feedback', 'byReason', 'NO_BUDGET'])).toEqual(['f@example.co.jp']);
  });

  it('a revision of the definitions does not change how an earlier handoff counts', () => {
    const early = lead('g', monday('10:00'), monday('13:00'));
    const revised = copyDefinitions();
    revised.version = 2;
    revised.effectiveFrom = '2026-11-18T00:00:00+09:00';
    revised.sla.policies = revised.sla.policies.map((p) => ({ ...p, budgetMinutes: 30 }));
    const k = computeTeamKpis([early, lead('h', jst('2026-11-18 10:00'), jst('2026-11-18 13:00'))], [DEFAULT_DEFINITIONS, revised], week, NOW);
    // g was handed off under the 2-day policy (met); h under the 30-minute one (met late).
    expect(k.peopleFor(['sla', 'met'])).toEqual(['g@example.co.jp']);
    expect(k.peopleFor(['sla', 'metLate'])).toEqual(['h@example.co.jp']);
  });

  it('one person fetched twice counts once, as last fetched; an unknown figure is refused by name', () => {
    const older = { ...lead('i', monday('10:00'), null), fetchedAt: NOW - DAY };
    const newer = lead('i', monday('10:00'), monday('10:30'));
    const k = computeTeamKpis([older, newer], [DEFAULT_DEFINITIONS], week, NOW);
    expect(k.leads).toBe(1);
    expect(k.sla.met).toBe(1);
    expect(() => k.peopleFor(['sla', 'late'])).toThrow(/\["sla","late"\] is not one of the team figures/);
    // Plain data for postMessage: the drill-down accessor does not travel.
    expect(Object.keys(structuredClone(k))).not.toContain('peopleFor');
  });
});
