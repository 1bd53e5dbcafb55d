import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { MarketoConnection } from '../../../components/connections/marketo-connection';
import { I18nProvider } from '../../../components/i18n/i18n-provider';
import { memoryStore } from '../../../lib/connectors/local-store';
import { readMarketoSettings } from '../../../lib/connectors/marketo/settings';
import { marketoFake } from './marketo-msw';
import { BatonDepsContext } from '../../../lib/queries/baton-deps';
import { freshDb } from '../../store/lead-context-fixture';

/** The options page provides the app's deps (the Disconnect reads the outbox); a fresh database per render. */
const withDeps = (ui: React.ReactNode) => <BatonDepsContext.Provider value={{ db: freshDb(), connectorFor: () => Promise.reject(new Error('unused')) }}>{ui}</BatonDepsContext.Provider>;

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('Marketo connection card', () => {
  it('saves endpoint, client id and secret, keeps the secret hidden, and tests the connection', async () => {
    const user = userEvent.setup();
    const fake = marketoFake();
    server.use(...fake.handlers);
    const storage = memoryStore();
    render(
      withDeps(
        <I18nProvider locale="en">
          <MarketoConnection storage={storage} />
        </I18nProvider>,
      ),
    );
    expect(await screen.findByText('Not connected')).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent(/read and change every lead/);
    await user.type(screen.getByLabelText('REST endpoint'), 'https://123-ABC-456.mktorest.com/rest');
    await user.type(screen.getByLabelText('Client Id'), 'a1b2c3d4-client');
    await user.type(screen.getByLabelText('Client Secret'), 'secret-secret-secret');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Connection set up')).toBeInTheDocument();
    expect(screen.getByLabelText('Client Secret')).toHaveValue('');
    expect(document.body.innerHTML).not.toContain('secret-secret-secret');

    // Saving again with the secret left empty keeps the saved one.
    await user.type(screen.getByLabelText('Custom activity id for feedback (optional)'), '100001');
    // Pairing with the Marketo the person opens: pasted from the address bar, kept as the host.
    await user.type(screen.getByLabelText('Marketo app address (e.g. app-ab12.marketo.com)'), 'https://app-ab12.marketo.com/#ML0A1ZN2');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect(await readMarketoSettings(storage)).toMatchObject({
      clientSecret: 'secret-secret-secret', feedbackActivityTypeId: 100001, endpoint: 'https://123-abc-456.mktorest.com', appHost: 'app-ab12.marketo.com',
    });
    expect(screen.getByLabelText('Marketo app address (e.g. app-ab12.marketo.com)')).toHaveValue('app-ab12.marketo.com');

    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('Connected to Marketo (6 activity types loaded).')).toBeInTheDocument();
    expect(await screen.findByText(/API calls Baton made today: 2/)).toBeInTheDocument();
  });

  it('names the field when the endpoint is not a Marketo REST endpoint', async () => {
    const user = userEvent.setup();
    render(
      withDeps(
        <I18nProvider locale="en">
          <MarketoConnection storage={memoryStore()} />
        </I18nProvider>,
      ),
    );
    await user.type(screen.getByLabelText('REST endpoint'), 'https://example.com/rest');
    await user.type(screen.getByLabelText('Client Id'), 'a1b2c3d4-client');
    await user.type(screen.getByLabelText('Client Secret'), 'secret-secret-secret');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/field "endpoint".*Web Services/);
  });
});
