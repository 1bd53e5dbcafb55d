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

export type Assessment = {
  /** The version in force now (temperature, display). */
  definitions: Definitions;
  temperature: Temperature;
  /** Against the version in force at handoff (or now, before any handoff). */
  qualification: Qualification;
  /** The stage history as today's definitions read it (vendor values remapped): the funnel counts these. */
  stageChanges: StageChange[];
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
 *
 * `temperature`, `qualification` and `warnings` are worked out when first read (then kept): the team KPIs judge
 * 100,000 leads on stages, handoff and SLA and never read today's temperature, which is most of the cost of a
 * lead. They are ordinary enumerable properties to every reader (spread, JSON, structured clone, toEqual).
 */
export function assessLead(context: LeadContext, versions: Definitions[], now: number): Assessment {
  const pool = versions.length > 0 ? versions : [DEFAULT_DEFINITIONS];
  const current = definitionsInForce(pool, now) ?? earliestOf(pool);
  const attributes = context.person.attributes;
  const events = context.events;

  const stageChanges = remapStages(context.stageChanges, current);
  const handoff = findHandoff(stageChanges, current);
  const judgedAt = handoff?.at ?? now;
  const atHandoff = definitionsInForce(pool, judgedAt) ?? earliestOf(pool);

  let fitNow: FitResult | undefined;
  let fitThen: FitResult | undefined;
  const fitOf = (d: Definitions) => (d === current ? (fitNow ??= computeFit(attributes, d)) : (fitThen ??= computeFit(attributes, d)));

  let firstTouch: SalesActivity | null = null;
  let sla: Sla | null = null;
  if (handoff) {
    // A meeting booked for next week is on the calendar, not a touch: only what has happened counts.
    const happened = context.activities.filter((a) => a.occurredAt <= now);
    firstTouch = findFirstTouch(happened, handoff.at, atHandoff);
    const bandAtHandoff = temperatureBand({ events, attributes, definitions: atHandoff, now: handoff.at, fit: fitOf(atHandoff) });
    sla = computeSla({
      handoffAt: handoff.at,
      band: bandAtHandoff,
      firstTouchAt: firstTouch?.occurredAt ?? null,
      definitions: atHandoff,
      now,
      attributes,
    });
  }

  let temperature: Temperature | undefined;
  const temperatureNow = () => (temperature ??= computeTemperature({ events, attributes, definitions: current, now, fit: fitOf(current) }));
  let qualification: Qualification | undefined;
  const qualificationOf = () => {
    if (!qualification) {
      const t = atHandoff === current ? temperatureNow() : computeTemperature({ events, attributes, definitions: atHandoff, now, fit: fitOf(atHandoff) });
      qualification = qualify({ person: context.person, temperature: t, versions: [atHandoff], at: judgedAt });
    }
    return qualification;
  };
  let warnings: DataQualityWarning[] | undefined;
  const warningsOf = () => {
    if (!warnings) {
      const list: DataQualityWarning[] = [...context.warnings];
      const future = temperatureNow().ignoredFutureEventIds;
      if (future.length > 0) list.push({ code: 'future_event', detail: future.join(', ') });
      const unmapped = new Set<string>();
      for (const c of stageChanges) if (c.stage === null && c.vendorValue) unmapped.add(`${c.source}: ${c.vendorValue}`);
      if (context.person.stage === null && context.person.vendorStage) unmapped.add(`${context.ref.system}: ${context.person.vendorStage}`);
      for (const detail of [...unmapped].sort()) list.push({ code: 'unmapped_stage', detail });
      warnings = dedupe(list);
    }
    return warnings;
  };

  return {
    definitions: current,
    get temperature() {
      return temperatureNow();
    },
    get qualification() {
      return qualificationOf();
    },
    stageChanges,
    handoff,
    firstTouch,
    sla,
    get warnings() {
      return warningsOf();
    },
  };
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
