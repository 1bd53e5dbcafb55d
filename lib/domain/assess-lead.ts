import type { DataQualityWarning, LeadContext, SalesActivity, StageChange } from './model';
import type { Definitions } from './definitions/schema';
import { DEFAULT_DEFINITIONS } from './definitions/default-definitions';
import { mapVendorValue } from './definitions/stage-mapping';
import { definitionsInForce } from './definitions/version-in-force';
import { findFirstTouch, findHandoff } from './handoff';
import { qualify, type Qualification } from './qualification';
import { computeSla, type Sla } from './sla';
import { computeTemperature, type Temperature } from './temperature';

export type Assessment = {
  /** The version in force now (temperature, display). */
  definitions: Definitions;
  temperature: Temperature;
  /** Against the version in force at handoff (or now, before any handoff). */
  qualification: Qualification;
  handoff: { at: number; by?: string } | null;
  firstTouch: SalesActivity | null;
  /** Policy, budget and calendar of the version in force at handoff; band = temperature at handoff. */
  sla: Sla | null;
  warnings: DataQualityWarning[];
};

/**
 * Everything the panel shows about one lead, from its cached context, the definition versions and now.
 * Each judgement uses the version in force when it applies: temperature now by today's version; MQL/SQL and the
 * SLA by the version in force at handoff, so a revision never rewrites how past handoffs were judged.
 */
export function assessLead(context: LeadContext, versions: Definitions[], now: number): Assessment {
  const pool = versions.length > 0 ? versions : [DEFAULT_DEFINITIONS];
  const current = definitionsInForce(pool, now) ?? earliestOf(pool);
  const attributes = context.person.attributes;
  const temperature = computeTemperature({ events: context.events, attributes, definitions: current, now });

  const stageChanges = remapStages(context.stageChanges, current);
  const handoff = findHandoff(stageChanges, current);
  const judgedAt = handoff?.at ?? now;
  const atHandoff = definitionsInForce(pool, judgedAt) ?? earliestOf(pool);
  const temperatureForQualification =
    atHandoff === current ? temperature : computeTemperature({ events: context.events, attributes, definitions: atHandoff, now });
  const qualification = qualify({ person: context.person, temperature: temperatureForQualification, versions: [atHandoff], at: judgedAt });

  let firstTouch: SalesActivity | null = null;
  let sla: Sla | null = null;
  if (handoff) {
    // A meeting booked for next week is on the calendar, not a touch: only what has happened counts.
    const happened = context.activities.filter((a) => a.occurredAt <= now);
    firstTouch = findFirstTouch(happened, handoff.at, atHandoff);
    const bandAtHandoff = computeTemperature({ events: context.events, attributes, definitions: atHandoff, now: handoff.at }).band;
    sla = computeSla({
      handoffAt: handoff.at,
      band: bandAtHandoff,
      firstTouchAt: firstTouch?.occurredAt ?? null,
      definitions: atHandoff,
      now,
      attributes,
    });
  }

  const warnings: DataQualityWarning[] = [...context.warnings];
  if (temperature.ignoredFutureEventIds.length > 0) {
    warnings.push({ code: 'future_event', detail: temperature.ignoredFutureEventIds.join(', ') });
  }
  const unmapped = new Set<string>();
  for (const c of stageChanges) if (c.stage === null && c.vendorValue) unmapped.add(`${c.source}: ${c.vendorValue}`);
  if (context.person.stage === null && context.person.vendorStage) unmapped.add(`${context.ref.system}: ${context.person.vendorStage}`);
  for (const detail of [...unmapped].sort()) warnings.push({ code: 'unmapped_stage', detail });

  return { definitions: current, temperature, qualification, handoff, firstTouch, sla, warnings: dedupe(warnings) };
}

/** Re-reads cached vendor values with these definitions, keeping the connector's stage when they do not map it. */
function remapStages(changes: readonly StageChange[], d: Definitions): StageChange[] {
  return changes.map((c) => {
    const stage = mapVendorValue(d, c.source, c.vendorValue) ?? c.stage;
    return stage === c.stage ? c : { ...c, stage };
  });
}

function earliestOf(versions: Definitions[]): Definitions {
  return versions.reduce((a, b) => (Date.parse(b.effectiveFrom) < Date.parse(a.effectiveFrom) ? b : a));
}

function dedupe(warnings: DataQualityWarning[]): DataQualityWarning[] {
  const seen = new Set<string>();
  return warnings.filter((w) => {
    const key = `${w.code}|${w.detail ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
