import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import type { Feedback, LeadContext, Opportunity } from '../../lib/domain/model';
import { detailPeople, teamDetail, teamPeople, weekMembers } from '../../lib/domain/team-details';
import { countTeam, judgeTeam, selectTeam, type TeamRange } from '../../lib/domain/team-kpis';
import { jst } from './time-helpers';

/**
 * The team page's detail, rule by rule, on teams built by hand (tests/domain/team-details.test.ts checks it against
 * countTeam on a generated team of 600): the first-touch buckets' edges, the comments list, the open pipeline and the
 * drill-down rows.
 */

const DAY = 86_400_000;
const MIN = 60_000;
const NOW = jst('2026-11-27 15:00');
// Monday 2026-11-16 to Monday 2026-11-23, then the week before.
const WEEK: TeamRange = { from: jst('2026-11-16 00:00'), to: jst('2026-11-23 00:00') };
const WEEK_BEFORE: TeamRange = { from: WEEK.from - 7 * DAY, to: WEEK.from };
const ref = (id: string) => ({ system: 'salesforce', instance: 'acme.my.salesforce.com', object: 'Lead', id }) as const;

type Spec = {
  handoff?: number;
  call?: number;
  campaigns?: string[];
  deals?: Partial<Opportunity>[];
  feedback?: Partial<Feedback>[];
  owner?: string;
  source?: string;
  company?: string;
  url?: string;
};

function lead(id: string, spec: Spec = {}): LeadContext {
  const key = `${id}@example.co.jp`;
  return {
    ref: ref(id),
    person: {
      key, name: `Person ${id}`, stage: 'mql',
      ...(spec.owner ? { owner: spec.owner } : {}),
      ...(spec.company ? { company: spec.company } : {}),
      attributes: { title: 'Engineer', employees: 20, ...(spec.source ? { leadSource: spec.source } : {}) },
      links: [{ ref: ref(id), ...(spec.url ? { url: spec.url } : {}) }],
    },
    events: (spec.campaigns ?? []).map((campaign, k) => ({
      id: `marketo:${id}-${k}`, source: 'marketo' as const, sourceId: `${id}-${k}`, type: 'email_click' as const, occurredAt: WEEK.from - 30 * DAY, campaign,
    })),
    activities: spec.call === undefined ? [] : [{ id: `salesforce:call-${id}`, source: 'salesforce', type: 'call', occurredAt: spec.call, by: '佐藤' }],
    stageChanges: spec.handoff === undefined ? [] : [{ id: `salesforce:h-${id}`, source: 'salesforce', stage: 'mql', vendorValue: 'MQL', at: spec.handoff }],
    opportunities: (spec.deals ?? []).map((o, k) => ({
      id: `salesforce:opp-${id}-${k}`, source: 'salesforce', name: id, stageName: 'Prospecting', amount: 1_000, isClosed: false, isWon: false, ...o,
    })),
    feedback: (spec.feedback ?? []).map((f, k) => ({
      id: `feedback-${id}-${k}-0000`, ref: ref(id), personKey: key, verdict: 'bad', reasonCodes: [], by: '佐藤', at: WEEK.from + DAY,
      state: 'sent', attempts: 1, nextAttemptAt: WEEK.from, ...f,
    })),
    warnings: [],
    fetchedAt: NOW,
    sources: ['salesforce'],
  };
}

function detailOf(contexts: LeadContext[], range: TeamRange = WEEK) {
  const team = judgeTeam(contexts, [DEFAULT_DEFINITIONS], NOW);
  const kpis = countTeam(team, range);
  return { team, kpis, detail: teamDetail(team, kpis, [range]) };
}

describe('first-touch buckets', () => {
  // Tuesday 2026-11-17 10:00; business hours 9:00–18:00 with a lunch hour.
  const handoff = jst('2026-11-17 10:00');
  const touchedAfter = (minutes: number[]) =>
    detailOf(minutes.map((m, i) => lead(`t${i}`, { handoff, call: m < 120 ? handoff + m * MIN : undefined })));

  it('a touch 29 minutes after the handoff is "under 30"; one at exactly 30 minutes is "30 to 60"', () => {
    const { detail, team, kpis } = touchedAfter([29, 30, 59, 60]);
    expect(detail.firstTouch).toEqual([1, 2, 1, 0, 0, 0]);
    expect(detailPeople(team, kpis, ['firstTouch', '0'])).toEqual(['t0@example.co.jp']);
    expect(detailPeople(team, kpis, ['firstTouch', '1']).sort()).toEqual(['t1@example.co.jp', 't2@example.co.jp']);
  });

  it('a touch a full business day later (480 minutes) is in the last, open-ended bucket; 479 minutes is not', () => {
    const late = lead('late', { handoff, call: jst('2026-11-18 10:00') });
    const almost = lead('almost', { handoff, call: jst('2026-11-18 09:59') });
    const { detail, team, kpis } = detailOf([late, almost, lead('never', { handoff })]);
    expect(detail.firstTouch).toEqual([0, 0, 0, 0, 1, 1]);
    expect(detailPeople(team, kpis, ['firstTouch', '5'])).toEqual(['late@example.co.jp']);
  });
});

describe('recent comments', () => {
  it('are the comments given within the period, newest first, with who said what about whom', () => {
    const { detail } = detailOf([
      lead('a', { feedback: [{ comment: '予算は来期', at: WEEK.from + DAY, verdict: 'bad', reasonCodes: ['NO_BUDGET'] }] }),
      lead('b', { feedback: [{ comment: 'Great fit', at: WEEK.from + 2 * DAY, verdict: 'good', by: 'Emily' }] }),
    ]);
    expect(detail.recentComments).toEqual([
      { personKey: 'b@example.co.jp', name: 'Person b', verdict: 'good', reasonCodes: [], comment: 'Great fit', by: 'Emily', at: WEEK.from + 2 * DAY },
      { personKey: 'a@example.co.jp', name: 'Person a', verdict: 'bad', reasonCodes: ['NO_BUDGET'], comment: '予算は来期', by: '佐藤', at: WEEK.from + DAY },
    ]);
  });

  it('leave out clicks without words, taken-back clicks, and comments outside the period (its first instant is in, its end is out)', () => {
    const { detail } = detailOf([
      lead('a', {
        feedback: [
          { comment: 'first instant', at: WEEK.from },
          { comment: 'last instant', at: WEEK.to - 1 },
          { comment: 'next week', at: WEEK.to },
          { comment: 'week before', at: WEEK.from - 1 },
          { comment: '   ', at: WEEK.from + DAY },
          { at: WEEK.from + DAY },
          { comment: 'undone', state: 'cancelled', at: WEEK.from + DAY },
        ],
      }),
    ]);
    expect(detail.recentComments.map((c) => c.comment)).toEqual(['last instant', 'first instant']);
  });

  it('show one feedback delivered twice once, and at most the 20 newest', () => {
    const twice = lead('a', { feedback: [{ comment: 'once', at: WEEK.from + DAY }] });
    twice.feedback.push({ ...twice.feedback[0]! });
    expect(detailOf([twice]).detail.recentComments).toHaveLength(1);
    const many = lead('m', { feedback: Array.from({ length: 25 }, (_, k) => ({ comment: `c${k}`, at: WEEK.from + k * MIN })) });
    const comments = detailOf([many]).detail.recentComments;
    expect(comments).toHaveLength(20);
    expect(comments[0]!.comment).toBe('c24');
    expect(comments.at(-1)!.comment).toBe('c5');
  });
});

describe('open pipeline by campaign', () => {
  it('adds the open deals of each campaign’s people, each deal once; closed deals and people without a campaign are not in it', () => {
    const { detail, team, kpis } = detailOf([
      lead('a', { campaigns: ['EM-101', 'Expo'], deals: [{ amount: 3_000 }, { amount: 9_000, isClosed: true, isWon: true, closeDate: WEEK.from + DAY }] }),
      lead('b', { campaigns: ['Expo'], deals: [{ amount: 2_000 }, { amount: null }] }),
      lead('c', { campaigns: ['Ads'], deals: [{ amount: 5_000, isClosed: true, closeDate: WEEK.from }] }),
      lead('d', { deals: [{ amount: 7_000 }] }),
    ]);
    expect(detail.pipelineByCampaign).toEqual([
      { campaign: 'Expo', openAmount: 5_000, openDeals: 3 },
      { campaign: 'EM-101', openAmount: 3_000, openDeals: 1 },
    ]);
    expect(detailPeople(team, kpis, ['pipeline', 'Expo'])).toEqual(['a@example.co.jp', 'b@example.co.jp']);
    expect(detailPeople(team, kpis, ['pipeline', 'Ads'])).toEqual([]);
    expect(detailPeople(team, kpis, ['pipeline', 'No such campaign'])).toEqual([]);
  });

  it('one deal shared by two people of a campaign counts once there', () => {
    const shared = { id: 'salesforce:opp-shared', amount: 4_000 };
    const { detail } = detailOf([lead('a', { campaigns: ['Expo'], deals: [shared] }), lead('b', { campaigns: ['Expo'], deals: [shared] })]);
    expect(detail.pipelineByCampaign).toEqual([{ campaign: 'Expo', openAmount: 4_000, openDeals: 1 }]);
  });

  it('campaigns with the same open amount are listed by name', () => {
    const { detail } = detailOf([lead('a', { campaigns: ['Zeta'], deals: [{}] }), lead('b', { campaigns: ['Alpha'], deals: [{}] }), lead('c', { campaigns: ['Mid'], deals: [{}] })]);
    expect(detail.pipelineByCampaign.map((p) => p.campaign)).toEqual(['Alpha', 'Mid', 'Zeta']);
  });

  it('a filter keeps the pipeline of the people it keeps', () => {
    const contexts = [lead('a', { owner: '佐藤', campaigns: ['Expo'], deals: [{ amount: 1 }] }), lead('b', { owner: 'Emily', campaigns: ['Expo'], deals: [{ amount: 10 }] })];
    const team = judgeTeam(contexts, [DEFAULT_DEFINITIONS], NOW);
    const kpis = countTeam(team, WEEK, { owners: ['Emily'] });
    expect(teamDetail(team, kpis, [WEEK], { owners: ['Emily'] }).pipelineByCampaign).toEqual([{ campaign: 'Expo', openAmount: 10, openDeals: 1 }]);
    expect(detailPeople(team, kpis, ['pipeline', 'Expo'])).toEqual(['b@example.co.jp']);
  });
});

describe('filter options and drill-down rows', () => {
  it('list every owner, source and campaign in the snapshot, alphabetically', () => {
    const { detail } = detailOf([
      lead('a', { owner: 'Sato', source: 'Web', campaigns: ['Zeta', 'Alpha'] }),
      lead('b', { owner: 'Emily', source: 'Referral', campaigns: ['Mid'] }),
      lead('c'),
    ]);
    expect(detail.options).toEqual({ owners: ['Emily', 'Sato'], sources: ['Referral', 'Web'], campaigns: ['Alpha', 'Mid', 'Zeta'] });
  });

  it('a drill-down row names the person, their company and owner when known, and each record with its address', () => {
    const { team } = detailOf([
      lead('a', { owner: 'Sato', company: 'Acme', url: 'https://acme.my.salesforce.com/00Qa' }),
      lead('b'),
    ]);
    expect(teamPeople(team, ['b@example.co.jp', 'a@example.co.jp'])).toEqual([
      { key: 'b@example.co.jp', name: 'Person b', stage: 'mql', links: [{ system: 'salesforce', instance: 'acme.my.salesforce.com' }] },
      {
        key: 'a@example.co.jp', name: 'Person a', company: 'Acme', owner: 'Sato', stage: 'mql',
        links: [{ system: 'salesforce', instance: 'acme.my.salesforce.com', url: 'https://acme.my.salesforce.com/00Qa' }],
      },
    ]);
  });

  it('any other path drills down as the team figures do', () => {
    const handoff = jst('2026-11-17 10:00');
    const { team, kpis } = detailOf([lead('a', { handoff, call: handoff + 10 * MIN }), lead('b')]);
    expect(detailPeople(team, kpis, ['sla', 'met'])).toEqual(['a@example.co.jp']);
    // A bucket or a campaign must be named: without one the path is not a figure.
    expect(() => detailPeople(team, kpis, ['firstTouch'])).toThrow(/not one of the team figures/);
    expect(() => detailPeople(team, kpis, ['pipeline'])).toThrow(/not one of the team figures/);
    expect(() => detailPeople(team, kpis, ['pipeline', null])).toThrow(/not one of the team figures/);
    expect(() => detailPeople(team, kpis, ['pipeline', 'Expo', 'leads'])).toThrow(/not one of the team figures/);
  });
});

describe('week members', () => {
  const weeks = [WEEK_BEFORE, WEEK, { from: WEEK.to, to: WEEK.to + 7 * DAY }];

  it('a fact at the last instant of a week is in it; at the next Monday 00:00 it is in the next week', () => {
    const atEnd = lead('end', { feedback: [{ at: WEEK.to - 1 }] });
    const atStart = lead('start', { feedback: [{ at: WEEK.to }] });
    const team = judgeTeam([atEnd, atStart], [DEFAULT_DEFINITIONS], NOW);
    expect(weekMembers(team, selectTeam(team), weeks)).toEqual([[], [0], [1]]);
  });

  it('facts before the first week or after the last are in no week; one person with several facts in a week is listed once', () => {
    const early = lead('early', { feedback: [{ at: WEEK_BEFORE.from - 1 }] });
    const late = lead('late', { feedback: [{ at: weeks[2]!.to }] });
    const busy = lead('busy', { handoff: WEEK.from + DAY, feedback: [{ at: WEEK.from + 2 * DAY }, { at: WEEK.from + 3 * DAY }], deals: [{ isClosed: true, isWon: true, closeDate: WEEK_BEFORE.from }] });
    const team = judgeTeam([early, late, busy], [DEFAULT_DEFINITIONS], NOW);
    expect(weekMembers(team, selectTeam(team), weeks)).toEqual([[2], [2], []]);
    expect(weekMembers(team, selectTeam(team), [])).toEqual([]);
  });

  it('weeks with a gap between them: a fact in the gap is in neither', () => {
    const gap = [WEEK_BEFORE, { from: WEEK.from + DAY, to: WEEK.to }];
    const inGap = lead('gap', { feedback: [{ at: WEEK.from + 1 }] });
    const team = judgeTeam([inGap], [DEFAULT_DEFINITIONS], NOW);
    expect(weekMembers(team, selectTeam(team), gap)).toEqual([[], []]);
  });

  it('one person in three weeks: each week shows its own handoff and clicks, none carried into the next week', () => {
    const next: TeamRange = { from: WEEK.to, to: WEEK.to + 7 * DAY };
    // Handed off and called the week before, with a good click then, two bad clicks this week and a good one next week.
    const handoff = jst('2026-11-10 10:00');
    const often = lead('often', {
      handoff, call: handoff + 10 * MIN,
      feedback: [{ at: jst('2026-11-11 12:00'), verdict: 'good' }, { at: WEEK.from + DAY }, { at: WEEK.from + 2 * DAY }, { at: next.from + DAY, verdict: 'good' }],
    });
    // Handed off this week and never called (breached by now), with neither feedback nor opportunities.
    const quiet = lead('quiet', { handoff: jst('2026-11-17 10:00') });
    const { team, kpis } = detailOf([often, quiet], { from: WEEK_BEFORE.from, to: next.to });
    expect(teamDetail(team, kpis, [WEEK_BEFORE, WEEK, next]).weeks).toEqual([
      { ...WEEK_BEFORE, handedOff: 1, met: 1, metRate: 1, good: 1, bad: 0, mql: 1, sql: 0 },
      { ...WEEK, handedOff: 1, met: 0, metRate: 0, good: 0, bad: 2, mql: 1, sql: 0 },
      { ...next, handedOff: 0, met: 0, metRate: null, good: 1, bad: 0, mql: 0, sql: 0 },
    ]);
  });

  it('a week’s figures count only what happened in it', () => {
    const handoff = jst('2026-11-10 10:00');
    const { team, kpis } = detailOf([lead('a', { handoff, call: handoff + 10 * MIN, feedback: [{ at: WEEK.from + DAY, verdict: 'good' }] })], { from: WEEK_BEFORE.from, to: WEEK.to });
    const detail = teamDetail(team, kpis, [WEEK_BEFORE, WEEK]);
    expect(detail.weeks).toEqual([
      { ...WEEK_BEFORE, handedOff: 1, met: 1, metRate: 1, good: 0, bad: 0, mql: 1, sql: 0 },
      { ...WEEK, handedOff: 0, met: 0, metRate: null, good: 1, bad: 0, mql: 0, sql: 0 },
    ]);
  });
});
