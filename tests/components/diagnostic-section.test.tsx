import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DiagnosticSection, evidenceText } from '../../components/diagnostic/diagnostic-section';
import { createI18n } from '../../components/i18n/i18n-provider';
import { AppI18nProvider } from '../../components/i18n/app-i18n-provider';
import { createDemoConnector } from '../../lib/connectors/demo/demo-connector';
import { demoDefinitionsVersions } from '../../lib/connectors/demo/demo-definitions';
import { assessAlignment } from '../../lib/domain/alignment-diagnostic';
import type { LeadContext } from '../../lib/domain/model';
import { BatonDepsContext } from '../../lib/queries/baton-deps';
import { TeamKpisClientContext } from '../../lib/queries/use-alignment-diagnostic';
import type { BatonDb } from '../../lib/store/db';
import { writeSnapshotPage, writeSyncState, type SnapshotScope } from '../../lib/store/snapshot-repo';
import { en, ja } from './render-with-i18n';
import { freshDb } from './panel-harness';
import { inProcessClient } from './team/team-harness';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 25, 5, 17);
const SYNCED = NOW - 2 * 3_600_000;
const DEMO: SnapshotScope = { system: 'demo', instance: 'sfa', kind: 'team' };
let contexts: LeadContext[];

beforeAll(async () => {
  const connector = createDemoConnector({ now: () => NOW });
  contexts = [];
  for await (const page of connector.listContexts!({ scope: 'team', from: 0, to: NOW + 1 }, { now: NOW })) contexts.push(...page.contexts);
});

async function demoSnapshot(db: BatonDb) {
  await writeSnapshotPage(db, DEMO, { contexts, deleted: [] });
  await writeSyncState(db, { scope: DEMO, period: { from: NOW - 365 * DAY, to: NOW }, cursor: null, inFlight: null, lastCompleteAt: SYNCED, callsUsed: 0, callsLastRun: 0 });
}

function renderSection(db: BatonDb, languages: string[], range?: { from: number; to: number }) {
  return render(
    <BatonDepsContext.Provider value={{ db, connectorFor: (() => Promise.reject(new Error('none'))) as never, now: () => NOW }}>
      <TeamKpisClientContext.Provider value={inProcessClient(db)}>
        <AppI18nProvider languages={languages}>
          <DiagnosticSection {...(range ? { range } : {})} />
        </AppI18nProvider>
      </TeamKpisClientContext.Provider>
    </BatonDepsContext.Provider>,
  );
}

describe('Team page › alignment diagnostic on the demo team', () => {
  let db: BatonDb;
  beforeEach(async () => {
    db = freshDb();
    await demoSnapshot(db);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('shows the 15 checks with the evidence figures of the demo data, the score, the step and the priorities (ja)', async () => {
    renderSection(db, ['ja-JP']);
    const checks = await screen.findByRole('list', { name: ja('diagnostic.checks') });
    expect(within(checks).getAllByRole('listitem', { name: /./ }).filter((li) => li.hasAttribute('data-check'))).toHaveLength(15);

    // The figures the page shows are the pure diagnostic's on the same snapshot, definitions and clock.
    const expected = assessAlignment({ contexts, versions: demoDefinitionsVersions(NOW), range: { from: NOW - 90 * DAY, to: NOW }, now: NOW, syncedAt: SYNCED });
    const i18n = createI18n('ja', 'Asia/Tokyo');
    for (const id of ['duplicatesResolved', 'sfaMaSynced', 'slaDefined', 'feedbackLoop', 'dataEntryRules', 'mqlAgreed'] as const) {
      const check = expected.checks.find((c) => c.id === id)!;
      const item = within(checks).getByRole('listitem', { name: ja(`diagnostic.check.${id}`) });
      expect(within(item).getByText(evidenceText(check, i18n))).toBeInTheDocument();
    }
    expect(screen.getByText(ja('diagnostic.score', { score: String(expected.score) }))).toBeInTheDocument();
    expect(screen.getByText(ja('diagnostic.stepNow', { step: ja('diagnostic.step.diagnose') }))).toBeInTheDocument();
    const priorities = screen.getByRole('list', { name: ja('diagnostic.priorities') });
    expect(within(priorities).getAllByRole('listitem')[0]).toHaveTextContent(ja('diagnostic.check.slaDefined'));
    expect(screen.getByText(ja('diagnostic.definitionsSource.demo'))).toBeInTheDocument();
  });

  it('keeps a self-assessed answer with its note, counts it in the diagnostic and lists it in the history (en)', async () => {
    const user = userEvent.setup();
    renderSection(db, ['en-US']);
    const checks = await screen.findByRole('list', { name: en('diagnostic.checks') });
    const review = within(checks).getByRole('listitem', { name: en('diagnostic.check.regularReview') });
    expect(within(review).getByText(en('diagnostic.status.unknown'))).toBeInTheDocument();
    await user.click(within(review).getByRole('radio', { name: en('diagnostic.answer.yes') }));
    await user.type(within(review).getByRole('textbox', { name: en('diagnostic.note') }), 'Every Monday');
    await user.click(within(review).getByRole('button', { name: en('diagnostic.save') }));

    expect(await within(review).findByText(en('diagnostic.status.pass'))).toBeInTheDocument();
    expect(within(review).getByText(/Every Monday/)).toBeInTheDocument();
    expect(screen.getByText(en('diagnostic.judged', { judged: '12' }))).toBeInTheDocument();
    expect(screen.getByText(en('diagnostic.history', { count: '1' }))).toBeInTheDocument();
    expect(await db.selfAssessments.count()).toBe(1);
  });

  it('reads the page\'s period when the team page hands one, and says so', async () => {
    // A period where the demo's SLA figures differ from the last 90 days'.
    const range = { from: NOW - 300 * DAY, to: NOW - 200 * DAY };
    const expected = assessAlignment({ contexts, versions: demoDefinitionsVersions(NOW), range, now: NOW, syncedAt: SYNCED });
    const last90 = assessAlignment({ contexts, versions: demoDefinitionsVersions(NOW), range: { from: NOW - 90 * DAY, to: NOW }, now: NOW, syncedAt: SYNCED });
    const i18n = createI18n('en', 'Asia/Tokyo');
    const sla = (d: typeof expected) => evidenceText(d.checks.find((c) => c.id === 'slaDefined')!, i18n);
    expect(sla(expected)).not.toBe(sla(last90));
    renderSection(db, ['en-US'], range);
    const checks = await screen.findByRole('list', { name: en('diagnostic.checks') });
    const item = within(checks).getByRole('listitem', { name: en('diagnostic.check.slaDefined') });
    expect(within(item).getByText(sla(expected))).toBeInTheDocument();
    expect(screen.getByTestId('diagnostic-period')).toHaveTextContent(en('diagnostic.periodOfPage', { from: i18n.date(range.from), to: i18n.date(range.to - 1) }));
  });

  it('says it reads the last 90 days when no page period is handed', async () => {
    renderSection(db, ['en-US']);
    await screen.findByRole('list', { name: en('diagnostic.checks') });
    const i18n = createI18n('en', 'Asia/Tokyo');
    expect(screen.getByTestId('diagnostic-period')).toHaveTextContent(en('diagnostic.periodDefault', { from: i18n.date(NOW - 90 * DAY), to: i18n.date(NOW - 1) }));
  });
});
