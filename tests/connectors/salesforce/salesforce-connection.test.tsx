import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SalesforceConnection } from '../../../components/connections/salesforce-connection';
import { I18nProvider } from '../../../components/i18n/i18n-provider';
import type { SalesforceBrowserDeps } from '../../../lib/connectors/salesforce/browser-deps';
import { memoryStore } from '../../../lib/connectors/local-store';
import { CONSUMER_KEY, withFakeOrg } from './fake-org';
import { BatonDepsContext } from '../../../lib/queries/baton-deps';
import { readContext, saveContext } from '../../../lib/store/context-repo';
import type { BatonDb } from '../../../lib/store/db';
import { recordKey } from '../../../lib/domain/model';
import { freshDb, leadContext, sfRef } from '../../store/lead-context-fixture';

const NOW = Date.UTC(2026, 10, 25, 3, 0);
const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/salesforce';

const { state } = withFakeOrg();

function setup(opts: { grant?: boolean; db?: BatonDb } = {}) {
  const storage = memoryStore();
  const permissionRequests: unknown[] = [];
  const authorizeUrls: URL[] = [];
  const deps: SalesforceBrowserDeps = {
    storage,
    identity: {
      getRedirectURL: (path) => `https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/${path ?? ''}`,
      launchWebAuthFlow: async ({ url }) => {
        const u = new URL(url);
        authorizeUrls.push(u);
        return `${REDIRECT}?code=aPrxCODE&state=${u.searchParams.get('state')}`;
      },
    },
    permissions: {
      request: async (p) => {
        permissionRequests.push(p);
        return opts.grant ?? true;
      },
    },
  };
  render(
    <BatonDepsContext.Provider value={{ db: opts.db ?? freshDb(), connectorFor: () => Promise.reject(new Error('unused')) }}>
      <I18nProvider locale="en">
        <SalesforceConnection deps={deps} now={() => NOW} />
      </I18nProvider>
    </BatonDepsContext.Provider>,
  );
  return { storage, permissionRequests, authorizeUrls };
}

describe('Salesforce card in options', () => {
  it('shows the redirect URI to register, and connects to the org end to end', async () => {
    const user = userEvent.setup();
    const { storage } = setup();
    expect(screen.getByRole('status')).toHaveTextContent('Not connected');
    expect(screen.getByLabelText(/Callback URL/)).toHaveValue(REDIRECT);

    await user.type(screen.getByLabelText('Consumer key'), CONSUMER_KEY);
    await user.click(screen.getByRole('button', { name: 'Connect' }));

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Connected as sato@acme.example (acme.my.salesforce.com)'));
    expect(screen.getByText('API version: 65.0')).toBeInTheDocument();
    expect(screen.getByText('API usage (24 h): 25 / 15,000 (0.2%)')).toBeInTheDocument();
    expect(await storage.get('baton.salesforce.settings')).toMatchObject({ consumerKey: CONSUMER_KEY, sessionFallback: false });
  });

  it('says which field is wrong and does not open the sign-in window', async () => {
    const user = userEvent.setup();
    const { authorizeUrls } = setup();
    await user.type(screen.getByLabelText('Consumer key'), 'abc');
    await user.type(screen.getByLabelText(/business unit id/), '001xx');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(screen.getByText('The consumer key is the long string in the app’s OAuth settings.')).toBeInTheDocument();
    expect(screen.getByText(/starts with 0Uv/)).toBeInTheDocument();
    expect(screen.getByLabelText('Consumer key')).toHaveAttribute('aria-invalid', 'true');
    expect(authorizeUrls).toHaveLength(0);
  });

  it('asks for the custom login host and the cookies permission only when needed', async () => {
    const user = userEvent.setup();
    const { permissionRequests, authorizeUrls } = setup({ grant: false });
    await user.type(screen.getByLabelText('Consumer key'), CONSUMER_KEY);
    await user.click(screen.getByLabelText('My Domain'));
    await user.type(screen.getByLabelText(/My Domain host/), 'login.acme.co.jp');
    await user.click(screen.getByLabelText(/browser’s Salesforce session/));
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(permissionRequests).toEqual([{ origins: ['https://login.acme.co.jp/*'], permissions: ['cookies'] }]);
    expect(await screen.findByRole('alert')).toHaveTextContent('The permission was not granted');
    expect(authorizeUrls).toHaveLength(0);
  });

  it('signs out: revokes at Salesforce, shows not connected, and removes the Salesforce data cached here', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    const cached = leadContext(sfRef('00Q000000000009AAA'));
    await saveContext(db, cached);
    setup({ db });
    await user.type(screen.getByLabelText('Consumer key'), CONSUMER_KEY);
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    const signOut = await screen.findByRole('button', { name: 'Sign out' });
    await waitFor(() => expect(signOut).toBeEnabled());
    await user.click(signOut);
    // Nothing undelivered: no question, signed out at once.
    expect(await screen.findByText('Signed out. What Baton had from Salesforce is removed from this computer.')).toBeInTheDocument();
    expect(screen.getByText('Not connected')).toBeInTheDocument();
    expect(state.requests.some((r) => r.url === 'https://login.salesforce.com/services/oauth2/revoke')).toBe(true);
    // The person was known from Salesforce and Marketo: Marketo's events stay, Salesforce's record and call go.
    await waitFor(async () => expect(await db.records.count()).toBe(0));
    expect(await db.activities.count()).toBe(0);
    expect(await db.events.count()).toBe(3);
    expect(await readContext(db, cached.ref)).toBeUndefined();
  });

  it.each([
    ['Keep and disconnect', 'pending'],
    ['Discard and disconnect', undefined],
  ])('Sign out with feedback not yet delivered asks first; "%s" leaves it %s', async (answer, left) => {
    const user = userEvent.setup();
    const db = freshDb();
    const ref = sfRef('00Q000000000009AAA');
    const cached = leadContext(ref);
    await saveContext(db, cached);
    await db.feedback.add({
      id: 'fb-undelivered-sf', ref, personKey: cached.person.key, verdict: 'good', reasonCodes: [], by: 'Sato', at: 1, state: 'pending',
      attempts: 0, nextAttemptAt: 1, recordKey: recordKey(ref), authFailures: 0,
    });
    setup({ db });
    await user.type(screen.getByLabelText('Consumer key'), CONSUMER_KEY);
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    const signOut = await screen.findByRole('button', { name: 'Sign out' });
    await waitFor(() => expect(signOut).toBeEnabled());
    await user.click(signOut);
    expect(await screen.findByText('1 feedback not yet delivered to Salesforce. Keep it to send when you connect again, or discard it?')).toBeInTheDocument();
    // Still signed in while the question is open.
    expect(state.requests.some((r) => r.url.endsWith('/services/oauth2/revoke'))).toBe(false);
    await user.click(screen.getByRole('button', { name: answer }));
    expect(await screen.findByText('Signed out. What Baton had from Salesforce is removed from this computer.')).toBeInTheDocument();
    expect(state.requests.some((r) => r.url === 'https://login.salesforce.com/services/oauth2/revoke')).toBe(true);
    expect(await readContext(db, ref)).toBeUndefined();
    expect((await db.feedback.get('fb-undelivered-sf'))?.state).toBe(left);
  });

  it('warns that background refresh is paused above 80% of the daily limit', async () => {
    state.limitHeader = 'api-usage=12600/15000';
    const user = userEvent.setup();
    setup();
    await user.type(screen.getByLabelText('Consumer key'), CONSUMER_KEY);
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByText(/background refresh is paused/)).toBeInTheDocument();
  });
});
