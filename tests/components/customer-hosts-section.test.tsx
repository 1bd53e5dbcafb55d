import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing';
import { AppI18nProvider } from '../../components/i18n/app-i18n-provider';
import { CustomerHostsSection } from '../../components/options/customer-hosts-section';
import { BatonDepsContext } from '../../lib/queries/baton-deps';
import { fakeDeps } from '../messaging/fake-customer-hosts-browser';
import { en, ja } from './render-with-i18n';
import { freshDb } from './panel-harness';

function renderSection(b: ReturnType<typeof fakeDeps>, languages = ['ja-JP']) {
  return render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <BatonDepsContext.Provider value={{ db: freshDb(), connectorFor: async () => Promise.reject(new Error('unused')), customerHosts: b.deps }}>
        <AppI18nProvider languages={languages}>
          <CustomerHostsSection />
        </AppI18nProvider>
      </BatonDepsContext.Provider>
    </QueryClientProvider>,
  );
}

describe('Options › Customer hosts', () => {
  beforeEach(() => fakeBrowser.reset());

  it('an admin adds a Dynamics custom domain: it is listed, and removing it lists none again', async () => {
    const user = userEvent.setup();
    const b = fakeDeps();
    renderSection(b);
    const section = await screen.findByRole('region', { name: ja('hosts.title') });
    expect(await within(section).findByText(ja('hosts.none'))).toBeVisible();
    await user.type(within(section).getByLabelText(ja('hosts.host')), 'https://crm.acme.co.jp/main.aspx');
    await user.selectOptions(within(section).getByLabelText(ja('hosts.system')), 'dynamics');
    await user.click(within(section).getByRole('button', { name: ja('hosts.add') }));
    expect(await within(section).findByText(ja('hosts.added', { host: 'crm.acme.co.jp' }))).toBeVisible();
    expect(await within(section).findByText('crm.acme.co.jp')).toBeVisible();
    expect(b.requests).toEqual([{ origins: ['https://crm.acme.co.jp/*'], permissions: ['scripting'] }]);

    await user.click(within(section).getByRole('button', { name: ja('hosts.remove', { host: 'crm.acme.co.jp' }) }));
    expect(await within(section).findByText(ja('hosts.none'))).toBeVisible();
    expect(b.scripts.size).toBe(0);
  });

  it('says plainly why nothing was added when the person declines, or types a vendor standard address', async () => {
    const user = userEvent.setup();
    const b = fakeDeps({ grant: false });
    renderSection(b, ['en-US']);
    const section = await screen.findByRole('region', { name: en('hosts.title') });
    const host = within(section).getByLabelText(en('hosts.host'));
    await user.type(host, 'crm.acme.co.jp');
    await user.click(within(section).getByRole('button', { name: en('hosts.add') }));
    expect(await within(section).findByText(en('hosts.declined', { host: 'crm.acme.co.jp' }))).toBeVisible();
    await user.clear(host);
    await user.type(host, 'acme.my.salesforce.com');
    await user.click(within(section).getByRole('button', { name: en('hosts.add') }));
    expect(await within(section).findByText(en('hosts.standard', { host: 'acme.my.salesforce.com' }))).toBeVisible();
    expect(within(section).getByText(en('hosts.none'))).toBeVisible();
  });
});
