import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { HubSpotConnection } from '../../../components/connections/hubspot-connection';
import { I18nProvider } from '../../../components/i18n/i18n-provider';
import { memoryStore } from '../../../lib/connectors/local-store';
import { readHubSpotSettings } from '../../../lib/connectors/hubspot/settings';
import unauthorized from '../../fixtures/hubspot/error-unauthorized.json';
import { BatonDepsContext } from '../../../lib/queries/baton-deps';
import { saveContext, readContext } from '../../../lib/store/context-repo';
import { recordKey, type RecordRef } from '../../../lib/domain/model';
import type { BatonDb } from '../../../lib/store/db';
import { freshDb, leadContext } from '../../store/lead-context-fixture';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const TOKEN = 'pat-na1-11111111-2222-3333-4444-555555555555';

function renderCard(locale: 'ja' | 'en' = 'en', db: BatonDb = freshDb()) {
  const storage = memoryStore();
  render(
    <BatonDepsContext.Provider value={{ db, connectorFor: () => Promise.reject(new Error('unused')) }}>
      <I18nProvider locale={locale}>
        <HubSpotConnection storage={storage} />
      </I18nProvider>
    </BatonDepsContext.Provider>,
  );
  return storage;
}

describe('HubSpot connection card', () => {
  it('saves a private app token without ever showing it again, and warns what it allows', async () => {
    const user = userEvent.setup();
    const storage = renderCard();
    expect(await screen.findByText('Not connected')).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent(/read every contact and write notes/);
    const input = screen.getByLabelText('Private app access token');
    expect(input).toHaveAttribute('type', 'password');
    await user.type(input, TOKEN);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Connection set up')).toBeInTheDocument();
    expect(input).toHaveValue('');
    expect(document.body.innerHTML).not.toContain(TOKEN);
    expect((await readHubSpotSettings(storage))?.accessToken).toBe(TOKEN);
  });

  it('explains a token that is not a private app token', async () => {
    const user = userEvent.setup();
    renderCard();
    await user.type(screen.getByLabelText('Private app access token'), 'my-api-key');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/field "accessToken".*starts with "pat-"/);
  });

  it('shows the failed test with HubSpot correlation id, and the usage after a good one', async () => {
    const user = userEvent.setup();
    renderCard();
    await user.type(screen.getByLabelText('Private app access token'), TOKEN);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    server.use(http.get('https://api.hubapi.com/crm/v3/objects/contacts', () => HttpResponse.json(unauthorized, { status: 401 })));
    await user.click(await screen.findByRole('button', { name: 'Test connection' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('a1b2c3d4-e5f6-7890-abcd-ef1234567890');

    server.use(
      http.get('https://api.hubapi.com/crm/v3/objects/contacts', () =>
        HttpResponse.json({ results: [] }, { headers: { 'X-HubSpot-RateLimit-Max': '190', 'X-HubSpot-RateLimit-Remaining': '189', 'X-HubSpot-RateLimit-Daily': '1000000', 'X-HubSpot-RateLimit-Daily-Remaining': '999999' } }),
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('Connected to HubSpot.')).toBeInTheDocument();
    expect(await screen.findByText(/189\/190 left in the 10-second window, 999,999\/1,000,000 left today/)).toBeInTheDocument();
  });

  it('speaks Japanese', async () => {
    renderCard('ja');
    expect(await screen.findByText('未接続')).toBeInTheDocument();
    expect(screen.getByLabelText('非公開アプリのアクセストークン')).toBeInTheDocument();
  });

  it('Disconnect asks about undelivered feedback, keeps it if told to, and forgets the token and the cached contacts', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    const ref: RecordRef = { system: 'hubspot', instance: '62515', object: '0-1', id: '512' };
    const cached = { ...leadContext(ref), sources: ['hubspot' as const] };
    cached.person.links = [{ ref }];
    await saveContext(db, cached);
    await db.feedback.add({
      id: 'fb-undelivered-01', ref, personKey: cached.person.key, verdict: 'bad', reasonCodes: [], by: 'Sato', at: 1, state: 'pending',
      attempts: 0, nextAttemptAt: 1, recordKey: recordKey(ref), authFailures: 0,
    });
    const storage = renderCard('ja', db);
    await user.type(screen.getByLabelText('非公開アプリのアクセストークン'), TOKEN);
    await user.click(screen.getByRole('button', { name: '保存' }));
    const disconnectButton = await screen.findByRole('button', { name: '接続を解除' });
    await waitFor(() => expect(disconnectButton).toBeEnabled());
    await user.click(disconnectButton);
    expect(await screen.findByText(/未送信のフィードバックが 1 件あります/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '残して解除' }));
    expect(await screen.findByText(/接続を解除し/)).toBeInTheDocument();
    expect(await readHubSpotSettings(storage)).toBeNull();
    expect(await readContext(db, ref)).toBeUndefined();
    expect((await db.feedback.get('fb-undelivered-01'))?.state).toBe('pending');
    expect(screen.queryByRole('button', { name: '接続を解除' })).toBeNull();
  });
});
