import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConnectorError } from '../../lib/connectors/connector';
import { assessLead, type Assessment } from '../../lib/domain/assess-lead';
import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import { saveContext } from '../../lib/store/context-repo';
import { saveSettings } from '../../lib/store/settings';
import { en, ja } from './render-with-i18n';
import { NOW } from './lead-fixtures';
import { SF_REF, fakeConnector, freshDb, leadContext, renderPanel } from './panel-harness';

const ctx = leadContext();
describe('PanelApp', () => {
  // Judged inside each test (not at import), so a mutation test sees which test reaches the engine.
  let expected: Assessment;
  beforeEach(() => {
    expected = assessLead(ctx, [DEFAULT_DEFINITIONS], NOW);
  });

  it('shows the sales view of the record in the active tab, in the browser language', async () => {
    const { connectorFor } = fakeConnector(async () => ctx);
    renderPanel({ db: freshDb(), connectorFor, record: { tabId: 1, ref: SF_REF, page: 'https://acme.lightning.force.com/lightning/r/Lead/x/view' } });
    expect(await screen.findByRole('heading', { level: 1, name: ctx.person.name })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: ja('tabs.sales') })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByText(ja(`band.${expected.temperature.band}`))).toBeInTheDocument();
    expect(expected.sla).not.toBeNull();
    expect(screen.getByText(ja(`sla.status.${expected.sla!.status}`))).toBeInTheDocument();
    expect(screen.getByText(ja('warn.missing_field'), { exact: false })).toHaveTextContent('Phone');
    expect(screen.getByText(expected.qualification.mql.passed ? ja('qual.mqlPassed') : ja('qual.mqlFailed'))).toBeInTheDocument();
  });

  it('opens the marketing view on an MA page, and the options role overrides it', async () => {
    const maRef = { system: 'marketo' as const, instance: '123-ABC-456', object: 'lead', id: '42' };
    const db = freshDb();
    const { connectorFor } = fakeConnector(async () => leadContext({ ref: maRef, sources: ['marketo'] }));
    const first = renderPanel({ db, connectorFor, record: { tabId: 1, ref: maRef, page: '' }, languages: ['en-US'] });
    expect(await screen.findByRole('tab', { name: 'Marketing', selected: true })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: en('handoff.heading') })).toBeInTheDocument();
    first.unmount();
    await saveSettings(db, { defaultRole: 'sales' });
    renderPanel({ db, connectorFor, record: { tabId: 1, ref: maRef, page: '' }, languages: ['en-US'] });
    expect(await screen.findByRole('tab', { name: 'Sales', selected: true })).toBeInTheDocument();
  });

  it('moves between the tabs with the arrow keys', async () => {
    const user = userEvent.setup();
    const { connectorFor } = fakeConnector(async () => ctx);
    renderPanel({ db: freshDb(), connectorFor, record: { tabId: 1, ref: SF_REF, page: '' }, languages: ['en'] });
    const sales = await screen.findByRole('tab', { name: 'Sales' });
    sales.focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Marketing' })).toHaveFocus();
    expect(screen.getByRole('tab', { name: 'Marketing' })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Definitions' })).toHaveFocus();
    // The definitions view loads when its tab is first opened.
    expect(await screen.findByRole('heading', { name: en('def.changelog') })).toBeInTheDocument();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'My queue' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Sales' })).toHaveFocus();
    await user.keyboard('{End}');
    expect(screen.getByRole('tab', { name: 'My queue' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getAllByRole('tab').filter((t) => t.tabIndex === 0)).toHaveLength(1);
  });

  it('records 👍 at once, offers undo, and keeps the click after a reload', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    const { connectorFor } = fakeConnector(async () => ctx);
    const first = renderPanel({ db, connectorFor, record: { tabId: 1, ref: SF_REF, page: '' }, languages: ['en'] });
    await user.click(await screen.findByRole('button', { name: /Good lead/ }));
    expect(await screen.findByText(en('fb.recorded'))).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Good lead/ })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: en('fb.undo') })).toBeInTheDocument();
    expect(await db.feedback.count()).toBe(1);
    first.unmount();

    renderPanel({ db, connectorFor, record: { tabId: 1, ref: SF_REF, page: '' }, languages: ['en'] });
    expect(await screen.findByRole('button', { name: /Good lead/, pressed: true })).toBeInTheDocument();
    const history = screen.getByRole('region', { name: en('fb.history') });
    expect(within(history).getByText(/You · Good lead/)).toBeInTheDocument();
    expect(within(history).getByText(en('fb.state.pending'))).toBeInTheDocument();
  });

  it('👎 asks for reasons from the definitions, and the reasons are stored with the click', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    const { connectorFor } = fakeConnector(async () => ctx);
    renderPanel({ db, connectorFor, record: { tabId: 1, ref: SF_REF, page: '' } });
    await user.click(await screen.findByRole('button', { name: /良くないリード/ }));
    const bad = DEFAULT_DEFINITIONS.feedbackReasons.filter((r) => r.verdict === 'bad');
    for (const r of bad) expect(await screen.findByRole('button', { name: r.label.ja })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: bad[1]!.label.ja }));
    await user.type(screen.getByLabelText(ja('fb.comment')), '予算は来期');
    await user.click(screen.getByRole('button', { name: ja('fb.saveReasons') }));
    await waitFor(async () => {
      const live = (await db.feedback.toArray()).filter((f) => f.state !== 'cancelled');
      expect(live).toHaveLength(1);
      expect(live[0]).toMatchObject({ verdict: 'bad', reasonCodes: [bad[1]!.code], comment: '予算は来期' });
    });
    expect(await screen.findByText(bad[1]!.label.ja, { selector: '.feedback-list *' })).toBeInTheDocument();
  });

  it('changing one\'s mind inside the undo window replaces the click instead of sending both', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    const { connectorFor } = fakeConnector(async () => ctx);
    renderPanel({ db, connectorFor, record: { tabId: 1, ref: SF_REF, page: '' }, languages: ['en'] });
    await user.click(await screen.findByRole('button', { name: /Good lead/ }));
    await screen.findByRole('button', { name: /Good lead/, pressed: true });
    await user.click(screen.getByRole('button', { name: /Bad lead/ }));
    await screen.findByRole('button', { name: /Bad lead/, pressed: true });
    const live = (await db.feedback.toArray()).filter((f) => f.state !== 'cancelled');
    expect(live.map((f) => f.verdict)).toEqual(['bad']);
  });

  it('says so when reasons come after sending started, and never sends a second click', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    const { connectorFor } = fakeConnector(async () => ctx);
    renderPanel({ db, connectorFor, record: { tabId: 1, ref: SF_REF, page: '' }, languages: ['en'] });
    await user.click(await screen.findByRole('button', { name: /Bad lead/ }));
    const reason = DEFAULT_DEFINITIONS.feedbackReasons.find((r) => r.verdict === 'bad')!;
    await user.click(await screen.findByRole('button', { name: reason.label.en }));
    // Meanwhile the background worker claims the click.
    const [claimed] = await db.feedback.toArray();
    await db.feedback.update(claimed!.id, { state: 'sending', attempts: 1 });
    await user.click(screen.getByRole('button', { name: en('fb.saveReasons') }));
    expect(await screen.findByText(en('fb.reasonsTooLate'))).toBeInTheDocument();
    expect(await db.feedback.count()).toBe(1);
  });

  it('reasons added after delivery amend the delivered feedback through the outbox, never a second click', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    const { connectorFor } = fakeConnector(async () => ctx);
    renderPanel({ db, connectorFor, record: { tabId: 1, ref: SF_REF, page: '' }, languages: ['en'] });
    await user.click(await screen.findByRole('button', { name: /Bad lead/ }));
    const reason = DEFAULT_DEFINITIONS.feedbackReasons.find((r) => r.verdict === 'bad')!;
    await user.click(await screen.findByRole('button', { name: reason.label.en }));
    // Meanwhile the background worker delivered the click.
    const [delivered] = await db.feedback.toArray();
    await db.feedback.update(delivered!.id, { state: 'sent', attempts: 1, vendorId: '00T5g000001AbCdEAA' });
    await user.click(screen.getByRole('button', { name: en('fb.saveReasons') }));
    expect(await screen.findByText(en('fb.amended'))).toBeInTheDocument();
    const rows = await db.feedback.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ op: 'amend', state: 'pending', vendorId: '00T5g000001AbCdEAA', reasonCodes: [reason.code] });
  });

  it('undo takes the click back before it is sent', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    const { connectorFor } = fakeConnector(async () => ctx);
    renderPanel({ db, connectorFor, record: { tabId: 1, ref: SF_REF, page: '' }, languages: ['en'] });
    await user.click(await screen.findByRole('button', { name: /Good lead/ }));
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await db.feedback.toArray()).map((f) => f.state)).toEqual(['cancelled']));
    expect(await screen.findByRole('button', { name: /Good lead/, pressed: false })).toBeInTheDocument();
  });

  it('shows a delivered state and the retry for a failed one', async () => {
    const db = freshDb();
    const { connectorFor } = fakeConnector(async () => ctx);
    const base = { ref: SF_REF, personKey: ctx.person.key, reasonCodes: [], attempts: 1, nextAttemptAt: NOW };
    await db.feedback.bulkAdd([
      { ...base, id: 'fb-sent-0001', verdict: 'good', by: '鈴木', at: NOW - 3_600_000, state: 'sent', recordKey: 'salesforce|acme.my.salesforce.com|Lead|00Q5g00000AbCdEFGH', authFailures: 0 },
      { ...base, id: 'fb-fail-0001', verdict: 'bad', by: '高橋', at: NOW - 60_000, state: 'failed', lastError: 'INSUFFICIENT_ACCESS', recordKey: 'salesforce|acme.my.salesforce.com|Lead|00Q5g00000AbCdEFGH', authFailures: 0 },
    ] as never);
    renderPanel({ db, connectorFor, record: { tabId: 1, ref: SF_REF, page: '' }, languages: ['en'] });
    const history = await screen.findByRole('region', { name: en('fb.history') });
    expect(await within(history).findByText(en('fb.state.sent'))).toBeInTheDocument();
    expect(within(history).getByText(/鈴木 · Good lead/)).toBeInTheDocument();
    expect(within(history).getByText(/INSUFFICIENT_ACCESS/)).toBeInTheDocument();
    await userEvent.click(within(history).getByRole('button', { name: en('fb.retry') }));
    await waitFor(async () => expect((await db.feedback.get('fb-fail-0001'))?.state).toBe('pending'));
  });
});

describe('PanelApp states', () => {
  it('explains an unsupported page and offers the demo', async () => {
    const { connectorFor } = fakeConnector(async () => ctx);
    renderPanel({ db: freshDb(), connectorFor, record: { tabId: 1, ref: null, page: 'https://acme.lightning.force.com/lightning/page/home' }, languages: ['en'] });
    expect(await screen.findByRole('heading', { name: en('state.unsupported.title') })).toBeInTheDocument();
    expect(screen.getByText(en('state.unsupported.salesforce-home'))).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try the demo' })).toBeInTheDocument();
  });

  it('shows the vendor, the reason and a retry when the first load fails', async () => {
    const user = userEvent.setup();
    let fail = true;
    const { connectorFor, calls } = fakeConnector(async () => {
      if (fail) throw new ConnectorError({ vendor: 'salesforce', kind: 'permanent', message: 'No access to Lead.Status', code: 'INVALID_FIELD' });
      return ctx;
    });
    renderPanel({ db: freshDb(), connectorFor, record: { tabId: 1, ref: SF_REF, page: '' }, languages: ['en'] });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(en('state.error.title', { vendor: 'Salesforce' }));
    expect(alert).toHaveTextContent(en('error.permanent'));
    expect(alert).toHaveTextContent('No access to Lead.Status');
    expect(alert).toHaveTextContent('INVALID_FIELD');
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { level: 1, name: ctx.person.name })).toBeInTheDocument();
    expect(calls.count).toBe(2);
  });

  it('says what to do when the vendor is not connected', async () => {
    const { connectorFor } = fakeConnector(async () => {
      throw new ConnectorError({ vendor: 'salesforce', kind: 'not-connected', message: 'no token' });
    });
    renderPanel({ db: freshDb(), connectorFor, record: { tabId: 1, ref: SF_REF, page: '' } });
    expect(await screen.findByRole('heading', { name: ja('state.notConnected.title', { vendor: 'Salesforce' }) })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: ja('state.openOptions') })).toBeInTheDocument();
  });

  it('keeps the cached view with a stale banner saying "as of" when the refresh fails', async () => {
    const db = freshDb();
    const old = NOW - 3 * 3_600_000;
    await saveContext(db, leadContext({ fetchedAt: old }));
    const { connectorFor } = fakeConnector(async () => {
      throw new ConnectorError({ vendor: 'salesforce', kind: 'transient', message: '503 Service Unavailable' });
    });
    renderPanel({ db, connectorFor, record: { tabId: 1, ref: SF_REF, page: '' }, languages: ['en'] });
    expect(await screen.findByRole('heading', { level: 1, name: ctx.person.name })).toBeInTheDocument();
    const banner = await screen.findByText(/May be out of date/);
    expect(banner).toHaveTextContent(/As of|as of/);
    expect(banner.closest('[role="status"]')).toContainElement(screen.getAllByRole('button', { name: 'Retry' })[0]!);
  });
});
