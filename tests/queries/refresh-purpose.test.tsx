import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorError, type Connector, type FetchOptions } from '../../lib/connectors/connector';
import type { LeadContext, RecordRef } from '../../lib/domain/model';
import { saveContext } from '../../lib/store/context-repo';
import type { BatonDb } from '../../lib/store/db';
import { saveSettings } from '../../lib/store/settings';
import { freshDb, leadContext, sfRef, T0 } from '../store/lead-context-fixture';
import { LeadView, wrapper } from './harness';

// Issue 5, item 6: connectors learn whether a fetch is a person asking ('view') or the open panel refreshing
// on its own ('background'), so Salesforce can pause the latter near the org's daily API limit.
const ref = sfRef('00Q000000000001AAA');
const WINDOW = 60_000; // freshnessMinutes: 1
let db: BatonDb;
afterEach(async () => {
  await db?.delete();
});

/** A connector that records why each fetch was made and answers however the test decides. */
function purposeRecorder(answer: (ref: RecordRef, purpose: FetchOptions['purpose']) => Promise<LeadContext>) {
  const purposes: FetchOptions['purpose'][] = [];
  const connector: Connector = {
    system: 'salesforce',
    fetchContext: (r, options) => {
      purposes.push(options.purpose);
      return answer(r, options.purpose);
    },
    deliverFeedback: () => Promise.reject(new Error('unused')),
  };
  return { purposes, connectorFor: async () => connector };
}

const paused = () =>
  new ConnectorError({
    vendor: 'salesforce',
    kind: 'quota',
    code: 'BACKGROUND_PAUSED',
    message: 'The Salesforce org "acme" has used 12,500 of its 15,000 daily API requests (83%).',
  });

describe('useLeadContext: why a fetch is made', () => {
  it('a record opened with nothing cached is a view', async () => {
    db = freshDb();
    const { purposes, connectorFor } = purposeRecorder(async (r) => leadContext(r, { fetchedAt: T0, name: '鈴木 花子' }));
    render(<LeadView recordRef={ref} />, { wrapper: wrapper({ db, connectorFor, now: () => T0 }) });
    expect(await screen.findByRole('heading', { name: '鈴木 花子' })).toBeInTheDocument();
    expect(purposes).toEqual(['view']);
  });

  // Opening a record is a person asking, so a refresh only counts as the panel's own once the record has been
  // on screen for a while: these tests move their clock past that opening window before the copy goes stale.
  const PAST_OPENING = 11_000;

  it('the open panel refreshing when its copy crosses the freshness window is a background refresh', async () => {
    db = freshDb();
    await saveSettings(db, { freshnessMinutes: 1 });
    // The clock moves only when the test moves it, so "fresh for 300 ms more" holds however slow the machine is.
    const start = Date.now();
    let offset = 0;
    const clock = () => start + offset;
    // Fresh for another 300 ms: the panel's own timer must trigger the refresh.
    await saveContext(db, leadContext(ref, { fetchedAt: start - WINDOW + 300, name: '旧 名前' }));
    const { purposes, connectorFor } = purposeRecorder(async (r) => leadContext(r, { fetchedAt: clock(), name: '新 名前' }));
    render(<LeadView recordRef={ref} />, { wrapper: wrapper({ db, connectorFor, now: clock }) });
    expect(await screen.findByRole('heading', { name: '旧 名前' })).toBeInTheDocument();
    expect(screen.getByTestId('view-status')).toHaveTextContent('fresh');
    expect(purposes).toEqual([]);
    offset = PAST_OPENING;

    expect(await screen.findByRole('heading', { name: '新 名前' })).toBeInTheDocument();
    expect(purposes).toEqual(['background']);
  });

  it('opening a record whose copy is already stale is a view, not a background refresh', async () => {
    db = freshDb();
    await saveContext(db, leadContext(ref, { fetchedAt: T0, name: '旧 名前' }));
    const { purposes, connectorFor } = purposeRecorder(async (r, purpose) => {
      if (purpose === 'background') throw paused();
      return leadContext(r, { fetchedAt: T0 + 20 * WINDOW, name: '新 名前' });
    });
    render(<LeadView recordRef={ref} />, { wrapper: wrapper({ db, connectorFor, now: () => T0 + 20 * WINDOW }) });
    expect(await screen.findByRole('heading', { name: '新 名前' })).toBeInTheDocument();
    expect(purposes).toEqual(['view']);
  });

  it('a paused background refresh keeps the cached view with the reason; retry asks as a view and loads', async () => {
    db = freshDb();
    await saveSettings(db, { freshnessMinutes: 1 });
    const start = Date.now();
    let offset = 0;
    const clock = () => start + offset;
    await saveContext(db, leadContext(ref, { fetchedAt: start - WINDOW + 300, name: '旧 名前' }));
    const { purposes, connectorFor } = purposeRecorder(async (r, purpose) => {
      if (purpose === 'background') throw paused();
      return leadContext(r, { fetchedAt: clock(), name: '新 名前' });
    });
    render(<LeadView recordRef={ref} />, { wrapper: wrapper({ db, connectorFor, now: clock }) });
    expect(await screen.findByRole('heading', { name: '旧 名前' })).toBeInTheDocument();
    offset = PAST_OPENING;
    expect(await screen.findByRole('alert')).toHaveTextContent('12,500 of its 15,000');
    expect(screen.getByRole('heading', { name: '旧 名前' })).toBeInTheDocument();
    expect(screen.getByTestId('view-status')).toHaveTextContent('stale');

    await userEvent.click(screen.getByRole('button', { name: 'retry' }));
    expect(await screen.findByRole('heading', { name: '新 名前' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('view-status')).toHaveTextContent('fresh'));
    expect(purposes).toEqual(['background', 'view']);
  });

  it('a retry counts as a view only for its own fetch: the next automatic refresh is background again', async () => {
    db = freshDb();
    await saveSettings(db, { freshnessMinutes: 1 });
    const start = Date.now();
    let offset = 0;
    const clock = () => start + offset;
    await saveContext(db, leadContext(ref, { fetchedAt: start - WINDOW / 2, name: '旧 名前' }));
    let answered = 0;
    const { purposes, connectorFor } = purposeRecorder(async (r) => {
      answered++;
      // The retried copy is fresh for 300 ms more, then the panel's timer refreshes it on its own.
      const fetchedAt = answered === 1 ? clock() - WINDOW + 300 : clock();
      return leadContext(r, { fetchedAt, name: `取得 ${answered}` });
    });
    render(<LeadView recordRef={ref} />, { wrapper: wrapper({ db, connectorFor, now: clock }) });
    expect(await screen.findByRole('heading', { name: '旧 名前' })).toBeInTheDocument();
    offset = PAST_OPENING;
    await userEvent.click(screen.getByRole('button', { name: 'retry' }));
    expect(await screen.findByRole('heading', { name: '取得 1' })).toBeInTheDocument();
    offset += 1_000; // the retried copy's 300 ms run out while the panel stays open
    expect(await screen.findByRole('heading', { name: '取得 2' })).toBeInTheDocument();
    expect(purposes).toEqual(['view', 'background']);
  });
});

describe('useLeadContext: a copy that is already stale when its fetch ends', () => {
  it('a vendor call that outlasts the freshness window is followed by one more refresh, and the panel shows it', async () => {
    db = freshDb();
    await saveSettings(db, { freshnessMinutes: 1 });
    const start = Date.now();
    let offset = 0;
    const clock = () => start + offset;
    let calls = 0;
    const { purposes, connectorFor } = purposeRecorder(async (r) => {
      calls++;
      // Stamped when the call starts, as the connectors stamp fetchedAt; the first call takes longer than the window.
      const fetchedAt = clock();
      if (calls === 1) offset += WINDOW + 1_000;
      return leadContext(r, { fetchedAt, name: `取得 ${calls}` });
    });
    render(<LeadView recordRef={ref} />, { wrapper: wrapper({ db, connectorFor, now: clock }) });
    expect(await screen.findByRole('heading', { name: '取得 2' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('view-status')).toHaveTextContent('fresh'));
    expect(purposes).toEqual(['view', 'background']);
  });

  it('a copy that stays old however often it is fetched (an older partner’s copy merged in) is fetched again once, not again and again', async () => {
    db = freshDb();
    await saveSettings(db, { freshnessMinutes: 1 });
    const start = Date.now();
    const clock = () => start + 2 * WINDOW;
    let calls = 0;
    const { purposes, connectorFor } = purposeRecorder(async (r) => {
      calls++;
      return leadContext(r, { fetchedAt: start, name: `取得 ${calls}` });
    });
    render(<LeadView recordRef={ref} />, { wrapper: wrapper({ db, connectorFor, now: clock }) });
    expect(await screen.findByRole('heading', { name: '取得 2' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('view-status')).toHaveTextContent('stale'));
    // Whatever the panel does after the second answer is done once React has run its effects.
    await act(async () => {});
    expect(screen.getByRole('heading', { name: '取得 2' })).toBeInTheDocument();
    expect(purposes).toHaveLength(2);
  });
});
