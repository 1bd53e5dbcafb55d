import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing';
import { demoAnchor } from '../../../lib/connectors/demo/demo-anchor';
import { demoDefinitionsVersions } from '../../../lib/connectors/demo/demo-definitions';
import { DEFAULT_DEFINITIONS } from '../../../lib/domain/definitions/default-definitions';
import { computeTeamKpis, countTeam, judgeTeam } from '../../../lib/domain/team-kpis';
import { periodRange, previousPeriodRange, weekBuckets } from '../../../lib/domain/team-period';
import { readKeptView } from '../../../lib/queries/use-team-kpis';
import type { BatonDb } from '../../../lib/store/db';
import { listSyncStates, readTeamSnapshot, writeSyncState } from '../../../lib/store/snapshot-repo';
import { createTeamKpisClient } from '../../../lib/queries/team-kpis-client';
import { inProcessWorker } from '../../queries/in-process-worker';
import { en, ja } from '../render-with-i18n';
import { createI18n } from '../../../components/i18n/i18n-provider';
import { freshDb } from '../panel-harness';
import { inProcessClient, renderTeamPage, syncDemo } from './team-harness';
import { writeSnapshotPage } from '../../../lib/store/snapshot-repo';

const NOW = Date.UTC(2026, 10, 25, 5, 0);
const ZONE = DEFAULT_DEFINITIONS.calendar.timeZone;
/** On the demo snapshot the page judges by the demo team's v1 → v2 (readTeamDefinitions), as the panel does. */
const demoVersions = () => demoDefinitionsVersions(demoAnchor(NOW));
const STAGES = ['mql', 'sql', 'opportunity', 'won'] as const;

/** The funnel table's "This period" cell of a stage. */
function stageCell(stage: (typeof STAGES)[number]) {
  const table = screen.getByRole('table', { name: en('teamPage.funnel.table') });
  const row = within(table).getByRole('row', { name: new RegExp(`^${en(`stage.${stage}`)} `) });
  return within(row).getAllByRole('cell')[0]!;
}

describe('Team page', () => {
  let db: BatonDb;
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ running: [] });
    db = freshDb();
  });
  afterEach(async () => {
    await db.delete();
  });

  it('shows the figures computeTeamKpis gives for the demo workspace, and a number lists the same people', async () => {
    const contexts = await syncDemo(db, NOW);
    const range = periodRange({ kind: 'quarter' }, NOW, ZONE);
    const expected = computeTeamKpis(contexts, demoVersions(), range, NOW);
    expect(expected.funnel.reached.mql).toBeGreaterThan(0);
    const user = userEvent.setup();
    renderTeamPage(db, NOW, { search: '?period=quarter' });

    await screen.findByRole('table', { name: en('teamPage.funnel.table') }, { timeout: 15_000 });
    for (const stage of STAGES) expect(stageCell(stage)).toHaveTextContent(new RegExp(`^${expected.funnel.reached[stage].toLocaleString('en-US')}$`));
    const pctText = (r: number | null) => (r === null ? '–' : `${(Math.round(r * 1000) / 10).toFixed(1)}%`);
    expect(screen.getByTestId('sla-summary')).toHaveTextContent(`SLA met ${pctText(expected.sla.metRate)}`);
    expect(screen.getByTestId('feedback-summary')).toHaveTextContent(`Good ${expected.feedback.good}, bad ${expected.feedback.bad}`);

    await user.click(within(stageCell('mql')).getByRole('button'));
    const dialog = await screen.findByRole('dialog');
    const keys = expected.peopleFor(['funnel', 'reached', 'mql']);
    const byKey = new Map(contexts.map((c) => [c.person.key, c.person]));
    await within(dialog).findByText(en('teamPage.drill.count', { n: keys.length.toLocaleString('en-US') }));
    const names = within(dialog).getAllByRole('rowheader').map((th) => th.firstChild?.textContent);
    expect(names).toEqual(keys.map((k) => byKey.get(k)!.name));
    // Each person links to their record in the vendor.
    expect(within(dialog).getAllByRole('link', { name: new RegExp(`^${en('teamPage.openPersonIn', { name: byKey.get(keys[0]!)!.name, system: '' })}`) }).length).toBeGreaterThan(0);
  }, 60_000);

  it('keeps the period and filters in the URL, and counts the filtered people as the engine does (in Japanese)', async () => {
    const contexts = await syncDemo(db, NOW);
    const user = userEvent.setup();
    renderTeamPage(db, NOW, { languages: ['ja-JP'] });
    await screen.findByRole('table', { name: ja('teamPage.funnel.table') }, { timeout: 15_000 });
    expect(location.search).toBe('');
    const team = judgeTeam(contexts, demoVersions(), NOW);
    const owner = countTeam(team, periodRange({ kind: '4weeks' }, NOW, ZONE)).byOwner.find((o) => o.key !== null)!.key!;
    await user.selectOptions(screen.getByLabelText(ja('teamPage.period')), 'quarter');
    await waitFor(() => expect(screen.getByLabelText(ja('teamPage.filter.owner'))).toContainHTML(owner));
    await user.selectOptions(screen.getByLabelText(ja('teamPage.filter.owner')), owner);
    expect(new URLSearchParams(location.search).get('period')).toBe('quarter');
    expect(new URLSearchParams(location.search).get('owner')).toBe(owner);
    const expected = countTeam(team, periodRange({ kind: 'quarter' }, NOW, ZONE), { owners: [owner] });
    const table = screen.getByRole('table', { name: ja('teamPage.funnel.table') });
    await waitFor(() => {
      const row = within(table).getByRole('row', { name: new RegExp(`^${ja('stage.mql')} `) });
      expect(within(row).getAllByRole('cell')[0]).toHaveTextContent(new RegExp(`^${expected.funnel.reached.mql}$`));
    });
  }, 60_000);

  it("arrowing through the owners shows the last owner's figures, and the worker works out no view that was left", async () => {
    const contexts = await syncDemo(db, NOW);
    const worker = inProcessWorker(() => readTeamSnapshot(db));
    const answered: string[] = [];
    worker.addEventListener('message', (event) => answered.push((event.data as { type: string }).type));
    const figures = () => answered.filter((type) => type === 'kpis' || type === 'detail').length;
    renderTeamPage(db, NOW, { search: '?period=quarter', client: createTeamKpisClient(worker) });
    await screen.findByRole('table', { name: en('teamPage.funnel.table') }, { timeout: 15_000 });
    // This period, the previous one and the detail of the page's first view.
    await waitFor(() => expect(figures()).toBe(3), { timeout: 15_000 });
    const team = judgeTeam(contexts, demoVersions(), NOW);
    const range = periodRange({ kind: 'quarter' }, NOW, ZONE);
    const owners = countTeam(team, range).byOwner.flatMap((o) => (o.key === null ? [] : [o.key])).slice(0, 4);
    const select = screen.getByLabelText(en('teamPage.filter.owner'));
    await waitFor(() => expect(select).toContainHTML(owners[3]!));

    // The arrow key down the list: one change per owner, each before the worker has answered the one before.
    for (const owner of owners) fireEvent.change(select, { target: { value: owner } });
    const last = countTeam(team, range, { owners: [owners[3]!] });
    await waitFor(() => expect(stageCell('mql')).toHaveTextContent(new RegExp(`^${last.funnel.reached.mql.toLocaleString('en-US')}$`)), { timeout: 15_000 });
    await waitFor(() => expect(screen.getByTestId('sla-summary').closest('.team-sections')).toHaveAttribute('aria-busy', 'false'));
    // Only the last owner's three answers were worked out after the first view's.
    expect(figures()).toBe(6);
  }, 60_000);

  it('asks for a first sync when there is no team data yet', async () => {
    renderTeamPage(db, NOW);
    expect(await screen.findByText(en('teamPage.state.noData'), {}, { timeout: 15_000 })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: en('team.syncNow') })).toBeInTheDocument();
  });

  it('says when the data is stale, and which system failed and why', async () => {
    await syncDemo(db, NOW, { lastCompleteAt: NOW - 3 * 86_400_000 });
    renderTeamPage(db, NOW);
    expect(await screen.findByText(/Demo was last synced completely on/, {}, { timeout: 15_000 })).toBeInTheDocument();
    const state = (await listSyncStates(db))[0]!;
    await writeSyncState(db, { ...state, error: { message: 'The workspace could not be reached (network).', kind: 'transient', at: NOW } });
    expect(await screen.findByRole('alert')).toHaveTextContent(en('teamPage.state.partial', { system: en('system.demo'), message: 'The workspace could not be reached (network).' }));
   }, 60_000);

  it('paints the figures kept from the last visit at once, labelled, with their filters, while the worker has not answered; never after the snapshot changed', async () => {
    const contexts = await syncDemo(db, NOW);
    const expected = computeTeamKpis(contexts, demoVersions(), periodRange({ kind: 'quarter' }, NOW, ZONE), NOW);
    const first = renderTeamPage(db, NOW, { search: '?period=quarter', client: inProcessClient(db, { clock: () => NOW, keep: true }) });
    await screen.findByRole('table', { name: en('teamPage.funnel.table') }, { timeout: 15_000 });
    // The worker keeps this period, the previous one and the detail once it has answered them.
    await waitFor(() => expect(db.teamAnswers.count()).resolves.toBe(3), { timeout: 15_000 });
    first.unmount();

    // The next visit a few minutes later, with a worker still reading the snapshot (it never answers here).
    const later = NOW + 5 * 60_000;
    const stuck = inProcessClient(db, { read: () => new Promise(() => {}) });
    const second = renderTeamPage(db, later, { search: '?period=quarter', client: stuck });
    expect(await screen.findByTestId('team-kept', {}, { timeout: 15_000 })).toHaveTextContent(en('teamPage.kept', { time: createI18n('en', ZONE).dateTime(NOW) }));
    for (const stage of STAGES) expect(stageCell(stage)).toHaveTextContent(new RegExp(`^${expected.funnel.reached[stage].toLocaleString('en-US')}$`));
    // The filters already offer the team's owners (from the kept detail): a filter can be chosen before the worker answers.
    const owner = expected.byOwner.find((o) => o.key !== null)!.key!;
    expect(screen.getByLabelText(en('teamPage.filter.owner'))).toContainHTML(owner);
    second.unmount();

    // A page of the snapshot changed: the kept figures are not this snapshot's, so the page finds none to paint.
    const range = periodRange({ kind: 'quarter' }, later, ZONE);
    const view = { range, previous: previousPeriodRange({ kind: 'quarter' }, later, ZONE), weeks: weekBuckets(range, ZONE), filter: {}, versions: demoVersions() };
    expect((await readKeptView(db, view))?.kpis.funnel.reached.mql).toBe(expected.funnel.reached.mql);
    await writeSnapshotPage(db, { system: 'demo', instance: 'sfa', kind: 'team' }, { contexts: [], deleted: [contexts[0]!.ref] }, later);
    expect(await readKeptView(db, view)).toBeNull();
  }, 60_000);

  it('the review pack says there is no earlier review the first time, and the next pack compares SLA and feedback with it', async () => {
    const contexts = await syncDemo(db, NOW);
    const first = renderTeamPage(db, NOW, { search: '?period=quarter&print=1' });
    expect(await screen.findByTestId('review-first', {}, { timeout: 20_000 })).toHaveTextContent(en('teamPage.review.first'));
    const i18n = createI18n('en', ZONE);
    expect(screen.getByTestId('review-recorded')).toHaveTextContent(en('teamPage.review.recorded', { date: i18n.dateTime(NOW) }));
    await waitFor(() => expect(db.reviews.count()).resolves.toBe(1));
    first.unmount();

    // The next meeting, a day later: this pack is compared with the one before.
    const next = NOW + 86_400_000;
    const range = periodRange({ kind: 'quarter' }, NOW, ZONE);
    const then = computeTeamKpis(contexts, demoVersions(), range, NOW);
    const now = computeTeamKpis(contexts, demoDefinitionsVersions(demoAnchor(next)), periodRange({ kind: 'quarter' }, next, ZONE), next);
    renderTeamPage(db, next, { search: '?period=quarter&print=1' });
    expect(await screen.findByTestId('review-last', {}, { timeout: 20_000 })).toHaveTextContent(
      en('teamPage.review.last', { date: i18n.dateTime(NOW), from: i18n.date(range.from), to: i18n.date(range.to - 1) }),
    );
    const table = screen.getByRole('table', { name: en('teamPage.review.table') });
    const row = (label: string) => within(within(table).getByRole('row', { name: new RegExp(`^${label} `) })).getAllByRole('cell').map((c) => c.textContent);
    const pctText = (r: number | null) => (r === null ? '–' : `${(Math.round(r * 1000) / 10).toFixed(1)}%`);
    expect(row(en('teamPage.review.metRate'))).toEqual([pctText(then.sla.metRate), pctText(now.sla.metRate)]);
    expect(row(en('teamPage.review.good'))).toEqual([String(then.feedback.good), String(now.feedback.good)]);
    expect(row(en('teamPage.review.bad'))).toEqual([String(then.feedback.bad), String(now.feedback.bad)]);
    // No definitions version took effect between the two reviews.
    expect(screen.getByText(en('teamPage.review.noNewVersions', { version: String(demoVersions().at(-1)!.version) }))).toBeInTheDocument();
    await waitFor(() => expect(db.reviews.count()).resolves.toBe(2));
  }, 120_000);
});
