import { createContext, useContext } from 'react';
import type { Connector } from '../connectors/connector';
import type { CrossSystemPartner } from '../connectors/cross-system/enrich-context';
import type { RecordRef, Stage, SystemId } from '../domain/model';
import type { CustomerHostsDeps } from '../messaging/customer-hosts';
import type { BatonDb } from '../store/db';

/**
 * What the query hooks need from the page that hosts them. The side panel and options entrypoints provide
 * the app database and `connectorFor` from lib/connectors/registry.ts; tests provide fakes.
 */
export interface BatonDeps {
  db: BatonDb;
  connectorFor: (system: SystemId) => Promise<Connector>;
  /**
   * The connected systems on the other side of a record's page (SFA page → MAs, MA page → SFAs), whose view of
   * the same person is merged in. `partnersFor` from lib/connectors/registry.ts in the extension; absent → none.
   */
  partnersFor?: (ref: RecordRef) => Promise<CrossSystemPartner[]>;
  /** The clock (tests move it). Defaults to Date.now. */
  now?: () => number;
  /** The definitions' stage mapping, handed to connectors so they fill `stage` beside the vendor value. */
  stageOf?: (system: SystemId, field: string, value: string) => Stage | null;
  /**
   * Called after a click is queued or a retry requested, with when the outbox should run: the page asks the
   * background worker to set its alarm (the worker delivers; the panel may be closed by then).
   */
  onFeedbackQueued?: (atMs: number) => void;
  /** Permissions, runtime content scripts and storage for the customer hosts in options (the browser's by default). */
  customerHosts?: CustomerHostsDeps;
}

export const BatonDepsContext = createContext<BatonDeps | null>(null);

export function useBatonDeps(): BatonDeps & { now: () => number } {
  const deps = useContext(BatonDepsContext);
  if (!deps) throw new Error('Baton hooks need <BatonDepsContext.Provider value={{ db, connectorFor }}> above them.');
  return { ...deps, now: deps.now ?? Date.now };
}
