import { screen, within } from '@testing-library/react';
import { DefinitionsView } from '../../components/definitions/definitions-view';
import { DEFAULT_DEFINITIONS as D } from '../../lib/domain/definitions/default-definitions';
import { formatDuration } from '../../lib/i18n/format';
import { en, ja, renderIn } from './render-with-i18n';

describe('DefinitionsView', () => {
  it('shows the whole agreement in Japanese: version, stages, MQL numbers, SQL checklist, SLA table, calendar, reasons, change log', () => {
    renderIn('ja', <DefinitionsView definitions={D} />);
    expect(screen.getByText(D.name.ja)).toBeInTheDocument();
    expect(screen.getByText(ja('def.version', { version: D.version }), { exact: false })).toBeInTheDocument();
    for (const s of D.stages) expect(screen.getByText(s.description.ja)).toBeInTheDocument();
    expect(screen.getByText(ja('def.mqlMinScore', { score: String(D.qualification.mql.minScore) }))).toBeInTheDocument();
    for (const c of D.qualification.sql.checklist) expect(screen.getByText(c.label.ja)).toBeInTheDocument();
    const sla = screen.getByRole('region', { name: ja('def.sla') });
    for (const p of D.sla.policies) {
      const row = within(sla).getByText(p.label.ja).closest('tr')!;
      expect(row).toHaveTextContent(formatDuration('ja', p.budgetMinutes));
    }
    const cal = screen.getByRole('region', { name: ja('def.calendar') });
    expect(cal).toHaveTextContent(D.calendar.timeZone);
    expect(cal).toHaveTextContent('09:00–12:00, 13:00–18:00');
    expect(cal).toHaveTextContent(D.calendar.closedDays[0]!.label.ja);
    for (const r of D.feedbackReasons) expect(screen.getByText(r.label.ja)).toBeInTheDocument();
    expect(screen.getByRole('region', { name: ja('def.changelog') })).toHaveTextContent(D.changeLog[0]!.summary.ja);
  });

  it('reads in English too', () => {
    renderIn('en', <DefinitionsView definitions={D} />);
    expect(screen.getByRole('heading', { name: 'Business calendar' })).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Temperature bands' })).getByText('Hot').closest('li')).toHaveTextContent(en('def.bandRow', { min: String(D.temperature.bands.hot) }));
    expect(screen.getByText(D.sla.policies[0]!.label.en)).toBeInTheDocument();
  });
});
