import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import type { Feedback, LeadContext, Opportunity, StageChange } from '../../lib/domain/model';
import { computeTeamKpis, countTeam, countTeamFigures, judgeTeam, latestPerPerson, rejudgeTeam, selectTeam, type TeamRange } from '../../lib/domain/team-kpis';
import { jst } from './time-helpers';

/**
 * The team figures' own rules, each on a few people built by hand (tests/domain/team-kpis.test.ts checks every count
 * against assessLead on generated teams): the period's edges, who counts once, how splits and campaigns are ordered,
 * the percentiles' ranks, and which drill-down paths exist.
 */

const DAY = 86_400_000;
const MIN = 60_000;
const NOW = jst('2026-11-27 15:00');
// Monday 2026-11-16 00:00 to Monday 2026-11-23 00:00 in Tokyo.
const WEEK: TeamRange = { from: jst('2026-11-16 00:00'), to: jst('2026-11-23 00:00') };
const ref = (id: string) => ({ system: 'salesforce', instance: 'acme.my.salesforce.com', object: 'Lead', id }) as const;

type Spec = {
  /** MQL (the handoff) at this time. */
  handoff?: number;
  /** First call, minutes after the handoff. */
  callAfter?: number;
  stages?: [StageChange['stage'], number][];
  owner?: string;
  source?: string;
  campaigns?: string[];
  deals?: Partial<Opportunity>[];
  feedback?: Partial<Feedback>[];
  fetchedAt?: number;
  key?: string;
};

function lead(id: string, spec: Spec = {}): LeadContext {
  const key = spec.key ?? `${id}@example.co.jp`;
  const stages: [StageChange['stage'], number][] = [...(spec.handoff === undefined ? [] : [['mql', spec.handoff] as [StageChange['stage'], number]]), ...(spec.stages ?? [])];
  return {
    ref: ref(id),
    person: {
      key, name: id, stage: 'mql',
      ...(spec.owner ? { owner: spec.owner } : {}),
      attributes: { title: 'Engineer', employees: 20, ...(spec.source ? { leadSource: spec.source } : {}) },
      links: [{ ref: ref(id) }],
    },
    events: (spec.campaigns ?? []).map((campaign, k) => ({
      id: `marketo:${id}-${k}`, source: 'marketo' as const, sourceId: `${id}-${k}`, type: 'email_click' as const, occurredAt: WEEK.from - 30 * DAY, campaign,
    })),
    activities:
      spec.handoff === undefined || spec.callAfter === undefined
        ? []
        : [{ id: `salesforce:call-${id}`, source: 'salesforce', type: 'call', occurredAt: spec.handoff + spec.callAfter * MIN, by: '佐藤' }],
    stageChanges: stages.map(([stage, at], k) => ({ id: `salesforce:${id}-${k}`, source: 'salesforce', stage, vendorValue: String(stage), at })),
    opportunities: (spec.deals ?? []).map((o, k) => ({
      id: `salesforce:opp-${id}-${k}`, source: 'salesforce', name: id, stageName: 'Closed Won', amount: 1_000, isClosed: true, isWon: true, closeDate: WEEK.from + DAY, ...o,
    })),
    feedback: (spec.feedback ?? []).map((f, k) => ({
      id: `feedback-${id}-${k}-0000`, ref: ref(id), personKey: key, verdict: 'bad', reasonCodes: [], by: '佐藤', at: WEEK.from + DAY,
      state: 'sent', attempts: 1, nextAttemptAt: WEEK.from, ...f,
    })),
    warnings: [],
    fetchedAt: spec.fetchedAt ?? NOW,
    sources: ['salesforce'],
  };
}

const kpisOf = (contexts: LeadContext[], range: TeamRange = WEEK) => computeTeamKpis(contexts, [DEFAULT_DEFINITIONS], range, NOW);
// Tuesday 2026-11-17 10:00.
const TUESDAY = jst('2026-11-17 10:00');

describe('the period’s edges', () => {
  it('a lead handed off at the first instant of the period counts in it; one handed off at its end counts in the next', () => {
    const k = kpisOf([lead('first', { handoff: WEEK.from, callAfter: 9 * 60 + 10 }), lead('next', { handoff: WEEK.to })]);
    expect(k.sla.handedOff).toBe(1);
    expect(k.peopleFor(['sla', 'handedOff'])).toEqual(['first@example.co.jp']);
    expect(k.funnel.reached.mql).toBe(1);
  });

  it('a lead handed off at the last minute of the period counts in it', () => {
    expect(kpisOf([lead('late', { handoff: WEEK.to - MIN })]).sla.handedOff).toBe(1);
  });

  it('feedback and wins at the period’s first instant count; at its end they belong to the next period', () => {
    const k = kpisOf([
      lead('a', { feedback: [{ at: WEEK.from, verdict: 'good' }, { at: WEEK.to, verdict: 'bad' }], deals: [{ closeDate: WEEK.from, amount: 10 }, { closeDate: WEEK.to, amount: 100 }] }),
    ]);
    expect(k.feedback).toMatchObject({ good: 1, bad: 0 });
    expect(k.revenue.wonAmount).toBe(10);
  });
});

describe('who counts, and how often', () => {
  it('one person fetched twice at the same moment counts once, as first read', () => {
    const first = lead('a', { owner: 'Sato' });
    const second = lead('a', { owner: 'Emily' });
    expect(latestPerPerson([first, second])).toEqual([first]);
    const newer = lead('a', { owner: 'Emily', fetchedAt: NOW + 1 });
    expect(latestPerPerson([first, newer, second])).toEqual([newer]);
    expect(kpisOf([first, newer]).byOwner.map((s) => s.key)).toEqual(['Emily']);
  });

  it('one feedback delivered twice counts once; two clicks with reasons add up by reason', () => {
    const twice = lead('a', { feedback: [{ reasonCodes: ['NO_BUDGET'] }, { reasonCodes: ['NO_BUDGET', 'BAD_TIMING'] }] });
    twice.feedback.push({ ...twice.feedback[0]! });
    const k = kpisOf([twice]);
    expect(k.feedback).toEqual({ good: 0, bad: 2, byReason: { NO_BUDGET: 2, BAD_TIMING: 1 } });
    expect(k.peopleFor(['feedback', 'byReason', 'BAD_TIMING'])).toEqual(['a@example.co.jp']);
    expect(k.peopleFor(['feedback', 'bad'])).toEqual(['a@example.co.jp']);
    expect(k.peopleFor(['feedback', 'good'])).toEqual([]);
  });

  it('a single cancelled click counts nothing', () => {
    expect(kpisOf([lead('a', { feedback: [{ state: 'cancelled' }] })]).feedback).toEqual({ good: 0, bad: 0, byReason: {} });
  });

  it('a won deal without an amount is a win worth 0; a deal lost or still open is no revenue', () => {
    const k = kpisOf([lead('a', { deals: [{ amount: null }, { isWon: false, amount: 50 }, { isClosed: false, isWon: false, closeDate: undefined, amount: 70 }], campaigns: ['Expo'] })]);
    expect(k.revenue.wonAmount).toBe(0);
    expect(k.peopleFor(['revenue', 'wonAmount'])).toEqual(['a@example.co.jp']);
    expect(k.revenue.byCampaign).toEqual([{ campaign: 'Expo', leads: 1, sql: 0, won: 1, wonAmount: 0 }]);
  });

  it('one deal shared by two people of a campaign is credited to it once; the campaign counts both people as winners', () => {
    const shared = { id: 'salesforce:opp-shared', amount: 300 };
    const k = kpisOf([lead('a', { campaigns: ['Expo'], deals: [shared] }), lead('b', { campaigns: ['Expo'], deals: [shared, { amount: 5 }] })]);
    expect(k.revenue.wonAmount).toBe(305);
    expect(k.revenue.byCampaign).toEqual([{ campaign: 'Expo', leads: 2, sql: 0, won: 2, wonAmount: 305 }]);
  });
});

describe('conversions follow a cohort', () => {
  it('a lead that became SQL at the very instant it became MQL converted; one whose SQL came before its MQL did not', () => {
    const k = kpisOf([
      lead('same', { stages: [['mql', TUESDAY], ['sql', TUESDAY]] }),
      lead('before', { stages: [['sql', TUESDAY - DAY], ['mql', TUESDAY]] }),
    ]);
    expect(k.funnel.conversion.mqlToSql).toBe(0.5);
    expect(k.peopleFor(['funnel', 'conversion', 'mqlToSql'])).toEqual(['same@example.co.jp']);
    expect(k.peopleFor(['funnel', 'conversion', 'mqlToSql', 'of'])).toEqual(['same@example.co.jp', 'before@example.co.jp']);
  });

  it('the cohort is counted from the first entry within the period: a second MQL later does not undo an SQL in between', () => {
    const k = kpisOf([lead('a', { stages: [['mql', TUESDAY], ['sql', TUESDAY + DAY], ['mql', TUESDAY + 2 * DAY]] })]);
    expect(k.funnel.conversion.mqlToSql).toBe(1);
  });

  it('a lead that skipped SQL and won its deal still converted, at each step', () => {
    const k = kpisOf([lead('a', { stages: [['mql', TUESDAY], ['opportunity', TUESDAY + DAY], ['won', TUESDAY + 2 * DAY]] })]);
    expect(k.funnel.conversion).toEqual({ mqlToSql: 1, sqlToOpportunity: null, opportunityToWon: 1 });
    expect(k.funnel.reached).toMatchObject({ mql: 1, sql: 0, opportunity: 1, won: 1 });
    expect(k.peopleFor(['funnel', 'reached', 'won'])).toEqual(['a@example.co.jp']);
  });

  it('an SQL who has not yet gone on is in the cohort, not converted', () => {
    const k = kpisOf([lead('a', { stages: [['sql', TUESDAY]] }), lead('b', { stages: [['sql', TUESDAY], ['opportunity', TUESDAY + DAY]] })]);
    expect(k.funnel.conversion.sqlToOpportunity).toBe(0.5);
  });
});

describe('first-touch minutes and SLA outcomes', () => {
  it('p50 and p90 are nearest ranks: of ten touches, the fifth and the ninth fastest', () => {
    const days = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20'];
    const team = Array.from({ length: 10 }, (_, i) => lead(`t${i}`, { handoff: jst(`${days[i % 5]} 10:00`), callAfter: (i + 1) * 10 }));
    expect(kpisOf(team).sla.firstTouchMinutes).toEqual({ p50: 50, p90: 90 });
    expect(kpisOf(team.slice(0, 1)).sla.firstTouchMinutes).toEqual({ p50: 10, p90: 10 });
    expect(kpisOf(team.slice(0, 2)).sla.firstTouchMinutes).toEqual({ p50: 10, p90: 20 });
  });

  it('a lead handed off and not yet due is open: handed off, not judged in the met rate', () => {
    const justNow = jst('2026-11-27 14:30');
    const k = kpisOf([lead('open', { handoff: justNow }), lead('met', { handoff: TUESDAY, callAfter: 20 })], { from: WEEK.from, to: NOW });
    expect(k.sla).toMatchObject({ handedOff: 2, met: 1, open: 1, metRate: 1 });
    expect(k.peopleFor(['sla', 'open'])).toEqual(['open@example.co.jp']);
    expect(k.peopleFor(['sla', 'metRate', 'of'])).toEqual(['met@example.co.jp']);
    expect(k.peopleFor(['sla', 'metRate'])).toEqual(['met@example.co.jp']);
    expect(k.peopleFor(['sla', 'firstTouchMinutes', 'p90'])).toEqual(['met@example.co.jp']);
  });

  it('breached leads are judged and drill down; the touched minutes leave them out', () => {
    const k = kpisOf([lead('never', { handoff: TUESDAY }), lead('late', { handoff: TUESDAY, callAfter: 3 * DAY / MIN })]);
    expect(k.sla).toMatchObject({ handedOff: 2, met: 0, metLate: 1, breachedOpen: 1, metRate: 0 });
    expect(k.peopleFor(['sla', 'breachedOpen'])).toEqual(['never@example.co.jp']);
    expect(k.peopleFor(['sla', 'firstTouchMinutes', 'p50'])).toEqual(['late@example.co.jp']);
  });
});

describe('splits and filters', () => {
  const team = () => [
    lead('a', { owner: 'Sato', source: 'Web', campaigns: ['Expo'] }),
    lead('b', { owner: 'Sato', source: 'Referral', campaigns: ['Ads', 'Expo'] }),
    lead('c', { owner: 'Emily', source: 'Web' }),
    lead('d', { source: 'Web' }),
    lead('e', { owner: 'Aoki' }),
  ];

  it('splits list the largest first, then by name, and people without a value last', () => {
    const k = kpisOf(team());
    expect(k.byOwner.map((s) => [s.key, s.leads])).toEqual([['Sato', 2], ['Aoki', 1], ['Emily', 1], [null, 1]]);
    expect(k.bySource.map((s) => [s.key, s.leads])).toEqual([['Web', 3], ['Referral', 1], [null, 1]]);
    expect(k.byCampaign.map((s) => [s.key, s.leads])).toEqual([[null, 3], ['Expo', 2], ['Ads', 1]]);
  });

  it('campaign revenue lists the highest amount first, then the most people, then by name', () => {
    const k = kpisOf([
      lead('a', { campaigns: ['Zeta', 'Alpha', 'Mid'], deals: [{ amount: 100 }] }),
      lead('b', { campaigns: ['Mid', 'Big'], deals: [{ amount: 500 }] }),
      lead('c', { campaigns: ['Alpha'] }),
    ]);
    expect(k.revenue.byCampaign.map((c) => c.campaign)).toEqual(['Mid', 'Big', 'Alpha', 'Zeta']);
    expect(k.peopleFor(['revenue', 'byCampaign', 'Alpha', 'won'])).toEqual(['a@example.co.jp']);
    expect(k.peopleFor(['revenue', 'byCampaign', 'Alpha', 'wonAmount'])).toEqual(['a@example.co.jp']);
    expect(k.peopleFor(['revenue', 'byCampaign', 'Alpha', 'leads'])).toEqual(['a@example.co.jp', 'c@example.co.jp']);
  });

  it('a campaign’s SQL count is the people it touched who became SQL in the period', () => {
    const k = kpisOf([lead('a', { campaigns: ['Expo'], stages: [['sql', TUESDAY]] }), lead('b', { campaigns: ['Expo'] })]);
    expect(k.revenue.byCampaign).toEqual([{ campaign: 'Expo', leads: 2, sql: 1, won: 0, wonAmount: 0 }]);
    expect(k.peopleFor(['revenue', 'byCampaign', 'Expo', 'sql'])).toEqual(['a@example.co.jp']);
  });

  it('filters keep people whose value is listed; null keeps those without one; several filters all apply', () => {
    const t = judgeTeam(team(), [DEFAULT_DEFINITIONS], NOW);
    const keys = (filter: Parameters<typeof countTeam>[2]) => countTeam(t, WEEK, filter).peopleFor(['leads']);
    expect(keys({ sources: ['Referral'] })).toEqual(['b@example.co.jp']);
    expect(keys({ sources: [null] })).toEqual(['e@example.co.jp']);
    expect(keys({ owners: [null] })).toEqual(['d@example.co.jp']);
    expect(keys({ campaigns: [null] })).toEqual(['c@example.co.jp', 'd@example.co.jp', 'e@example.co.jp']);
    expect(keys({ campaigns: ['Expo'] })).toEqual(['a@example.co.jp', 'b@example.co.jp']);
    expect(keys({ campaigns: ['Ads'] })).toEqual(['b@example.co.jp']);
    expect(keys({ owners: ['Sato'], sources: ['Web'] })).toEqual(['a@example.co.jp']);
    expect(keys({ owners: [] })).toEqual([]);
    expect(selectTeam(t, { sources: ['Web'] })).toEqual([0, 2, 3]);
    expect(selectTeam(t)).toEqual([0, 1, 2, 3, 4]);
  });

  it('a split drills down within its key: a key nobody has gives no one', () => {
    const k = kpisOf(team());
    expect(k.peopleFor(['byOwner', 'Sato', 'leads'])).toEqual(['a@example.co.jp', 'b@example.co.jp']);
    expect(k.peopleFor(['bySource', null, 'leads'])).toEqual(['e@example.co.jp']);
    expect(k.peopleFor(['byCampaign', 'Ads', 'leads'])).toEqual(['b@example.co.jp']);
    expect(k.peopleFor(['byOwner', 'Nobody', 'leads'])).toEqual([]);
    expect(() => k.peopleFor(['byOwner'])).toThrow('Team figure ["byOwner"]: name the byOwner key, e.g. ["byOwner", "…", "sla", "met"]');
  });

  it('the weekly axis needs only the totals: without splits they are empty, the totals the same', () => {
    const t = judgeTeam(team(), [DEFAULT_DEFINITIONS], NOW);
    const k = countTeam(t, WEEK, {}, { splits: false });
    expect([k.byOwner, k.bySource, k.byCampaign]).toEqual([[], [], []]);
    expect(k.leads).toBe(5);
    expect(countTeamFigures(t, WEEK, [1, 2])).toMatchObject({ leads: 2, revenue: { byCampaign: [{ campaign: 'Ads', leads: 1 }, { campaign: 'Expo', leads: 1 }] } });
  });
});

describe('drill-down paths', () => {
  it('refuses paths that name no figure, by name', () => {
    const k = kpisOf([lead('a', { handoff: TUESDAY, callAfter: 10 })]);
    const refused = [
      ['leads', 'x'], ['funnel', 'reached', 'nowhere'], ['funnel', 'reached'], ['funnel', 'reached', 'mql', 'x'], ['funnel', 'conversion', 'mqlToWon'],
      ['funnel', 'conversion', 'mqlToSql', 'all'], ['funnel', 'conversion', 'mqlToSql', 'of', 'x'], ['funnel', 'other', 'mql'],
      ['sla', 'met', 'x'], ['sla', 'late'], ['sla', 'metRate', 'all'], ['sla', 'metRate', 'of', 'x'], ['sla', 'firstTouchMinutes', 'p75'],
      ['sla', 'firstTouchMinutes', 'p50', 'x'], ['sla'], ['feedback', 'good', 'x'], ['feedback', 'bad', 'x'], ['feedback', 'byReason'],
      ['feedback', 'byReason', 'NO_BUDGET', 'x'], ['feedback', 'other'], ['revenue', 'wonAmount', 'x'], ['revenue', 'byCampaign', 'Expo'],
      ['revenue', 'byCampaign', 'Expo', 'lost'], ['revenue', 'byCampaign', null, 'won'], ['revenue', 'other'], ['people'], [],
      // A figure's last word under another figure's name, or one word too many.
      ['funnel', 'other', 'mqlToSql'], ['sla', 'met', 'of'], ['sla', 'met', 'p50'], ['feedback', 'byReason', null],
      ['revenue', 'other', 'Expo', 'won'], ['revenue', 'byCampaign', 'Expo', 'won', 'x'],
    ];
    for (const path of refused) expect(() => k.peopleFor(path), JSON.stringify(path)).toThrow(`Team figure ${JSON.stringify(path)} is not one of the team figures`);
  });

  it('every SLA figure drills down to its people', () => {
    const k = kpisOf([lead('a', { handoff: TUESDAY, callAfter: 10 })]);
    for (const figure of ['handedOff', 'met', 'metRate']) expect(k.peopleFor(['sla', figure]), figure).toEqual(['a@example.co.jp']);
    for (const figure of ['metLate', 'breachedOpen', 'open']) expect(k.peopleFor(['sla', figure]), figure).toEqual([]);
    expect(k.peopleFor(['leads'])).toEqual(['a@example.co.jp']);
  });
});

describe('drill-downs name only the people behind the figure', () => {
  it('good feedback lists who got good feedback; bad and a reason list who got those; people with none are in neither', () => {
    const k = kpisOf([
      lead('liked', { feedback: [{ verdict: 'good' }] }),
      // A good click the week before does not count this week.
      lead('refused', { feedback: [{ verdict: 'bad', reasonCodes: ['NO_BUDGET'] }, { verdict: 'good', at: WEEK.from - DAY }] }),
      lead('silent'),
    ]);
    expect(k.feedback).toEqual({ good: 1, bad: 1, byReason: { NO_BUDGET: 1 } });
    expect(k.peopleFor(['feedback', 'good'])).toEqual(['liked@example.co.jp']);
    expect(k.peopleFor(['feedback', 'bad'])).toEqual(['refused@example.co.jp']);
    expect(k.peopleFor(['feedback', 'byReason', 'NO_BUDGET'])).toEqual(['refused@example.co.jp']);
  });

  it('first-touch minutes list the people handed off in the period and touched, not one handed off the week before', () => {
    const k = kpisOf([lead('earlier', { handoff: jst('2026-11-10 10:00'), callAfter: 30 }), lead('this week', { handoff: TUESDAY, callAfter: 20 })]);
    expect(k.sla.firstTouchMinutes).toEqual({ p50: 20, p90: 20 });
    expect(k.peopleFor(['sla', 'firstTouchMinutes', 'p50'])).toEqual(['this week@example.co.jp']);
  });

  it('an owner’s campaign revenue lists only the campaigns that touched that owner’s people', () => {
    const k = kpisOf([lead('a', { owner: 'Sato', campaigns: ['Expo'], deals: [{ amount: 100 }] }), lead('b', { owner: 'Emily', campaigns: ['Ads'] })]);
    expect(k.byOwner.find((s) => s.key === 'Sato')!.revenue.byCampaign).toEqual([{ campaign: 'Expo', leads: 1, sql: 0, won: 1, wonAmount: 100 }]);
    expect(k.byOwner.find((s) => s.key === 'Emily')!.revenue.byCampaign).toEqual([{ campaign: 'Ads', leads: 1, sql: 0, won: 0, wonAmount: 0 }]);
  });
});

describe('revenue and conversions in the period', () => {
  it('two deals one person won this week both count; a deal won before the week or with no close date does not', () => {
    const k = kpisOf([
      lead('twice', { deals: [{ amount: 100 }, { amount: 200, closeDate: WEEK.from + 2 * DAY }, { amount: 1_000, closeDate: WEEK.from - DAY }] }),
      lead('undated', { deals: [{ amount: 50, closeDate: undefined }] }),
    ]);
    expect(k.revenue.wonAmount).toBe(300);
    expect(k.peopleFor(['revenue', 'wonAmount'])).toEqual(['twice@example.co.jp']);
  });

  it('a lead that became SQL this week without an opportunity is in no opportunity-to-won rate (null, not 0%)', () => {
    const k = kpisOf([lead('a', { stages: [['mql', TUESDAY], ['sql', TUESDAY + DAY]] })]);
    expect(k.funnel.conversion).toEqual({ mqlToSql: 1, sqlToOpportunity: 0, opportunityToWon: null });
  });
});

describe('counting again on the same judged team', () => {
  it('the week before, counted after this week for the same people, shows none of this week’s handoff, clicks or wins', () => {
    const team = judgeTeam(
      [
        lead('called', { handoff: TUESDAY, callAfter: 10, feedback: [{ verdict: 'good' }] }),
        lead('refused', { feedback: [{ verdict: 'bad', reasonCodes: ['NO_BUDGET'] }] }),
        lead('won', { deals: [{ amount: 500 }] }),
      ],
      [DEFAULT_DEFINITIONS],
      NOW,
    );
    const everyone = selectTeam(team);
    const thisWeek = countTeamFigures(team, WEEK, everyone);
    expect(thisWeek).toMatchObject({ leads: 3, sla: { handedOff: 1, met: 1 }, feedback: { good: 1, bad: 1, byReason: { NO_BUDGET: 1 } }, revenue: { wonAmount: 500 } });
    const weekBefore = countTeamFigures(team, { from: WEEK.from - 7 * DAY, to: WEEK.from }, everyone);
    expect(weekBefore).toMatchObject({ leads: 3, sla: { handedOff: 0, met: 0 }, revenue: { wonAmount: 0 } });
    expect(weekBefore.feedback).toEqual({ good: 0, bad: 0, byReason: {} });
    expect(countTeamFigures(team, WEEK, everyone)).toEqual(thisWeek);
  });
});

describe('the team page’s clock moves', () => {
  // Handed off Tuesday 10:00, called at 11:00.
  const team = () => [lead('a', { handoff: TUESDAY, callAfter: 60 })];
  const at1030 = TUESDAY + 30 * MIN;
  const at1130 = TUESDAY + 90 * MIN;

  it('set back from 11:30 to 10:30, the 11:00 call has not happened yet: the lead is open again', () => {
    const later = judgeTeam(team(), [DEFAULT_DEFINITIONS], at1130);
    expect(countTeam(later, WEEK).sla).toMatchObject({ met: 1, open: 0 });
    expect(countTeam(rejudgeTeam(later, at1030), WEEK).sla).toMatchObject({ met: 0, open: 1, firstTouchMinutes: { p50: null, p90: null } });
  });

  it('moving on from 10:30 to 11:30 counts the call, and the figures drawn for 10:30 stay as they were', () => {
    const earlier = judgeTeam(team(), [DEFAULT_DEFINITIONS], at1030);
    expect(countTeam(rejudgeTeam(earlier, at1130), WEEK).sla).toMatchObject({ met: 1, open: 0, firstTouchMinutes: { p50: 60, p90: 60 } });
    expect(countTeam(earlier, WEEK).sla).toMatchObject({ met: 0, open: 1, firstTouchMinutes: { p50: null, p90: null } });
  });

  it('with no definitions saved yet (the defaults), moving on a minute still counts the call', () => {
    const earlier = judgeTeam(team(), [], at1030);
    expect(countTeam(rejudgeTeam(earlier, at1130), WEEK).sla).toMatchObject({ met: 1, open: 0 });
  });
});
