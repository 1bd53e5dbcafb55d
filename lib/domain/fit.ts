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
        for (const x of values) if (v.includes(x)) return true;
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
export function computeFit(attributes: Record<string, AttributeValue>, d: Definitions): FitResult {
  const best = new Map<string, FitMatch>();
  const matches: FitMatch[] = [];
  for (const rule of d.score.fit.rules) {
    if (!conditionHolds(rule.when, attributes)) continue;
    const m: FitMatch = { kind: 'fit', ruleId: rule.id, label: rule.label, points: rule.points };
    if (rule.group === undefined) {
      matches.push(m);
    } else {
      const prev = best.get(rule.group);
      if (!prev || m.points > prev.points) best.set(rule.group, m);
    }
  }
  matches.push(...best.values());
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
