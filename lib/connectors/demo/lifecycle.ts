import type { Feedback, Opportunity, RecordRef, SalesActivity, Stage, StageChange, Verdict } from '../../domain/model';
import { demoAfterBusinessMinutes, demoOpenAtOrAfter } from './demo-calendar';
import { MARKETING_USER } from './catalog';
import { salesforceIdSuffix } from './demo-ids';
import type { DemoLocale } from './identity';
import type { Rng } from './random';
import { DEMO_LEAD_STATUS, LOST_STAGE, OPEN_OPPORTUNITY_STAGES, WON_STAGE } from './vendor-values';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * How far down the demand waterfall a person went. `pending`: handed off (MQL) and not yet touched.
 * The others imply a first touch and end where they say.
 */
export type LifecyclePath =
  | 'inquiry'
  | 'pending'
  | 'sal'
  | 'recycled'
  | 'disqualified'
  | 'sql'
  | 'opportunity'
  | 'won'
  | 'lost';

export const RECYCLE_REASONS = [
  { ja: '来期予算で再検討', en: 'Revisit next fiscal year', feedback: 'BAD_TIMING' },
  { ja: '予算なし', en: 'No budget', feedback: 'NO_BUDGET' },
  { ja: '連絡がつかない', en: 'Unresponsive', feedback: 'NO_RESPONSE' },
] as const;

export const DISQUALIFY_REASONS = [
  { ja: '競合他社', en: 'Competitor', feedback: 'COMPETITOR_OR_STUDENT' },
  { ja: '学生', en: 'Student', feedback: 'COMPETITOR_OR_STUDENT' },
  { ja: '重複レコード', en: 'Duplicate record', feedback: 'DUPLICATE' },
  { ja: '決裁に関与しない担当者', en: 'Not involved in the decision', feedback: 'NOT_DECISION_MAKER' },
  { ja: '連絡先が誤っている', en: 'Wrong contact details', feedback: 'WRONG_CONTACT' },
] as const;

/** Codes of DEFAULT_DEFINITIONS.feedbackReasons, so the panel can label the demo's feedback. */
const GOOD_REASONS = ['GOOD_FIT', 'REAL_NEED', 'RIGHT_TIMING'] as const;

export interface FeedbackPlan {
  verdict: Verdict;
  reasonCodes: string[];
  comment?: string;
}

export interface LifecyclePlan {
  rng: Rng;
  index: number;
  locale: DemoLocale;
  path: LifecyclePath;
  anchor: number;
  createdAt: number;
  owner: string;
  company: string | undefined;
  /** The SFA record, where feedback lives. */
  ref: RecordRef;
  personKey: string;
  currency: 'JPY' | 'USD';
  /** Required unless the path is `inquiry`. */
  handoffAt?: number;
  /** Business minutes from handoff to the first touch (paths past `pending`). */
  touchDelayMinutes?: number;
  recycleReason?: number;
  disqualifyReason?: number;
  /** `undefined`: drawn at random; `null`: none. */
  feedback?: FeedbackPlan | null;
  /** Days from SQL to a won/lost close, when the story needs it exact. */
  closeAfterDays?: number;
  /** When a won or lost deal closes (the dataset's seasons); kept at least two weeks after the opportunity opens. */
  closeAt?: number;
  amount?: number;
}

export interface Lifecycle {
  stageChanges: StageChange[];
  activities: SalesActivity[];
  opportunities: Opportunity[];
  feedback: Feedback[];
  stage: Stage;
  vendorStage: string;
}

const TEXT = {
  ja: {
    task: 'MQL 初回対応（SLA 内に連絡）',
    firstCall: '初回架電',
    callOutcomes: ['接続 - ヒアリング日程を調整', '接続 - 資料送付の依頼', '不在 - 留守電を残した'],
    firstEmail: (company: string) => `お問い合わせありがとうございます（${company} 様）`,
    followEmail: '資料送付のご連絡',
    followCall: 'フォロー架電',
    discovery: 'オンライン商談: 課題ヒアリング',
    demo: 'デモ・お見積りのご説明',
    opportunity: (company: string) => `${company} - Baton 導入`,
    comments: {
      good: ['決裁者同席で具体的な導入時期の話まで進んだ', '課題が明確で、すぐに商談化できた'],
      bad: ['来期の予算で再検討とのこと', '情報収集段階で、具体的な検討はまだ先', '何度か架電したがつながらない'],
    },
  },
  en: {
    task: 'New MQL: first touch within the SLA',
    firstCall: 'Intro call',
    callOutcomes: ['Connected - discovery booked', 'Connected - asked for materials', 'Left voicemail'],
    firstEmail: (company: string) => `Thanks for reaching out, ${company}`,
    followEmail: 'Materials as promised',
    followCall: 'Follow-up call',
    discovery: 'Discovery meeting',
    demo: 'Demo and pricing walkthrough',
    opportunity: (company: string) => `${company} - Baton rollout`,
    comments: {
      good: ['Decision maker joined; timeline this quarter', 'Clear pain, moved to opportunity quickly'],
      bad: ['Budget only next fiscal year', 'Still researching, no project yet', 'Several calls, no answer'],
    },
  },
} as const;

/** Salesforce-shaped record ids (Task 00T, Event 00U, Opportunity 006), unique per person and sequence. */
function recordIdMaker(index: number): (prefix: '00T' | '00U' | '006') => string {
  let seq = 0;
  return (prefix) => {
    seq++;
    const id15 = `${prefix}5g${index.toString(36).toUpperCase().padStart(5, '0')}${seq.toString(36).toUpperCase().padStart(5, '0')}`;
    return id15 + salesforceIdSuffix(id15);
  };
}

/** The first open business instant at or after `t`: people change statuses while at work. */
function atWork(t: number): number {
  return demoOpenAtOrAfter(t);
}

export function generateLifecycle(plan: LifecyclePlan): Lifecycle {
  const { rng, locale, anchor, owner } = plan;
  const text = TEXT[locale];
  const company = plan.company ?? (locale === 'ja' ? '（会社名未入力）' : '(no company)');
  const newId = recordIdMaker(plan.index);
  const stageChanges: StageChange[] = [];
  const activities: SalesActivity[] = [];
  const opportunities: Opportunity[] = [];
  const feedback: Feedback[] = [];
  let current: Stage = 'inquiry';

  const change = (stage: Stage, at: number, by: string, reason?: string): boolean => {
    if (at >= anchor) return false;
    const previous = stageChanges[stageChanges.length - 1];
    const c: StageChange = {
      id: `demo:LeadHistory-${plan.ref.id}-${stageChanges.length + 1}`,
      source: 'demo',
      stage,
      vendorValue: DEMO_LEAD_STATUS[stage],
      at,
      by,
    };
    if (previous) c.fromVendorValue = previous.vendorValue;
    if (reason) c.reason = reason;
    stageChanges.push(c);
    current = stage;
    return true;
  };
  const activity = (a: Omit<SalesActivity, 'id' | 'source' | 'by'>, prefix: '00T' | '00U' = '00T'): boolean => {
    if (a.occurredAt >= anchor) return false;
    activities.push({ id: `demo:${newId(prefix)}`, source: 'demo', by: owner, ...a });
    return true;
  };
  const giveFeedback = (at: number, f: FeedbackPlan) => {
    if (at >= anchor) return;
    const vendorId = newId('00T');
    const entry: Feedback = {
      id: `demo-fb-${plan.ref.id}-${feedback.length + 1}`,
      ref: plan.ref,
      personKey: plan.personKey,
      verdict: f.verdict,
      reasonCodes: f.reasonCodes,
      by: owner,
      at,
      state: 'sent',
      attempts: 1,
      nextAttemptAt: at,
      sentAt: at + 1_500,
      vendorId,
    };
    if (f.comment) entry.comment = f.comment;
    feedback.push(entry);
  };
  const randomFeedback = (verdict: Verdict, code: string): FeedbackPlan | null => {
    if (plan.feedback === null) return null;
    if (plan.feedback) return plan.feedback;
    if (!rng.chance(verdict === 'good' ? 0.45 : 0.55)) return null;
    const comment = rng.chance(0.5) ? rng.pick(text.comments[verdict]) : undefined;
    return comment ? { verdict, reasonCodes: [code], comment } : { verdict, reasonCodes: [code] };
  };
  const done = (): Lifecycle => ({
    stageChanges,
    activities,
    opportunities,
    feedback,
    stage: current,
    vendorStage: DEMO_LEAD_STATUS[current],
  });

  change('inquiry', plan.createdAt, MARKETING_USER);
  if (plan.path === 'inquiry' || plan.handoffAt === undefined) return done();

  const h = plan.handoffAt;
  if (!change('mql', h, MARKETING_USER)) return done();
  // Lead assignment rules create a follow-up task at routing time; a task is not a touch.
  activity({ type: 'task', occurredAt: h + MINUTE, subject: text.task });
  if (plan.path === 'pending' || plan.touchDelayMinutes === undefined) return done();

  const touchAt = demoAfterBusinessMinutes(h, plan.touchDelayMinutes);
  const byCall = rng.chance(0.7);
  const touched = activity(
    byCall
      ? { type: 'call', occurredAt: touchAt, subject: text.firstCall, outcome: rng.pick(text.callOutcomes) }
      : { type: 'email', occurredAt: touchAt, subject: text.firstEmail(company) },
  );
  if (!touched || !change('sal', touchAt + 2 * MINUTE, owner)) return done();

  let cursor = touchAt;
  const followUps = rng.int(0, 3);
  for (let i = 0; i < followUps; i++) {
    cursor = atWork(cursor + rng.int(1, 6) * DAY);
    const call = rng.chance(0.5);
    activity(call ? { type: 'call', occurredAt: cursor, subject: text.followCall, outcome: rng.pick(text.callOutcomes) } : { type: 'email', occurredAt: cursor, subject: text.followEmail });
  }

  if (plan.path === 'sal') return done();
  if (plan.path === 'recycled') {
    const reason = RECYCLE_REASONS[plan.recycleReason ?? rng.int(0, RECYCLE_REASONS.length - 1)] ?? RECYCLE_REASONS[0];
    const at = atWork(cursor + rng.int(2, 20) * DAY);
    if (change('recycled', at, owner, reason[locale])) {
      const f = randomFeedback('bad', reason.feedback);
      if (f) giveFeedback(at + 3 * MINUTE, f);
    }
    return done();
  }
  if (plan.path === 'disqualified') {
    const reason = DISQUALIFY_REASONS[plan.disqualifyReason ?? rng.int(0, DISQUALIFY_REASONS.length - 1)] ?? DISQUALIFY_REASONS[0];
    const at = atWork(cursor + rng.int(0, 5) * DAY + 30 * MINUTE);
    if (change('disqualified', at, owner, reason[locale])) {
      const f = randomFeedback('bad', reason.feedback);
      if (f) giveFeedback(at + 2 * MINUTE, f);
    }
    return done();
  }

  // sql, opportunity, won, lost: a discovery meeting, then sales qualifies and converts.
  const meetingAt = atWork(cursor + rng.int(2, 8) * DAY);
  if (!activity({ type: 'meeting', occurredAt: meetingAt, subject: text.discovery, outcome: locale === 'ja' ? '実施' : 'Held' }, '00U')) return done();
  const sqlAt = meetingAt + 90 * MINUTE;
  if (!change('sql', sqlAt, owner)) return done();
  const good = randomFeedback('good', rng.pick(GOOD_REASONS));
  if (good) giveFeedback(sqlAt + 5 * MINUTE, good);
  if (plan.path === 'sql') return done();

  const oppAt = sqlAt + 10 * MINUTE;
  if (!change('opportunity', oppAt, owner)) return done();
  const amount = plan.amount ?? (plan.currency === 'JPY' ? rng.int(12, 240) * 100_000 : rng.int(12, 180) * 1_000);
  const opp: Opportunity = {
    id: `demo:${newId('006')}`,
    source: 'demo',
    name: text.opportunity(company),
    stageName: rng.pick(OPEN_OPPORTUNITY_STAGES),
    amount,
    currency: plan.currency,
    createdAt: oppAt,
    closeDate: atWork(oppAt + rng.int(30, 90) * DAY),
    isClosed: false,
    isWon: false,
  };
  opportunities.push(opp);
  activity({ type: 'meeting', occurredAt: atWork(oppAt + rng.int(5, 12) * DAY), subject: text.demo, outcome: locale === 'ja' ? '実施' : 'Held' }, '00U');
  if (plan.path === 'opportunity') return done();

  const closeAt =
    plan.closeAt !== undefined
      ? atWork(Math.max(plan.closeAt, oppAt + 14 * DAY))
      : atWork(oppAt + (plan.closeAfterDays ?? rng.int(20, 60)) * DAY);
  const won = plan.path === 'won';
  if (!change(won ? 'won' : 'lost', closeAt, owner)) return done();
  opp.stageName = won ? WON_STAGE : LOST_STAGE;
  opp.isClosed = true;
  opp.isWon = won;
  opp.closeDate = closeAt;
  return done();
}
