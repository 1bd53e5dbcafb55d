import { render, screen } from '@testing-library/react';
import { FirstPaintPanel } from '../../components/panel/first-paint-panel';
import { saveIdentity } from '../../lib/store/identity-repo';
import { recordFeedback } from '../../lib/store/outbox';
import { loadCatalog } from '../../lib/i18n/load-catalog';
import { resolveLocale } from '../../lib/i18n/locale';
import { firstPaintSettings, readFirstPaint } from '../../lib/queries/first-paint';
import { firstPaintRef } from '../../lib/queries/first-paint-ref';
import { saveContext } from '../../lib/store/context-repo';
import { parseSettings, saveSettings } from '../../lib/store/settings';
import { en } from './render-with-i18n';
import { NOW } from './lead-fixtures';
import { SF_REF, fakeConnector, freshDb, leadContext, renderPanel } from './panel-harness';

const MIN = 60_000;

/**
 * The panel's markup in a container, for comparing the first paint with the app: React's `useId` values depend on
 * where a component sits in its tree (the app has providers above it), so each is named by its order of appearance.
 */
function markupOf(container: HTMLElement): string {
  const ids = new Map<string, number>();
  return container.innerHTML.replace(/_r_[0-9a-z]+_/g, (id) => {
    if (!ids.has(id)) ids.set(id, ids.size);
    return `id${ids.get(id)}`;
  });
}

describe('the side panel first paint', () => {
  it('draws a cached lead with exactly the markup the app then shows for it', async () => {
    const db = freshDb();
    const ctx = leadContext({ fetchedAt: NOW - 2 * MIN });
    await saveContext(db, ctx);
    await saveSettings(db, { language: 'en' });
    await saveIdentity(db, { system: 'salesforce', userId: '005x', name: 'Aoi Sato', checkedAt: NOW - 60 * MIN });
    await recordFeedback(db, { ref: SF_REF, personKey: ctx.person.key, verdict: 'good', by: 'Aoi Sato' }, NOW - 30 * MIN);

    const paint = await readFirstPaint(SF_REF, NOW, true, { name: db.name });
    expect(paint).not.toBeNull();
    expect(paint!.status).toBe('fresh');
    expect(paint!.currentUser).toBe('Aoi Sato');
    // The settings' language wins over the browser's, as in the app; the first paint loads that language's catalog.
    const locale = resolveLocale(paint!.language, ['ja']);
    expect(locale).toBe('en');
    const first = render(<FirstPaintPanel paint={paint!} locale={locale} catalog={await loadCatalog(locale)} now={NOW} clock={() => NOW} />);
    expect(screen.getByRole('heading', { level: 1, name: ctx.person.name })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Sales', selected: true })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Good lead/, pressed: true })).toBeInTheDocument();
    const firstMarkup = markupOf(first.container);
    first.unmount();

    const { connectorFor, calls } = fakeConnector(async () => ctx);
    const app = renderPanel({ db, connectorFor, record: { tabId: 1, ref: SF_REF, page: '' }, languages: ['ja'] });
    expect(await screen.findByRole('button', { name: /Good lead/, pressed: true })).toBeInTheDocument();
    expect(screen.getByText(en('fb.history'))).toBeInTheDocument();
    expect(markupOf(app.container)).toBe(firstMarkup);
    // Fresh inside the window: neither asked the vendor.
    expect(calls.count).toBe(0);
  });

  it('says a copy older than the freshness window is stale, as the app does before its refresh answers', async () => {
    const db = freshDb();
    await saveContext(db, leadContext({ fetchedAt: NOW - 6 * MIN }));
    expect((await readFirstPaint(SF_REF, NOW, true, { name: db.name }))?.status).toBe('stale');
    expect((await readFirstPaint(SF_REF, NOW, false, { name: db.name }))?.status).toBe('offline');
    await saveSettings(db, { freshnessMinutes: 10 });
    expect((await readFirstPaint(SF_REF, NOW, true, { name: db.name }))?.status).toBe('fresh');
  });

  it('draws nothing when the record is not cached, and never creates the database', async () => {
    const db = freshDb();
    await saveContext(db, leadContext());
    expect(await readFirstPaint({ ...SF_REF, id: '00Q5g00000ZZZZZZZZ' }, NOW, true, { name: db.name })).toBeNull();
    const missing = `first-paint-missing-${Math.random()}`;
    expect(await readFirstPaint(SF_REF, NOW, true, { name: missing })).toBeNull();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(missing);
  });

  it('reads the settings as the schema does, each field falling back to its default on its own', () => {
    const rows: unknown[] = [
      undefined,
      null,
      'settings',
      {},
      { language: 'en', defaultRole: 'marketing', freshnessMinutes: 30 },
      { language: 'fr', defaultRole: 'definitions', freshnessMinutes: 0 },
      { language: 'ja', freshnessMinutes: 1.5 },
      { freshnessMinutes: 24 * 60 },
      { freshnessMinutes: 24 * 60 + 1, defaultRole: 'sales' },
      { freshnessMinutes: '10' },
    ];
    for (const row of rows) {
      const { language, defaultRole, freshnessMinutes } = parseSettings(row);
      expect(firstPaintSettings(row)).toEqual({ language, defaultRole, freshnessMinutes });
    }
  });

  it('takes only a well-formed record from the worker', () => {
    expect(firstPaintRef({ ref: SF_REF, page: '' })).toEqual(SF_REF);
    expect(firstPaintRef({ ref: null, page: '' })).toBeNull();
    expect(firstPaintRef(null)).toBeNull();
    expect(firstPaintRef({ ref: { ...SF_REF, system: 'acme' } })).toBeNull();
    expect(firstPaintRef({ ref: { ...SF_REF, id: '' } })).toBeNull();
  });
});
