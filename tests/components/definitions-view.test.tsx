import { screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { DefinitionsView } from '../../components/definitions/definitions-view';
import { DEFAULT_DEFINITIONS as D } from '../../lib/domain/definitions/default-definitions';
import type { Definitions } from '../../lib/domain/definitions/schema';
import { createI18n } from '../../components/i18n/i18n-provider';
import { formatDuration } from '../../lib/i18n/format';
import type { Locale } from '../../lib/i18n/locale';
import { BatonDepsContext } from '../../lib/queries/baton-deps';
import type { BatonDb } from '../../lib/store/db';
import { saveDefinitions } from '../../lib/store/definitions-repo';
import { freshDb } from './panel-harness';
import { en, ja, renderIn } from './render-with-i18n';

const TEAM_URL = 'https://intranet.example.co.jp/baton/definitions.yaml';
const FETCHED = Date.parse('2026-11-25T09:30:00+09:00');

let db: BatonDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

/** As the panel mounts it: the definitions in force come from the store. */
function renderView(locale: Locale, ui: ReactElement) {
  return renderIn(
    locale,
    <BatonDepsContext.Provider value={{ db, connectorFor: () => Promise.reject(new Error('unused')) }}>{ui}</BatonDepsContext.Provider>,
  );
}

function teamVersion(version: number): Definitions {
  return { ...structuredClone(D), id: 'acme', version, name: { ja: 'ACME 共通定義', en: 'ACME shared definitions' } };
}

describe('DefinitionsView', () => {
  it('shows the whole agreement in Japanese: version, stages, MQL numbers, SQL checklist, SLA table, calendar, reasons, change log', () => {
    renderView('ja', <DefinitionsView definitions={D} />);
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
    renderView('en', <DefinitionsView definitions={D} />);
    expect(screen.getByRole('heading', { name: 'Business calendar' })).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Temperature bands' })).getByText('Hot').closest('li')).toHaveTextContent(en('def.bandRow', { min: String(D.temperature.bands.hot) }));
    expect(screen.getByText(D.sla.policies[0]!.label.en)).toBeInTheDocument();
  });

  it('says the built-in defaults are in force when nothing was fetched', async () => {
    renderView('ja', <DefinitionsView definitions={D} />);
    expect(await screen.findByText(ja('opt.defSource', { source: ja('opt.defSource.default') }))).toBeInTheDocument();
  });

  it('says which version is in force, that it came from the team URL, and when it was fetched, with the last failure', async () => {
    const team = teamVersion(3);
    await saveDefinitions(db, { definitions: team, source: 'url', sourceUrl: TEAM_URL, etag: '"v3"', fetchedAt: FETCHED, lastError: 'HTTP 503' });
    renderView('en', <DefinitionsView definitions={team} />);
    const line = await screen.findByText(en('opt.defSource', { source: en('opt.defSource.url') }), { exact: false });
    expect(line).toHaveTextContent(TEAM_URL);
    expect(line).toHaveTextContent(en('opt.defFetchedAt', { time: createI18n('en', 'Asia/Tokyo').dateTime(FETCHED) }));
    expect(screen.getByText(en('opt.defLastError', { error: 'HTTP 503' }))).toBeInTheDocument();
  });

  it('names the organisation as the source of a managed version', async () => {
    const team = teamVersion(4);
    await saveDefinitions(db, { definitions: team, source: 'managed', fetchedAt: FETCHED });
    renderView('ja', <DefinitionsView definitions={team} />);
    expect(await screen.findByText(ja('opt.defSource', { source: ja('opt.defSource.managed') }), { exact: false })).toBeInTheDocument();
  });

  it('claims no source for a version that is not the one in force', async () => {
    await saveDefinitions(db, { definitions: teamVersion(4), source: 'url', sourceUrl: TEAM_URL, fetchedAt: FETCHED });
    renderView(
      'en',
      <>
        <section aria-label="older">
          <DefinitionsView definitions={teamVersion(3)} />
        </section>
        <section aria-label="in force">
          <DefinitionsView definitions={teamVersion(4)} />
        </section>
      </>,
    );
    const sourceLine = en('opt.defSource', { source: en('opt.defSource.url') });
    expect(await within(screen.getByRole('region', { name: 'in force' })).findByText(sourceLine, { exact: false })).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'older' })).queryByText(sourceLine, { exact: false })).not.toBeInTheDocument();
  });
});
