import type { AttributeValue } from './model';
import type { Condition, Definitions, Localized } from './definitions/schema';

type CompiledCondition = (attributes: Record<string, AttributeValue>) => boolean;
/**
 * Conditions turned once into closures with their values lower-cased (and `in` lists as Sets): the team KPIs
 * check every rule of the definitions for 100,000 people, and lower-casing the same lists each time was most
 * of the cost. Keyed by the condition object, which belongs to one parsed definitions document.
 */
const compiled = new WeakMap<Condition, CompiledCondition>();

function compile(c: Condition): CompiledCondition {
  const attribute = c.attribute;
  const valueOf = (attributes: Record<string, AttributeValue>) => {
    const raw = attributes[attribute];
    return raw === undefined || raw === null || raw === '' ? null : raw;
  };
  switch (c.op) {
    case 'present':
      return (a) => valueOf(a) !== null;
    case 'range': {
      const { min, max } = c;
      return (a) => {
        const raw = valueOf(a);
        if (raw === null) return false;
        const n = typeof raw === 'number' ? raw : Number(String(raw).replace(/[,\s]/g, ''));
        if (!Number.isFinite(n)) return false;
        return (min === undefined || n >= min) && (max === undefined || n < max);
      };
    }
    case 'in': {
      const values = new Set(c.values.map((x) => x.trim().toLowerCase()));
      return (a) => {
        const raw = valueOf(a);
        return raw !== null && values.has(String(raw).trim().toLowerCase());
      };
    }
    case 'contains': {
      const values = c.values.map((x) => x.toLowerCase());
      return (a) => {
        const raw = valueOf(a);
        if (raw === null) return false;
        const v = String(raw).toLowerCase();
        for (let i = 0; i < values.length; i++) if (v.includes(values[i]!)) return true;
        return false;
      };
    }
    case 'email_domain': {
      const values = c.values.map((x) => x.toLowerCase());
      return (a) => {
        const raw = valueOf(a);
        if (raw === null) return false;
        const v = String(raw).trim().toLowerCase();
        const at = v.lastIndexOf('@');
        const domain = at >= 0 ? v.slice(at + 1) : v;
        return values.some((d) => domain === d || domain.endsWith(`.${d}`));
      };
    }
  }
}

/** Does a condition of the definitions hold on a person's attributes? Strings compare ignoring case. */
export function conditionHolds(c: Condition, attributes: Record<string, AttributeValue>): boolean {
  let test = compiled.get(c);
  if (!test) compiled.set(c, (test = compile(c)));
  return test(attributes);
}

export interface FitMatch {
  kind: 'fit' | 'exclusion';
  ruleId: string;
  label: Localized;
  points: number;
}

export interface FitResult {
  fitScore: number;
  fitGrade: string;
  matches: FitMatch[];
}

/** Fit part of the score: matching rules (best one per group) plus exclusions, and the grade it earns. */
/** Per definitions document: each fit rule's group as a number (-1: none), so a run needs no Map. */
const groupPlans = new WeakMap<Definitions, { groupOf: Int32Array }>();
function groupPlanOf(d: Definitions) {
  let plan = groupPlans.get(d);
  if (!plan) {
    const names = new Map<string, number>();
    const groupOf = Int32Array.from(d.score.fit.rules, (rule) => {
      if (rule.group === undefined) return -1;
      let g = names.get(rule.group);
      if (g === undefined) names.set(rule.group, (g = names.size));
      return g;
    });
    groupPlans.set(d, (plan = { groupOf }));
  }
  return plan;
}

/** Fit part of the score: matching rules (best one per group) plus exclusions, and the grade it earns. */
export function computeFit(attributes: Record<string, AttributeValue>, d: Definitions): FitResult {
  const { groupOf } = groupPlanOf(d);
  const rules = d.score.fit.rules;
  const matches: FitMatch[] = [];
  // Groups in the order their first match came, each holding its best match (as a Map of group → match would).
  let best: FitMatch[] | null = null;
  let bestGroup: number[] | null = null;
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r]!;
    if (!conditionHolds(rule.when, attributes)) continue;
    const m: FitMatch = { kind: 'fit', ruleId: rule.id, label: rule.label, points: rule.points };
    const g = groupOf[r]!;
    if (g < 0) {
      matches.push(m);
      continue;
    }
    best ??= [];
    bestGroup ??= [];
    const at = bestGroup.indexOf(g);
    if (at < 0) {
      best.push(m);
      bestGroup.push(g);
    } else if (m.points > best[at]!.points) {
      best[at] = m;
    }
  }
  if (best) for (const m of best) matches.push(m);
  for (const ex of d.score.fit.exclusions) {
    if (conditionHolds(ex.when, attributes)) {
      matches.push({ kind: 'exclusion', ruleId: ex.id, label: ex.label, points: ex.points });
    }
  }
  let fitScore = 0;
  for (const m of matches) fitScore += m.points;
  return { fitScore, fitGrade: gradeFor(fitScore, d), matches };
}

export function gradeFor(fitScore: number, d: Definitions): string {
  const grades = d.score.fit.grades;
  for (const g of grades) if (g.min === null || fitScore >= g.min) return g.grade;
  return grades[grades.length - 1]!.grade;
}

/** Grades are listed best first: true when `grade` is `required` or better. */
export function gradeAtLeast(grade: string, required: string, d: Definitions): boolean {
  const order = d.score.fit.grades.map((g) => g.grade);
  const i = order.indexOf(grade);
  const j = order.indexOf(required);
  return i >= 0 && j >= 0 && i <= j;
}
