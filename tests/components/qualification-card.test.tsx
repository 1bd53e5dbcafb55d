import { screen, within } from '@testing-library/react';
import { QualificationCard } from '../../components/lead/qualification-card';
import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import { qualify } from '../../lib/domain/qualification';
import { computeTemperature } from '../../lib/domain/temperature';
import { en, ja, renderIn } from './render-with-i18n';
import { HOT_EVENTS, NOW, PERSON } from './lead-fixtures';

const judge = (person: typeof PERSON, sqlAnswers?: Record<string, boolean>) => {
  const temperature = computeTemperature({ events: HOT_EVENTS, attributes: person.attributes, definitions: DEFAULT_DEFINITIONS, now: NOW });
  return qualify({ person, temperature, versions: [DEFAULT_DEFINITIONS], at: NOW, ...(sqlAnswers ? { sqlAnswers } : {}) });
};

describe('QualificationCard', () => {
  it('shows the definitions version and one row per MQL criterion with pass/fail, actual and required', () => {
    const q = judge(PERSON);
    renderIn('en', <QualificationCard qualification={q} />);
    expect(screen.getByText(new RegExp(`Definitions v${q.version}`))).toBeInTheDocument();
    expect(screen.getByText(q.mql.passed ? en('qual.mqlPassed') : en('qual.mqlFailed'))).toBeInTheDocument();
    for (const c of q.mql.criteria) {
      const row = screen.getByText(c.label.en).closest('li')!;
      expect(within(row).getByRole('img', { name: c.passed ? 'Pass' : 'Fail' })).toBeInTheDocument();
      const words: Record<string, string> = { present: en('qual.requiredPresent'), none: en('qual.requiredNone') };
      expect(row).toHaveTextContent(en('qual.required', { required: words[c.required] ?? c.required }));
    }
  });

  it('marks the missing required field as failed in Japanese', () => {
    const { title: _t, ...withoutTitle } = PERSON.attributes;
    const q = judge({ ...PERSON, attributes: withoutTitle });
    const failed = q.mql.criteria.filter((c) => !c.passed);
    expect(failed.length).toBeGreaterThan(0);
    renderIn('ja', <QualificationCard qualification={q} />);
    expect(screen.getByText(ja('qual.mqlFailed'))).toBeInTheDocument();
    for (const c of failed) {
      const row = screen.getByText(c.label.ja).closest('li')!;
      expect(within(row).getByRole('img', { name: ja('qual.fail') })).toBeInTheDocument();
      // Required values are said in Japanese, never as the engine's English token.
      expect(row).not.toHaveTextContent('present');
    }
  });

  it('shows the SQL checklist with what sales has confirmed', () => {
    const first = DEFAULT_DEFINITIONS.qualification.sql.checklist[0]!;
    const q = judge(PERSON, { [first.id]: true });
    renderIn('en', <QualificationCard qualification={q} />);
    expect(screen.getByText(`(${en('qual.sqlProgress', { done: 1, total: q.sql.items.length })})`)).toBeInTheDocument();
    const row = screen.getByText(first.label.en).closest('li')!;
    expect(within(row).getByRole('img', { name: 'Confirmed' })).toBeInTheDocument();
  });
});
