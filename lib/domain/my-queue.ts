import type { HandoffAssessment } from './assess-lead';
import { assessHandoff } from './assess-lead';
import { addBusinessMinutes, businessMinutesBetween, type Calendar } from './business-calendar';
import type { Band, Definitions } from './definitions/schema';
import type { Identities } from './identity';
import type { EngagementType, LeadContext, RecordRef } from './model';
import { isOpenAfterHandoff } from './open-after-handoff';
import type { SlaStatus } from './sla';
import { temperatureBand } from './temperature';

/**
 * The salesperson's work queue: their open handed-off leads by SLA due. Each lead is judged once by the same
 * `assessHandoff` the panel uses (so a lead sits in the queue as its panel shows it); between two judgements only
 * the clock moves, and the two instants at which an untouched lead changes state are fixed by the calendar:
 * at risk when `warnAtFraction` of the budget has passed, breached at due. A second-by-second tick then costs two
 * comparisons per lead, and the badge's next change is the smallest of those instants still ahead.
 */
export type QueueState = Extract<SlaStatus, 'on_track' | 'at_risk' | 'breached' | 'met' | 'met_late'>;

/** What fixes a lead's state changes: the SLA clock of the version in force at handoff. */
export interface QueueClock {
  handoffAt: number;
  budgetMinutes: number;
  warnAtFraction: number;
  /** Touched leads no longer change state. */
  firstTouchAt: number | null;
  /** The calendar of the version in force at handoff, when it is not the one passed to `nextQueueChange`. */
  calendar?: Calendar;
}

export interface QueueLead extends QueueClock {
  ref: RecordRef;
  name: string;
  company?: string;
  owner?: string;
  /** Temperature band now. */
  band: Band;
  /** When `warnAtFraction` of the budget has passed (business time). */
  atRiskAt: number;
  dueAt: number;
  lastEngagement: { type: EngagementType; at: number } | null;
  /** A link to open the record in its vendor, when the connector gave one. */
  url?: string;
}

/** One lead's queue entry, or null when it is not open after handoff (nothing to work). */
export function queueLeadOf(context: LeadContext, versions: Definitions[], now: number): QueueLead | null {
  if (!isOpenAfterHandoff(context.person)) return null;
  const part: HandoffAssessment = assessHandoff(context, versions, now);
  if (!part.handoff || !part.sla) return null;
  const d = part.definitionsAtHandoff;
  const calendar = d.calendar;
  const handoffAt = part.handoff.at;
  const budgetMinutes = part.sla.budgetMinutes;
  const warnAtFraction = d.sla.warnAtFraction;
  let last: QueueLead['lastEngagement'] = null;
  for (const e of context.events) if (e.occurredAt <= now && (!last || e.occurredAt > last.at)) last = { type: e.type, at: e.occurredAt };
  const self = context.person.links.find((l) => l.ref.system === context.ref.system && l.ref.id === context.ref.id);
  const lead: QueueLead = {
    ref: context.ref,
    name: context.person.name,
    handoffAt,
    budgetMinutes,
    warnAtFraction,
    firstTouchAt: part.firstTouch?.occurredAt ?? null,
    calendar,
    band: temperatureBand({ events: context.events, attributes: context.person.attributes, definitions: part.definitions, now }),
    atRiskAt: addBusinessMinutes(calendar, handoffAt, budgetMinutes * warnAtFraction),
    dueAt: part.sla.dueAt,
    lastEngagement: last,
  };
  if (context.person.company) lead.company = context.person.company;
  if (context.person.owner) lead.owner = context.person.owner;
  if (self?.url) lead.url = self.url;
  return lead;
}

/** The state at `now` from the two fixed instants: what `computeSla` says, without the calendar walk. */
export function queueStateAt(lead: Pick<QueueLead, 'atRiskAt' | 'dueAt' | 'firstTouchAt'>, now: number): QueueState {
  if (lead.firstTouchAt !== null && lead.firstTouchAt <= now) return lead.firstTouchAt > lead.dueAt ? 'met_late' : 'met';
  if (now >= lead.dueAt) return 'breached';
  return now >= lead.atRiskAt ? 'at_risk' : 'on_track';
}

/** Business seconds left (negative: overdue) at `now`, for the live countdown. */
export function queueSecondsLeft(lead: Pick<QueueLead, 'dueAt' | 'calendar'>, calendar: Calendar, now: number): number {
  const cal = lead.calendar ?? calendar;
  return now < lead.dueAt ? businessMinutesBetween(cal, now, lead.dueAt) * 60 : -businessMinutesBetween(cal, lead.dueAt, now) * 60;
}

/** Untouched first, by SLA due (the most urgent on top); touched leads after, by handoff. Ties by record id. */
export function compareQueueLeads(a: QueueLead, b: QueueLead): number {
  const ta = a.firstTouchAt !== null;
  const tb = b.firstTouchAt !== null;
  if (ta !== tb) return ta ? 1 : -1;
  const byDue = ta ? a.handoffAt - b.handoffAt : a.dueAt - b.dueAt;
  if (byDue !== 0) return byDue;
  return a.ref.id < b.ref.id ? -1 : a.ref.id > b.ref.id ? 1 : 0;
}

/**
 * Whether a lead of the "mine" snapshot is the person's: a real system's sync lists only the signed-in user's
 * leads already; the demo lists the whole team's open leads, and its rep (picked at any time) is matched by owner.
 */
export function isMyLead(context: LeadContext, identities: Identities, defaultDemoRep: string): boolean {
  if (context.ref.system !== 'demo') return true;
  return context.person.owner === (identities.demo?.name ?? defaultDemoRep);
}

/** Every open handed-off lead of the contexts, sorted for the queue. */
export function buildQueue(contexts: readonly LeadContext[], versions: Definitions[], now: number): QueueLead[] {
  const out: QueueLead[] = [];
  for (const c of contexts) {
    const lead = queueLeadOf(c, versions, now);
    if (lead) out.push(lead);
  }
  return out.sort(compareQueueLeads);
}

export type QueueWorst = 'breached' | 'at_risk' | null;

/** The badge's figures: leads at risk or breached at `now`, and the worst of them. */
export function queueAlertCount(leads: readonly Pick<QueueLead, 'atRiskAt' | 'dueAt' | 'firstTouchAt'>[], now: number): { count: number; worst: QueueWorst } {
  let count = 0;
  let worst: QueueWorst = null;
  for (const lead of leads) {
    const state = queueStateAt(lead, now);
    if (state === 'breached') {
      count++;
      worst = 'breached';
    } else if (state === 'at_risk') {
      count++;
      worst ??= 'at_risk';
    }
  }
  return { count, worst };
}

/**
 * The first instant after `now` at which any untouched lead changes state (on track → at risk, at risk →
 * breached), by each lead's business calendar (lunch, evenings, weekends and holidays do not count); null when
 * nothing will change. The badge's single alarm is set for this instant.
 */
export function nextQueueChange(leads: readonly QueueClock[], calendar: Calendar, now: number): number | null {
  let next = Number.POSITIVE_INFINITY;
  for (const lead of leads) {
    if (lead.firstTouchAt !== null && lead.firstTouchAt <= now) continue;
    const cal = lead.calendar ?? calendar;
    const atRisk = addBusinessMinutes(cal, lead.handoffAt, lead.budgetMinutes * lead.warnAtFraction);
    if (atRisk > now) {
      if (atRisk < next) next = atRisk;
      continue;
    }
    const due = addBusinessMinutes(cal, lead.handoffAt, lead.budgetMinutes);
    if (due > now && due < next) next = due;
  }
  return Number.isFinite(next) ? next : null;
}

export interface QueueTick {
  state: QueueState;
  /** Business seconds left (negative: overdue); null once touched. */
  seconds: number | null;
}

/**
 * One second of the queue: each lead's state from its two instants and, while untouched, the business time left.
 * What the panel computes every second, so it stays a flat loop (bench: 500 leads ≤ 2 ms).
 */
export function queueTick(leads: readonly QueueLead[], calendar: Calendar, now: number): QueueTick[] {
  const out = new Array<QueueTick>(leads.length);
  for (let i = 0; i < leads.length; i++) {
    const lead = leads[i]!;
    const state = queueStateAt(lead, now);
    out[i] = { state, seconds: state === 'met' || state === 'met_late' ? null : queueSecondsLeft(lead, calendar, now) };
  }
  return out;
}
