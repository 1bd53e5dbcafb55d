import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Timeline, TIMELINE_RECENT } from '../../components/lead/timeline';
import { formatDay, formatTime } from '../../lib/i18n/format';
import { en, ja, renderIn } from './render-with-i18n';
import { HOT_EVENTS, event } from './lead-fixtures';

describe('Timeline', () => {
  it('groups events under day headings in the team zone, newest day first', () => {
    renderIn('ja', <Timeline events={HOT_EVENTS} />);
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    const expected = [...new Set([...HOT_EVENTS].sort((a, b) => b.occurredAt - a.occurredAt).map((e) => formatDay('ja', e.occurredAt, 'Asia/Tokyo')))];
    expect(headings).toEqual(expected);
  });

  it('shows the type in words, the asset, the campaign and the time of each entry', () => {
    renderIn('en', <Timeline events={HOT_EVENTS} />);
    const webinar = HOT_EVENTS[0]!;
    const item = screen.getByText(en('event.webinar_attended')).closest('li')!;
    expect(within(item).getByText(webinar.asset!)).toBeInTheDocument();
    expect(within(item).getByText(en('timeline.campaign', { name: webinar.campaign! }))).toBeInTheDocument();
    expect(within(item).getByText(formatTime('en', webinar.occurredAt, 'Asia/Tokyo'))).toBeInTheDocument();
  });

  it('links assets only to https URLs and renders vendor text as text', () => {
    const hostile = event('x', 'page_view', 1, { url: 'javascript:alert(1)', asset: '<img src=x onerror=alert(1)>' });
    renderIn('en', <Timeline events={[HOT_EVENTS[1]!, hostile]} />);
    expect(screen.getByRole('link', { name: HOT_EVENTS[1]!.asset! })).toHaveAttribute('href', 'https://example.co.jp/pricing');
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /img/ })).not.toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
  });

  it('shows the recent events first and the whole history on request', async () => {
    const many = Array.from({ length: TIMELINE_RECENT + 5 }, (_, i) => event(`m${i}`, 'email_open', i * 5, { campaign: `Newsletter ${i}` }));
    renderIn('en', <Timeline events={many} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(TIMELINE_RECENT);
    expect(screen.getByText('Campaign: Newsletter 0')).toBeInTheDocument();
    expect(screen.queryByText(`Campaign: Newsletter ${TIMELINE_RECENT + 4}`)).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: en('timeline.showAll', { count: many.length }) }));
    expect(screen.getAllByRole('listitem')).toHaveLength(many.length);
  });

  it('says so when there is no history', () => {
    renderIn('ja', <Timeline events={[]} />);
    expect(screen.getByText(ja('timeline.empty'))).toBeInTheDocument();
  });
});
