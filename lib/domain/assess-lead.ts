import type { DataQualityWarning, LeadContext, SalesActivity, StageChange } from './model';
import type { Band, Definitions } from './definitions/schema';
import { DEFAULT_DEFINITIONS } from './definitions/default-definitions';
import { mapVendorValue } from './definitions/stage-mapping';
import { definitionsInForce } from './definitions/version-in-force';
import { findFirstTouch, findHandoff } from './handoff';
import { qualify, type Qualification } from './qualification';
import { computeSla, type Sla } from './sla';
import { computeFit, type FitResult } from './fit';
import { bandFor, computeScore, computeTemperature, temperatureBand, temperatureScore, type Temperature } from './temperature';
import type { JudgementMemo } from './judgement-memo';

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
function fitMemo(context: LeadContext, memo: JudgementMemo | undefined, slot: number): FitOf {
  const attributes = context.person.attributes;
  if (memo) return (d) => memo.step('fit', d, slot, () => computeFit(attributes, d));
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

/**
 * The handoff half of assessLead (see HandoffAssessment). `memo`: steps kept from earlier judgements of the same
 * contexts (lib/domain/judgement-memo.ts; the definitions workshop), reused while the parts they read are unchanged.
 */
export function assessHandoff(context: LeadContext, versions: Definitions[], now: number, memo?: JudgementMemo): HandoffAssessment {
  const slot = memo ? memo.slotOf(context) : -1;
  return handoffPart(context, versionsPool(versions), now, memo ? fitMemo(context, memo, slot) : null, memo, slot);
}

/** Stage history as `d` reads it, and the handoff in it. */
function stagesOf(context: LeadContext, d: Definitions): { stageChanges: StageChange[]; handoff: { at: number; by?: string } | null } {
  const stageChanges = remapStages(context.stageChanges, d);
  return { stageChanges, handoff: findHandoff(stageChanges, d) };
}

type SlaStep = { handoffAt: number; band: Band; now: number; firstTouch: SalesActivity | null; sla: Sla };

/** The first touch after the handoff and the SLA by `d`'s policy for the band at handoff. */
function slaOf(context: LeadContext, handoffAt: number, band: Band, d: Definitions, now: number): SlaStep {
  // A meeting booked for next week is on the calendar, not a touch: only what has happened (by now) counts.
  const firstTouch = findFirstTouch(context.activities, handoffAt, d, now);
  const sla = computeSla({ handoffAt, band, firstTouchAt: firstTouch?.occurredAt ?? null, definitions: d, now, attributes: context.person.attributes });
  return { handoffAt, band, now, firstTouch, sla };
}

/** `fitOf`: assessLead's memo, as it scores the person again; null: temperatureBand works the fit out itself. */
function handoffPart(context: LeadContext, pool: Definitions[], now: number, fitOf: FitOf | null, memo?: JudgementMemo, slot = -1): HandoffAssessment {
  const current = definitionsInForce(pool, now) ?? earliestOf(pool);
  const { stageChanges, handoff } = memo ? memo.step('stages', current, slot, () => stagesOf(context, current)) : stagesOf(context, current);
  const atHandoff = definitionsInForce(pool, handoff?.at ?? now) ?? earliestOf(pool);
  let firstTouch: SalesActivity | null = null;
  let sla: Sla | null = null;
  if (handoff) {
    const at = handoff.at;
    const input = () => ({ events: context.events, attributes: context.person.attributes, definitions: atHandoff, now: at, fit: fitOf?.(atHandoff) });
    // With a memo the score is kept and the band read from it, as temperatureBand does (bandFor of the score).
    const band = memo
      ? bandFor(memo.step('scoreAtHandoff', atHandoff, slot, () => ({ at, score: temperatureScore(input()) }), (k) => k.at === at).score, atHandoff)
      : temperatureBand(input());
    const step = memo
      ? memo.step('sla', atHandoff, slot, () => slaOf(context, at, band, atHandoff, now), (k) => k.handoffAt === at && k.band === band && k.now === now)
      : slaOf(context, at, band, atHandoff, now);
    firstTouch = step.firstTouch;
    sla = step.sla;
  }
  return { definitions: current, definitionsAtHandoff: atHandoff, stageChanges, handoff, firstTouch, sla };
}

/**
 * Everything the panel shows about one lead, from its cached context, the definition versions and now.
 * Each judgement uses the version in force when it applies: temperature now by today's version; MQL/SQL and the
 * SLA by the version in force at handoff, so a revision never rewrites how past handoffs were judged.
 * `memo`: see assessHandoff (a memo made with `why: false` keeps the temperature without its engagement "why").
 */
export function assessLead(context: LeadContext, versions: Definitions[], now: number, memo?: JudgementMemo): Assessment {
  const attributes = context.person.attributes;
  const slot = memo ? memo.slotOf(context) : -1;
  const fitOf = fitMemo(context, memo, slot);
  const part = handoffPart(context, versionsPool(versions), now, fitOf, memo, slot);
  const { definitions: current, definitionsAtHandoff: atHandoff, stageChanges, handoff } = part;
  const temperatureBy = (d: Definitions): Temperature => {
    const input = () => ({ events: context.events, attributes, definitions: d, now, fit: fitOf(d) });
    if (!memo) return computeTemperature(input());
    const score = memo.why ? computeTemperature : computeScore;
    const kept = memo.step('temperature', d, slot, () => ({ now, temperature: score(input()) }), (k) => k.now === now).temperature;
    // Kept under another version's bands: the band is the score's band by this version (as computeTemperature's).
    const band = bandFor(kept.score, d);
    return band === kept.band ? kept : { ...kept, band };
  };
  const temperature = temperatureBy(current);
  const temperatureForQualification = atHandoff === current ? temperature : temperatureBy(atHandoff);
  const qualification = qualify({ person: context.person, temperature: temperatureForQualification, versions: [atHandoff], at: handoff?.at ?? now });

  const warnings: DataQualityWarning[] = [...context.warnings];
  if (temperature.ignoredFutureEventIds.length > 0) {
    warnings.push({ code: 'future_event', detail: temperature.ignoredFutureEventIds.join(', ') });
  }
  const unmapped = new Set<string>();
  for (const c of stageChanges) if (c.stage === null && c.vendorValue) unmapped.add(`${c.source}: ${c.vendorValue}`);
  if (context.person.stage === null && context.person.vendorStage) unmapped.add(`${context.ref.system}: ${context.person.vendorStage}`);
  for (const detail of [...unmapped].sort()) warnings.push({ code: 'unmapped_stage', detail });

  // Spelt out rather than spread: copying `part` by spread was most of a judgement kept by a memo (the workshop).
  return {
    definitions: current,
    definitionsAtHandoff: atHandoff,
    stageChanges,
    handoff,
    firstTouch: part.firstTouch,
    sla: part.sla,
    temperature,
    qualification,
    warnings: dedupe(warnings),
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
