import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { browser } from 'wxt/browser';
import { createDemoConnector } from '../../lib/connectors/demo/demo-connector';
import type { Connector } from '../../lib/connectors/connector';
import { createTeamSync } from '../../lib/messaging/team-sync';
import { saveIdentity } from '../../lib/store/identity-repo';
import type { BatonDb } from '../../lib/store/db';
import { en } from './render-with-i18n';
import { SF_REF, fakeConnector, freshDb, leadContext, renderPanel } from './panel-harness';

/** Wednesday 10:30 in Tokyo: the demo rep's queue has a lead in every state. */
const NOW = Date.UTC(2026, 10, 25, 1, 30);

async function syncedDemo(db: BatonDb, clock: { now: number }) {
  const demo = createDemoConnector({ now: () => clock.now });
  const sync = createTeamSync({ db, connectorFor: async () => demo, now: () => clock.now, broadcast: () => undefined });
  await sync.start({ system: 'demo', kind: 'mine' });
  return demo;
}

function rowsOf(list: HTMLElement) {
  return within(list).getAllByRole('listitem').map((li) => ({ state: li.dataset.state, text: li.textContent ?? '' }));
}

describe('My queue', () => {
  it('with no record in the tab: the demo rep’s at-risk and breached leads, most overdue first, then all by due', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    const clock = { now: NOW };
    const demo = await syncedDemo(db, clock);
    renderPanel({ db, connectorFor: async () => demo as Connector, record: { tabId: 1, ref: null, page: 'https://example.com/' }, languages: ['en'], clock });

    const list = await screen.findByRole('list', { name: en('queue.heading') });
    const urgent = rowsOf(list);
    expect(urgent.length).toBeGreaterThan(1);
    expect(new Set(urgent.map((r) => r.state))).toEqual(new Set(['breached', 'at_risk']));
    // Breached ones (due earliest) come before the one at risk.
    expect(urgent.at(-1)!.state).toBe('at_risk');
    expect(urgent[0]!.text).toMatch(/overdue/);
    expect(screen.getByRole('radio', { name: /At risk & breached/ })).toBeChecked();
    expect(screen.getByText('中村 美咲')).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: /All/ }));
    const all = rowsOf(await screen.findByRole('list', { name: en('queue.heading') }));
    const states = all.map((r) => r.state);
    expect(states).toEqual(expect.arrayContaining(['on_track', 'met']));
    // Untouched by SLA due, whatever the state: the hot lead due at 10:50 (on track) before the warm one due
    // at 11:30 (already at risk); the ones already touched after them.
    const names = all.map((r) => r.text);
    const yamada = names.findIndex((n) => n.includes('山田 太郎'));
    const nakamura = names.findIndex((n) => n.includes('中村 美咲'));
    expect(states.slice(0, yamada).every((s) => s === 'breached')).toBe(true);
    expect(yamada).toBeLessThan(nakamura);
    const firstTouched = states.findIndex((s) => s === 'met' || s === 'met_late');
    expect(firstTouched).toBeGreaterThan(nakamura);
    expect(states.slice(firstTouched).every((s) => s === 'met' || s === 'met_late')).toBe(true);
    // Each row shows its band and last engagement; nobody else's leads.
    expect(all[0]!.text).toMatch(/Last engagement|No engagement/);
    expect(screen.queryByText('小林 直樹')).not.toBeInTheDocument(); // 高橋 大輔's breached lead
  });

  it('the countdown moves with the clock and a lead turns at risk at its minute; one click opens it in its vendor', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    const clock = { now: NOW };
    const demo = await syncedDemo(db, clock);
    const create = vi.spyOn(browser.tabs, 'create').mockResolvedValue({} as never);
    renderPanel({ db, connectorFor: async () => demo as Connector, record: { tabId: 1, ref: null, page: 'https://example.com/' }, languages: ['en'], clock });
    await user.click(await screen.findByRole('radio', { name: /All/ }));
    const yamada = (await screen.findByRole('button', { name: /Open 山田 太郎 in Demo/ })).closest('li')!;
    expect(yamada.dataset.state).toBe('on_track');
    // Handed off at 09:50 (10 business minutes before the hour), hot: 60 minutes, at risk from 45 (10:35).
    expect(yamada).toHaveTextContent('20 min 00 s left');
    clock.now = NOW + 5 * 60_000 - 1_000;
    expect(await within(yamada).findByText('15 min 01 s left')).toBeInTheDocument();
    expect(yamada.dataset.state).toBe('on_track');
    clock.now = NOW + 5 * 60_000;
    await waitFor(() => expect(screen.getByRole('button', { name: /Open 山田 太郎 in Demo/ }).closest('li')!.dataset.state).toBe('at_risk'));
    expect(screen.getByRole('button', { name: /Open 山田 太郎 in Demo/ }).closest('li')).toHaveTextContent('15 min 00 s left');
    await user.click(screen.getByRole('button', { name: /Open 山田 太郎 in Demo/ }));
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ url: expect.stringMatching(/demo-sfa\.html/), active: true }));
    create.mockRestore();
  });

  it('another demo rep picked in options has their own queue; a record’s panel has a "My queue" tab', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    const clock = { now: NOW };
    await syncedDemo(db, clock);
    await saveIdentity(db, { system: 'demo', userId: '高橋 大輔', name: '高橋 大輔', checkedAt: NOW });
    const { connectorFor } = fakeConnector(async () => leadContext());
    renderPanel({ db, connectorFor, record: { tabId: 1, ref: SF_REF, page: '' }, languages: ['en'], clock });
    await user.click(await screen.findByRole('tab', { name: 'My queue' }));
    expect(await screen.findByText('小林 直樹')).toBeInTheDocument();
    expect(screen.queryByText('中村 美咲')).not.toBeInTheDocument();
  });

  it('says when nothing is synced yet and offers to sync', async () => {
    const db = freshDb();
    const { connectorFor } = fakeConnector(async () => leadContext());
    renderPanel({ db, connectorFor, record: { tabId: 1, ref: null, page: 'https://example.com/' }, languages: ['en'] });
    expect(await screen.findByText(en('queue.notSynced'))).toBeInTheDocument();
    expect(screen.getByRole('button', { name: en('queue.syncNow') })).toBeInTheDocument();
  });
});
