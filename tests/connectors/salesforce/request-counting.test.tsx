import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import { createSalesforceConnector } from '../../../lib/connectors/salesforce/connector';
import type { RecordRef } from '../../../lib/domain/model';
import { BatonDepsContext, type BatonDeps } from '../../../lib/queries/baton-deps';
import { useLeadContext } from '../../../lib/queries/use-lead-context';
import { openBatonDb, type BatonDb } from '../../../lib/store/db';
import { connectedStore, createFakeOrg, LEAD_ID } from './fake-org';

/**
 * The panel's path end to end below the UI: useLeadContext → Salesforce connector → HTTP (the fake org),
 * counting the requests that reach Salesforce.
 */
const MINUTE = 60_000;
const T0 = Date.UTC(2026, 10, 25, 3, 0);
const ref: RecordRef = { system: 'salesforce', instance: 'acme', object: 'Lead', id: LEAD_ID };

const { server, state } = createFakeOrg();
let db: BatonDb;
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  Object.assign(state, createFakeOrg().state);
  db = openBatonDb(`baton-sf-count-${Math.random().toString(36).slice(2)}`);
});
afterEach(async () => {
  await db.delete();
});

function View() {
  const view = useLeadContext(ref);
  return (
    <div>
      <p data-testid="status">{view.status}</p>
      <h1>{view.context?.person.name ?? '-'}</h1>
      <p data-testid="err">{view.error?.message}</p>
    </div>
  );
}

function open(deps: BatonDeps) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <BatonDepsContext.Provider value={deps}>
        <View />
      </BatonDepsContext.Provider>
    </QueryClientProvider>,
  );
}

const salesforceCalls = () => state.requests.filter((r) => new URL(r.url).host === 'acme.my.salesforce.com');

describe('Salesforce API calls per view', () => {
  it('an uncached view makes exactly 1 call; reopening within the freshness window makes 0; after it, 1 more', async () => {
    let clock = T0;
    const connector = createSalesforceConnector({ storage: connectedStore(), now: () => clock });
    const deps: BatonDeps = { db, connectorFor: async () => connector, now: () => clock };

    const first = open(deps);
    expect(await screen.findByRole('heading', { name: 'Yamada Taro' }, { timeout: 5000 })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent('fresh'), { timeout: 5000 });
    expect(salesforceCalls()).toHaveLength(1);
    first.unmount();

    clock = T0 + 4 * MINUTE; // default freshness window: 5 minutes
    const second = open(deps);
    expect(await screen.findByRole('heading', { name: 'Yamada Taro' }, { timeout: 5000 })).toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 50));
    expect(salesforceCalls()).toHaveLength(1);
    second.unmount();

    clock = T0 + 6 * MINUTE;
    open(deps);
    await waitFor(() => expect(salesforceCalls()).toHaveLength(2), { timeout: 5000 });
  });
});
