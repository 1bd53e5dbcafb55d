import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { Connector } from '../../lib/connectors/connector';
import { BatonDepsContext, type BatonDeps } from '../../lib/queries/baton-deps';
import { readIdentities, saveIdentity } from '../../lib/store/identity-repo';
import { AppI18nProvider } from '../../components/i18n/app-i18n-provider';
import { WhoAmISection } from '../../components/options/who-am-i-section';
import { en } from './render-with-i18n';
import { NOW } from './lead-fixtures';
import { SF_REF, fakeConnector, freshDb, leadContext, renderPanel } from './panel-harness';

const SATO = { system: 'salesforce' as const, userId: '0055e000001UserAAC', name: 'Sato Hanako', checkedAt: NOW };

describe('who I am', () => {
  it('feedback carries the signed-in Salesforce user, shown to them as "You" and to marketing by name', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    await saveIdentity(db, SATO);
    const { connectorFor } = fakeConnector(async () => leadContext());
    const panel = renderPanel({ db, connectorFor, record: { tabId: 1, ref: SF_REF, page: '' }, languages: ['en'] });
    await user.click(await screen.findByRole('button', { name: /Good lead/ }));
    await waitFor(async () => expect((await db.feedback.toArray()).map((f) => f.by)).toEqual(['Sato Hanako']));
    expect(within(screen.getByRole('region', { name: en('fb.history') })).getByText(/You · Good lead/)).toBeInTheDocument();
    panel.unmount();

    // A colleague in marketing (another browser, nobody stored) sees who gave it.
    const other = freshDb();
    await other.feedback.bulkPut(await db.feedback.toArray());
    renderPanel({ db: other, connectorFor, record: { tabId: 1, ref: SF_REF, page: '' }, languages: ['en'] });
    await user.click(await screen.findByRole('tab', { name: 'Marketing' }));
    expect(await within(screen.getByRole('region', { name: en('received.heading') })).findByText(/Sato Hanako · Good lead/)).toBeInTheDocument();
  });

  it('options show who I am per system, ask a system on "Check", and let the demo rep be picked', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    const hubspot: Connector = {
      system: 'hubspot',
      fetchContext: () => Promise.reject(new Error('unused')),
      deliverFeedback: () => Promise.reject(new Error('unused')),
      whoAmI: async ({ now }) => ({ system: 'hubspot', userId: '41629779', name: 'Aiko Sato', checkedAt: now }),
    };
    const salesforce: Connector = { ...hubspot, system: 'salesforce', whoAmI: async () => null };
    const deps: BatonDeps = { db, connectorFor: async (s) => (s === 'hubspot' ? hubspot : salesforce), now: () => NOW };
    render(
      <BatonDepsContext.Provider value={deps}>
        <QueryClientProvider client={new QueryClient()}>
          <AppI18nProvider languages={['en']}>
            <WhoAmISection />
          </AppI18nProvider>
        </QueryClientProvider>
      </BatonDepsContext.Provider>,
    );
    const rows = await screen.findAllByRole('listitem');
    expect(rows[1]).toHaveTextContent(en('me.unknown'));
    await user.click(within(rows[1]!).getByRole('button', { name: en('me.check') }));
    expect(await within(rows[1]!).findByText('Aiko Sato (user 41629779)')).toBeInTheDocument();
    await user.click(within(rows[0]!).getByRole('button', { name: en('me.check') }));
    expect(await within(rows[0]!).findByText(en('me.notConnected'))).toBeInTheDocument();

    const rep = screen.getByLabelText(en('me.demoRep'));
    expect(rep).toHaveValue('佐藤 健一');
    await user.selectOptions(rep, 'Emily Carter');
    await waitFor(async () => expect((await readIdentities(db)).demo?.name).toBe('Emily Carter'));
  });
});
