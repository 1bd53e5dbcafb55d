import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Connector } from '../../lib/connectors/connector';
import type { RecordRef } from '../../lib/domain/model';
import { saveContext } from '../../lib/store/context-repo';
import type { BatonDb } from '../../lib/store/db';
import { deliverDue, UNDO_WINDOW_MS } from '../../lib/store/outbox';
import { saveSettings } from '../../lib/store/settings';
import { useFeedbackActions, useFeedbackFor } from '../../lib/queries/use-feedback';
import { useSettings } from '../../lib/queries/use-settings';
import { freshDb, leadContext, sfRef, T0 } from '../store/lead-context-fixture';
import { wrapper } from './harness';

const ref = sfRef('00Q000000000001AAA');
let db: BatonDb;
afterEach(async () => {
  await db?.delete();
});

function FeedbackPanel({ recordRef }: { recordRef: RecordRef }) {
  const items = useFeedbackFor(recordRef);
  const actions = useFeedbackActions();
  return (
    <div>
      <button type="button" onClick={() => void actions.give({ ref: recordRef, personKey: 'p@example.co.jp', verdict: 'bad', reasonCodes: ['NO_BUDGET'], by: 'sato' })}>
        bad lead
      </button>
      <ul>
        {items?.map((f) => (
          <li key={f.id}>
            {f.verdict} {f.state}
            {f.lastError ? ` (${f.lastError})` : ''}
            {f.state === 'pending' && f.attempts === 0 && (
              <button type="button" onClick={() => void actions.undo(f.id)}>
                undo
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

const noFetch = async () => ({ system: 'salesforce' }) as unknown as Connector;

describe('feedback in the panel', () => {
  it('shows a click as pending at once, then sent when the background delivers it', async () => {
    db = freshDb();
    const wakes: number[] = [];
    render(<FeedbackPanel recordRef={ref} />, { wrapper: wrapper({ db, connectorFor: noFetch, now: () => T0, onFeedbackQueued: (at) => void wakes.push(at) }) });
    await userEvent.click(screen.getByRole('button', { name: 'bad lead' }));
    expect(await screen.findByText(/bad pending/)).toBeInTheDocument();
    expect(wakes).toEqual([T0 + UNDO_WINDOW_MS]);
    // The background worker, with its own connector, delivers it.
    const vendor: Connector = { system: 'salesforce', fetchContext: () => new Promise(() => {}), deliverFeedback: async () => ({ vendorId: '00T1', alreadyExisted: false }) };
    await act(() => deliverDue(db, async () => vendor, T0 + UNDO_WINDOW_MS));
    expect(await screen.findByText(/bad sent/)).toBeInTheDocument();
  });

  it('undo takes the click back before it is sent', async () => {
    db = freshDb();
    render(<FeedbackPanel recordRef={ref} />, { wrapper: wrapper({ db, connectorFor: noFetch, now: () => T0 }) });
    await userEvent.click(screen.getByRole('button', { name: 'bad lead' }));
    await userEvent.click(await screen.findByRole('button', { name: 'undo' }));
    expect(await screen.findByText(/bad cancelled/)).toBeInTheDocument();
  });

  it('lists feedback already in the system of record once, beside our own', async () => {
    db = freshDb();
    const ctx = leadContext(ref);
    const remote = { id: 'remote-feedback-1', ref, personKey: ctx.person.key, verdict: 'good' as const, reasonCodes: [], by: 'tanaka', at: T0 - 1000, state: 'sent' as const, attempts: 1, nextAttemptAt: T0 - 1000, vendorId: '00T9' };
    await saveContext(db, { ...ctx, feedback: [remote, remote] });
    render(<FeedbackPanel recordRef={ref} />, { wrapper: wrapper({ db, connectorFor: noFetch, now: () => T0 }) });
    await userEvent.click(screen.getByRole('button', { name: 'bad lead' }));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(2));
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([expect.stringMatching(/^bad pending/), 'good sent']);
  });
});

function LanguageProbe() {
  return <p>language: {useSettings().language}</p>;
}

describe('useSettings', () => {
  it('follows changes saved by the options page', async () => {
    db = freshDb();
    render(<LanguageProbe />, { wrapper: wrapper({ db, connectorFor: noFetch }) });
    expect(await screen.findByText('language: auto')).toBeInTheDocument();
    await saveSettings(db, { language: 'en' });
    expect(await screen.findByText('language: en')).toBeInTheDocument();
  });
});

describe('a click through useFeedbackActions().click', () => {
  it('replaces the same person’s earlier click inside the undo window, and adds one after it', async () => {
    db = freshDb();
    let t = T0;
    const { result } = renderHook(() => ({ actions: useFeedbackActions(), shown: useFeedbackFor(ref) ?? [] }), {
      wrapper: wrapper({ db, connectorFor: noFetch, now: () => t }),
    });
    const input = { ref, personKey: 'p@example.co.jp', by: 'sato' } as const;
    await act(() => result.current.actions.click({ ...input, verdict: 'good' }, result.current.shown));
    await waitFor(() => expect(result.current.shown).toHaveLength(1));
    t += 1_000;
    await act(() => result.current.actions.click({ ...input, verdict: 'bad' }, result.current.shown));
    await waitFor(() => expect(result.current.shown.filter((f) => f.state !== 'cancelled').map((f) => f.verdict)).toEqual(['bad']));
    // After the window the earlier click is on its way: a new one is a second click, not a replacement.
    t += UNDO_WINDOW_MS;
    await act(() => result.current.actions.click({ ...input, verdict: 'good' }, result.current.shown));
    await waitFor(() => expect(result.current.shown.filter((f) => f.state !== 'cancelled').map((f) => f.verdict)).toEqual(['good', 'bad']));
  });
});
