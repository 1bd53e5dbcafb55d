import type { AttributeValue } from './model';
import type { Condition, Definitions, Localized } from './definitions/schema';

/** Does a condition of the definitions hold on a person's attributes? Strings compare ignoring case. */
export function conditionHolds(c: Condition, attributes: Record<string, AttributeValue>): boolean {
  const raw = attributes[c.attribute];
  if (raw === undefined || raw === null || raw === '') return false;
  switch (c.op) {
    case 'present':
      return true;
    case 'range': {
      const n = typeof raw === 'number' ? raw : Number(String(raw).replace(/[,\s]/g, ''));
      if (!Number.isFinite(n)) return false;
      return (c.min === undefined || n >= c.min) && (c.max === undefined || n < c.max);
    }
    case 'in': {
      const v = String(raw).trim().toLowerCase();
      return c.values.some((x) => x.trim().toLowerCase() === v);
    }
    case 'contains': {
      const v = String(raw).toLowerCase();
      return c.values.some((x) => v.includes(x.toLowerCase()));
    }
    case 'email_domain': {
      const v = String(raw).trim().toLowerCase();
      const at = v.lastIndexOf('@');
      const domain = at >= 0 ? v.slice(at + 1) : v;
      return c.values.some((x) => {
        const d = x.toLowerCase();
        return domain === d || domain.endsWith(`.${d}`);
      });
    }
  }
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
