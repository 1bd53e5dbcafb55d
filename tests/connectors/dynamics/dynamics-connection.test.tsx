import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { DynamicsConnection } from '../../../components/connections/dynamics-connection';
import { I18nProvider } from '../../../components/i18n/i18n-provider';
import { memoryStore } from '../../../lib/connectors/local-store';
import { readDynamicsAuth, type IdentityApi } from '../../../lib/connectors/dynamics/auth';
import { BatonDepsContext } from '../../../lib/queries/baton-deps';
import { freshDb } from '../../store/lead-context-fixture';
import { CLIENT_ID, dataverseFake, ENV, TENANT } from './dataverse-msw';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const REDIRECT_BASE = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

function renderCard(locale: 'ja' | 'en' = 'en') {
  const storage = memoryStore();
  const windows: string[] = [];
  const identity: IdentityApi = {
    getRedirectURL: (path) => `${REDIRECT_BASE}${path ?? ''}`,
    launchWebAuthFlow: async ({ url }) => {
      windows.push(url);
      return `${REDIRECT_BASE}dynamics?code=the-code&state=${new URL(url).searchParams.get('state')}`;
    },
  };
  render(
    <BatonDepsContext.Provider value={{ db: freshDb(), connectorFor: () => Promise.reject(new Error('unused')) }}>
      <I18nProvider locale={locale}>
        <DynamicsConnection storage={storage} identity={identity} />
      </I18nProvider>
    </BatonDepsContext.Provider>,
  );
  return { storage, windows };
}

describe('Dynamics 365 connection card', () => {
  it('shows the redirect URL to register, signs in through the Microsoft window, and says who is signed in', async () => {
    server.use(...dataverseFake().handlers);
    const user = userEvent.setup();
    const { storage, windows } = renderCard();
    expect(await screen.findByText('Not signed in')).toBeInTheDocument();
    expect(screen.getByLabelText('Redirect URL (register it in the app registration)')).toHaveValue(`${REDIRECT_BASE}dynamics`);
    await user.type(screen.getByLabelText('Directory (tenant) ID or domain'), TENANT);
    await user.type(screen.getByLabelText('Application (client) ID'), CLIENT_ID);
    await user.type(screen.getByLabelText('Environment (host of your Dynamics 365 pages)'), `https://${ENV}/`);
    await user.click(screen.getByRole('button', { name: 'Save and sign in' }));
    expect(await screen.findByRole('status')).toHaveTextContent(`Signed in as ichiro.suzuki@contoso.co.jp (${ENV}).`);
    expect(windows).toHaveLength(1);
    expect(await readDynamicsAuth(storage)).not.toBeNull();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
  });

  it('names the wrong field in Japanese too, and opens no window', async () => {
    server.use(...dataverseFake().handlers);
    const user = userEvent.setup();
    const { windows } = renderCard('ja');
    expect(await screen.findByText('サインインしていません')).toBeInTheDocument();
    await user.type(screen.getByLabelText('ディレクトリ（テナント）ID またはドメイン'), TENANT);
    await user.type(screen.getByLabelText('アプリケーション（クライアント）ID'), 'not-a-guid');
    await user.type(screen.getByLabelText('環境（Dynamics 365 の画面のホスト名）'), ENV);
    await user.click(screen.getByRole('button', { name: '保存してサインイン' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/clientId/);
    expect(windows).toHaveLength(0);
  });
});
