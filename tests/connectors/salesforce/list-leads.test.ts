import { createSalesforceConnector } from '../../../lib/connectors/salesforce/connector';
import type { FetchOptions } from '../../../lib/connectors/connector';
import type { ListPage, ListRequest } from '../../../lib/connectors/listing';
import { leadContextSchema, recordKey, type LeadContext } from '../../../lib/domain/model';
import { DEFAULT_DEFINITIONS } from '../../../lib/domain/definitions/default-definitions';
import { mapVendorStage } from '../../../lib/domain/definitions/stage-mapping';
import { parseCsv } from '../../../lib/connectors/salesforce/csv';
import failedJob from '../../fixtures/salesforce/bulk-query-job-failed.json';
import { connectedStore } from './fake-org';
import { createListingOrg, generatePeople, USER_ID } from './fake-list-org';

const NOW = Date.UTC(2026, 10, 30, 3, 0);
const DAY = 86_400_000;
const options: FetchOptions = { now: NOW, purpose: 'background', stageOf: (s, f, v) => mapVendorStage(DEFAULT_DEFINITIONS, s, f, v) };
const period: ListRequest = { scope: 'team', from: NOW - 180 * DAY, to: NOW + 1 };

function setup(opts: { leads: number; contacts?: number; bulkThreshold?: number; storage?: ReturnType<typeof connectedStore> }) {
  const org = createListingOrg({ people: generatePeople({ leads: opts.leads, contacts: opts.contacts ?? 0, now: NOW }), now: NOW });
  const connector = createSalesforceConnector({
    storage: opts.storage ?? connectedStore(),
    fetchImpl: org.fetch,
    now: () => NOW,
    sleep: async () => {},
    bulkThreshold: opts.bulkThreshold ?? 100_000,
  });
  return { org, connector };
}

async function drain(gen: AsyncGenerator<ListPage>, onPage?: (p: ListPage) => void) {
  const pages: ListPage[] = [];
  for await (const p of gen) {
    pages.push(p);
    onPage?.(p);
  }
  return { pages, contexts: pages.flatMap((p) => p.contexts), calls: pages.reduce((n, p) => n + p.calls, 0) };
}

describe('Salesforce team listing: REST query with subqueries', () => {
  it('lists every lead and contact of the period once, follows nextRecordsUrl and stays within 5 calls per 1,000 people', async () => {
    const { org, connector } = setup({ leads: 3_000, contacts: 500 });
    const { pages, contexts, calls } = await drain(connector.listContexts!(period, options));

    const keys = contexts.map((c) => recordKey(c.ref));
    expect(new Set(keys).size).toBe(3_500);
    expect(keys).toHaveLength(3_500);
    expect(pages.length).toBeGreaterThan(2);
    expect(org.state.requests.filter((r) => /\/query\/01g/.test(r)).length).toBeGreaterThan(0);
    // Every call the org saw is reported in the pages, and the budget holds.
    expect(calls).toBe(org.state.calls);
    expect(calls).toBeLessThanOrEqual(5 * 3.5);
    expect(pages.at(-1)?.cursor).toBeNull();
    expect(pages.at(-1)?.progress).toEqual({ done: 3_500, total: 3_500 });
  });

  it('maps each person exactly as the panel does: stage history, touches, campaigns, the same LeadContext shape', async () => {
    const { connector } = setup({ leads: 3 });
    const { contexts } = await drain(connector.listContexts!(period, options));
    const lead = contexts[0]!;
    expect(() => leadContextSchema.parse(lead)).not.toThrow();
    expect(lead.ref).toEqual({ system: 'salesforce', instance: 'acme', object: 'Lead', id: lead.person.links[0]!.url!.split('/').pop() });
    expect(lead.stageChanges.map((s) => [s.vendorValue, s.stage])).toEqual([
      ['Open - Not Contacted', 'mql'],
      ['Working - Contacted', 'sal'],
    ]);
    expect(lead.activities.map((a) => a.type)).toEqual(['call', 'email', 'meeting']);
    expect(lead.events.map((e) => e.campaign).sort()).toEqual(['Newsletter', 'Webinar 0']);
    expect(lead.person.attributes).toMatchObject({ leadSource: 'Web', pardotScore: 0, pardotGrade: 'B' });
  });
});

describe('Salesforce team listing: Bulk API 2.0 above the threshold', () => {
  it('gives the same contexts as the REST path, from jobs polled to JobComplete and CSV sets read by Sforce-Locator', async () => {
    const rest = setup({ leads: 1_200, contacts: 300 });
    const bulk = setup({ leads: 1_200, contacts: 300, bulkThreshold: 1_000 });
    const a = await drain(rest.connector.listContexts!(period, options));
    const b = await drain(bulk.connector.listContexts!(period, options));

    const byKey = (list: LeadContext[]) => new Map(list.map((c) => [recordKey(c.ref), c]));
    expect(b.contexts).toHaveLength(1_500);
    const restByKey = byKey(a.contexts);
    for (const [key, context] of byKey(b.contexts)) expect(context).toEqual(restByKey.get(key));

    const requests = bulk.org.state.requests;
    // 1,200 leads: parent, history, Task, Event, CampaignMember jobs; 300 contacts stay under the threshold (REST).
    expect(requests.filter((r) => r.startsWith('POST') && r.endsWith('/jobs/query'))).toHaveLength(5);
    expect(requests.some((r) => /\/jobs\/query\/\w+\/results$/.test(r))).toBe(true);
    expect(b.calls).toBe(bulk.org.state.calls);
  });

  it('a failed job is an error naming the job and Salesforce\u2019s message', async () => {
    const { org, connector } = setup({ leads: 50, bulkThreshold: 10 });
    const real = org.fetch;
    const failing: typeof fetch = async (input, init) => {
      const url = new Request(input as RequestInfo, init).url;
      if (/\/jobs\/query\/\w+$/.test(url)) return new Response(JSON.stringify(failedJob), { status: 200, headers: { 'Content-Type': 'application/json' } });
      return real(input, init);
    };
    const c = createSalesforceConnector({ storage: connectedStore(), fetchImpl: failing, now: () => NOW, sleep: async () => {}, bulkThreshold: 10 });
    void connector;
    const e = await drain(c.listContexts!(period, options)).catch((x: unknown) => x);
    expect(e).toMatchObject({ vendor: 'salesforce', code: 'BULK_JOB_FAILED' });
    expect((e as Error).message).toContain("No such column 'pi__score__c'");
  });

  it('parses documented CSV: quotes, doubled quotes, commas and line breaks inside fields, empty values', () => {
    expect(parseCsv('"Id","Name","Description"\n"001","Acme, Inc.","He said ""hi""\nthen left"\n"002","",""\n')).toEqual([
      { Id: '001', Name: 'Acme, Inc.', Description: 'He said "hi"\nthen left' },
      { Id: '002', Name: '', Description: '' },
    ]);
  });
});

describe('Salesforce team listing: kill and resume', () => {
  it('REST: a run killed half-way resumes from its cursor; every person once, none twice', async () => {
    const { org, connector } = setup({ leads: 2_000, contacts: 200 });
    const seen: string[] = [];
    let cursor: string | null = null;
    const controller = new AbortController();
    org.state.onCall = (n) => n === 4 && controller.abort(new DOMException('killed', 'AbortError'));
    await drain(connector.listContexts!(period, { ...options, signal: controller.signal }), (p) => {
      seen.push(...p.contexts.map((c) => recordKey(c.ref)));
      cursor = p.cursor;
    }).catch(() => undefined);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.length).toBeLessThan(2_200);

    org.state.onCall = undefined;
    await drain(connector.listContexts!({ ...period, cursor: cursor ?? undefined }, options), (p) => seen.push(...p.contexts.map((c) => recordKey(c.ref))));
    expect(seen).toHaveLength(2_200);
    expect(new Set(seen).size).toBe(2_200);
  });

  it('Bulk: a run killed while the jobs run reuses them on resume instead of creating new ones', async () => {
    const { org, connector } = setup({ leads: 300, bulkThreshold: 100 });
    let cursor: string | null = null;
    const controller = new AbortController();
    // Killed at the first poll after the jobs were created and saved in the cursor.
    org.state.onCall = () => {
      if (org.state.requests.at(-1)?.match(/^GET .*\/jobs\/query\/\w+$/)) controller.abort();
    };
    await drain(connector.listContexts!(period, { ...options, signal: controller.signal }), (p) => (cursor = p.cursor)).catch(() => undefined);
    const created = org.state.jobs.size;
    expect(created).toBe(5);
    org.state.onCall = undefined;
    const { contexts } = await drain(connector.listContexts!({ ...period, cursor: cursor ?? undefined }, options));
    // The Lead jobs were reused (the org has no contacts: that pass stays on REST).
    expect(org.state.jobs.size).toBe(created);
    expect(new Set(contexts.map((c) => recordKey(c.ref))).size).toBe(300);
  });
});

describe('Salesforce team listing: incremental', () => {
  it('picks up a changed record, one whose only change is a new Task, and a deleted one', async () => {
    const { org, connector } = setup({ leads: 500 });
    const ids = [...org.state.people.keys()];
    const lastSync = NOW;
    const later = NOW + 2 * 3_600_000;
    org.modify(ids[10]!, { Status: 'Closed - Not Converted' }, later);
    org.addTask(ids[20]!, later);
    org.remove(ids[30]!, later);
    org.state.now = later + 3_600_000;

    const c = createSalesforceConnector({ storage: connectedStore(), fetchImpl: org.fetch, now: () => later + 3_600_000, sleep: async () => {} });
    void connector;
    const { contexts, pages, calls } = await drain(c.listContexts!({ ...period, to: later + 3_600_000, modifiedSince: lastSync }, { ...options, now: later + 3_600_000 }));
    expect(contexts.map((x) => x.ref.id).sort()).toEqual([ids[10], ids[20]].sort());
    expect(contexts.find((x) => x.ref.id === ids[10])?.person.vendorStage).toBe('Closed - Not Converted');
    expect(contexts.find((x) => x.ref.id === ids[20])?.activities).toHaveLength(4);
    expect(pages.flatMap((p) => p.deleted)).toEqual([{ system: 'salesforce', instance: 'acme', object: 'Lead', id: ids[30] }]);
    // Lead and Contact: the modified pass, three child passes and the deleted list each.
    expect(calls).toBe(10);
  });
});

describe('Salesforce team listing: the daily API limit and "mine"', () => {
  it('stops before the next page once the org is above 80% of its daily limit, with the pause error', async () => {
    const { org, connector } = setup({ leads: 2_000 });
    org.state.onCall = (n) => {
      // Answers from the second call on report 850,000 of 1,000,000 used.
      if (n === 1) org.state.used = 850_000;
    };
    let listed = 0;
    const e = await drain(connector.listContexts!(period, options), (p) => (listed += p.contexts.length)).catch((x: unknown) => x);
    expect(e).toMatchObject({ kind: 'quota', code: 'BACKGROUND_PAUSED' });
    expect(org.state.calls).toBe(2);
    expect(listed).toBeGreaterThan(0);
  });

  it('"mine" lists the signed-in user\u2019s open leads after handoff, asking UserInfo for the user once', async () => {
    const storage = connectedStore();
    const { org, connector } = setup({ leads: 400, storage });
    const { contexts } = await drain(connector.listContexts!({ scope: 'mine', from: 0, to: NOW + 1 }, options));
    expect(contexts.length).toBeGreaterThan(0);
    for (const c of contexts) {
      expect(c.person.owner).toBe('Sato Hanako');
      expect(['mql', 'sal', 'sql']).toContain(c.person.stage);
    }
    expect(org.state.requests.filter((r) => r.endsWith('/userinfo'))).toHaveLength(1);
    expect(((await storage.get('baton.salesforce.auth')) as { userId: string }).userId).toBe(USER_ID);
    await drain(connector.listContexts!({ scope: 'mine', from: 0, to: NOW + 1 }, options));
    expect(org.state.requests.filter((r) => r.endsWith('/userinfo'))).toHaveLength(1);
  });
});
