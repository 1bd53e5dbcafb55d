import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { WorkshopSection } from '../../components/options/workshop/workshop-section';
import { exportDefinitions, parseDefinitions } from '../../lib/domain/definitions/parse-definitions';
import { suggestThreshold } from '../../lib/domain/definitions/suggest-threshold';
import { whatIf } from '../../lib/domain/definitions/what-if';
import { rate } from '../../components/options/workshop/what-if-panel';
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

const inForce = tenPerForm();
/** 36 people handed off in the last 90 days with 1–9 form submissions (10–90 points); ≥ 5 reached SQL. */
const contexts = Array.from({ length: 36 }, (_, i) => {
  const forms = 1 + (i % 9);
  return lead(i, { forms, handoffDaysAgo: 3 + (i % 60), sql: forms >= 5, feedback: i % 2 ? 'good' : 'bad', touchAfterMinutes: 45 });
});

let db: BatonDb;
beforeEach(async () => {
  db = freshDb();
  await saveDefinitions(db, { definitions: inForce, source: 'file', sourceUrl: 'acme.yaml', fetchedAt: NOW - DAY });
});
afterEach(async () => {
  await db.delete();
});

function renderWorkshop() {
  const client = createTeamKpisClient(inProcessWorker(contexts));
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return renderIn(
    'en',
    <QueryClientProvider client={queryClient}>
      <BatonDepsContext.Provider value={{ db, connectorFor: () => Promise.reject(new Error('unused')), now: () => NOW }}>
        <WorkshopClientContext.Provider value={client}>
          <WorkshopSection />
        </WorkshopClientContext.Provider>
      </BatonDepsContext.Provider>
    </QueryClientProvider>,
  );
}

/** The field a label names, and the box around it (where its message shows). */
function field(label: string | RegExp) {
  const input = screen.getByLabelText(label);
  return { input, box: input.closest('.field') as HTMLElement };
}

async function writeChangeNote(user: ReturnType<typeof userEvent.setup>) {
  const note = screen.getByRole('group', { name: en('ws.changeNote') });
  await user.type(within(note).getByLabelText(en('ws.ja')), 'しきい値を上げる');
  await user.type(within(note).getByLabelText(en('ws.en')), 'Raise the threshold');
}

function draftCell(figure: string): string {
  const row = screen.getByRole('row', { name: new RegExp(`^${en(`ws.whatIf.${figure}` as 'ws.whatIf.mql')}`) });
  return within(row).getAllByRole('cell')[1]!.textContent!;
}

describe('options: the definitions workshop', () => {
  it('shows an invalid value’s message in place, with the import’s words and path, and cannot publish it', async () => {
    const user = userEvent.setup();
    renderWorkshop();
    await screen.findByLabelText(en('ws.minScore'));
    await writeChangeNote(user);
    const publish = screen.getByRole('button', { name: en('ws.publish') });
    expect(publish).toBeEnabled();

    await user.click(screen.getByRole('button', { name: en('ws.sla'), expanded: false }));
    const warn = field(en('ws.warnAtFraction'));
    await user.clear(warn.input);
    await user.type(warn.input, '1.5');
    expect(within(warn.box).getByRole('alert')).toHaveTextContent('sla.warnAtFraction: must be less than 1');
    expect(warn.input).toHaveAttribute('aria-invalid', 'true');
    expect(publish).toBeDisabled();

    const minScore = field(en('ws.minScore'));
    await user.clear(minScore.input);
    await user.type(minScore.input, 'sixty');
    expect(within(minScore.box).getByRole('alert')).toHaveTextContent('qualification.mql.minScore: must be a number');

    await user.clear(warn.input);
    await user.type(warn.input, '0.5');
    await user.clear(minScore.input);
    await user.type(minScore.input, '60');
    expect(within(warn.box).queryByRole('alert')?.textContent ?? null).toBeNull();
    expect(publish).toBeEnabled();
    // The change in words, and the draft kept in this browser.
    expect(screen.getByText('MQL score threshold 30 → 60')).toBeInTheDocument();
    expect((await readDefinitionsDraft(db))?.document).toMatchObject({ qualification: { mql: { minScore: 60 } } });
  });

  it('raising the MQL threshold makes the what-if show fewer MQLs, the engine’s figures for the draft', async () => {
    const user = userEvent.setup();
    renderWorkshop();
    // Before any edit the draft judges as the version in force.
    await screen.findByRole('row', { name: new RegExp(`^${en('ws.whatIf.mql')}`) });
    expect(draftCell('mql')).toBe('28');

    const minScore = field(en('ws.minScore'));
    await user.clear(minScore.input);
    await user.type(minScore.input, '60');
    const draft = { ...structuredClone(inForce), version: 2 };
    draft.qualification.mql.minScore = 60;
    const expected = whatIf(contexts, inForce, draft, { from: NOW - 90 * DAY, to: NOW }, NOW);
    expect(expected.draft.mql).toBe(16);
    await vi.waitFor(() => expect(draftCell('mql')).toBe(String(expected.draft.mql)));
    expect(draftCell('mqlToSql')).toBe(`${Math.round(expected.draft.mqlToSql! * 1000) / 10}%`);
    expect(draftCell('slaMet')).toBe(`${Math.round(expected.draft.slaMetRate! * 1000) / 10}%`);
    // The change in words shows while the change note is still unwritten.
    expect(await screen.findByText(`MQL score threshold ${inForce.qualification.mql.minScore} → 60`)).toBeInTheDocument();
  });

  it('suggests the threshold that separates good and bad results, and puts it in the draft on request', async () => {
    const user = userEvent.setup();
    renderWorkshop();
    const expected = suggestThreshold(contexts, [inForce], NOW);
    if (!expected.ok) throw new Error('the fixture should have enough outcomes');
    const use = await screen.findByRole('button', { name: en('ws.suggest.use', { threshold: expected.threshold }) });
    expect(screen.getByRole('row', { current: true })).toHaveTextContent(`${expected.threshold} (${en('ws.suggest.marked')})`);
    const summary = en('ws.suggest.summary', { threshold: expected.threshold, precision: rate(expected.point.precision), recall: rate(expected.point.recall), total: 36, good: expected.outcomes.good, bad: expected.outcomes.bad });
    expect(screen.getAllByText(summary)[0]).toBeInTheDocument();
    // The curve is drawn (loaded on demand), one image named by the same sentence.
    expect(await screen.findByRole('img', { name: summary })).toBeInTheDocument();
    await user.click(use);
    expect(field(en('ws.minScore')).input).toHaveValue(String(expected.threshold));
  });

  it('publishes a document that imports back as the same definitions', async () => {
    const user = userEvent.setup();
    renderWorkshop();
    await screen.findByLabelText(en('ws.minScore'));
    await writeChangeNote(user);
    const exported: string[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      void (blob as Blob).text().then((text) => exported.push(text));
      return 'blob:workshop';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await user.click(screen.getByRole('button', { name: en('ws.publish') }));
    expect(await screen.findByText(/Exported v2/)).toBeInTheDocument();
    expect(create).toHaveBeenCalledTimes(2);
    await vi.waitFor(() => expect(exported).toHaveLength(2));
    const [json, yaml] = exported.map((text) => parseDefinitions(text));
    expect(json).toMatchObject({ ok: true, definitions: { version: 2, changeLog: expect.arrayContaining([expect.objectContaining({ summary: { ja: 'しきい値を上げる', en: 'Raise the threshold' } })]) } });
    expect(yaml).toEqual(json);
    if (json?.ok) expect(parseDefinitions(exportDefinitions(json.definitions, 'yaml'))).toEqual(json);
  });
});
