import type { DataQualityWarning, LeadContext, SalesActivity, StageChange } from './model';
import type { Definitions } from './definitions/schema';
import { DEFAULT_DEFINITIONS } from './definitions/default-definitions';
import { mapVendorValue } from './definitions/stage-mapping';
import { definitionsInForce } from './definitions/version-in-force';
import { findFirstTouch, findHandoff } from './handoff';
import { qualify, type Qualification } from './qualification';
import { computeSla, type Sla } from './sla';
import { computeFit, type FitResult } from './fit';
import { computeTemperature, temperatureBand, type Temperature } from './temperature';

/**
 * The handoff half of a lead's judgement: stage history as today's definitions read it, the handoff, the first touch
 * and the SLA by the version in force at handoff. assessLead is this plus the temperature now, the qualification and
 * the warnings; the team KPIs count exactly this half (the same function, so a lead counts as its panel shows it)
 * without paying for today's temperature 100,000 times.
 */
export type HandoffAssessment = {
  /** The version in force now (temperature, display, the remapping of stage history). */
  definitions: Definitions;
  /** The version in force at handoff (or now, before any handoff): MQL/SQL criteria and the SLA. */
  definitionsAtHandoff: Definitions;
  /** The stage history with vendor values remapped by today's definitions: the funnel counts these. */
  stageChanges: StageChange[];
  handoff: { at: number; by?: string } | null;
  firstTouch: SalesActivity | null;
  /** Policy, budget and calendar of the version in force at handoff; band = temperature at handoff. */
  sla: Sla | null;
};

export type Assessment = HandoffAssessment & {
  temperature: Temperature;
  /** Against the version in force at handoff (or now, before any handoff). */
  qualification: Qualification;
  warnings: DataQualityWarning[];
};

/** The fit of one person's attributes per definitions version, worked out once per judgement. */
type FitOf = (d: Definitions) => FitResult;
function fitMemo(attributes: LeadContext['person']['attributes']): FitOf {
  let first: Definitions | undefined;
  let firstFit: FitResult | undefined;
  let other: Map<Definitions, FitResult> | undefined;
  return (d) => {
    if (first === undefined) {
      first = d;
      return (firstFit = computeFit(attributes, d));
    }
    if (d === first) return firstFit!;
    other ??= new Map();
    let fit = other.get(d);
    if (!fit) other.set(d, (fit = computeFit(attributes, d)));
    return fit;
  };
}

function versionsPool(versions: Definitions[]): Definitions[] {
  return versions.length > 0 ? versions : [DEFAULT_DEFINITIONS];
}

/** The handoff half of assessLead (see HandoffAssessment). */
export function assessHandoff(context: LeadContext, versions: Definitions[], now: number): HandoffAssessment {
  return handoffPart(context, versionsPool(versions), now, null);
}

/** `fitOf`: assessLead's memo, as it scores the person again; null: temperatureBand works the fit out itself. */
function handoffPart(context: LeadContext, pool: Definitions[], now: number, fitOf: FitOf | null): HandoffAssessment {
  const current = definitionsInForce(pool, now) ?? earliestOf(pool);
  const stageChanges = remapStages(context.stageChanges, current);
  const handoff = findHandoff(stageChanges, current);
  const atHandoff = definitionsInForce(pool, handoff?.at ?? now) ?? earliestOf(pool);
  let firstTouch: SalesActivity | null = null;
  let sla: Sla | null = null;
  if (handoff) {
    // A meeting booked for next week is on the calendar, not a touch: only what has happened (by now) counts.
    firstTouch = findFirstTouch(context.activities, handoff.at, atHandoff, now);
    const attributes = context.person.attributes;
    const bandAtHandoff = temperatureBand({ events: context.events, attributes, definitions: atHandoff, now: handoff.at, fit: fitOf?.(atHandoff) });
    sla = computeSla({
      handoffAt: handoff.at,
      band: bandAtHandoff,
      firstTouchAt: firstTouch?.occurredAt ?? null,
      definitions: atHandoff,
      now,
      attributes,
    });
  }
  return { definitions: current, definitionsAtHandoff: atHandoff, stageChanges, handoff, firstTouch, sla };
}

/**
 * Everything the panel shows about one lead, from its cached context, the definition versions and now.
 * Each judgement uses the version in force when it applies: temperature now by today's version; MQL/SQL and the
 * SLA by the version in force at handoff, so a revision never rewrites how past handoffs were judged.
 */
export function assessLead(context: LeadContext, versions: Definitions[], now: number): Assessment {
  const attributes = context.person.attributes;
  const fitOf = fitMemo(attributes);
  const part = handoffPart(context, versionsPool(versions), now, fitOf);
  const { definitions: current, definitionsAtHandoff: atHandoff, stageChanges, handoff } = part;
  const temperature = computeTemperature({ events: context.events, attributes, definitions: current, now, fit: fitOf(current) });
  const temperatureForQualification =
    atHandoff === current ? temperature : computeTemperature({ events: context.events, attributes, definitions: atHandoff, now, fit: fitOf(atHandoff) });
  const qualification = qualify({ person: context.person, temperature: temperatureForQualification, versions: [atHandoff], at: handoff?.at ?? now });

  const warnings: DataQualityWarning[] = [...context.warnings];
  if (temperature.ignoredFutureEventIds.length > 0) {
    warnings.push({ code: 'future_event', detail: temperature.ignoredFutureEventIds.join(', ') });
  }
  const unmapped = new Set<string>();
  for (const c of stageChanges) if (c.stage === null && c.vendorValue) unmapped.add(`${c.source}: ${c.vendorValue}`);
  if (context.person.stage === null && context.person.vendorStage) unmapped.add(`${context.ref.system}: ${context.person.vendorStage}`);
  for (const detail of [...unmapped].sort()) warnings.push({ code: 'unmapped_stage', detail });

  return { ...part, temperature, qualification, warnings: dedupe(warnings) };
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
