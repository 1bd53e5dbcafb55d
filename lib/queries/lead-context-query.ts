import { queryOptions } from '@tanstack/react-query';
import { ConnectorError, isConnectorError, type Connector, type FetchOptions } from '../connectors/connector';
import { enrichAcrossSystems, type CrossSystemPartner } from '../connectors/cross-system/enrich-context';
import { keepUnavailablePartners } from '../connectors/cross-system/merge-contexts';
import type { LeadContext, RecordRef, Stage, SystemId } from '../domain/model';
import { readContext, recordSyncError, saveContext } from '../store/context-repo';
import type { BatonDb } from '../store/db';
import { enforceCacheBudget } from '../store/eviction';
import { leadContextKeys } from './query-keys';

/** Anything thrown while refreshing, as a ConnectorError the panel can explain (vendor, kind, message). */
export function asConnectorError(error: unknown, vendor: SystemId): ConnectorError {
  if (isConnectorError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  // fetch() rejects with a TypeError when the network is down: a transient failure, not a bug to show raw.
  return new ConnectorError({ vendor, kind: 'transient', message, cause: error });
}

export interface LeadContextQueryExtras {
  now?: () => number;
  stageOf?: (system: SystemId, field: string, value: string) => Stage | null;
  /** Systems on the other side of the page whose view of the same person is merged in (BatonDeps.partnersFor). */
  partnersFor?: (ref: RecordRef) => Promise<CrossSystemPartner[]>;
  /**
   * Asked when the fetch starts: 'background' when it refreshes a copy already on screen that nobody asked
   * for, 'view' otherwise (FetchOptions.purpose). Without it every fetch is a 'view'.
   */
  purpose?: () => NonNullable<FetchOptions['purpose']>;
}

/**
 * Fetch one record's context from its connector and write it through the local store (the panel reads the
 * store, not this result). A failure is kept beside the cached data so the stale banner can say why.
 */
export function leadContextQueryOptions(
  ref: RecordRef,
  connectorFor: (system: SystemId) => Promise<Connector>,
  db: BatonDb,
  freshnessMs: number,
  extras: LeadContextQueryExtras = {},
) {
  const now = extras.now ?? Date.now;
  return queryOptions({
    queryKey: leadContextKeys.detail(ref),
    staleTime: freshnessMs,
    queryFn: async ({ signal }): Promise<LeadContext> => {
      try {
        const connector = await connectorFor(ref.system);
        const options: FetchOptions = {
          signal,
          now: now(),
          purpose: extras.purpose?.() ?? 'view',
          ...(extras.stageOf ? { stageOf: extras.stageOf } : {}),
        };
        const own = await connector.fetchContext(ref, options);
        // The other side's view of the same person; a partner's failure never fails the page's own view.
        const partners = extras.partnersFor ? await extras.partnersFor(ref).catch(() => []) : [];
        const enriched = partners.length ? await enrichAcrossSystems(own, partners, options) : own;
        // A partner that could not be asked keeps its half from the last stored view (see keepUnavailablePartners).
        const context = enriched.warnings.some((w) => w.code === 'partner_unavailable')
          ? keepUnavailablePartners(enriched, (await readContext(db, ref))?.context)
          : enriched;
        await saveContext(db, context);
        // Keep the cache inside its budget; never blocks the answer, never touches feedback.
        void enforceCacheBudget(db, { keep: [context.person.key] }).catch(() => undefined);
        return context;
      } catch (error) {
        const failure = asConnectorError(error, ref.system);
        if (!signal.aborted) {
          await recordSyncError(db, ref, { message: failure.message, kind: failure.kind }, now()).catch(() => undefined);
        }
        throw failure;
      }
    },
  });
}
