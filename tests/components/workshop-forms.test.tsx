import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { WorkshopSection } from '../../components/options/workshop/workshop-section';
import { BatonDepsContext } from '../../lib/queries/baton-deps';
import { createTeamKpisClient } from '../../lib/queries/team-kpis-client';
import { WorkshopClientContext } from '../../lib/queries/use-workshop';
import type { BatonDb } from '../../lib/store/db';
import { readDefinitionsDraft } from '../../lib/store/definitions-draft-repo';
import { saveDefinitions } from '../../lib/store/definitions-repo';
import { DAY, lead, NOW, tenPerForm } from '../domain/workshop-fixtures';
import { inProcessWorker } from '../queries/in-process-worker';
import { freshDb } from './panel-harness';
import { en, renderIn } from './render-with-i18n';

// The workshop's forms for the stage names, an SLA policy's segment and an extra working day's own hours.
const inForce = tenPerForm();
const contexts = [lead(1, { forms: 3, handoffDaysAgo: 5 })];

let db: BatonDb;
beforeEach(async () => {
  db = freshDb();
  await saveDefinitions(db, { definitions: inForce, source: 'file', sourceUrl: 'acme.yaml', fetchedAt: NOW - DAY });
});
afterEach(async () => {
  await db.delete();
});

function renderWorkshop() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return renderIn(
    'en',
    <QueryClientProvider client={queryClient}>
      <BatonDepsContext.Provider value={{ db, connectorFor: () => Promise.reject(new Error('unused')), now: () => NOW }}>
        <WorkshopClientContext.Provider value={createTeamKpisClient(inProcessWorker(contexts))}>
          <WorkshopSection />
        </WorkshopClientContext.Provider>
      </BatonDepsContext.Provider>
    </QueryClientProvider>,
  );
}

const box = (input: HTMLElement) => input.closest('.field') as HTMLElement;
const savedDraft = async () => (await readDefinitionsDraft(db))?.document as Record<string, unknown> & { sla: { policies: { when?: unknown }[] }; stages: { label: { en: string } }[] };

describe('options: the workshop’s stage, segment and extra-day forms', () => {
  it('renames a stage; an empty name shows its message in place, with the import’s path', async () => {
    const user = userEvent.setup();
    renderWorkshop();
    await user.click(await screen.findByRole('button', { name: en('ws.stagesTitle'), expanded: false }));
    const sqlIndex = inForce.stages.findIndex((s) => s.id === 'sql');
    const name = screen.getByRole('group', { name: en('ws.stageLabel', { stage: 'sql' }) });
    const english = within(name).getByLabelText(en('ws.en'));
    await user.clear(english);
    expect(within(box(english)).getByRole('alert')).toHaveTextContent(`stages[${sqlIndex}].label.en: must not be empty`);
    await user.type(english, 'Sales accepted opportunity');
    expect(within(box(english)).queryByRole('alert')).toBeNull();
    await vi.waitFor(async () => expect((await savedDraft()).stages[sqlIndex]!.label.en).toBe('Sales accepted opportunity'));
  });

  it('gives an SLA policy a segment: the condition is checked as typed and kept in the draft; unticked, it is gone', async () => {
    const user = userEvent.setup();
    renderWorkshop();
    await user.click(await screen.findByRole('button', { name: en('ws.sla'), expanded: false }));
    const first = screen.getAllByRole('group', { name: en('ws.segment') })[0]!;
    await user.click(within(first).getByLabelText(en('ws.segmentOn')));
    const values = within(first).getByLabelText(en('ws.values'));
    expect(within(box(values)).getByRole('alert')).toHaveTextContent('sla.policies[0].when.values: needs at least 1 item(s)');
    await user.type(values, 'Software, 製造業');
    expect(within(box(values)).queryByRole('alert')).toBeNull();
    await vi.waitFor(async () => expect((await savedDraft()).sla.policies[0]!.when).toEqual({ attribute: 'industry', op: 'in', values: ['Software', '製造業'] }));
    await user.click(within(first).getByLabelText(en('ws.segmentOn')));
    await vi.waitFor(async () => expect((await savedDraft()).sla.policies[0]).not.toHaveProperty('when'));
  });

  it('gives an extra working day its own hours, each time checked in place', async () => {
    const user = userEvent.setup();
    renderWorkshop();
    await user.click(await screen.findByRole('button', { name: en('ws.calendar'), expanded: false }));
    await user.click(screen.getByRole('button', { name: en('ws.add', { what: en('ws.extraWorkingDays') }) }));
    await user.type(screen.getByLabelText(en('ws.date')), '2026-12-26');
    await user.click(screen.getByLabelText(en('ws.ownHours')));
    const hours = screen.getByRole('group', { name: en('ws.hours') });
    const end = within(hours).getByLabelText(en('ws.end'));
    await user.clear(end);
    await user.type(end, '25:00');
    expect(within(box(end)).getByRole('alert')).toHaveTextContent('calendar.extraWorkingDays[0].hours[0].end: write times as HH:MM (00:00 to 24:00)');
    await user.clear(end);
    await user.type(end, '12:00');
    expect(within(box(end)).queryByRole('alert')).toBeNull();
    await vi.waitFor(async () =>
      expect((await savedDraft()).calendar).toMatchObject({ extraWorkingDays: [{ date: '2026-12-26', hours: [{ start: '09:00', end: '12:00' }] }] }),
    );
  });
});
