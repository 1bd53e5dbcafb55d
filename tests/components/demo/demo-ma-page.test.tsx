import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DemoMaPage } from '../../../components/demo/demo-ma-page';
import { DEMO_FEATURED } from '../../../lib/connectors/demo/featured';

const clock = () => Date.UTC(2026, 10, 25, 5, 17);

beforeEach(() => {
  history.replaceState(null, '', '/demo-ma.html');
});

describe('demo MA (Marketo-like) lead page', () => {
  it('shows the featured lead with its activity log in Marketo activity names, newest first', () => {
    render(<DemoMaPage clock={clock} />);
    expect(window.location.hash).toBe(`#/lead/${DEMO_FEATURED.hotJustHandedOff.ma}`);
    expect(screen.getByRole('heading', { level: 1, name: '山田 太郎' })).toBeInTheDocument();
    const log = screen.getByRole('region', { name: /Activity Log/ });
    const rows = within(log).getAllByRole('row').slice(1);
    // The demo request that tipped the lead over is the newest activity, flagged as an Interesting Moment.
    expect(rows[0]).toHaveTextContent('Fill Out Form');
    expect(rows[0]).toHaveTextContent('Interesting Moment');
    expect(rows[0]).toHaveTextContent('デモ依頼フォーム');
    expect(within(log).getAllByText(/Visit Webpage/).length).toBeGreaterThan(0);
    expect(screen.getByRole('link', { name: /View in Demo CRM/ })).toHaveAttribute(
      'href',
      `/demo-sfa.html#/lead/${DEMO_FEATURED.hotJustHandedOff.sfa}`,
    );
  });

  it('pages a long activity log and shows all on request', async () => {
    const user = userEvent.setup();
    history.replaceState(null, '', `/demo-ma.html#/lead/${DEMO_FEATURED.wonMetLate.ma}`);
    render(<DemoMaPage clock={clock} />);
    const log = screen.getByRole('region', { name: /Activity Log/ });
    const total = Number(/\((\d+)\)/.exec(within(log).getByRole('heading').textContent ?? '')?.[1]);
    const more = within(log).queryByRole('button', { name: /Show all/ });
    if (total > 100) {
      expect(within(log).getAllByRole('row')).toHaveLength(101);
      await user.click(more!);
      expect(within(log).getAllByRole('row')).toHaveLength(total + 1);
    } else {
      expect(more).toBeNull();
      expect(within(log).getAllByRole('row')).toHaveLength(total + 1);
    }
  });

  it('navigates between leads in-page through the lead database list', async () => {
    const user = userEvent.setup();
    render(<DemoMaPage clock={clock} />);
    await user.click(within(screen.getByRole('navigation', { name: 'Lead Database' })).getByRole('link', { name: /井上 拓也/ }));
    expect(window.location.hash).toBe(`#/lead/${DEMO_FEATURED.cold.ma}`);
    expect(await screen.findByRole('heading', { level: 1, name: '井上 拓也' })).toBeInTheDocument();
  });
});
