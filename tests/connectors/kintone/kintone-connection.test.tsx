import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { KintoneConnection } from '../../../components/connections/kintone-connection';
import { I18nProvider } from '../../../components/i18n/i18n-provider';
import { memoryStore } from '../../../lib/connectors/local-store';
import { readKintoneAuth, readKintoneMapping, readKintoneSettings } from '../../../lib/connectors/kintone/settings';
import type { IdentityApi } from '../../../lib/connectors/dynamics/auth';
import { createKintoneConnector } from '../../../lib/connectors/kintone/kintone-connector';
import { BatonDepsContext } from '../../../lib/queries/baton-deps';
import { freshDb } from '../../store/lead-context-fixture';
import { ACTIVITY_TOKEN, CLIENT_ID, CLIENT_SECRET, DOMAIN, TOKEN, kintoneFake, kintoneTokenEndpoint } from './kintone-msw';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/kintone';
/** The browser's web-auth window: kintone's consent page answers with a code at once. */
const identity: IdentityApi = {
  getRedirectURL: (path) => `https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/${path ?? ''}`,
  launchWebAuthFlow: async ({ url }) => `${REDIRECT}?code=fake-code&state=${new URL(url).searchParams.get('state') ?? ''}`,
};

function renderCard(locale: 'ja' | 'en' = 'en', web: IdentityApi = identity) {
  const storage = memoryStore();
  render(
    <BatonDepsContext.Provider value={{ db: freshDb(), connectorFor: () => Promise.reject(new Error('unused')) }}>
      <I18nProvider locale={locale}>
        <KintoneConnection storage={storage} identity={web} />
      </I18nProvider>
    </BatonDepsContext.Provider>,
  );
  return storage;
}

describe('kintone connection card', () => {
  it('connects an app with its tokens (never shown again), reads its fields, proposes the mapping and saves it; the panel then reads the record', async () => {
    const fake = kintoneFake();
    server.use(...fake.handlers);
    const user = userEvent.setup();
    const storage = renderCard();
    expect(await screen.findByText('Not connected')).toBeInTheDocument();
    await user.type(screen.getByLabelText('kintone address (e.g. example.cybozu.com)'), `https://${DOMAIN}/k/12/`);
    await user.type(screen.getByLabelText('App id'), '12');
    await user.type(screen.getByLabelText('API token of the app'), TOKEN);
    await user.type(screen.getByLabelText('API token of the activity app (optional)'), ACTIVITY_TOKEN);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Connection set up')).toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain(TOKEN);
    expect(await readKintoneSettings(storage)).toMatchObject({ domain: DOMAIN, appId: '12', token: TOKEN, activityToken: ACTIVITY_TOKEN });
    expect(screen.getByText(/No mapping saved yet/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Read the app’s fields' }));
    expect(await screen.findByText(/fields read/)).toBeInTheDocument();
    expect(screen.getByLabelText('Company')).toHaveValue('会社名');
    expect(screen.getByLabelText('Handoff date (e.g. 商談化日)')).toHaveValue('商談化日');
    expect(screen.getByLabelText('Activity app id')).toHaveValue('13');
    expect(screen.getByLabelText('Activity date')).toHaveValue('活動日時');
    const stages = screen.getByRole('group', { name: 'Stage values' });
    expect(within(stages).getByLabelText('商談化')).toHaveValue('sql');
    // The admin corrects one guess: in this company 商談化 is the handoff to sales (MQL).
    await user.selectOptions(within(stages).getByLabelText('商談化'), 'mql');
    await user.click(screen.getByRole('button', { name: 'Save mapping' }));
    expect(await screen.findByText('Mapping saved.', { selector: '[role=status]' })).toBeInTheDocument();

    const mapping = await readKintoneMapping(storage, '12');
    expect(mapping).toMatchObject({ company: '会社名', email: 'メールアドレス', handoffDate: '商談化日', stage: { field: 'ステータス' }, activity: { appId: '13', linkField: '案件レコード番号', keyField: 'レコード番号' } });
    expect(mapping?.stage?.values['商談化']).toBe('mql');

    const ctx = await createKintoneConnector({ storage }).fetchContext({ system: 'kintone', instance: DOMAIN, object: 'app:12', id: '42' }, { now: Date.UTC(2026, 10, 25) });
    expect(ctx.person.stage).toBe('mql');
    expect(ctx.activities).toHaveLength(2);
  });

  it('signs in through the company’s OAuth client instead of tokens, maps the fields with that sign-in, and signs out', async () => {
    const endpoint = kintoneTokenEndpoint();
    const fake = kintoneFake({ bearer: endpoint.current });
    server.use(endpoint.handler, ...fake.handlers);
    const user = userEvent.setup();
    const storage = renderCard();
    expect(await screen.findByText('Not connected')).toBeInTheDocument();
    await user.type(screen.getByLabelText('kintone address (e.g. example.cybozu.com)'), DOMAIN);
    await user.type(screen.getByLabelText('App id'), '12');
    await user.click(screen.getByRole('radio', { name: 'OAuth client (sign in as yourself)' }));
    expect(screen.queryByLabelText('API token of the app')).toBeNull();
    expect(screen.getByLabelText('Redirect URL (the OAuth client’s redirect endpoint)')).toHaveValue(REDIRECT);
    expect(screen.getByText(/k:app_record:read k:app_record:write k:app_settings:read/)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Client ID'), CLIENT_ID);
    await user.type(screen.getByLabelText('Client secret'), CLIENT_SECRET);
    await user.click(screen.getByRole('button', { name: 'Save and sign in' }));
    expect(await screen.findByText(`Signed in to ${DOMAIN} through the OAuth client`)).toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain(CLIENT_SECRET);
    expect(screen.getByLabelText('Client secret')).toHaveValue('');
    expect(await readKintoneSettings(storage)).toMatchObject({ auth: 'oauth', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });

    // The mapping screen reads the app's form fields with the Bearer token.
    await user.click(screen.getByRole('button', { name: 'Read the app’s fields' }));
    expect(await screen.findByText(/fields read/)).toBeInTheDocument();
    expect(fake.calls.filter((c) => c.path === '/k/v1/app/form/fields.json').every((c) => c.authorization?.startsWith('Bearer ') && c.token === null)).toBe(true);

    const signOut = screen.getByRole('button', { name: 'Sign out' });
    await waitFor(() => expect(signOut).toBeEnabled()); // once undelivered feedback is counted
    await user.click(signOut);
    expect(await screen.findByText('Not connected')).toBeInTheDocument();
    expect(await readKintoneAuth(storage)).toBeNull();
    // The client stays for the next sign-in; its secret is still never shown.
    expect(screen.getByLabelText('Client ID')).toHaveValue(CLIENT_ID);
  });

  it('a sign-in window closed before the end leaves the saved API tokens working', async () => {
    server.use(kintoneTokenEndpoint().handler);
    const closed: IdentityApi = { ...identity, launchWebAuthFlow: () => Promise.reject(new Error('The user did not approve access.')) };
    const user = userEvent.setup();
    const storage = renderCard('en', closed);
    await user.type(await screen.findByLabelText('kintone address (e.g. example.cybozu.com)'), DOMAIN);
    await user.type(screen.getByLabelText('App id'), '12');
    await user.type(screen.getByLabelText('API token of the app'), TOKEN);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Connection set up')).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'OAuth client (sign in as yourself)' }));
    await user.type(screen.getByLabelText('Client ID'), CLIENT_ID);
    await user.type(screen.getByLabelText('Client secret'), CLIENT_SECRET);
    await user.click(screen.getByRole('button', { name: 'Save and sign in' }));
    expect(await screen.findByText(/kintone sign-in window closed/)).toBeInTheDocument();
    expect(await readKintoneSettings(storage)).toMatchObject({ auth: 'token', token: TOKEN });
    expect(screen.getByText('Connection set up')).toBeInTheDocument();
  });

  it('shows the form in Japanese', async () => {
    renderCard('ja');
    expect(await screen.findByText('未接続')).toBeInTheDocument();
    expect(screen.getByLabelText('アプリの API トークン')).toHaveAttribute('type', 'password');
  });
});
