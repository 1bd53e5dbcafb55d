import { describe, expect, it } from 'vitest';
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
const temperature = computeTemperature({ events: [], attributes, definitions: v1, now: NOW });

describe('qualification', () => {
  it('lists each MQL criterion with the actual and the required value', () => {
    const q = qualify({ person: { attributes }, temperature, versions: [v1], at: NOW });
    expect(q).toMatchObject({ definitionsId: 'baton-default', version: 1 });
    expect(q.mql.passed).toBe(false);
    expect(q.mql.criteria).toEqual([
      expect.objectContaining({ id: 'score', passed: false, actual: 30, required: '≥ 60' }),
      expect.objectContaining({ id: 'fit-grade', passed: true, actual: 'B', required: '≥ B' }),
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
    const q = qualify({ person: { attributes: bad }, temperature: computeTemperature({ events: [], attributes: bad, definitions: v1, now: NOW }), versions: [v1], at: NOW });
    expect(q.mql.criteria.find((c) => c.id === 'field:company')).toMatchObject({ passed: false, actual: null, required: 'present' });
    expect(q.mql.criteria.find((c) => c.id === 'exclusions')).toMatchObject({ passed: false, actual: 'free-mail' });
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
