import { assessAlignment, CHECK_IDS, CHECKS, type CheckId, type DiagnosticInput, type SelfAnswer, type SelfAssessment } from '../../lib/domain/alignment-diagnostic';
import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import type { Definitions } from '../../lib/domain/definitions/schema';
import type { Feedback, LeadContext, Opportunity } from '../../lib/domain/model';
import { copyDefinitions, jst } from './time-helpers';

/**
 * The diagnostic's thresholds, one rule at a time, on small teams built by hand (tests/domain/alignment-diagnostic.test.ts
 * reads the demo team as a whole): each check's pass / partly / fail edges, and how the score, the step and the
 * priorities follow from the checks.
 */

const DAY = 86_400_000;
const MIN = 60_000;
// Wednesday 2026-11-25 15:00 in Tokyo.
const NOW = jst('2026-11-25 15:00');
const RANGE = { from: NOW - 150 * DAY, to: NOW };

/** The team's own definitions, approved by both heads (not the built-in document). */
function ownDefinitions(): Definitions {
  const d = copyDefinitions();
  d.id = 'acme-2026';
  d.approvedBy = [{ name: '山本 誠', role: { ja: '営業部長', en: 'Head of sales' } }];
  return d;
}

type LeadSpec = {
  /** MQL (the handoff) at this time; none when absent. */
  handoff?: number;
  /** First call, minutes after the handoff (null: never called). */
  callAfter?: number | null;
  sqlAt?: number;
  feedbackAt?: number[];
  feedbackState?: Feedback['state'];
  won?: { at: number };
  campaign?: string;
  /** Links to the person's Marketo record (default true). */
  linked?: boolean;
  email?: string | null;
  company?: string;
  title?: string;
};

function lead(id: string, spec: LeadSpec = {}): LeadContext {
  const ref = { system: 'salesforce', instance: 'acme.my.salesforce.com', object: 'Lead', id } as const;
  const email = spec.email === undefined ? `${id}@example.co.jp` : spec.email;
  const key = email ?? `salesforce|acme.my.salesforce.com|${id}`;
  const handoff = spec.handoff;
  const opportunities: Opportunity[] = spec.won
    ? [{ id: `salesforce:opp-${id}`, source: 'salesforce', name: id, stageName: 'Closed Won', amount: 1_000_000, createdAt: spec.won.at - DAY, closeDate: spec.won.at, isClosed: true, isWon: true }]
    : [];
  return {
    ref,
    person: {
      key,
      name: id,
      ...(email ? { email } : {}),
      stage: 'mql',
      attributes: { company: spec.company ?? 'Acme 株式会社', title: spec.title ?? '部長', employees: 400, ...(email ? { email } : {}) },
      links: spec.linked === false ? [{ ref }] : [{ ref }, { ref: { system: 'marketo', instance: '123-ABC-456', object: 'lead', id: `m-${id}` } }],
    },
    events: spec.campaign ? [{ id: `marketo:${id}`, source: 'marketo', sourceId: id, type: 'email_click', occurredAt: (handoff ?? NOW) - 2 * DAY, campaign: spec.campaign }] : [],
    activities:
      handoff === undefined || spec.callAfter === null
        ? []
        : [{ id: `salesforce:call-${id}`, source: 'salesforce', type: 'call', occurredAt: handoff + (spec.callAfter ?? 30) * MIN, by: '佐藤' }],
    stageChanges: [
      ...(handoff === undefined ? [] : [{ id: `salesforce:mql-${id}`, source: 'salesforce' as const, stage: 'mql' as const, vendorValue: 'MQL', at: handoff }]),
      ...(spec.sqlAt === undefined ? [] : [{ id: `salesforce:sql-${id}`, source: 'salesforce' as const, stage: 'sql' as const, vendorValue: 'SQL', at: spec.sqlAt }]),
    ],
    opportunities,
    feedback: (spec.feedbackAt ?? []).map((at, k) => ({
      id: `feedback-${id}-${k}-0000`, ref, personKey: key, verdict: 'good', reasonCodes: [], by: '佐藤', at,
      state: spec.feedbackState ?? 'sent', attempts: 1, nextAttemptAt: at,
    })),
    warnings: [],
    fetchedAt: NOW,
    sources: ['salesforce'],
  };
}

/** Weekday handoffs at 10:00, 50–70 days ago (no holidays): each met, moved on to SQL, given feedback, won, credited. */
const HEALTHY_DAYS = ['2026-10-06', '2026-10-07', '2026-10-08', '2026-10-09', '2026-10-13'];
function healthyTeam(): LeadContext[] {
  return HEALTHY_DAYS.map((day, i) => {
    const handoff = jst(`${day} 10:00`);
    return lead(`h${i}`, { handoff, sqlAt: handoff + DAY, feedbackAt: [handoff + 2 * DAY], won: { at: handoff + 10 * DAY }, campaign: 'EM-101' });
  });
}

const SELF_CHECKS = CHECK_IDS.filter((id) => CHECKS[id].source === 'self');
const answered = (answer: SelfAnswer): Partial<Record<CheckId, SelfAssessment>> => Object.fromEntries(SELF_CHECKS.map((id) => [id, { answer, at: NOW - DAY }]));

function diagnose(contexts: LeadContext[], over: Partial<DiagnosticInput> = {}) {
  const d = assessAlignment({ contexts, versions: [ownDefinitions()], range: RANGE, now: NOW, syncedAt: NOW - 10 * MIN, answers: answered('yes'), ...over });
  return { ...d, status: (id: CheckId) => d.checks.find((c) => c.id === id)!.status, check: (id: CheckId) => d.checks.find((c) => c.id === id)! };
}

/** `n` plain records (no handoff), of which the first `k` match `yes` and the rest `no`. */
const records = (n: number, k: number, yes: LeadSpec, no: LeadSpec) => Array.from({ length: n }, (_, i) => lead(`r${i}`, i < k ? yes : no));

describe('the alignment diagnostic, check by check', () => {
  it('a healthy team passes every check: score 100, the last step, nothing to do', () => {
    const d = diagnose(healthyTeam());
    expect(d.checks.filter((c) => c.status !== 'pass').map((c) => c.id)).toEqual([]);
    expect(d).toMatchObject({ score: 100, judged: 15, step: 'improvement', priorities: [] });
  });

  it('the definitions count as agreed only when someone approved the team’s own document', () => {
    const unapproved = ownDefinitions();
    unapproved.approvedBy = [];
    expect(diagnose(healthyTeam(), { versions: [unapproved] }).status('mqlAgreed')).toBe('fail');
    expect(diagnose(healthyTeam(), { versions: [DEFAULT_DEFINITIONS] }).check('mqlAgreed')).toMatchObject({
      status: 'partial',
      evidence: { kind: 'definitions', builtIn: true, approvedBy: ['Baton'], detail: 60 },
    });
    expect(diagnose(healthyTeam()).check('mqlAgreed').evidence).toMatchObject({ builtIn: false, approvedBy: ['山本 誠'], version: 1 });
  });

  it('SQL is written when the checklist has items; the handoff is numeric when the MQL score minimum is above 0', () => {
    const noChecklist = ownDefinitions();
    noChecklist.qualification.sql.checklist = [];
    expect(diagnose(healthyTeam(), { versions: [noChecklist] }).status('sqlWritten')).toBe('fail');
    expect(diagnose(healthyTeam()).check('sqlWritten').evidence).toMatchObject({ detail: 4 });
    const noMinimum = ownDefinitions();
    noMinimum.qualification.mql.minScore = 0;
    expect(diagnose(healthyTeam(), { versions: [noMinimum] }).status('handoffNumeric')).toBe('fail');
    const onepoint = ownDefinitions();
    onepoint.qualification.mql.minScore = 1;
    expect(diagnose(healthyTeam(), { versions: [onepoint] }).status('handoffNumeric')).toBe('pass');
  });

  it('definitions not yet in force: the diagnostic reads the latest version given', () => {
    const future = ownDefinitions();
    future.effectiveFrom = '2027-01-01T00:00:00+09:00';
    future.approvedBy = [];
    expect(diagnose(healthyTeam(), { versions: [future] }).status('mqlAgreed')).toBe('fail');
  });

  it('SFA and MA are synced when 90% of records carry a record of another system; half is partly', () => {
    const linked = (k: number) => diagnose(records(10, k, {}, { linked: false })).check('sfaMaSynced');
    expect(linked(9)).toMatchObject({ status: 'pass', evidence: { kind: 'ratio', part: 9, whole: 10, rate: 0.9 } });
    expect(linked(8).status).toBe('partial');
    expect(linked(5).status).toBe('partial');
    expect(linked(4).status).toBe('fail');
  });

  it('a link to the same system’s other instance counts as synced; a link to the record itself does not', () => {
    const other = lead('x', { linked: false });
    other.person.links.push({ ref: { ...other.ref, instance: 'acme-eu.my.salesforce.com' } });
    expect(diagnose([other]).check('sfaMaSynced').evidence).toMatchObject({ part: 1, whole: 1 });
    const self = lead('y', { linked: false });
    self.person.links.push({ ref: { ...self.ref, id: 'another-record' } });
    expect(diagnose([self]).check('sfaMaSynced').evidence).toMatchObject({ part: 0, whole: 1 });
  });

  it('progress is real-time when the snapshot is at most a day old, partly within a week', () => {
    const at = (ageMinutes: number) => diagnose(healthyTeam(), { syncedAt: NOW - ageMinutes * MIN }).check('realtimeProgress');
    expect(at(24 * 60)).toMatchObject({ status: 'pass', evidence: { kind: 'freshness', ageMinutes: 24 * 60 } });
    expect(at(24 * 60 + 1).status).toBe('partial');
    expect(at(7 * 24 * 60).status).toBe('partial');
    expect(at(7 * 24 * 60 + 1).status).toBe('fail');
    expect(diagnose(healthyTeam(), { syncedAt: null }).check('realtimeProgress')).toMatchObject({ status: 'unknown', evidence: { syncedAt: null, ageMinutes: null } });
  });

  it('a snapshot stamped a little in the future (another clock) is 0 minutes old; ages round to the minute', () => {
    expect(diagnose(healthyTeam(), { syncedAt: NOW + 5 * MIN }).check('realtimeProgress').evidence).toMatchObject({ ageMinutes: 0 });
    expect(diagnose(healthyTeam(), { syncedAt: NOW - 90_000 }).check('realtimeProgress').evidence).toMatchObject({ ageMinutes: 2 });
  });

  it('without a sync time the team’s own answer stands in', () => {
    expect(diagnose(healthyTeam(), { syncedAt: null, answers: { realtimeProgress: { answer: 'partly', at: NOW } } }).status('realtimeProgress')).toBe('partial');
    expect(diagnose(healthyTeam(), { answers: {} }).status('realtimeProgress')).toBe('pass');
  });

  it('conversion is measured when the period has MQLs who went on to SQL; MQLs alone are partly; no MQL fails', () => {
    const handoff = jst('2026-10-06 10:00');
    expect(diagnose([lead('a', { handoff, sqlAt: handoff + DAY })]).check('conversionMeasured')).toMatchObject({
      status: 'pass',
      evidence: { kind: 'funnel', mql: 1, sql: 1, won: 0, mqlToSql: 1 },
    });
    expect(diagnose([lead('a', { handoff })]).status('conversionMeasured')).toBe('partial');
    expect(diagnose([lead('a', {})]).status('conversionMeasured')).toBe('fail');
    expect(diagnose([], { answers: {} }).status('conversionMeasured')).toBe('unknown');
  });

  it('the feedback loop works when half the people handed off 30 to 120 days ago heard back within 30 days', () => {
    const handoff = jst('2026-09-01 10:00');
    const team = (withFeedback: number, of: number) =>
      Array.from({ length: of }, (_, i) => lead(`f${i}`, { handoff, feedbackAt: i < withFeedback ? [handoff + DAY] : [] }));
    expect(diagnose(team(1, 2)).check('feedbackLoop')).toMatchObject({ status: 'pass', evidence: { kind: 'ratio', part: 1, whole: 2, rate: 0.5 } });
    expect(diagnose(team(1, 5)).status('feedbackLoop')).toBe('partial');
    expect(diagnose(team(1, 6)).status('feedbackLoop')).toBe('fail');
  });

  it('the feedback cohort: handed off exactly 30 days ago is in (its 30 days are over), exactly 120 days ago too; a minute either side is out', () => {
    const cohort = (handoff: number) => diagnose([lead('a', { handoff, feedbackAt: [handoff + DAY] })]).check('feedbackLoop').evidence;
    expect(cohort(NOW - 30 * DAY)).toMatchObject({ whole: 1 });
    expect(cohort(NOW - 30 * DAY + MIN)).toMatchObject({ whole: 0 });
    expect(cohort(NOW - 120 * DAY)).toMatchObject({ whole: 1 });
    expect(cohort(NOW - 120 * DAY - MIN)).toMatchObject({ whole: 0 });
  });

  it('feedback counts from the handoff instant to exactly 30 days after; earlier, later or cancelled feedback does not', () => {
    const handoff = jst('2026-09-01 10:00');
    const heard = (feedbackAt: number[], feedbackState?: Feedback['state']) =>
      diagnose([lead('a', { handoff, feedbackAt, ...(feedbackState ? { feedbackState } : {}) })]).check('feedbackLoop').evidence;
    expect(heard([handoff])).toMatchObject({ part: 1 });
    expect(heard([handoff + 30 * DAY])).toMatchObject({ part: 1 });
    expect(heard([handoff + 30 * DAY + 1])).toMatchObject({ part: 0 });
    expect(heard([handoff - 1])).toMatchObject({ part: 0 });
    expect(heard([handoff + DAY], 'cancelled')).toMatchObject({ part: 0 });
  });

  it('people never handed off are not in the feedback cohort; no cohort leaves the check to the answer', () => {
    expect(diagnose([lead('a', { feedbackAt: [NOW - 60 * DAY] })], { answers: { feedbackLoop: { answer: 'partly', at: NOW } } }).check('feedbackLoop')).toMatchObject({
      status: 'partial',
      evidence: { whole: 0, rate: null },
      self: { answer: 'partly' },
    });
  });

  it('revenue is judged when 80% of the period’s wins came through a campaign; 40% is partly', () => {
    const won = { at: jst('2026-10-20 12:00') };
    const team = (credited: number, of: number) => Array.from({ length: of }, (_, i) => lead(`w${i}`, { won, ...(i < credited ? { campaign: 'EM-101' } : {}) }));
    expect(diagnose(team(4, 5)).check('revenueJudged')).toMatchObject({ status: 'pass', evidence: { kind: 'ratio', part: 4, whole: 5, rate: 0.8 } });
    expect(diagnose(team(3, 5)).status('revenueJudged')).toBe('partial');
    expect(diagnose(team(2, 5)).status('revenueJudged')).toBe('partial');
    expect(diagnose(team(1, 5)).status('revenueJudged')).toBe('fail');
    // A campaign on someone who won nothing in the period credits nothing.
    expect(diagnose([...team(0, 1), lead('c', { campaign: 'EM-101' })]).check('revenueJudged').evidence).toMatchObject({ part: 0, whole: 1 });
  });

  it('duplicates are resolved at 1% of records sharing an e-mail (any case), partly at 5%', () => {
    // 2 of 200 records share an address (1%), 10 of 200 (5%), 12 of 200 (6%).
    const team = (duplicated: number) =>
      Array.from({ length: 200 }, (_, i) => lead(`d${i}`, { email: i < duplicated ? (i % 2 ? 'Dup@Example.co.jp' : 'dup@example.co.jp') : `d${i}@example.co.jp` }));
    expect(diagnose(team(2)).check('duplicatesResolved')).toMatchObject({ status: 'pass', evidence: { kind: 'ratio', part: 2, whole: 200, rate: 0.01 } });
    expect(diagnose(team(4)).status('duplicatesResolved')).toBe('partial');
    expect(diagnose(team(10)).status('duplicatesResolved')).toBe('partial');
    expect(diagnose(team(12)).status('duplicatesResolved')).toBe('fail');
  });

  it('an e-mail only in the attributes counts; records without a readable e-mail are left out of the duplicate rate', () => {
    const fromAttribute = lead('a', { email: null });
    fromAttribute.person.attributes.email = 'same@example.co.jp';
    const other = lead('b', { email: 'same@example.co.jp' });
    const numeric = lead('c', { email: null });
    numeric.person.attributes.email = 42;
    const none = lead('d', { email: null });
    expect(diagnose([fromAttribute, other, numeric, none]).check('duplicatesResolved').evidence).toMatchObject({ part: 2, whole: 2 });
    expect(diagnose([none], { answers: {} }).status('duplicatesResolved')).toBe('unknown');
  });

  it('the SLA is defined and working when policies exist and 80% of judged handoffs met it; half is partly', () => {
    const days = ['2026-10-06', '2026-10-07', '2026-10-08', '2026-10-09', '2026-10-13'];
    const team = (met: number, of: number) => days.slice(0, of).map((day, i) => lead(`s${i}`, { handoff: jst(`${day} 10:00`), callAfter: i < met ? 30 : null }));
    expect(diagnose(team(4, 5)).check('slaDefined')).toMatchObject({ status: 'pass', evidence: { kind: 'sla', policies: 3, met: 4, judged: 5, rate: 0.8 } });
    expect(diagnose(team(3, 5)).status('slaDefined')).toBe('partial');
    expect(diagnose(team(1, 2)).status('slaDefined')).toBe('partial');
    expect(diagnose(team(2, 5)).status('slaDefined')).toBe('fail');
    // Judged handoffs are met, met late and breached alike (a lead called on the third day was met late).
    const lateToo = [...team(3, 4), lead('late', { handoff: jst('2026-10-13 10:00'), callAfter: 3 * 24 * 60 })];
    expect(diagnose(lateToo).check('slaDefined').evidence).toMatchObject({ met: 3, judged: 5, rate: 0.6 });
    // Nothing judged yet: the policies are written, whether they work is not known.
    expect(diagnose([lead('a')]).status('slaDefined')).toBe('partial');
    // A document without policies (the schema asks for one; a team with no handoff never needs it) fails.
    const noPolicies = ownDefinitions();
    noPolicies.sla.policies = [];
    expect(diagnose([lead('a')], { versions: [noPolicies] }).status('slaDefined')).toBe('fail');
  });

  it('data entry rules hold when 95% of people have every field the MQL needs; 80% is partly', () => {
    const entered = (k: number, n: number) => diagnose(records(n, k, {}, { title: ' ' })).check('dataEntryRules');
    expect(entered(19, 20)).toMatchObject({ status: 'pass', evidence: { kind: 'ratio', part: 19, whole: 20, rate: 0.95 } });
    expect(entered(18, 20).status).toBe('partial');
    expect(entered(16, 20).status).toBe('partial');
    expect(entered(15, 20).status).toBe('fail');
  });
});

describe('the diagnostic’s score, step and priorities', () => {
  it('a partial answer is worth half: 14 passes and one partly score 97', () => {
    expect(diagnose(healthyTeam(), { answers: { ...answered('yes'), regularForum: { answer: 'partly', at: NOW } } }).score).toBe(97);
    expect(diagnose(healthyTeam(), { answers: { ...answered('yes'), regularForum: { answer: 'no', at: NOW } } }).score).toBe(93);
  });

  it('an unanswered self check keeps the team diagnosing and counts 0', () => {
    const { regularForum: _, ...rest } = answered('yes');
    const d = diagnose(healthyTeam(), { answers: rest });
    expect(d).toMatchObject({ judged: 14, step: 'diagnose', score: 93 });
    expect(d.priorities).toEqual([{ id: 'regularForum', status: 'unknown', step: 'improvement' }]);
  });

  it('the team is in the first step whose checks do not all pass', () => {
    const step = (id: CheckId) => diagnose(healthyTeam(), { answers: { ...answered('yes'), [id]: { answer: 'no', at: NOW } } }).step;
    expect(step('responsibilitiesClear')).toBe('definitions');
    expect(step('sharedDashboard')).toBe('operation');
    expect(step('regularForum')).toBe('improvement');
    const unsynced = healthyTeam().map((c) => ({ ...c, person: { ...c.person, links: [{ ref: c.ref }] } }));
    expect(diagnose(unsynced).step).toBe('integration');
  });

  it('priorities: earlier steps first, then fails before partials, then by check number', () => {
    const d = diagnose(healthyTeam(), {
      answers: {
        ...answered('yes'),
        regularForum: { answer: 'no', at: NOW },
        regularReview: { answer: 'partly', at: NOW },
        sharedDashboard: { answer: 'no', at: NOW },
        responsibilitiesClear: { answer: 'no', at: NOW },
      },
      versions: [DEFAULT_DEFINITIONS],
    });
    expect(d.priorities).toEqual([
      { id: 'responsibilitiesClear', status: 'fail', step: 'definitions' },
      { id: 'mqlAgreed', status: 'partial', step: 'definitions' },
      { id: 'sqlWritten', status: 'partial', step: 'definitions' },
      { id: 'handoffNumeric', status: 'partial', step: 'definitions' },
      { id: 'sharedDashboard', status: 'fail', step: 'operation' },
      { id: 'regularReview', status: 'partial', step: 'operation' },
      { id: 'regularForum', status: 'fail', step: 'improvement' },
    ]);
  });

  it('a data check the data can judge ignores a contrary answer, which is still shown beside it', () => {
    const d = diagnose(healthyTeam(), { answers: { ...answered('yes'), sfaMaSynced: { answer: 'no', at: NOW, note: '手作業で転記' } } });
    expect(d.check('sfaMaSynced')).toMatchObject({ status: 'pass', self: { answer: 'no', note: '手作業で転記' } });
    expect(d.check('sfaMaSynced')).toMatchObject({ source: 'data', number: 4, step: 'integration' });
    // A check nobody answered carries no answer at all.
    expect('self' in diagnose(healthyTeam(), { answers: {} }).check('sfaMaSynced')).toBe(false);
  });
});
