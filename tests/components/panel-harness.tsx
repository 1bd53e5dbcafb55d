import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { Connector } from '../../lib/connectors/connector';
import type { LeadContext, RecordRef } from '../../lib/domain/model';
import type { ActiveTabRecord } from '../../lib/messaging/active-tab-record';
import { BatonDepsContext, type BatonDeps } from '../../lib/queries/baton-deps';
import { openBatonDb, type BatonDb } from '../../lib/store/db';
import { AppI18nProvider } from '../../components/i18n/app-i18n-provider';
import { PanelApp } from '../../components/panel/panel-app';
import { HOT_EVENTS, NOW, PERSON } from './lead-fixtures';

export const SF_REF: RecordRef = { system: 'salesforce', instance: 'acme.my.salesforce.com', object: 'Lead', id: '00Q5g00000AbCdEFGH' };
const MIN = 60_000;

/** A lead handed off 20 business minutes ago (Wed 13:45 Tokyo), not yet touched, with one missing field. */
export function leadContext(overrides: Partial<LeadContext> = {}): LeadContext {
  return {
    ref: SF_REF,
    person: PERSON,
    events: HOT_EVENTS,
    activities: [],
    stageChanges: [
      { id: 'sc1', source: 'salesforce', stage: 'mql', vendorValue: 'Open - Not Contacted', at: NOW - 20 * MIN, by: 'Marketo Sync' },
    ],
    opportunities: [],
    feedback: [],
    warnings: [{ code: 'missing_field', detail: 'Phone' }],
    fetchedAt: NOW,
    sources: ['salesforce'],
    ...overrides,
  };
}

export function fakeConnector(answer: () => Promise<LeadContext>) {
  const calls = { count: 0 };
  const connector: Connector = {
    system: 'salesforce',
    fetchContext: () => {
      calls.count++;
      return answer();
    },
    deliverFeedback: () => Promise.reject(new Error('not in these tests')),
  };
  return { calls, connectorFor: async () => connector };
}

let dbCount = 0;
export function freshDb(): BatonDb {
  return openBatonDb(`panel-test-${++dbCount}-${Math.random()}`);
}

/** The side panel as the entrypoint mounts it, with the active tab showing `record`. */
export function renderPanel({
  db,
  connectorFor,
  record,
  languages = ['ja-JP'],
  clock = { now: NOW },
}: {
  db: BatonDb;
  connectorFor: BatonDeps['connectorFor'];
  record: ActiveTabRecord | null;
  languages?: string[];
  clock?: { now: number };
}) {
  const deps: BatonDeps = { db, connectorFor, now: () => clock.now };
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const subscribe = (cb: (r: ActiveTabRecord | null) => void) => {
    cb(record);
    return () => undefined;
  };
  return render(
    <BatonDepsContext.Provider value={deps}>
      <QueryClientProvider client={client}>
        <AppI18nProvider languages={languages}>
          <PanelApp subscribe={subscribe} search="" />
        </AppI18nProvider>
      </QueryClientProvider>
    </BatonDepsContext.Provider>,
  );
}
