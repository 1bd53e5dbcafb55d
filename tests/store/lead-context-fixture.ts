import type { Connector, DeliveryReceipt } from '../../lib/connectors/connector';
import type { Feedback, LeadContext, RecordRef } from '../../lib/domain/model';
import { openBatonDb, type BatonDb } from '../../lib/store/db';

let counter = 0;
/** A fresh database per test: fake-indexeddb is shared by the whole worker. */
export function freshDb(): BatonDb {
  counter += 1;
  return openBatonDb(`baton-test-${Date.now()}-${counter}-${Math.random().toString(36).slice(2)}`);
}

export const T0 = Date.UTC(2026, 10, 25, 0, 0, 0);
export const HOUR = 3_600_000;

export function sfRef(id: string): RecordRef {
  return { system: 'salesforce', instance: 'acme.my.salesforce.com', object: 'Lead', id };
}

/** A lead as a connector returns it after mapping: `n` page views, a call, an MQL stage change. */
export function leadContext(
  ref: RecordRef,
  options: { email?: string; events?: number; fetchedAt?: number; name?: string } = {},
): LeadContext {
  const email = options.email ?? `${ref.id.toLowerCase()}@example.co.jp`;
  const fetchedAt = options.fetchedAt ?? T0;
  const marketoRef: RecordRef = { system: 'marketo', instance: '123-ABC-456', object: 'lead', id: `m-${ref.id}` };
  return {
    ref,
    person: {
      key: email,
      name: options.name ?? `山田 ${ref.id}`,
      email,
      company: '株式会社サンプル',
      title: '情報システム部 部長',
      stage: 'mql',
      vendorStage: 'Working - Contacted',
      attributes: { industry: 'Manufacturing', employees: 1200 },
      links: [{ ref }, { ref: marketoRef }],
    },
    events: Array.from({ length: options.events ?? 3 }, (_, i) => ({
      id: `marketo:${ref.id}-${i}`,
      source: 'marketo' as const,
      sourceId: `${ref.id}-${i}`,
      type: 'page_view' as const,
      occurredAt: fetchedAt - (i + 1) * HOUR,
      vendorType: 'Visit Webpage',
      url: `https://example.co.jp/pricing?i=${i}`,
    })),
    activities: [
      { id: `salesforce:task-${ref.id}`, source: 'salesforce', type: 'call', occurredAt: fetchedAt - 2 * HOUR, by: '佐藤' },
    ],
    stageChanges: [
      { id: `salesforce:hist-${ref.id}`, source: 'salesforce', stage: 'mql', vendorValue: 'Working - Contacted', at: fetchedAt - 3 * HOUR },
    ],
    opportunities: [],
    feedback: [],
    warnings: [],
    fetchedAt,
    sources: ['salesforce', 'marketo'],
  };
}

/**
 * A Salesforce connector answering deliveries from a script (a receipt or an error per call), then plain receipts;
 * it records what it was sent. For the outbox's suites.
 */
export function scripted(outcomes: (DeliveryReceipt | Error)[] = []) {
  const sent: Feedback[] = [];
  const connector: Connector = {
    system: 'salesforce',
    fetchContext: () => Promise.reject(new Error('unused')),
    deliverFeedback: async (feedback) => {
      sent.push(feedback);
      const next = outcomes.shift() ?? { vendorId: '00T000000000001AAA', alreadyExisted: false };
      if (next instanceof Error) throw next;
      return next;
    },
  };
  return { sent, connector, connectorFor: async () => connector };
}
