import { onlineManager } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '../../lib/connectors/connector';
import { saveContext } from '../../lib/store/context-repo';
import type { BatonDb } from '../../lib/store/db';
import { saveSettings } from '../../lib/store/settings';
import { freshDb, leadContext, sfRef, T0 } from '../store/lead-context-fixture';
import { controlledConnector, LeadView, wrapper } from './harness';

const MINUTE = 60_000;
const ref = sfRef('00Q000000000001AAA');
let db: BatonDb;
afterEach(async () => {
  onlineManager.setOnline(true);
  await db?.delete();
});

const never = () => new Promise<never>(() => {});

describe('useLeadContext: cache first', () => {
  it('shows the cached lead, when and where from, while the vendor never answers', async () => {
    db = freshDb();
    await saveContext(db, leadContext(ref, { fetchedAt: T0, name: '山田 太郎' }));
    const { calls, connectorFor } = controlledConnector(never);
    render(<LeadView recordRef={ref} />, { wrapper: wrapper({ db, connectorFor, now: () => T0 + 30 * MINUTE }) });
    expect(await screen.findByRole('heading', { name: '山田 太郎' })).toBeInTheDocument();
    expect(screen.getByText(`as of ${new Date(T0).toISOString()} from salesforce, marketo`)).toBeInTheDocument();
    expect(screen.getByTestId('view-status')).toHaveTextContent('stale');
    await waitFor(() => expect(calls).toHaveLength(1));
  });

  it('fetches an uncached record once, stores it, and calls nobody again within the window', async () => {
    db = freshDb();
    let clock = T0;
    const { calls, connectorFor } = controlledConnector(async (r) => leadContext(r, { fetchedAt: clock, name: '鈴木 花子' }));
    const deps = { db, connectorFor, now: () => clock };
    const first = render(<LeadView recordRef={ref} />, { wrapper: wrapper(deps) });
    expect(await screen.findByRole('heading', { name: '鈴木 花子' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('view-status')).toHaveTextContent('fresh'));
    expect(calls).toHaveLength(1);
    first.unmount();

    // Reopened 4 minutes later in a new panel (new QueryClient): painted from IndexedDB, no network call.
    clock = T0 + 4 * MINUTE;
    render(<LeadView recordRef={ref} />, { wrapper: wrapper(deps) });
    expect(await screen.findByRole('heading', { name: '鈴木 花子' })).toBeInTheDocument();
    expect(screen.getByTestId('view-status')).toHaveTextContent('fresh');
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).toHaveLength(1);
  });

  it('two views of one record share one request', async () => {
    db = freshDb();
    const { calls, connectorFor } = controlledConnector(async (r) => leadContext(r, { fetchedAt: T0 }));
    render(
      <>
        <LeadView recordRef={ref} label="sales" />
        <LeadView recordRef={{ ...ref }} label="marketing" />
      </>,
      { wrapper: wrapper({ db, connectorFor, now: () => T0 }) },
    );
    await waitFor(() => expect(screen.getByTestId('sales-status')).toHaveTextContent('fresh'));
    await waitFor(() => expect(screen.getByTestId('marketing-status')).toHaveTextContent('fresh'));
    expect(calls).toHaveLength(1);
  });

  it('honours the freshness window set in the options', async () => {
    db = freshDb();
    await saveSettings(db, { freshnessMinutes: 60 });
    await saveContext(db, leadContext(ref, { fetchedAt: T0 }));
    const { calls, connectorFor } = controlledConnector(never);
    render(<LeadView recordRef={ref} />, { wrapper: wrapper({ db, connectorFor, now: () => T0 + 30 * MINUTE }) });
    await waitFor(() => expect(screen.getByTestId('view-status')).toHaveTextContent('fresh'));
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).toHaveLength(0);
  });
});

describe('useLeadContext: when the vendor fails', () => {
  it('keeps the cached view with the reason, and the retry button refreshes it', async () => {
    db = freshDb();
    await saveContext(db, leadContext(ref, { fetchedAt: T0, name: '旧 名前' }));
    const { calls, connectorFor } = controlledConnector(async (r, call) => {
      if (call === 1) throw new ConnectorError({ vendor: 'salesforce', kind: 'transient', message: 'Salesforce is unavailable (503). Try again shortly.' });
      return leadContext(r, { fetchedAt: T0 + 20 * MINUTE, name: '新 名前' });
    });
    render(<LeadView recordRef={ref} />, { wrapper: wrapper({ db, connectorFor, now: () => T0 + 20 * MINUTE }) });
    expect(await screen.findByRole('alert')).toHaveTextContent('Salesforce is unavailable (503)');
    expect(screen.getByRole('heading', { name: '旧 名前' })).toBeInTheDocument();
    expect(screen.getByTestId('view-status')).toHaveTextContent('stale');
    expect((await db.sync.toArray())[0]?.lastError).toMatch(/503/);

    await userEvent.click(screen.getByRole('button', { name: 'retry' }));
    expect(await screen.findByRole('heading', { name: '新 名前' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('view-status')).toHaveTextContent('fresh'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(calls).toHaveLength(2);
  });

  it('says offline and keeps the cached view when the browser is offline', async () => {
    db = freshDb();
    await saveContext(db, leadContext(ref, { fetchedAt: T0, name: '山田 太郎' }));
    onlineManager.setOnline(false);
    const { calls, connectorFor } = controlledConnector(never);
    render(<LeadView recordRef={ref} />, { wrapper: wrapper({ db, connectorFor, now: () => T0 + 30 * MINUTE }) });
    expect(await screen.findByRole('heading', { name: '山田 太郎' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('view-status')).toHaveTextContent('offline'));
    expect(calls).toHaveLength(0);
  });

  it('shows an error (not an empty panel) when nothing is cached and the vendor refuses', async () => {
    db = freshDb();
    const { connectorFor } = controlledConnector(async () => {
      throw new ConnectorError({ vendor: 'salesforce', kind: 'not-found', message: 'Lead 00Q000000000001AAA is not visible to you.' });
    });
    render(<LeadView recordRef={ref} />, { wrapper: wrapper({ db, connectorFor, now: () => T0 }) });
    expect(await screen.findByRole('alert')).toHaveTextContent('not visible to you');
    expect(screen.getByTestId('view-status')).toHaveTextContent('error');
  });
});

describe('useLeadContext: many contexts', () => {
  it('refreshes the view when another context (the background) writes the record', async () => {
    db = freshDb();
    await saveContext(db, leadContext(ref, { fetchedAt: T0, name: '山田 太郎' }));
    const { connectorFor } = controlledConnector(never);
    render(<LeadView recordRef={ref} />, { wrapper: wrapper({ db, connectorFor, now: () => T0 + MINUTE }) });
    expect(await screen.findByRole('heading', { name: '山田 太郎' })).toBeInTheDocument();
    await saveContext(db, leadContext(ref, { fetchedAt: T0 + MINUTE, name: '山田 太郎（更新）' }));
    expect(await screen.findByRole('heading', { name: '山田 太郎（更新）' })).toBeInTheDocument();
  });
});
