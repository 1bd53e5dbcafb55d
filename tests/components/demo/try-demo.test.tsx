import { render, screen, within } from '@testing-library/react';
import { TryDemo } from '../../../components/demo/try-demo';
import { DEMO_FEATURED } from '../../../lib/connectors/demo/featured';

describe('Try the demo', () => {
  it('opens the demo CRM and MA pages on the featured lead, in a new tab', () => {
    render(<TryDemo locale="en" />);
    const crm = screen.getByRole('link', { name: /Open the demo CRM/ });
    expect(crm).toHaveAttribute('href', `/demo-sfa.html#/lead/${DEMO_FEATURED.hotJustHandedOff.sfa}`);
    expect(crm).toHaveAttribute('target', '_blank');
    expect(screen.getByRole('link', { name: /Open the demo MA/ })).toHaveAttribute(
      'href',
      `/demo-ma.html#/lead/${DEMO_FEATURED.hotJustHandedOff.ma}`,
    );
  });

  it('lists the featured stories in Japanese, each opening its own lead', () => {
    render(<TryDemo locale="ja" />);
    expect(screen.getByRole('heading', { name: 'デモを試す' })).toBeInTheDocument();
    const list = screen.getByRole('list');
    expect(within(list).getByRole('link', { name: 'ウォーム: SLA 期限が迫っている' })).toHaveAttribute(
      'href',
      `/demo-sfa.html#/lead/${DEMO_FEATURED.warmAtRisk.sfa}`,
    );
    expect(within(list).getAllByRole('link')).toHaveLength(9);
  });

  it('can show only the two buttons', () => {
    render(<TryDemo locale="en" showStories={false} />);
    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.getAllByRole('link')).toHaveLength(2);
  });
});
