import { describe, expect, it } from 'vitest';
import { DIFF_KEYS, DIFFED_SECTIONS, diffDefinitions, type DefinitionsChange } from '../../lib/domain/definitions/diff-definitions';
import { definitionsSchema, type Definitions } from '../../lib/domain/definitions/schema';
import { en as enCatalog } from '../../lib/i18n/messages-en';
import { interpolate } from '../../lib/i18n/translator';
import { copyDefinitions } from './time-helpers';

/** A change in English, as the options page words it. */
function words(change: DefinitionsChange): string {
  const params = Object.fromEntries(Object.entries(change.params).map(([k, v]) => [k, typeof v === 'object' ? v.en : v]));
  return interpolate(enCatalog[change.key], params);
}

/** One edit per top-level section of the schema: the diff must name each one. */
const EDITS: Record<string, (d: Definitions) => void> = {
  schemaVersion: (d) => ((d as { schemaVersion: number }).schemaVersion = 2),
  id: (d) => (d.id = 'acme'),
  version: (d) => (d.version = 2),
  name: (d) => (d.name = { ja: 'ACME 定義', en: 'ACME definitions' }),
  effectiveFrom: (d) => (d.effectiveFrom = '2027-04-01T00:00:00+09:00'),
  approvedBy: (d) => d.approvedBy.push({ name: '山田 部長' }),
  changeLog: (d) => d.changeLog.push({ version: 2, date: '2027-03-20', summary: { ja: '改定', en: 'Revision' } }),
  stages: (d) => (d.stages[0]!.label = { ja: '問合せ', en: 'Enquiry' }),
  stageMappings: (d) => (d.stageMappings[0]!.values['Nurture'] = 'recycled'),
  score: (d) => (d.score.fit.rules[0]!.points += 5),
  temperature: (d) => (d.temperature.bands.hot += 10),
  qualification: (d) => (d.qualification.mql.minScore = 70),
  sla: (d) => (d.sla.warnAtFraction = 0.5),
  calendar: (d) => (d.calendar.nationalHolidays = 'none'),
  feedbackReasons: (d) => d.feedbackReasons.pop(),
};

describe('diffDefinitions', () => {
  it('names a change in every top-level section of the schema', () => {
    const sections = Object.keys(definitionsSchema.shape);
    expect(DIFFED_SECTIONS.sort()).toEqual([...sections].sort());
    for (const section of sections) {
      const edit = EDITS[section];
      expect(edit, `no edit for section "${section}" in this test`).toBeDefined();
      const after = copyDefinitions();
      edit!(after);
      const changes = diffDefinitions(copyDefinitions(), after);
      expect(changes.map((c) => c.section), section).toContain(section);
      for (const c of changes) expect(words(c)).not.toMatch(/\{\w+\}/);
    }
  });

  it('says nothing when nothing changed', () => {
    expect(diffDefinitions(copyDefinitions(), copyDefinitions())).toEqual([]);
  });

  it('words thresholds, SLA budgets, hours, holidays, mappings, reasons, bands and weights', () => {
    const before = copyDefinitions();
    const after = copyDefinitions();
    after.qualification.mql.minScore = before.qualification.mql.minScore + 10;
    after.sla.policies[1]!.budgetMinutes = 120;
    after.calendar.weeklyHours.sat = [{ start: '10:00', end: '15:00' }];
    after.calendar.nationalHolidays = 'none';
    after.calendar.closedDays.push({ from: '08-13', to: '08-16', label: { ja: '夏季休業', en: 'Summer break' } });
    after.calendar.extraWorkingDays.push({ date: '2027-01-09', label: { ja: '棚卸し', en: 'Stocktaking' } });
    const mapping = after.stageMappings[0]!;
    const [firstValue] = Object.keys(mapping.values);
    mapping.values[firstValue!] = 'disqualified';
    after.feedbackReasons.push({ code: 'TOO_SMALL', verdict: 'bad', label: { ja: '規模が小さい', en: 'Too small' } });
    after.temperature.bands.warm -= 5;
    after.score.engagement.rules[0]!.points += 3;
    after.score.engagement.halfLifeDays += 7;
    after.qualification.mql.requiredFields.push('phone');
    const text = diffDefinitions(before, after).map(words);
    expect(text).toContain(`MQL score threshold ${before.qualification.mql.minScore} → ${after.qualification.mql.minScore}`);
    expect(text).toContain(`SLA for ${before.sla.policies[1]!.label.en} 4 h → 2 h`);
    expect(text).toContain('Saturday hours none → 10:00–15:00');
    expect(text).toContain('National holidays closed on → off');
    expect(text).toContain('Closed days added: 08-13 to 08-16 Summer break');
    expect(text).toContain('Extra working day added: 2027-01-09 Stocktaking');
    expect(text).toContain(`Stage mapping ${mapping.system} ${mapping.field}: “${firstValue}” stage ${before.stageMappings[0]!.values[firstValue!]} → disqualified`);
    expect(text).toContain('Feedback reason added: Too small');
    expect(text).toContain(`Warm threshold ${before.temperature.bands.warm} → ${after.temperature.bands.warm}`);
    expect(text).toContain(
      `Engagement rule: ${before.score.engagement.rules[0]!.label.en} points ${before.score.engagement.rules[0]!.points} → ${after.score.engagement.rules[0]!.points}`,
    );
    expect(text).toContain(`Score half-life (days) ${before.score.engagement.halfLifeDays} → ${after.score.engagement.halfLifeDays}`);
    expect(text).toContain('MQL required field added: phone');
  });

  it('has every key it uses in the catalogs', () => {
    for (const key of DIFF_KEYS) expect(enCatalog[key]).toBeTypeOf('string');
  });
});
