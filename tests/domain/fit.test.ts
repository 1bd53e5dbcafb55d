import { describe, expect, it } from 'vitest';
import type { Condition, Definitions } from '../../lib/domain/definitions/schema';
import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import { computeFit, conditionHolds, gradeAtLeast, gradeFor } from '../../lib/domain/fit';
import { copyDefinitions } from './time-helpers';

const D = DEFAULT_DEFINITIONS;
const employees = (min?: number, max?: number): Condition => ({ attribute: 'employees', op: 'range', ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) });

describe('fit conditions, as the definitions write them', () => {
  it('an employee band includes its lower bound and excludes its upper bound (300–999 means 300 ≤ n < 1000)', () => {
    expect(conditionHolds(employees(300, 1000), { employees: 299 })).toBe(false);
    expect(conditionHolds(employees(300, 1000), { employees: 300 })).toBe(true);
    expect(conditionHolds(employees(300, 1000), { employees: 999 })).toBe(true);
    expect(conditionHolds(employees(300, 1000), { employees: 1000 })).toBe(false);
  });
  it('a band open at either end is bounded on one side only', () => {
    expect(conditionHolds(employees(1000), { employees: 250_000 })).toBe(true);
    expect(conditionHolds(employees(undefined, 50), { employees: 3 })).toBe(true);
    expect(conditionHolds(employees(undefined, 50), { employees: 50 })).toBe(false);
  });
  it('reads head counts typed as text, with thousands separators and spaces', () => {
    expect(conditionHolds(employees(1000), { employees: '1,200' })).toBe(true);
    expect(conditionHolds(employees(1000), { employees: '1 200' })).toBe(true);
    expect(conditionHolds(employees(1000), { employees: '999' })).toBe(false);
  });
  it('a head count that is not a number matches no band', () => {
    expect(conditionHolds(employees(undefined, 1_000_000), { employees: 'about fifty' })).toBe(false);
  });
  it.each([
    ['missing', {}],
    ['null', { industry: null }],
    ['empty', { industry: '' }],
  ])('a %s attribute matches nothing, not even "present"', (_case, attributes) => {
    expect(conditionHolds({ attribute: 'industry', op: 'present' }, attributes)).toBe(false);
    expect(conditionHolds({ attribute: 'industry', op: 'in', values: [''] }, attributes)).toBe(false);
  });
  it('"present" holds for any value, even zero', () => {
    expect(conditionHolds({ attribute: 'employees', op: 'present' }, { employees: 0 })).toBe(true);
  });
  it('"in" compares whole values ignoring case and surrounding spaces', () => {
    const c: Condition = { attribute: 'country', op: 'in', values: [' Japan ', 'JP'] };
    expect(conditionHolds(c, { country: 'japan' })).toBe(true);
    expect(conditionHolds(c, { country: '  jp ' })).toBe(true);
    expect(conditionHolds(c, { country: 'Japanese' })).toBe(false);
  });
  it('"contains" finds a keyword anywhere in the value, ignoring case', () => {
    const c: Condition = { attribute: 'title', op: 'contains', values: ['Manager', '部長'] };
    expect(conditionHolds(c, { title: 'Senior marketing MANAGER' })).toBe(true);
    expect(conditionHolds(c, { title: '営業部長' })).toBe(true);
    expect(conditionHolds(c, { title: 'Engineer' })).toBe(false);
  });
  it('an e-mail domain matches itself and its subdomains, never a look-alike', () => {
    const c: Condition = { attribute: 'email', op: 'email_domain', values: ['Gmail.com'] };
    expect(conditionHolds(c, { email: ' Taro@GMAIL.com ' })).toBe(true);
    expect(conditionHolds(c, { email: 'taro@mail.gmail.com' })).toBe(true);
    expect(conditionHolds(c, { email: 'taro@notgmail.com' })).toBe(false);
    expect(conditionHolds(c, { email: 'taro@gmail.com.example.jp' })).toBe(false);
    // An address starting with @ is read after the @.
    expect(conditionHolds(c, { email: '@gmail.com' })).toBe(true);
    // A bare domain (no @) is read as the domain itself.
    expect(conditionHolds(c, { email: 'gmail.com' })).toBe(true);
  });
});

describe('fit score and grade', () => {
  it('counts only the best rule of a group, and every rule without a group', () => {
    const fit = computeFit({ employees: 1500, title: '営業部長', country: 'JP' }, D);
    expect(fit.matches.map((m) => m.ruleId).sort()).toEqual(['country-japan', 'employees-1000', 'title-manager']);
    expect(fit.fitScore).toBe(20 + 15 + 10);
    expect(fit.fitGrade).toBe('B');
  });
  it('of two rules in one group that both hold, the one with more points counts, whichever comes first', () => {
    const d = copyDefinitions();
    d.score.fit.rules = [
      { id: 'small', label: { ja: '小', en: 'Small' }, when: employees(1), points: 5, group: 'size' },
      { id: 'big', label: { ja: '大', en: 'Big' }, when: employees(100), points: 25, group: 'size' },
      { id: 'also-big', label: { ja: '大2', en: 'Big 2' }, when: employees(100), points: 25, group: 'size' },
    ];
    expect(computeFit({ employees: 500 }, d).matches.map((m) => m.ruleId)).toEqual(['big']);
    d.score.fit.rules.reverse();
    expect(computeFit({ employees: 500 }, d).matches.map((m) => m.ruleId)).toEqual(['also-big']);
  });
  it('exclusions subtract and are reported as exclusions', () => {
    const fit = computeFit({ employees: 1500, email: 'x@gmail.com' }, D);
    expect(fit.matches).toContainEqual({ kind: 'exclusion', ruleId: 'free-mail', label: { ja: 'フリーメール', en: 'Free e-mail address' }, points: -30 });
    expect(fit.matches).toContainEqual({ kind: 'fit', ruleId: 'employees-1000', label: { ja: '従業員 1,000 名以上', en: '1,000+ employees' }, points: 20 });
    expect(fit.fitScore).toBe(-10);
    expect(fit.fitGrade).toBe('D');
  });
  it('a grade starts exactly at its minimum', () => {
    expect(gradeFor(50, D)).toBe('A');
    expect(gradeFor(49, D)).toBe('B');
    expect(gradeFor(30, D)).toBe('B');
    expect(gradeFor(29, D)).toBe('C');
    expect(gradeFor(-100, D)).toBe('D');
  });
  it('a score below every listed minimum gets the last grade', () => {
    const d: Definitions = copyDefinitions();
    d.score.fit.grades = [{ grade: 'A', min: 50 }, { grade: 'B', min: 10 }];
    expect(gradeFor(5, d)).toBe('B');
  });
  it('a grade meets its own requirement and any worse one; an unknown grade meets nothing', () => {
    expect(gradeAtLeast('B', 'B', D)).toBe(true);
    expect(gradeAtLeast('A', 'A', D)).toBe(true);
    expect(gradeAtLeast('A', 'B', D)).toBe(true);
    expect(gradeAtLeast('C', 'B', D)).toBe(false);
    expect(gradeAtLeast('Z', 'D', D)).toBe(false);
    expect(gradeAtLeast('A', 'Z', D)).toBe(false);
  });
});
