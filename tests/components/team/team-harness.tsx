import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing';
import { AppI18nProvider } from '../../../components/i18n/app-i18n-provider';
import { TeamApp } from '../../../components/team/team-app';
import type { Connector } from '../../../lib/connectors/connector';
import { createDemoConnector } from '../../../lib/connectors/demo/demo-connector';
import { DEFAULT_DEFINITIONS } from '../../../lib/domain/definitions/default-definitions';
import { mapVendorStage } from '../../../lib/domain/definitions/stage-mapping';
import type { LeadContext } from '../../../lib/domain/model';
import { BatonDepsContext } from '../../../lib/queries/baton-deps';
import { createTeamKpisClient, type TeamKpisClient } from '../../../lib/queries/team-kpis-client';
import type { BatonDb } from '../../../lib/store/db';
import { readTeamSnapshot, writeSnapshotPage, writeSyncState } from '../../../lib/store/snapshot-repo';
import { saveTeamAnswer } from '../../../lib/store/team-answer-cache';
import { inProcessWorker } from '../../queries/in-process-worker';

/** The demo workspace's year, as one complete team sync of the demo at `now` leaves it in the snapshot. */
export async function syncDemo(db: BatonDb, now: number, { lastCompleteAt = now }: { lastCompleteAt?: number } = {}): Promise<LeadContext[]> {
  const demo = createDemoConnector();
  const contexts: LeadContext[] = [];
  const stageOf = (system: Parameters<typeof mapVendorStage>[1], field: string, value: string) => mapVendorStage(DEFAULT_DEFINITIONS, system, field, value);
  const scope = { system: 'demo' as const, instance: 'sfa', kind: 'team' as const };
  for await (const page of demo.listContexts!({ scope: 'team', from: now - 365 * 86_400_000, to: now }, { now, stageOf })) {
    await writeSnapshotPage(db, scope, page, now);
    contexts.push(...page.contexts);
  }
  await writeSyncState(db, { scope, period: { from: now - 365 * 86_400_000, to: now }, cursor: null, inFlight: null, lastCompleteAt, callsUsed: 0, callsLastRun: 0 });
  return contexts;
}

/** The worker's service behind structured-clone messages, reading the same snapshot a Worker would. */
export function inProcessClient(
  db: BatonDb,
  { read = () => readTeamSnapshot(db), clock = Date.now, keep = false }: { read?: () => Promise<LeadContext[]>; clock?: () => number; keep?: boolean } = {},
): TeamKpisClient {
  // keep: as the worker does, answers of the page's view are kept for the next visit (store/team-answer-cache.ts).
  return createTeamKpisClient(inProcessWorker(read, keep ? { keepAnswer: (question, kept) => saveTeamAnswer(db, question, kept), wallClock: clock } : {}));
}

export function renderTeamPage(
  db: BatonDb,
  now: number,
  { search = '', languages = ['en-US'], connectorFor, client: given }: { search?: string; languages?: string[]; connectorFor?: (s: string) => Promise<Connector>; client?: TeamKpisClient } = {},
) {
  window.history.replaceState(null, '', `/team.html${search}`);
  const demo = createDemoConnector();
  const deps = { db, connectorFor: (connectorFor ?? (async (s: string) => (s === 'demo' ? demo : Promise.reject(new Error('not connected'))))) as never, now: () => now };
  const client = given ?? inProcessClient(db, { clock: () => now });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const view = render(
    <BatonDepsContext.Provider value={deps}>
      <QueryClientProvider client={queryClient}>
        <AppI18nProvider languages={languages}>
          <TeamApp client={client} clock={() => now} />
        </AppI18nProvider>
      </QueryClientProvider>
    </BatonDepsContext.Provider>,
  );
  return { ...view, client, fakeBrowser };
}
