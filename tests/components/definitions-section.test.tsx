import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing';
import { createI18n } from '../../components/i18n/i18n-provider';
import { DefinitionsSection } from '../../components/options/definitions-section';
import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import { exportDefinitions } from '../../lib/domain/definitions/parse-definitions';
import type { Definitions } from '../../lib/domain/definitions/schema';
import { startDefinitionsSync } from '../../lib/messaging/definitions-sync';
import { BatonDepsContext } from '../../lib/queries/baton-deps';
import type { BatonDb } from '../../lib/store/db';
import { readDefinitions, saveDefinitions } from '../../lib/store/definitions-repo';
import { freshDb } from './panel-harness';
import { en, ja, renderIn } from './render-with-i18n';

const TEAM_URL = 'https://intranet.example.co.jp/baton/definitions.yaml';
const NOW = Date.parse('2026-11-25T10:00:00+09:00');

let db: BatonDb;
beforeEach(() => {
  fakeBrowser.reset();
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

function teamVersion(version: number): Definitions {
  return { ...structuredClone(DEFAULT_DEFINITIONS), id: 'acme', version, name: { ja: 'ACME 共通定義', en: 'ACME shared definitions' } };
}

/** The "in force" line as the catalog words it (the date formatted as the page formats it). */
function inForce(locale: 'ja' | 'en', version: number): string {
  const date = createI18n(locale, 'Asia/Tokyo').date(Date.parse(DEFAULT_DEFINITIONS.effectiveFrom));
  return (locale === 'ja' ? ja : en)('opt.defInForce', { version, date });
}

function renderSection(locale: 'ja' | 'en', props: Parameters<typeof DefinitionsSection>[0] = {}) {
  return renderIn(
    locale,
    <BatonDepsContext.Provider value={{ db, connectorFor: () => Promise.reject(new Error('unused')), now: () => NOW }}>
      <DefinitionsSection {...props} />
    </BatonDepsContext.Provider>,
  );
}

describe('options: shared definitions in force', () => {
  it('says the organisation set them, and that a URL or file chosen here will not stick', async () => {
    await saveDefinitions(db, { definitions: teamVersion(5), source: 'managed', fetchedAt: NOW - 60_000 });
    renderSection('ja');
    expect(await screen.findByText(ja('opt.defSource', { source: ja('opt.defSource.managed') }), { exact: false })).toBeInTheDocument();
    expect(screen.getByText(ja('opt.defManagedNote'))).toBeInTheDocument();
    expect(screen.getByText(inForce('ja', 5), { exact: false })).toBeInTheDocument();
  });

  it('"check for updates now" has the background fetch the team URL, and the page shows the new version', async () => {
    const user = userEvent.setup();
    await saveDefinitions(db, { definitions: teamVersion(3), source: 'url', sourceUrl: TEAM_URL, etag: '"v3"', fetchedAt: NOW - 60_000 });
    const fetchImpl = vi.fn<typeof fetch>(
      async () => new Response(exportDefinitions(teamVersion(4), 'yaml'), { status: 200, headers: { 'content-type': 'application/yaml', etag: '"v4"' } }),
    );
    const sync = startDefinitionsSync({ db, storage: fakeBrowser.storage, fetchImpl, now: () => NOW });
    renderSection('en', { refreshNow: () => sync.refresh({ force: true }) });
    expect(await screen.findByText(inForce('en', 3), { exact: false })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: en('opt.defRefresh') }));
    expect(await screen.findByText(en('opt.defRefreshed', { version: 4 }), { exact: false })).toBeInTheDocument();
    expect(await screen.findByText(inForce('en', 4), { exact: false })).toBeInTheDocument();
    expect(fetchImpl).toHaveBeenCalledOnce();
    expect((await readDefinitions(db)).current).toMatchObject({ source: 'url', etag: '"v4"', fetchedAt: NOW });
  });

  it('shows why an update failed', async () => {
    const user = userEvent.setup();
    renderSection('en', { refreshNow: async () => ({ ok: false, changed: false, source: 'url', id: 'acme', version: 3, error: 'HTTP 503' }) });
    await user.click(await screen.findByRole('button', { name: en('opt.defRefresh') }));
    expect(await screen.findByText(en('opt.defRefreshFailed', { error: 'HTTP 503' }))).toBeInTheDocument();
  });

  it('reports a background worker that does not answer instead of claiming success', async () => {
    const user = userEvent.setup();
    renderSection('ja'); // the real sender: no background listener in this test
    await user.click(await screen.findByRole('button', { name: ja('opt.defRefresh') }));
    expect(await screen.findByText(ja('opt.defRefreshFailed', { error: '' }).trim(), { exact: false })).toBeInTheDocument();
    expect(screen.queryByText(ja('opt.defRefreshed', { version: 1 }), { exact: false })).not.toBeInTheDocument();
  });

  it('while IT manages the definitions, an imported file is kept but theirs are put back at once', async () => {
    const user = userEvent.setup();
    await fakeBrowser.storage.managed.set({ definitionsJson: exportDefinitions(teamVersion(5), 'json') });
    const sync = startDefinitionsSync({ db, storage: fakeBrowser.storage, fetchImpl: vi.fn<typeof fetch>(), now: () => NOW });
    await sync.refresh();
    const refreshNow = vi.fn(() => sync.refresh({ force: true }));
    renderSection('en', { refreshNow });
    expect(await screen.findByText(en('opt.defManagedNote'))).toBeInTheDocument();

    const file = new File([exportDefinitions(teamVersion(7), 'yaml')], 'mine.yaml', { type: 'application/yaml' });
    await user.upload(screen.getByLabelText(en('opt.import')), file);
    expect(await screen.findByText(en('opt.importOk', { version: 7 }), { exact: false })).toBeInTheDocument();
    expect(refreshNow).toHaveBeenCalledOnce();
    const stored = await readDefinitions(db);
    expect(stored.current).toMatchObject({ source: 'managed', definitions: { version: 5 } });
    expect(stored.versions.map((d) => d.version)).toContain(7);
  });
});
