import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing';
import { FreshnessBanner, LoadingSkeleton, UnsupportedPageState } from '../../components/panel/panel-states';
import { differsFromBrowserZone, formatDateTime } from '../../lib/i18n/format';
import { en, ja, renderIn } from './render-with-i18n';
import { NOW } from './lead-fixtures';

describe('panel states', () => {
  beforeEach(() => fakeBrowser.reset());

  it('offline: keeps the data and says as of when, with a retry', async () => {
    const retry = vi.fn();
    renderIn('ja', <FreshnessBanner status="offline" fetchedAt={NOW} sources={['salesforce']} onRetry={retry} />);
    expect(screen.getByRole('status')).toHaveTextContent(ja('state.offline', { time: formatDateTime('ja', NOW, 'Asia/Tokyo', differsFromBrowserZone('Asia/Tokyo')) }));
    await userEvent.click(screen.getByRole('button', { name: ja('state.retry') }));
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('stale: names the source systems', () => {
    renderIn('en', <FreshnessBanner status="stale" fetchedAt={NOW} sources={['salesforce', 'marketo']} onRetry={() => undefined} />);
    expect(screen.getByRole('status')).toHaveTextContent('Salesforce, Marketo Engage');
  });

  it('"Try the demo" opens the SFA-like demo page in a new tab', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    renderIn('en', <UnsupportedPageState code="not-vendor" />);
    expect(screen.getByText(en('state.unsupported.not-vendor'))).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try the demo' }));
    expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/\/demo-sfa\.html$/) });
  });

  it('the loading skeleton tells screen readers it is loading', () => {
    renderIn('ja', <LoadingSkeleton />);
    expect(screen.getByRole('status')).toHaveTextContent(ja('app.loading'));
  });
});
