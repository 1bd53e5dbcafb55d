import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Connector } from '../../lib/connectors/connector';
import type { LeadContext, RecordRef } from '../../lib/domain/model';
import { BatonDepsContext, type BatonDeps } from '../../lib/queries/baton-deps';
import { useLeadContext } from '../../lib/queries/use-lead-context';

/** A connector whose fetchContext answers however the test decides, counting calls. */
export function controlledConnector(answer: (ref: RecordRef, call: number) => Promise<LeadContext>) {
  const calls: RecordRef[] = [];
  const connector: Connector = {
    system: 'salesforce',
    fetchContext: (ref) => {
      calls.push(ref);
      return answer(ref, calls.length);
    },
    deliverFeedback: () => Promise.reject(new Error('unused')),
  };
  return { calls, connectorFor: async () => connector };
}

export function wrapper(deps: BatonDeps, client = new QueryClient({ defaultOptions: { queries: { retry: false } } })) {
  return function Wrapper({ children }: { children: ReactNode }) {
    return (
      <QueryClientProvider client={client}>
        <BatonDepsContext.Provider value={deps}>{children}</BatonDepsContext.Provider>
      </QueryClientProvider>
    );
  };
}

/** What a section of the panel shows: the person, "as of … from …", a banner and a retry button. */
export function LeadView({ recordRef, label = 'view' }: { recordRef: RecordRef; label?: string }) {
  const view = useLeadContext(recordRef);
  return (
    <section aria-label={label}>
      <p data-testid={`${label}-status`}>{view.status}</p>
      <h1>{view.context?.person.name ?? 'no data'}</h1>
      {view.fetchedAt !== null && (
        <p>
          as of {new Date(view.fetchedAt).toISOString()} from {view.sources.join(', ')}
        </p>
      )}
      {view.error && <p role="alert">{view.error.message}</p>}
      <button type="button" onClick={view.refetch}>
        retry
      </button>
    </section>
  );
}
