import type { AttributeValue, Person } from './model';
import type { Definitions, Localized } from './definitions/schema';
import { definitionsInForce, effectiveFromMs } from './definitions/version-in-force';
import { gradeAtLeast } from './fit';
import type { Temperature } from './temperature';

export type CriterionResult = {
  id: string;
  label: Localized;
  passed: boolean;
  actual: string | number | null;
  /** What the definitions require, in words ("≥ 60", "B or better", "present", "none"). */
  required: string;
};

export type Qualification = {
  definitionsId: string;
  version: number;
  effectiveFrom: string;
  mql: { passed: boolean; criteria: CriterionResult[] };
  sql: { passed: boolean; items: { id: string; label: Localized; confirmed: boolean }[] };
};

export interface QualifyInput {
  person: Pick<Person, 'attributes'>;
  /** Computed with the same definitions version (assessLead takes care of it). */
  temperature: Temperature;
  versions: Definitions[];
  /** The handoff time when there is one, else now: a lead is judged by the version in force then. */
  at: number;
  /** SQL checklist answers confirmed by sales, by item id. */
  sqlAnswers?: Record<string, boolean>;
}

/** Whether an attribute holds a value: the MQL required-fields rule, also the diagnostic's completeness figure. */
export function present(v: AttributeValue | undefined): boolean {
  return v !== undefined && v !== null && (typeof v !== 'string' || v.trim() !== '');
}

/**
 * A lead against the MQL and SQL criteria of the definitions in force at `at`. When no version was in force yet
 * (a lead older than every version), the earliest version applies.
 */
export function qualify({ person, temperature, versions, at, sqlAnswers = {} }: QualifyInput): Qualification {
  const d = definitionsInForce(versions, at) ?? earliest(versions);
  const mql = d.qualification.mql;
  const criteria: CriterionResult[] = [
    {
      id: 'score',
      label: { ja: 'スコア', en: 'Score' },
      passed: temperature.score >= mql.minScore,
      actual: temperature.score,
      required: `≥ ${mql.minScore}`,
    },
    {
      id: 'fit-grade',
      label: { ja: '適合度グレード', en: 'Fit grade' },
      passed: gradeAtLeast(temperature.fitGrade, mql.minFitGrade, d),
      actual: temperature.fitGrade,
      required: `≥ ${mql.minFitGrade}`,
    },
  ];
  for (const field of mql.requiredFields) {
    const v = person.attributes[field];
    criteria.push({
      id: `field:${field}`,
      label: { ja: `必須項目: ${field}`, en: `Required field: ${field}` },
      passed: present(v),
      actual: present(v) ? (typeof v === 'number' ? v : String(v)) : null,
      required: 'present',
    });
  }
  if (mql.rejectExclusions) {
    const hits = temperature.contributions.filter((c) => c.kind === 'exclusion').map((c) => c.ruleId);
    criteria.push({
      id: 'exclusions',
      label: { ja: '除外条件に該当しない', en: 'No exclusion applies' },
      passed: hits.length === 0,
      actual: hits.length === 0 ? null : hits.join(', '),
      required: 'none',
    });
  }
  const items = d.qualification.sql.checklist.map((c) => ({ id: c.id, label: c.label, confirmed: sqlAnswers[c.id] === true }));
  return {
    definitionsId: d.id,
    version: d.version,
    effectiveFrom: d.effectiveFrom,
    mql: { passed: criteria.every((c) => c.passed), criteria },
    sql: { passed: items.every((i) => i.confirmed), items },
  };
}

function earliest(versions: Definitions[]): Definitions {
  let best: Definitions | undefined;
  for (const d of versions) if (!best || effectiveFromMs(d) < effectiveFromMs(best)) best = d;
  if (!best) throw new Error('qualify: no definitions version given');
  return best;
}
