import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing';
import { AppI18nProvider } from '../../components/i18n/app-i18n-provider';
import { OptionsApp } from '../../components/options/options-app';
import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import { exportDefinitions } from '../../lib/domain/definitions/parse-definitions';
import { BatonDepsContext } from '../../lib/queries/baton-deps';
import { readDefinitions } from '../../lib/store/definitions-repo';
import { readSettings } from '../../lib/store/settings';
import type { BatonDb } from '../../lib/store/db';
import { en, ja } from './render-with-i18n';
import { NOW } from './lead-fixtures';
import { freshDb } from './panel-harness';

function renderOptions(db: BatonDb, props: Parameters<typeof OptionsApp>[0] = {}) {
  return render(
    <BatonDepsContext.Provider value={{ db, connectorFor: () => Promise.reject(new Error('unused')), now: () => NOW }}>
      <QueryClientProvider client={new QueryClient()}>
        <AppI18nProvider languages={['ja-JP']}>
          <OptionsApp {...props} />
        </AppI18nProvider>
      </QueryClientProvider>
    </BatonDepsContext.Provider>,
  );
}

describe('OptionsApp', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // The Salesforce card shows the OAuth redirect URI; the fake browser has no identity API.
    vi.spyOn(fakeBrowser.identity, 'getRedirectURL').mockImplementation((path?: string) => `https://abcdefghijklmnop.chromiumapp.org/${path ?? ''}`);
  });

  it('switches the whole page to English when the language is changed, and saves it', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    renderOptions(db);
    expect(await screen.findByRole('heading', { level: 1, name: ja('opt.title') })).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText(ja('opt.language')), 'en');
    expect(await screen.findByRole('heading', { level: 1, name: en('opt.title') })).toBeInTheDocument();
    // The page's lang (what a screen reader picks its voice by) is set in a passive effect after the heading
    // renders: on a busy machine that effect can run a tick later, so wait for it as a user's reader would.
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    await waitFor(async () => expect((await readSettings(db)).language).toBe('en'));
  });

  it('lays out the Salesforce, Dynamics 365, HubSpot and Marketo connection cards', async () => {
    renderOptions(freshDb());
    const section = await screen.findByRole('region', { name: ja('opt.connections') });
    for (const key of ['connections.salesforce.title', 'connections.dynamics.title', 'connections.hubspot.title', 'connections.marketo.title'] as const) {
      expect(within(section).getAllByText(ja(key)).length).toBeGreaterThan(0);
    }
  });

  it('saves the default role and refuses an out-of-range freshness window with a message', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    renderOptions(db);
    await user.selectOptions(await screen.findByLabelText(ja('opt.role')), 'marketing');
    await waitFor(async () => expect((await readSettings(db)).defaultRole).toBe('marketing'));
    const freshness = screen.getByLabelText(ja('opt.freshness'));
    await user.clear(freshness);
    await user.type(freshness, '0{Enter}');
    expect(await screen.findByText(ja('opt.invalidNumber', { min: 1, max: 1440 }))).toBeInTheDocument();
    expect((await readSettings(db)).freshnessMinutes).toBe(5);
    await user.clear(freshness);
    await user.type(freshness, '15{Enter}');
    await waitFor(async () => expect((await readSettings(db)).freshnessMinutes).toBe(15));
  });

  it('shows the definitions in force and imports a valid YAML file', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    renderOptions(db);
    expect(await screen.findByText(ja('opt.defSource', { source: ja('opt.defSource.default') }), { exact: false })).toBeInTheDocument();
    const next = { ...DEFAULT_DEFINITIONS, version: 2, changeLog: [...DEFAULT_DEFINITIONS.changeLog, { version: 2, date: '2026-11-20', summary: { ja: 'SLA 見直し', en: 'SLA review' } }] };
    const file = new File([exportDefinitions(next, 'yaml')], 'team.yaml', { type: 'application/yaml' });
    await user.upload(screen.getByLabelText(ja('opt.import')), file);
    expect(await screen.findByText(ja('opt.importOk', { version: 2 }), { exact: false })).toBeInTheDocument();
    expect((await readDefinitions(db)).current?.definitions.version).toBe(2);
    expect(await screen.findByText(ja('opt.defSource', { source: ja('opt.defSource.file') }), { exact: false })).toBeInTheDocument();
  });

  it('refuses an invalid file, listing each error by path in the current language', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    renderOptions(db);
    const broken = { ...DEFAULT_DEFINITIONS, calendar: { ...DEFAULT_DEFINITIONS.calendar, timeZone: 'Mars/Olympus' } };
    await user.upload(await screen.findByLabelText(ja('opt.import')), new File([JSON.stringify(broken)], 'broken.json', { type: 'application/json' }));
    const status = await screen.findByText(ja('opt.importErrors'));
    const list = within(status.parentElement!).getByRole('list');
    expect(list).toHaveTextContent('calendar.timeZone');
    expect(list).toHaveTextContent('IANA のタイムゾーン名');
    expect((await readDefinitions(db)).current).toBeUndefined();
  });

  it('asks for access to the team URL and applies the document it serves', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    const asked: string[] = [];
    const next = { ...DEFAULT_DEFINITIONS, version: 3 };
    const fetchImpl = (async () =>
      new Response(JSON.stringify(next), { status: 200, headers: { 'content-type': 'application/json', etag: '"v3"' } })) as typeof fetch;
    renderOptions(db, { definitionsProps: { requestAccess: async (origin) => (asked.push(origin), true), fetchImpl } });
    const input = await screen.findByLabelText(ja('opt.teamUrl'));
    await user.type(input, 'http://intra.example.co.jp/defs.json');
    await user.click(screen.getByRole('button', { name: ja('opt.teamUrlLoad') }));
    expect(await screen.findByText(ja('opt.teamUrlInvalid'))).toBeInTheDocument();
    expect(asked).toEqual([]);
    await user.clear(input);
    await user.type(input, 'https://intra.example.co.jp/defs.json');
    await user.click(screen.getByRole('button', { name: ja('opt.teamUrlLoad') }));
    expect(await screen.findByText(ja('opt.teamUrlLoaded', { version: 3 }), { exact: false })).toBeInTheDocument();
    expect(asked).toEqual(['https://intra.example.co.jp']);
    expect((await readDefinitions(db)).current).toMatchObject({ source: 'url', etag: '"v3"' });
  });
});
