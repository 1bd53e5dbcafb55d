import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import type { Definitions } from '../../lib/domain/definitions/schema';
import { definitionsInForce } from '../../lib/domain/definitions/version-in-force';
import { qualify } from '../../lib/domain/qualification';
import { computeTemperature } from '../../lib/domain/temperature';
import { jst } from './time-helpers';

const NOW = jst('2026-11-25 12:00');
const v1 = DEFAULT_DEFINITIONS;
const v2: Definitions = {
  ...structuredClone(DEFAULT_DEFINITIONS),
  version: 2,
  effectiveFrom: '2026-10-01T00:00:00+09:00',
  qualification: { ...structuredClone(DEFAULT_DEFINITIONS.qualification), mql: { minScore: 40, minFitGrade: 'C', requiredFields: ['company'], rejectExclusions: true } },
};

const attributes = { title: 'Marketing Manager', employees: 350, company: 'Example KK', email: 'hanako@example.co.jp' };
/** The temperature of a person without engagement: fit only (score 30, grade B for `attributes`). */
const temperatureOf = (attrs: Record<string, string | number | null>, d: Definitions = v1) =>
  computeTemperature({ events: [], attributes: attrs, definitions: d, now: NOW });

function withMql(mql: Partial<Definitions['qualification']['mql']>): Definitions {
  const d = structuredClone(v1);
  d.qualification.mql = { ...d.qualification.mql, ...mql };
  return d;
}

function later(d: Definitions, version: number, effectiveFrom: string): Definitions {
  return { ...structuredClone(d), version, effectiveFrom };
}

describe('qualification', () => {
  let temperature: ReturnType<typeof temperatureOf>;
  beforeEach(() => {
    temperature = temperatureOf(attributes);
  });

  it('lists each MQL criterion with the actual and the required value', () => {
    const q = qualify({ person: { attributes }, temperature, versions: [v1], at: NOW });
    expect(q).toMatchObject({ definitionsId: 'baton-default', version: 1 });
    expect(q.mql.passed).toBe(false);
    expect(q.mql.criteria).toEqual([
      expect.objectContaining({ id: 'score', label: { ja: 'スコア', en: 'Score' }, passed: false, actual: 30, required: '≥ 60' }),
      expect.objectContaining({ id: 'fit-grade', label: { ja: '適合度グレード', en: 'Fit grade' }, passed: true, actual: 'B', required: '≥ B' }),
      expect.objectContaining({ id: 'field:company', passed: true, actual: 'Example KK' }),
      expect.objectContaining({ id: 'field:email', passed: true }),
      expect.objectContaining({ id: 'field:title', passed: true }),
      expect.objectContaining({ id: 'exclusions', passed: true, actual: null, required: 'none' }),
    ]);
  });
  it('judges by the version in force at the given time', () => {
    const before = qualify({ person: { attributes }, temperature, versions: [v1, v2], at: jst('2026-09-30 12:00') });
    const after = qualify({ person: { attributes }, temperature, versions: [v2, v1], at: jst('2026-10-01 00:00') });
    expect(before.version).toBe(1);
    expect(after).toMatchObject({ version: 2, effectiveFrom: '2026-10-01T00:00:00+09:00' });
    expect(after.mql.passed).toBe(false); // score 30 < 40
    expect(after.mql.criteria.find((c) => c.id === 'score')?.required).toBe('≥ 40');
  });
  it('fails a missing required field and a matching exclusion, naming them', () => {
    const bad = { title: 'Manager', email: 'x@gmail.com' };
    const q = qualify({ person: { attributes: bad }, temperature: temperatureOf(bad), versions: [v1], at: NOW });
    expect(q.mql.criteria.find((c) => c.id === 'field:company')).toMatchObject({ passed: false, actual: null, required: 'present' });
    expect(q.mql.criteria.find((c) => c.id === 'exclusions')).toMatchObject({ passed: false, actual: 'free-mail' });
  });
  it('a score exactly at the MQL minimum meets it; one point below does not', () => {
    const at30 = withMql({ minScore: 30 });
    const at31 = withMql({ minScore: 31 });
    expect(temperature.score).toBe(30);
    expect(qualify({ person: { attributes }, temperature, versions: [at30], at: NOW }).mql.criteria[0]).toMatchObject({ id: 'score', passed: true, required: '≥ 30' });
    expect(qualify({ person: { attributes }, temperature, versions: [at31], at: NOW }).mql.criteria[0]).toMatchObject({ id: 'score', passed: false });
  });
  it('a lead meeting every criterion is an MQL', () => {
    const q = qualify({ person: { attributes }, temperature, versions: [withMql({ minScore: 30 })], at: NOW });
    expect(q.mql.passed).toBe(true);
    expect(q.mql.criteria.every((c) => c.passed)).toBe(true);
  });
  it.each([
    ['blank', ''],
    ['only spaces', '   '],
    ['null', null],
  ])('a required field that is %s counts as missing', (_case, company) => {
    const person = { attributes: { ...attributes, company } };
    const q = qualify({ person, temperature, versions: [withMql({ minScore: 30 })], at: NOW });
    expect(q.mql.criteria.find((c) => c.id === 'field:company')).toMatchObject({ passed: false, actual: null });
    expect(q.mql.passed).toBe(false);
  });
  it('a numeric required field shows its number, and zero is present', () => {
    const d = withMql({ minScore: 30, requiredFields: ['employees'] });
    const q = qualify({ person: { attributes: { ...attributes, employees: 0 } }, temperature, versions: [d], at: NOW });
    expect(q.mql.criteria.find((c) => c.id === 'field:employees')).toMatchObject({ passed: true, actual: 0, label: { ja: '必須項目: employees', en: 'Required field: employees' } });
  });
  it('with rejectExclusions off, an exclusion lowers the score but is not a criterion of its own', () => {
    const freeMail = { ...attributes, email: 'hanako@gmail.com' };
    const t = temperatureOf(freeMail);
    expect(t.contributions.some((c) => c.kind === 'exclusion')).toBe(true);
    const lenient = withMql({ minScore: t.score, minFitGrade: t.fitGrade, rejectExclusions: false });
    const q = qualify({ person: { attributes: freeMail }, temperature: t, versions: [lenient], at: NOW });
    expect(q.mql.criteria.map((c) => c.id)).not.toContain('exclusions');
    expect(q.mql.passed).toBe(true);
    const strict = withMql({ minScore: t.score, minFitGrade: t.fitGrade, rejectExclusions: true });
    const rejected = qualify({ person: { attributes: freeMail }, temperature: t, versions: [strict], at: NOW });
    expect(rejected.mql.passed).toBe(false);
    expect(rejected.mql.criteria.at(-1)).toMatchObject({ id: 'exclusions', passed: false, actual: 'free-mail', label: { ja: '除外条件に該当しない', en: 'No exclusion applies' } });
  });
  it('names every exclusion that applies', () => {
    const d = structuredClone(v1);
    d.score.fit.exclusions.push({ id: 'no-title', label: { ja: '役職なし', en: 'No title' }, when: { attribute: 'email', op: 'contains', values: ['gmail'] }, points: -5 });
    const freeMail = { ...attributes, email: 'hanako@gmail.com' };
    const q = qualify({ person: { attributes: freeMail }, temperature: temperatureOf(freeMail, d), versions: [d], at: NOW });
    expect(q.mql.criteria.find((c) => c.id === 'exclusions')?.actual).toBe('free-mail, no-title');
  });
  it('a lead older than every version is judged by the earliest one', () => {
    const q = qualify({ person: { attributes }, temperature, versions: [v2, later(v2, 3, '2026-11-01T00:00:00+09:00')], at: jst('2026-01-01 00:00') });
    expect(q.version).toBe(2);
    const reversed = qualify({ person: { attributes }, temperature, versions: [later(v2, 3, '2026-11-01T00:00:00+09:00'), v2], at: jst('2026-01-01 00:00') });
    expect(reversed.version).toBe(2);
    expect(() => qualify({ person: { attributes }, temperature, versions: [], at: NOW })).toThrow(/no definitions/);
  });
  it('passes SQL only when sales confirmed every checklist item', () => {
    const some = qualify({ person: { attributes }, temperature, versions: [v1], at: NOW, sqlAnswers: { budget: true, authority: true, need: true } });
    expect(some.sql.passed).toBe(false);
    expect(some.sql.items.find((i) => i.id === 'timeline')?.confirmed).toBe(false);
    const all = qualify({ person: { attributes }, temperature, versions: [v1], at: NOW, sqlAnswers: { budget: true, authority: true, need: true, timeline: true } });
    expect(all.sql.passed).toBe(true);
  });
  it('finds no version in force before the first effectiveFrom', () => {
    expect(definitionsInForce([v2], jst('2026-09-01 00:00'))).toBeUndefined();
    expect(definitionsInForce([v1, v2], jst('2026-12-01 00:00'))?.version).toBe(2);
  });
});
