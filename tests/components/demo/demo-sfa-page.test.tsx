import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DemoSfaPage } from '../../../components/demo/demo-sfa-page';
import { DEMO_FEATURED } from '../../../lib/connectors/demo/featured';

// Wednesday 14:17 JST: the workspace of that hour.
const clock = () => Date.UTC(2026, 10, 25, 5, 17);

beforeEach(() => {
  history.replaceState(null, '', '/demo-sfa.html');
});

describe('demo SFA (Salesforce-like) lead page', () => {
  it('with no lead in the URL shows the first featured lead and writes its id into the URL', async () => {
    render(<DemoSfaPage clock={clock} />);
    expect(screen.getByRole('heading', { level: 1, name: '山田 太郎' })).toBeInTheDocument();
    await waitFor(() => expect(window.location.hash).toBe(`#/lead/${DEMO_FEATURED.hotJustHandedOff.sfa}`));
    const path = screen.getByRole('list', { name: 'Lead Status path' });
    expect(within(path).getByText('Open - Not Contacted')).toHaveAttribute('aria-current', 'step');
    expect(screen.getByText(/Baton のデモ用ワークスペース/)).toBeInTheDocument();
    expect(screen.getByText(/Click the Baton icon in the toolbar/)).toBeInTheDocument();
  });

  it('navigates in-page from the lead list by changing location.hash, and follows it', async () => {
    const user = userEvent.setup();
    history.replaceState(null, '', `/demo-sfa.html#/lead/${DEMO_FEATURED.hotJustHandedOff.sfa}`);
    render(<DemoSfaPage clock={clock} />);
    const list = screen.getByRole('navigation', { name: 'Leads' });
    await user.click(within(list).getByRole('link', { name: /Olivia Bennett/ }));
    expect(window.location.hash).toBe(`#/lead/${DEMO_FEATURED.englishOpportunity.sfa}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Olivia Bennett' })).toBeInTheDocument();
    expect(within(list).getByRole('link', { name: /Olivia Bennett/ })).toHaveAttribute('aria-current', 'page');
    // Her open opportunity is in USD.
    expect(screen.getByRole('cell', { name: '$84,000' })).toBeInTheDocument();

    // Back/forward and links elsewhere change the hash too; the page follows.
    window.location.hash = `#/lead/${DEMO_FEATURED.wonMetLate.sfa}`;
    expect(await screen.findByRole('heading', { level: 1, name: '松本 隆' })).toBeInTheDocument();
  });

  it('shows the sales activity, history and cross-link of a worked lead', () => {
    history.replaceState(null, '', `/demo-sfa.html#/lead/${DEMO_FEATURED.slaMet.sfa}`);
    render(<DemoSfaPage clock={clock} />);
    expect(screen.getByRole('heading', { level: 1, name: '高橋 さくら' })).toBeInTheDocument();
    const activity = screen.getByRole('region', { name: 'Activity' });
    expect(within(activity).getAllByText('伊藤 由美', { exact: false }).length).toBeGreaterThan(0);
    expect(within(activity).getByText('初回架電')).toBeInTheDocument();
    const leadHistory = screen.getByRole('region', { name: 'Lead History' });
    expect(within(leadHistory).getAllByText('Closed - Converted').length).toBeGreaterThan(0);
    expect(screen.getByRole('link', { name: /View in Demo MA/ })).toHaveAttribute(
      'href',
      `/demo-ma.html#/lead/${DEMO_FEATURED.slaMet.ma}`,
    );
  });

  it('warns about a potential duplicate, linking to the other record', () => {
    history.replaceState(null, '', `/demo-sfa.html#/lead/${DEMO_FEATURED.duplicate.sfa}`);
    render(<DemoSfaPage clock={clock} />);
    const warning = screen.getByRole('status');
    expect(within(warning).getByText(/1 potential duplicate/)).toBeInTheDocument();
    expect(within(warning).getByRole('link', { name: /加藤陽子/ })).toHaveAttribute('href', `#/lead/${DEMO_FEATURED.duplicateTwin.sfa}`);
  });

  it('says a lead does not exist instead of showing an empty record', async () => {
    const user = userEvent.setup();
    history.replaceState(null, '', '/demo-sfa.html#/lead/00Q000000000000AAA');
    render(<DemoSfaPage clock={clock} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('00Q000000000000AAA');
    await user.click(within(alert).getByRole('link'));
    expect(await screen.findByRole('heading', { level: 1, name: '山田 太郎' })).toBeInTheDocument();
  });
});
