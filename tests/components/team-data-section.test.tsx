import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing';
import { AppI18nProvider } from '../../components/i18n/app-i18n-provider';
import { TeamDataSection } from '../../components/options/team-data-section';
import { createDemoConnector } from '../../lib/connectors/demo/demo-connector';
import type { Connector } from '../../lib/connectors/connector';
import { createTeamSync } from '../../lib/messaging/team-sync';
import { BatonDepsContext } from '../../lib/queries/baton-deps';
import type { BatonDb } from '../../lib/store/db';
import { writeSyncState } from '../../lib/store/snapshot-repo';
import { en, ja } from './render-with-i18n';
import { NOW } from './lead-fixtures';
import { freshDb } from './panel-harness';

const OPTIONS_PAGE = { id: fakeBrowser.runtime.id, url: 'chrome-extension://test-extension-id/options.html' };

function renderSection(db: BatonDb, connectorFor: (s: string) => Promise<Connector>, languages = ['ja-JP']) {
  return render(
    <BatonDepsContext.Provider value={{ db, connectorFor: connectorFor as never, now: () => NOW }}>
      <AppI18nProvider languages={languages}>
        <TeamDataSection />
      </AppI18nProvider>
    </BatonDepsContext.Provider>,
  );
}

const onlyDemo = (demo: Connector) => async (system: string) => {
  if (system === 'demo') return demo;
  throw new Error('not connected');
};

describe('Options › Team data', () => {
  let db: BatonDb;
  beforeEach(() => {
    fakeBrowser.reset();
    db = freshDb();
  });

  it('"Sync now" runs the sync in the background, shows its progress, then the last complete sync', async () => {
    const user = userEvent.setup();
    const demo = createDemoConnector();
    // The background worker, in-process: its progress broadcasts reach the page as runtime messages.
    const background = createTeamSync({
      db,
      connectorFor: onlyDemo(demo) as never,
      now: () => NOW,
      broadcast: (progress) => void fakeBrowser.runtime.onMessage.trigger({ type: 'baton/team-sync-progress', progress }, { id: fakeBrowser.runtime.id }),
    });
    const sent: unknown[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
      sent.push(message);
      return background.handleMessage(message, OPTIONS_PAGE);
    });
    renderSection(db, onlyDemo(demo));

    const item = await screen.findByRole('listitem', { name: ja('system.demo') });
    expect(within(item).getByText(ja('team.never'))).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText(ja('team.period')), '90');
    await user.click(within(item).getByRole('button', { name: ja('team.syncNow') }));
    expect(sent).toContainEqual({ type: 'baton/team-sync-start', system: 'demo', kind: 'team', periodDays: 90 });
    expect(await within(item).findByText(/^最終完了: /, {}, { timeout: 15_000 })).toBeInTheDocument();
    expect(within(item).getByText(ja('team.calls', { last: '0', total: '0' }))).toBeInTheDocument();
  });

  it('shows a paused sync as a pause, and a failed one with its message, in English too', async () => {
    const demo = createDemoConnector();
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ running: [] });
    await writeSyncState(db, {
      scope: { system: 'demo', instance: 'sfa', kind: 'team' },
      period: { from: NOW - 180 * 86_400_000, to: NOW },
      cursor: '{"v":1}',
      inFlight: { scope: 'team', from: NOW - 180 * 86_400_000, to: NOW },
      callsUsed: 1234,
      callsLastRun: 56,
      error: { message: 'Salesforce could not be reached (network).', kind: 'transient', at: NOW },
    });
    renderSection(db, onlyDemo(demo), ['en-US']);
    const item = await screen.findByRole('listitem', { name: en('system.demo') });
    expect(await within(item).findByRole('alert')).toHaveTextContent(en('team.status.failed', { message: 'Salesforce could not be reached (network).' }));
    expect(within(item).getByText(en('team.calls', { last: '56', total: '1,234' }))).toBeInTheDocument();

    await writeSyncState(db, {
      scope: { system: 'demo', instance: 'sfa', kind: 'team' },
      period: { from: NOW - 180 * 86_400_000, to: NOW },
      cursor: '{"v":1}',
      inFlight: null,
      callsUsed: 1234,
      callsLastRun: 56,
      error: { message: 'above 80%', kind: 'paused', at: NOW },
    });
    expect(await within(item).findByText(en('team.status.paused'))).toBeInTheDocument();
    expect(within(item).queryByRole('alert')).toBeNull();
  });

  it('says so when no system that can list is connected', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ running: [] });
    renderSection(db, () => Promise.reject(new Error('not connected')));
    expect(await screen.findByText(ja('team.none'))).toBeInTheDocument();
  });
});
