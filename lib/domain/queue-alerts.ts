import { recordKey } from './model';
import { queueStateAt, type QueueLead } from './my-queue';

/**
 * Which queue alerts are due: a lead reaching at risk, a lead breaching, a hot lead handed to me (untouched and
 * still inside its SLA). Each is keyed by record, kind and handoff, so it fires once per lead and state, and a lead
 * handed off again later (recycled, then back) alerts again. Pure: the worker keeps the fired keys.
 */
export type QueueAlertKind = 'at_risk' | 'breached' | 'hot_handoff';

export interface QueueAlert {
  key: string;
  kind: QueueAlertKind;
  lead: QueueLead;
}

export function alertKey(lead: Pick<QueueLead, 'ref' | 'handoffAt'>, kind: QueueAlertKind): string {
  return `${recordKey(lead.ref)}|${lead.handoffAt}|${kind}`;
}

/** Every alert the queue calls for at `now`, whether fired before or not (the caller leaves out what it has shown). */
export function queueAlertsAt(leads: readonly QueueLead[], now: number): QueueAlert[] {
  const out: QueueAlert[] = [];
  for (const lead of leads) {
    const state = queueStateAt(lead, now);
    if (state === 'met' || state === 'met_late') continue;
    if (lead.band === 'hot' && state !== 'breached') out.push({ key: alertKey(lead, 'hot_handoff'), kind: 'hot_handoff', lead });
    if (state === 'at_risk') out.push({ key: alertKey(lead, 'at_risk'), kind: 'at_risk', lead });
    if (state === 'breached') out.push({ key: alertKey(lead, 'breached'), kind: 'breached', lead });
  }
  return out;
}
