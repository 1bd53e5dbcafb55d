import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createDemoConnector } from '../../lib/connectors/demo/demo-connector';
import { demoRef } from '../../lib/connectors/demo/demo-ids';
import { DEMO_FEATURED, FEATURED_STORIES } from '../../lib/connectors/demo/featured';
import { assessLead } from '../../lib/domain/assess-lead';
import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import { formatDay } from '../../lib/i18n/format';
import { ja } from './render-with-i18n';
import { freshDb, renderPanel } from './panel-harness';

/**
 * The panel on the built-in demo workspace, as a user opens it, with every expected value computed by the
 * domain engines from what the demo connector returns: band, SLA status, timeline days, MQL rows.
 * Wed 2026-11-25 10:30 in Tokyo: inside business hours, so the SLA clocks run.
 */
const NOW = Date.UTC(2026, 10, 25, 1, 30);

describe('panel on the demo workspace', () => {
  it.each(FEATURED_STORIES)('%s: shows what the engines say', async (story) => {
    const connector = createDemoConnector({ now: () => NOW, pageBase: 'chrome-extension://baton/' });
    const ref = demoRef('sfa', DEMO_FEATURED[story].sfa);
    const context = await connector.fetchContext(ref, { now: NOW });
    const expected = assessLead(context, [DEFAULT_DEFINITIONS], NOW);

    renderPanel({ db: freshDb(), connectorFor: async () => connector, record: { tabId: 7, ref, page: '' }, clock: { now: NOW } });
    expect(await screen.findByRole('heading', { level: 1, name: context.person.name }, { timeout: 5000 })).toBeInTheDocument();

    const temperature = screen.getByRole('region', { name: ja('temp.heading') });
    expect(within(temperature).getByText(ja(`band.${expected.temperature.band}`))).toBeInTheDocument();

    const sla = screen.getByRole('region', { name: ja('sla.heading') });
    if (expected.sla) expect(within(sla).getByText(ja(`sla.status.${expected.sla.status}`))).toBeInTheDocument();
    else expect(sla).toHaveTextContent(ja('sla.notHandedOff'));

    const qualification = screen.getByRole('region', { name: ja('qual.heading') });
    for (const c of expected.qualification.mql.criteria) {
      const row = within(qualification).getByText(c.label.ja).closest('li')!;
      expect(within(row).getByRole('img', { name: c.passed ? ja('qual.pass') : ja('qual.fail') })).toBeInTheDocument();
    }

    const timeline = screen.getByRole('region', { name: ja('timeline.heading') });
    if (context.events.length > 0) {
      const newest = Math.max(...context.events.map((e) => e.occurredAt));
      expect(within(timeline).getAllByRole('heading', { level: 3 })[0]).toHaveTextContent(formatDay('ja', newest, 'Asia/Tokyo'));
    } else {
      expect(timeline).toHaveTextContent(ja('timeline.empty'));
    }
  });

  it('the MA demo page opens the marketing view; feedback given there survives a reload', async () => {
    const user = userEvent.setup();
    const connector = createDemoConnector({ now: () => NOW, pageBase: 'chrome-extension://baton/' });
    const ref = demoRef('ma', DEMO_FEATURED.slaMet.ma);
    const db = freshDb();
    const first = renderPanel({ db, connectorFor: async () => connector, record: { tabId: 7, ref, page: '' }, clock: { now: NOW } });
    expect(await screen.findByRole('tab', { name: ja('tabs.marketing'), selected: true }, { timeout: 5000 })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: new RegExp(ja('fb.good')) }));
    expect(await screen.findByText(ja('fb.recorded'))).toBeInTheDocument();
    first.unmount();
    renderPanel({ db, connectorFor: async () => connector, record: { tabId: 7, ref, page: '' }, clock: { now: NOW } });
    expect(await screen.findByRole('button', { name: new RegExp(ja('fb.good')), pressed: true }, { timeout: 5000 })).toBeInTheDocument();
  });
});
