import { QueryClient } from '@tanstack/react-query';
import { fakeBrowser } from 'wxt/testing';
import { ConnectorError, type Connector } from '../../lib/connectors/connector';
import type { CrossLookup, CrossSystemPartner } from '../../lib/connectors/cross-system/enrich-context';
import { partnersFor } from '../../lib/connectors/registry';
import type { LeadContext, RecordRef } from '../../lib/domain/model';
import { leadContextQueryOptions } from '../../lib/queries/lead-context-query';
import { readContext } from '../../lib/store/context-repo';
import type { BatonDb } from '../../lib/store/db';
import { freshDb, HOUR, T0 } from '../store/lead-context-fixture';

const sfRef: RecordRef = { system: 'salesforce', instance: 'acme', object: 'Lead', id: '00Q5e00000LeadAEAR' };
const mktRef: RecordRef = { system: 'marketo', instance: 'app-ab12.marketo.com', object: 'lead', id: '318581' };
const EMAIL = 'taro.yamada@example.co.jp';

/** The Salesforce page's own view: a call and a stage change, no marketing events. */
const salesView = (): LeadContext => ({
  ref: sfRef,
  person: { key: EMAIL, name: '山田 太郎', email: EMAIL, owner: '佐藤 花子', stage: 'sal', vendorStage: 'Working - Contacted', attributes: {}, links: [{ ref: sfRef }] },
  events: [],
  activities: [{ id: 'salesforce:00T1', source: 'salesforce', type: 'call', occurredAt: T0 - 2 * HOUR, subject: '初回架電' }],
  stageChanges: [{ id: 'salesforce:h1', source: 'salesforce', stage: 'sal', vendorValue: 'Working - Contacted', at: T0 - 3 * HOUR }],
  opportunities: [],
  feedback: [],
  warnings: [],
  fetchedAt: T0,
  sources: ['salesforce'],
});

/** The Marketo lead of the same person: synced sfdcLeadId, two web visits. */
const marketingView = (): LeadContext => ({
  ref: mktRef,
  person: { key: EMAIL, name: 'Taro Yamada', email: EMAIL, stage: 'mql', attributes: { sfdcLeadId: sfRef.id }, links: [{ ref: mktRef }, { ref: { ...sfRef, instance: '*' } }] },
  events: [1, 2].map((i) => ({ id: `marketo:${i}`, source: 'marketo' as const, sourceId: String(i), type: 'page_view' as const, occurredAt: T0 - i * HOUR, vendorType: 'Visit Webpage' })),
  activities: [],
  stageChanges: [],
  opportunities: [],
  feedback: [],
  warnings: [],
  fetchedAt: T0 - 60_000,
  sources: ['marketo'],
});

function marketoPartner(fail?: Error) {
  const calls: string[] = [];
  const partner: CrossSystemPartner = {
    system: 'marketo',
    async findPeople(lookup: CrossLookup) {
      calls.push(lookup.by);
      if (fail) throw fail;
      return lookup.by === 'salesforce-id' && lookup.id === sfRef.id ? [marketingView().person] : [];
    },
    async fetchContext() {
      calls.push('context');
      return marketingView();
    },
  };
  return { partner, calls };
}

const connector: Connector = { system: 'salesforce', fetchContext: async () => salesView(), deliverFeedback: () => Promise.reject(new Error('unused')) };
const connectorFor = async () => connector;

let db: BatonDb;
afterEach(async () => {
  await db?.delete();
});

async function refresh(extras: Parameters<typeof leadContextQueryOptions>[4]) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return client.fetchQuery(leadContextQueryOptions(sfRef, connectorFor, db, 60_000, { now: () => T0, ...extras }));
}

describe('lead context query: one person across systems', () => {
  it("stores the SFA view with the MA's engagement, and the MA page finds the same person in the store", async () => {
    db = freshDb();
    const mkt = marketoPartner();
    const asked: RecordRef[] = [];
    const answer = await refresh({ partnersFor: async (ref) => (asked.push(ref), [mkt.partner]) });

    expect(asked).toEqual([sfRef]);
    expect(answer.events.map((e) => e.id)).toEqual(['marketo:2', 'marketo:1']);
    const stored = await readContext(db, sfRef);
    expect(stored?.context.events.map((e) => e.source)).toEqual(['marketo', 'marketo']);
    expect(stored?.context.activities.map((a) => a.subject)).toEqual(['初回架電']);
    expect(stored?.sources).toEqual(['salesforce', 'marketo']);
    // Opened on the Marketo page before its own refresh: the linked person paints at once, calls included.
    const fromMa = await readContext(db, mktRef);
    expect(fromMa?.context.person.owner).toBe('佐藤 花子');
    expect(fromMa?.context.activities).toHaveLength(1);
    expect(mkt.calls).toEqual(['salesforce-id', 'context']);
  });

  it('a partner failure never fails the view: the own view is stored with a warning naming the partner', async () => {
    db = freshDb();
    const mkt = marketoPartner(new ConnectorError({ vendor: 'marketo', kind: 'transient', message: 'Marketo did not answer (HTTP 503); Baton tries again later.' }));
    await refresh({ partnersFor: async () => [mkt.partner] });

    const stored = await readContext(db, sfRef);
    expect(stored?.context.activities).toHaveLength(1);
    expect(stored?.context.events).toEqual([]);
    expect(stored?.context.warnings).toEqual([{ code: 'partner_unavailable', detail: 'marketo: Marketo did not answer (HTTP 503); Baton tries again later.' }]);
    expect(stored?.lastError).toBeNull();
  });

  it('a background refresh that cannot ask the partner keeps what the partner said last time, marked as older', async () => {
    db = freshDb();
    // A good refresh first: the Marketo half is stored with the Salesforce view.
    await refresh({ partnersFor: async () => [marketoPartner().partner] });
    // Then Marketo cannot be asked (Salesforce's 80% pause works the same way for a Marketo page).
    const paused = marketoPartner(new ConnectorError({ vendor: 'marketo', kind: 'rate-limit', message: 'Marketo daily quota reached (error 607).' }));
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const later = await client.fetchQuery(leadContextQueryOptions(sfRef, connectorFor, db, 60_000, { now: () => T0 + HOUR, partnersFor: async () => [paused.partner] }));

    expect(later.events.map((e) => e.id)).toEqual(['marketo:2', 'marketo:1']);
    expect(later.warnings).toEqual([{ code: 'partner_unavailable', detail: 'marketo: Marketo daily quota reached (error 607).' }]);
    expect(later.sources).toEqual(['salesforce', 'marketo']);
    expect(later.person.links.map((l) => l.ref.system)).toContain('marketo');
    // The own view is the fresh one; the "as of" time is the older, partner's one.
    expect(later.activities.map((a) => a.subject)).toEqual(['初回架電']);
    expect(later.fetchedAt).toBe(T0 - 60_000);
    const stored = await readContext(db, sfRef);
    expect(stored?.context.events).toHaveLength(2);
  });

  it('partnersFor itself failing, or no partners, leaves the view as the connector gave it', async () => {
    db = freshDb();
    const answer = await refresh({ partnersFor: () => Promise.reject(new Error('storage unavailable')) });
    expect(answer).toEqual(salesView());
    expect((await refresh({ partnersFor: async () => [] })).sources).toEqual(['salesforce']);
  });
});

describe('registry partnersFor: connected systems on the other side of the page', () => {
  beforeEach(() => fakeBrowser.reset());

  it('has none for the demo workspace, nor when nothing is connected (and makes no call to learn it)', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    expect(await partnersFor({ system: 'demo', instance: 'sfa', object: 'lead', id: 'L-1' })).toEqual([]);
    expect(await partnersFor(sfRef)).toEqual([]);
    expect(await partnersFor(mktRef)).toEqual([]);
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });

  it('offers the MAs to a Salesforce page and the SFAs to a Marketo page, once they are connected', async () => {
    await fakeBrowser.storage.local.set({
      'baton.hubspot.settings': { accessToken: 'pat-na1-11111111-2222-3333-4444-555555555555', apiBase: 'https://api.hubapi.com', timeZone: 'Asia/Tokyo' },
      'baton.marketo.settings': { endpoint: 'https://123-abc-456.mktorest.com', clientId: 'client-id-123', clientSecret: 'client-secret-123' },
    });
    expect((await partnersFor(sfRef)).map((p) => p.system)).toEqual(['marketo', 'hubspot']);
    expect((await partnersFor(mktRef)).map((p) => p.system)).toEqual(['hubspot']);
    expect((await partnersFor({ system: 'hubspot', instance: '62515', object: '0-1', id: '512' })).map((p) => p.system)).toEqual([]);
  });
});
