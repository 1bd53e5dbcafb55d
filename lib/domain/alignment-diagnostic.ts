import { DEFAULT_DEFINITIONS } from './definitions/default-definitions';
import type { Definitions } from './definitions/schema';
import { definitionsInForce } from './definitions/version-in-force';
import { normalizeEmail, type LeadContext } from './model';
import { present } from './qualification';
import { countTeam, judgeTeam, type JudgedTeam, type TeamKpis, type TeamRange } from './team-kpis';

/**
 * The seed's self-diagnosis (営業×マーケ連携度診断チェックリスト, 15 checks) and its five steps (サイロ化解消ステップ
 * 対応表), judged from the team's own data where Baton can see it and from the team's answers where it cannot
 * (docs: ../shared/design/team.md, "The seed's 15 checks and what can evidence them").
 *
 * Data checks count over the same judgement as the team figures: the SLA met rate and the funnel are
 * `countTeam` over `judgeTeam` (one `assessHandoff` per person), the feedback loop reads each person's handoff
 * from that judgement. Thresholds below are Baton's reading of "works" and are named beside each check.
 */

export const CHECK_IDS = [
  'mqlAgreed',
  'sqlWritten',
  'handoffNumeric',
  'sfaMaSynced',
  'sharedDashboard',
  'realtimeProgress',
  'conversionMeasured',
  'regularReview',
  'feedbackLoop',
  'revenueJudged',
  'duplicatesResolved',
  'slaDefined',
  'responsibilitiesClear',
  'dataEntryRules',
  'regularForum',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export const STEP_IDS = ['diagnose', 'definitions', 'integration', 'operation', 'improvement'] as const;
export type StepId = (typeof STEP_IDS)[number];

export type CheckStatus = 'pass' | 'partial' | 'fail' | 'unknown';
export type SelfAnswer = 'yes' | 'partly' | 'no';

/** How each check is judged, and which of the five steps builds what it asks for. */
export const CHECKS: Record<CheckId, { number: number; source: 'data' | 'self'; step: Exclude<StepId, 'diagnose'> }> = {
  mqlAgreed: { number: 1, source: 'data', step: 'definitions' },
  sqlWritten: { number: 2, source: 'data', step: 'definitions' },
  handoffNumeric: { number: 3, source: 'data', step: 'definitions' },
  sfaMaSynced: { number: 4, source: 'data', step: 'integration' },
  sharedDashboard: { number: 5, source: 'self', step: 'operation' },
  realtimeProgress: { number: 6, source: 'data', step: 'operation' },
  conversionMeasured: { number: 7, source: 'data', step: 'improvement' },
  regularReview: { number: 8, source: 'self', step: 'operation' },
  feedbackLoop: { number: 9, source: 'data', step: 'operation' },
  revenueJudged: { number: 10, source: 'data', step: 'improvement' },
  duplicatesResolved: { number: 11, source: 'data', step: 'integration' },
  slaDefined: { number: 12, source: 'data', step: 'definitions' },
  responsibilitiesClear: { number: 13, source: 'self', step: 'definitions' },
  dataEntryRules: { number: 14, source: 'data', step: 'integration' },
  regularForum: { number: 15, source: 'self', step: 'improvement' },
};

/** i18n keys: `diagnostic.check.<id>` (title), `diagnostic.step.<id>` (step name). */
export const checkTitleKey = (id: CheckId) => `diagnostic.check.${id}` as const;
export const stepTitleKey = (id: StepId) => `diagnostic.step.${id}` as const;

/** The figure behind a data check; the page words it (ja/en) from these fields. */
export type Evidence =
  | { kind: 'definitions'; version: number; effectiveFrom: string; approvedBy: string[]; builtIn: boolean; detail: number }
  | { kind: 'ratio'; part: number; whole: number; rate: number | null }
  | { kind: 'sla'; policies: number; met: number; judged: number; rate: number | null }
  | { kind: 'funnel'; mql: number; sql: number; won: number; mqlToSql: number | null }
  | { kind: 'freshness'; syncedAt: number | null; ageMinutes: number | null };

export type SelfAssessment = { answer: SelfAnswer; note?: string; at: number };

export type CheckResult = {
  id: CheckId;
  number: number;
  source: 'data' | 'self';
  step: Exclude<StepId, 'diagnose'>;
  status: CheckStatus;
  evidence?: Evidence;
  /** The team's own answer (self-assessed checks; also kept beside data checks when given). */
  self?: SelfAssessment;
};

export type Diagnostic = {
  now: number;
  checks: CheckResult[];
  /** 0–100: a pass is worth 1, partly ½, a fail or an unanswered check 0. */
  score: number;
  /** Checks judged (data available or answered), of 15. */
  judged: number;
  /** The step the team is in: the first whose checks do not all pass (現状診断 until every check is judged). */
  step: StepId;
  /** 課題一覧・優先順位: failed and partial checks, earlier steps first, fails before partials, then by number. */
  priorities: { id: CheckId; status: 'fail' | 'partial' | 'unknown'; step: Exclude<StepId, 'diagnose'> }[];
};

export type DiagnosticInput = {
  /** The team snapshot as read (one context per record: duplicates are counted across records, not people). */
  contexts: readonly LeadContext[];
  versions: Definitions[];
  /** The period the funnel, SLA and revenue checks read. */
  range: TeamRange;
  now: number;
  /** The judgement of `contexts` at `now` by `versions`, when the caller already has it (the worker does). */
  team?: JudgedTeam;
  /** Figures of `range`, when the caller already counted them. */
  kpis?: TeamKpis;
  /** `snapshotEvidence(contexts)`, when the caller keeps it (it depends on the snapshot only, not on now or the period). */
  snapshot?: SnapshotEvidence;
  /** When the team snapshot last completed a sync (null: never). */
  syncedAt?: number | null;
  answers?: Partial<Record<CheckId, SelfAssessment>>;
};

const DAY = 86_400_000;
/** Feedback within this long of the handoff counts as the loop working (team.md, check 9). */
export const FEEDBACK_WINDOW_DAYS = 30;
/** Handoffs whose 30 days ended within this many days before now are the feedback check's cohort. */
export const FEEDBACK_COHORT_DAYS = 90;

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);
const SELF_STATUS: Record<SelfAnswer, CheckStatus> = { yes: 'pass', partly: 'partial', no: 'fail' };
const WEIGHT: Record<CheckStatus, number> = { pass: 1, partial: 0.5, fail: 0, unknown: 0 };

/** pass at or above `good`, partial at or above `some`, else fail; unknown without a figure. Lower-is-better flips. */
function graded(rate: number | null, good: number, some: number, lowerIsBetter = false): CheckStatus {
  if (rate === null) return 'unknown';
  if (lowerIsBetter) return rate <= good ? 'pass' : rate <= some ? 'partial' : 'fail';
  return rate >= good ? 'pass' : rate >= some ? 'partial' : 'fail';
}

function definitionsEvidence(d: Definitions, detail: number): Evidence {
  return {
    kind: 'definitions',
    version: d.version,
    effectiveFrom: d.effectiveFrom,
    approvedBy: d.approvedBy.map((a) => a.name),
    builtIn: d.id === DEFAULT_DEFINITIONS.id,
    detail,
  };
}

/** The checks' figures that depend on the snapshot's records alone (checks 4 and 11). */
export type SnapshotEvidence = {
  records: number;
  /** Records whose person carries a record of another system or instance. */
  linked: number;
  /** Records with an e-mail, and of them those sharing its normalized form with another record. */
  withEmail: number;
  duplicated: number;
};

export function snapshotEvidence(contexts: readonly LeadContext[]): SnapshotEvidence {
  // 4: a record is linked when its person carries a record of another system or instance (the MA's, for an SFA lead).
  let linked = 0;
  for (const c of contexts) {
    const { system, instance } = c.ref;
    if (c.person.links.some((l) => l.ref.system !== system || l.ref.instance !== instance)) linked++;
  }
  // 11: records sharing a normalized e-mail with another record, of the records with an e-mail.
  const byEmail = new Map<string, number>();
  for (const c of contexts) {
    const email = normalizeEmail(c.person.email ?? (typeof c.person.attributes.email === 'string' ? c.person.attributes.email : undefined));
    if (email) byEmail.set(email, (byEmail.get(email) ?? 0) + 1);
  }
  let withEmail = 0;
  let duplicated = 0;
  for (const n of byEmail.values()) {
    withEmail += n;
    if (n > 1) duplicated += n;
  }
  return { records: contexts.length, linked, withEmail, duplicated };
}

export function assessAlignment(input: DiagnosticInput): Diagnostic {
  const { contexts, versions, range, now } = input;
  const team = input.team ?? judgeTeam(contexts, versions, now);
  const kpis = input.kpis ?? countTeam(team, range);
  const inForce = definitionsInForce(versions, now) ?? versions[versions.length - 1] ?? DEFAULT_DEFINITIONS;
  // The built-in document has criteria, but nobody on the team agreed to them: partly.
  const agreed = (ok: boolean): CheckStatus => (!ok ? 'fail' : inForce.id === DEFAULT_DEFINITIONS.id ? 'partial' : 'pass');
  const hasData = team.size > 0;
  const data: Partial<Record<CheckId, { status: CheckStatus; evidence: Evidence }>> = {};

  const mql = inForce.qualification.mql;
  data.mqlAgreed = { status: agreed(inForce.approvedBy.length > 0), evidence: definitionsEvidence(inForce, mql.minScore) };
  data.sqlWritten = { status: agreed(inForce.qualification.sql.checklist.length > 0), evidence: definitionsEvidence(inForce, inForce.qualification.sql.checklist.length) };
  data.handoffNumeric = { status: agreed(Number.isFinite(mql.minScore) && mql.minScore > 0), evidence: definitionsEvidence(inForce, mql.minScore) };

  const { records, linked, withEmail, duplicated } = input.snapshot ?? snapshotEvidence(contexts);
  // 4: linked records, of all records.
  const linkedRate = ratio(linked, records);
  data.sfaMaSynced = { status: graded(linkedRate, 0.9, 0.5), evidence: { kind: 'ratio', part: linked, whole: records, rate: linkedRate } };

  // 6: the snapshot behind the queue and the team figures: fresh within a day passes, within a week partly.
  const synced = input.syncedAt ?? null;
  const age = synced === null ? null : Math.max(0, Math.round((now - synced) / 60_000));
  data.realtimeProgress = {
    status: age === null ? 'unknown' : age <= 24 * 60 ? 'pass' : age <= 7 * 24 * 60 ? 'partial' : 'fail',
    evidence: { kind: 'freshness', syncedAt: synced, ageMinutes: age },
  };

  // 7: the funnel across both departments' stages, for the period.
  const reached = kpis.funnel.reached;
  const mqlToSql = kpis.funnel.conversion.mqlToSql;
  data.conversionMeasured = {
    status: !hasData ? 'unknown' : reached.mql > 0 && mqlToSql !== null && reached.sql > 0 ? 'pass' : reached.mql > 0 ? 'partial' : 'fail',
    evidence: { kind: 'funnel', mql: reached.mql, sql: reached.sql, won: reached.won, mqlToSql },
  };

  // 9: of the people handed off 30–120 days ago (each had its 30 days), the share with feedback within 30 days.
  let cohort = 0;
  let answered = 0;
  for (let i = 0; i < team.size; i++) {
    const at = team.handoffAt[i]!;
    if (Number.isNaN(at) || at > now - FEEDBACK_WINDOW_DAYS * DAY || at < now - (FEEDBACK_WINDOW_DAYS + FEEDBACK_COHORT_DAYS) * DAY) continue;
    cohort++;
    const until = at + FEEDBACK_WINDOW_DAYS * DAY;
    if (team.contexts[i]!.feedback.some((f) => f.state !== 'cancelled' && f.at >= at && f.at <= until)) answered++;
  }
  const feedbackRate = ratio(answered, cohort);
  data.feedbackLoop = { status: graded(feedbackRate, 0.5, 0.2), evidence: { kind: 'ratio', part: answered, whole: cohort, rate: feedbackRate } };

  // 10: won revenue of the period that a campaign can be credited with.
  const winners = new Set(kpis.peopleFor(['revenue', 'wonAmount']));
  let credited = 0;
  for (let i = 0; i < team.size; i++) {
    if (winners.has(team.contexts[i]!.person.key) && team.campaignStart[i + 1]! > team.campaignStart[i]!) credited++;
  }
  const creditedRate = ratio(credited, winners.size);
  data.revenueJudged = { status: graded(creditedRate, 0.8, 0.4), evidence: { kind: 'ratio', part: credited, whole: winners.size, rate: creditedRate } };

  // 11: duplicated records, of the records with an e-mail (1% passes, 5% partly).
  const duplicateRate = ratio(duplicated, withEmail);
  data.duplicatesResolved = { status: graded(duplicateRate, 0.01, 0.05, true), evidence: { kind: 'ratio', part: duplicated, whole: withEmail, rate: duplicateRate } };

  // 12: SLA policies written, and met for 80% of the handoffs judged in the period.
  const policies = inForce.sla.policies.length;
  const judgedSla = kpis.sla.met + kpis.sla.metLate + kpis.sla.breachedOpen;
  const metRate = kpis.sla.metRate;
  data.slaDefined = {
    status: policies === 0 ? 'fail' : metRate === null ? 'partial' : metRate >= 0.8 ? 'pass' : metRate >= 0.5 ? 'partial' : 'fail',
    evidence: { kind: 'sla', policies, met: kpis.sla.met, judged: judgedSla, rate: metRate },
  };

  // 14: people holding every field the MQL definition requires.
  const required = mql.requiredFields;
  let complete = 0;
  for (const c of team.contexts) if (required.every((f) => present(c.person.attributes[f]))) complete++;
  const completeness = ratio(complete, team.size);
  data.dataEntryRules = { status: graded(completeness, 0.95, 0.8), evidence: { kind: 'ratio', part: complete, whole: team.size, rate: completeness } };

  const answers = input.answers ?? {};
  const checks: CheckResult[] = CHECK_IDS.map((id) => {
    const meta = CHECKS[id];
    const self = answers[id];
    const result: CheckResult = { id, number: meta.number, source: meta.source, step: meta.step, status: 'unknown' };
    if (self) result.self = self;
    const figure = data[id];
    if (figure) {
      result.evidence = figure.evidence;
      // Where the data cannot tell (an empty snapshot, no wins yet), the team's own answer stands in.
      result.status = figure.status !== 'unknown' ? figure.status : self ? SELF_STATUS[self.answer] : 'unknown';
    } else if (self) {
      result.status = SELF_STATUS[self.answer];
    }
    return result;
  });

  const score = Math.round((checks.reduce((sum, c) => sum + WEIGHT[c.status], 0) / checks.length) * 100);
  const judged = checks.filter((c) => c.status !== 'unknown').length;
  let step: StepId = 'diagnose';
  if (judged === checks.length) {
    step = 'improvement';
    for (const s of STEP_IDS.slice(1, -1)) {
      if (checks.some((c) => c.step === s && c.status !== 'pass')) {
        step = s;
        break;
      }
    }
  }
  const severity: Record<CheckStatus, number> = { fail: 0, partial: 1, unknown: 2, pass: 3 };
  const priorities = checks
    .filter((c): c is CheckResult & { status: 'fail' | 'partial' | 'unknown' } => c.status !== 'pass')
    .sort((a, b) => STEP_IDS.indexOf(a.step) - STEP_IDS.indexOf(b.step) || severity[a.status] - severity[b.status] || a.number - b.number)
    .map((c) => ({ id: c.id, status: c.status, step: c.step }));
  return { now, checks, score, judged, step, priorities };
}
