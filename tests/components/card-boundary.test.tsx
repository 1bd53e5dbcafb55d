import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type * as TimelineModule from '../../components/lead/timeline';
import type * as HandoffModule from '../../components/handoff/handoff-card';
import { DefinitionsView } from '../../components/definitions/definitions-view';
import { CardBoundary } from '../../components/ui/card-boundary';
import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import type { Definitions } from '../../lib/domain/definitions/schema';
import { BatonDepsContext } from '../../lib/queries/baton-deps';
import { en, ja, renderIn } from './render-with-i18n';
import { NOW } from './lead-fixtures';
import { SF_REF, fakeConnector, freshDb, leadContext, renderPanel } from './panel-harness';

// One card of each view can be made to throw while rendering, as a bug in it or an unexpected value would.
const broken = vi.hoisted(() => ({ timeline: false, handoff: false }));
vi.mock('../../components/lead/timeline', async (importOriginal) => {
  const real = await importOriginal<typeof TimelineModule>();
  return {
    ...real,
    Timeline: (props: Parameters<typeof real.Timeline>[0]) => {
      if (broken.timeline) throw new Error('timeline bug');
      return real.Timeline(props);
    },
  };
});
vi.mock('../../components/handoff/handoff-card', async (importOriginal) => {
  const real = await importOriginal<typeof HandoffModule>();
  return {
    ...real,
    HandoffCard: (props: Parameters<typeof real.HandoffCard>[0]) => {
      if (broken.handoff) throw new Error('handoff bug');
      return real.HandoffCard(props);
    },
  };
});

describe('a card that fails', () => {
  let consoleError: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    broken.timeline = false;
    broken.handoff = false;
    // React reports every caught error on the console; the tests check it was reported, not printed.
    consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => consoleError.mockRestore());

  it('shows a short message with Retry in its place while the other cards and feedback render; Retry mounts it again', async () => {
    broken.timeline = true;
    const user = userEvent.setup();
    const { connectorFor, calls } = fakeConnector(async () => leadContext());
    renderPanel({ db: freshDb(), connectorFor, record: { tabId: 1, ref: SF_REF, page: '' } });

    const failed = await screen.findByRole('region', { name: ja('timeline.heading') });
    expect(within(failed).getByRole('alert')).toHaveTextContent(ja('boundary.failed'));
    // The rest of the panel is there and usable.
    expect(screen.getByRole('heading', { level: 1, name: leadContext().person.name })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: ja('temp.heading') })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: ja('sla.heading') })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: ja('qual.heading') })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: new RegExp(ja('fb.good')) })).toBeEnabled();
    expect(screen.getByRole('region', { name: ja('fb.history') })).toBeInTheDocument();
    expect(consoleError).toHaveBeenCalled();

    // The bug is gone (a fresh context came, a fix was deployed): Retry refetches and mounts the card again.
    broken.timeline = false;
    const fetchesBefore = calls.count;
    await user.click(within(failed).getByRole('button', { name: ja('state.retry') }));
    const timeline = await screen.findByRole('region', { name: ja('timeline.heading') });
    expect(within(timeline).queryByRole('alert')).not.toBeInTheDocument();
    expect(within(timeline).getByText(ja('timeline.count', { count: leadContext().events.length }))).toBeInTheDocument();
    expect(calls.count).toBeGreaterThan(fetchesBefore);
  });

  it('keeps the marketing view standing when its handoff card throws, in English too', async () => {
    broken.handoff = true;
    const maRef = { system: 'marketo' as const, instance: '123-ABC-456', object: 'lead', id: '42' };
    const { connectorFor } = fakeConnector(async () => leadContext({ ref: maRef, sources: ['marketo'] }));
    renderPanel({ db: freshDb(), connectorFor, record: { tabId: 1, ref: maRef, page: '' }, languages: ['en-US'] });

    const failed = await screen.findByRole('region', { name: en('handoff.heading') });
    expect(within(failed).getByRole('alert')).toHaveTextContent(en('boundary.failed'));
    expect(within(failed).getByRole('button', { name: en('state.retry') })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: en('activities.heading') })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: en('progression.heading') })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: en('received.heading') })).toBeInTheDocument();
  });

  it('loses one card of the definitions, not the view, when a stored document lacks a part', () => {
    // A document stored by an older version, without the change log this version reads.
    const old = { ...DEFAULT_DEFINITIONS, changeLog: undefined } as unknown as Definitions;
    renderIn(
      'ja',
      <BatonDepsContext.Provider value={{ db: freshDb(), connectorFor: () => Promise.reject(new Error('unused')), now: () => NOW }}>
        <DefinitionsView definitions={old} />
      </BatonDepsContext.Provider>,
    );
    expect(within(screen.getByRole('region', { name: ja('def.changelog') })).getByRole('alert')).toHaveTextContent(ja('boundary.failed'));
    for (const key of ['def.heading', 'def.stages', 'def.bands', 'def.mql', 'def.sla', 'def.calendar', 'def.reasons'] as const) {
      expect(within(screen.getByRole('region', { name: ja(key) })).queryByRole('alert')).not.toBeInTheDocument();
    }
  });

  it('resets the query that threw inside it, so Retry asks again', async () => {
    const user = userEvent.setup();
    let answers = 0;
    function Figures() {
      const q = useQuery({
        queryKey: ['figures'],
        queryFn: async () => {
          answers++;
          if (answers === 1) throw new Error('vendor down');
          return 42;
        },
        retry: false,
        throwOnError: true,
      });
      return <p>{q.data === undefined ? '…' : `figure ${q.data}`}</p>;
    }
    renderIn(
      'en',
      <QueryClientProvider client={new QueryClient()}>
        <CardBoundary label="Figures">
          <Figures />
        </CardBoundary>
        <p>neighbour</p>
      </QueryClientProvider>,
    );
    await user.click(await screen.findByRole('button', { name: en('state.retry') }));
    expect(await screen.findByText('figure 42')).toBeInTheDocument();
    expect(screen.getByText('neighbour')).toBeInTheDocument();
    expect(answers).toBe(2);
  });
});
