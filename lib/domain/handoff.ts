import type { SalesActivity, StageChange } from './model';
import type { Definitions } from './definitions/schema';

/** The definitions' handoff stages and touch types as Sets, made once per document (hot in the team KPIs). */
const sets = new WeakMap<Definitions, { handoffStages: ReadonlySet<string>; touchTypes: ReadonlySet<string> }>();
function setsOf(d: Definitions) {
  let s = sets.get(d);
  if (!s) sets.set(d, (s = { handoffStages: new Set(d.sla.handoffStages), touchTypes: new Set(d.sla.touchTypes) }));
  return s;
}

/**
 * The handoff that starts the SLA clock: the latest entry into a handoff stage (MQL by default). A lead
 * recycled and handed over again is judged on its latest handoff.
 */
export function findHandoff(stageChanges: readonly StageChange[], definitions: Definitions): { at: number; by?: string } | null {
  const stages = setsOf(definitions).handoffStages;
  let best: StageChange | null = null;
  for (const c of stageChanges) {
    if (c.stage === null || !stages.has(c.stage)) continue;
    if (!best || c.at > best.at || (c.at === best.at && c.id < best.id)) best = c;
  }
  if (!best) return null;
  return best.by === undefined ? { at: best.at } : { at: best.at, by: best.by };
}

/**
 * The first sales activity at or after the handoff that counts as a touch (call, e-mail, meeting by default), and
 * not after `until` (now: a meeting booked for next week has not happened).
 */
export function findFirstTouch(
  activities: readonly SalesActivity[],
  handoffAt: number,
  definitions: Definitions,
  until: number = Infinity,
): SalesActivity | null {
  const types = setsOf(definitions).touchTypes;
  let first: SalesActivity | null = null;
  for (const a of activities) {
    if (a.occurredAt < handoffAt || a.occurredAt > until || !types.has(a.type)) continue;
    if (!first || a.occurredAt < first.occurredAt || (a.occurredAt === first.occurredAt && a.id < first.id)) first = a;
  }
  return first;
}
