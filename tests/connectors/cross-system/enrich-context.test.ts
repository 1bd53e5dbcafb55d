import { http, HttpResponse } from 'msw';
import { ConnectorError, type FetchOptions } from '../../../lib/connectors/connector';
import { enrichAcrossSystems, type CrossLookup, type CrossSystemPartner } from '../../../lib/connectors/cross-system/enrich-context';
import { hubspotPartner, salesforcePartner } from '../../../lib/connectors/cross-system/partners';
import { hubspotPortalId } from '../../../lib/connectors/cross-system/hubspot-portal';
import { createHubSpotConnector } from '../../../lib/connectors/hubspot/hubspot-connector';
import { HUBSPOT_SETTINGS_KEY, isHubSpotConnected } from '../../../lib/connectors/hubspot/settings';
import { isMarketoConnected, MARKETO_SETTINGS_KEY } from '../../../lib/connectors/marketo/settings';
import { mapLeadToPerson, mapMarketoContext } from '../../../lib/connectors/marketo/map-lead';
import { activitySchema, leadSchema, type MarketoLead } from '../../../lib/connectors/marketo/schemas';
import { createSalesforceConnector } from '../../../lib/connectors/salesforce/connector';
import { isSalesforceConnected } from '../../../lib/connectors/salesforce/find-people';
import { memoryStore } from '../../../lib/connectors/local-store';
import type { LeadContext, Person, RecordRef } from '../../../lib/domain/model';
import activities from '../../fixtures/marketo/activities-page-2.json';
import leadsByEmail from '../../fixtures/marketo/leads-by-email.json';
import composite from '../../fixtures/salesforce/lead-composite.json';
import contactsSearch from '../../fixtures/hubspot/contacts-search.json';
import { connectedStore, createFakeOrg, INSTANCE, LEAD_ID } from '../salesforce/fake-org';
import { API as HUBSPOT_API, hubspotFake } from '../hubspot/hubspot-msw';

const NOW = Date.UTC(2026, 10, 25, 3, 0);
const options: FetchOptions = { now: NOW };
const sfRef: RecordRef = { system: 'salesforce', instance: 'acme', object: 'Lead', id: LEAD_ID };
const MKT_INSTANCE = 'app-ab12.marketo.com';

/** The fixture leads, as the Marketo sync would have written them for the fake org's lead. */
const marketoLeads: MarketoLead[] = leadsByEmail.result.map((l) => leadSchema.parse(l.id === 318581 ? { ...l, sfdcLeadId: LEAD_ID } : l));
const mktRefOf = (lead: MarketoLead): RecordRef => ({ system: 'marketo', instance: MKT_INSTANCE, object: 'lead', id: String(lead.id) });
const marketoContextOf = (lead: MarketoLead): LeadContext =>
  mapMarketoContext({
    ref: mktRefOf(lead),
    lead,
    activities: activities.result.map((a) => activitySchema.parse(a)),
    typeNames: new Map(),
    truncated: false,
    options: { now: NOW - 60_000 },
  });

/**
 * A Marketo partner answering from the documented fixtures, as `leads.json?filterType=…` would: by the synced
 * Salesforce id or by e-mail. Counts its calls.
 */
function fakeMarketo(leads: MarketoLead[], failWith?: Error) {
  const calls: string[] = [];
  const partner: CrossSystemPartner = {
    system: 'marketo',
    async findPeople(lookup: CrossLookup) {
      calls.push(`find:${lookup.by}`);
      if (failWith) throw failWith;
      const found =
        lookup.by === 'email'
          ? leads.filter((l) => l.email?.toLowerCase() === lookup.email)
          : leads.filter((l) => (lookup.object === 'Lead' ? l.sfdcLeadId : l.sfdcContactId) === lookup.id);
      return found.map((l): Person => mapLeadToPerson(mktRefOf(l), l, {}));
    },
    async fetchContext(ref) {
      calls.push(`context:${ref.id}`);
      const lead = leads.find((l) => String(l.id) === ref.id);
      if (!lead) throw new ConnectorError({ vendor: 'marketo', kind: 'not-found', message: 'no lead' });
      return marketoContextOf(lead);
    },
  };
  return { partner, calls };
}

const { server, state } = createFakeOrg();
/** Lead/Contact lookups the fake org answered: [referenceIds, soql]. */
let lookups: string[][] = [];
let leadRows: unknown[] = [];
let contactRows: unknown[] = [];

/** The fake org's composite, plus the lookups (`find…` sub-requests) and a converted lead's opportunity. */
function compositeHandler() {
  return http.post(`${INSTANCE}/services/data/:v/composite`, async ({ request }) => {
    if (!state.validTokens.has((request.headers.get('Authorization') ?? '').replace(/^Bearer /, ''))) {
      return HttpResponse.json([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }], { status: 401 });
    }
    const body = (await request.json()) as { compositeRequest: { referenceId: string; url: string }[] };
    const subs = body.compositeRequest;
    if (!subs.every((s) => s.referenceId.startsWith('find'))) {
      const answer = structuredClone(composite);
      const record = answer.compositeResponse[0]!.body.records[0]! as Record<string, unknown>;
      // Documented Opportunity fields, as the ConvertedOpportunity relationship returns them.
      Object.assign(record, {
        IsConverted: true,
        ConvertedOpportunityId: '0065e00000OppAAA',
        ConvertedOpportunity: {
          attributes: { type: 'Opportunity', url: '/services/data/v65.0/sobjects/Opportunity/0065e00000OppAAA' },
          Id: '0065e00000OppAAA', Name: '株式会社サンプル - DX', StageName: 'Proposal/Price Quote', Amount: 4_800_000,
          CreatedDate: '2026-11-24T03:00:00.000+0000', CloseDate: '2026-12-20', IsClosed: false, IsWon: false,
        },
      });
      return HttpResponse.json(answer);
    }
    lookups.push(subs.map((s) => decodeURIComponent(new URL(s.url, INSTANCE).searchParams.get('q') ?? '')));
    return HttpResponse.json({
      compositeResponse: subs.map((s) => {
        const q = decodeURIComponent(new URL(s.url, INSTANCE).searchParams.get('q') ?? '');
        const records = / FROM Lead /.test(q) ? leadRows : contactRows;
        return { body: { totalSize: records.length, done: true, records }, httpHeaders: {}, httpStatusCode: 200, referenceId: s.referenceId };
      }),
    });
  });
}

const sfLeadRow = (id: string, email: string) => ({
  attributes: { type: 'Lead', url: `/services/data/v65.0/sobjects/Lead/${id}` },
  Id: id, Name: 'Yamada Taro', Email: email, Company: '株式会社サンプル', Title: null, Status: 'Working - Contacted', Owner: { Name: 'Sato Hanako' },
});

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  Object.assign(state, createFakeOrg().state);
  server.resetHandlers();
  server.use(compositeHandler());
  lookups = [];
  leadRows = [];
  contactRows = [];
});

describe('enrichAcrossSystems: the SFA page shows the MA engagement', () => {
  it("merges the Marketo lead whose synced sfdcLeadId is this lead: both systems' events, each once, in 2 Marketo calls", async () => {
    const sf = createSalesforceConnector({ storage: connectedStore(), now: () => NOW });
    const primary = await sf.fetchContext(sfRef, options);
    const mkt = fakeMarketo(marketoLeads);

    const view = await enrichAcrossSystems(primary, [mkt.partner], options);

    expect(view.ref).toEqual(sfRef);
    expect(new Set(view.events.map((e) => e.source))).toEqual(new Set(['salesforce', 'marketo']));
    expect(view.events).toHaveLength(primary.events.length + 4);
    expect(new Set(view.events.map((e) => e.id)).size).toBe(view.events.length);
    expect(view.events.map((e) => e.occurredAt)).toEqual([...view.events.map((e) => e.occurredAt)].sort((a, b) => a - b));
    expect(view.person.owner).toBe('Sato Hanako');
    expect(view.person.links.map((l) => l.ref.system)).toEqual(['salesforce', 'marketo']);
    expect(view.sources).toEqual(['salesforce', 'marketo']);
    // Found by the synced id: the e-mail lookup (which would also find the duplicate 402211) is not needed.
    expect(mkt.calls).toEqual(['find:salesforce-id', 'context:318581']);
    expect(view.warnings).not.toContainEqual(expect.objectContaining({ code: 'possible_duplicate' }));

    // Enriching again (a refresh) adds nothing twice.
    const again = await enrichAcrossSystems(view, [mkt.partner], options);
    expect(again.events).toHaveLength(view.events.length);
  });

  it('two Marketo leads with the e-mail and no synced id: a warning naming both, nothing merged', async () => {
    const sf = createSalesforceConnector({ storage: connectedStore(), now: () => NOW });
    const primary = await sf.fetchContext(sfRef, options);
    const unsynced = marketoLeads.map((l) => ({ ...l, sfdcLeadId: null }));
    const mkt = fakeMarketo(unsynced);

    const view = await enrichAcrossSystems(primary, [mkt.partner], options);

    expect(view.events).toEqual(primary.events);
    expect(view.sources).toEqual(['salesforce']);
    expect(view.warnings).toContainEqual({ code: 'possible_duplicate', detail: '2 records with taro.yamada@example.co.jp', refs: [mktRefOf(unsynced[0]!), mktRefOf(unsynced[1]!)] });
    // The id lookup found nobody, then one e-mail lookup; no context fetched.
    expect(mkt.calls).toEqual(['find:salesforce-id', 'find:email']);
  });

  it('a partner that is not connected is skipped without a word', async () => {
    const sf = createSalesforceConnector({ storage: connectedStore(), now: () => NOW });
    const primary = await sf.fetchContext(sfRef, options);
    const mkt = fakeMarketo(marketoLeads, new ConnectorError({ vendor: 'marketo', kind: 'not-connected', message: 'Marketo is not connected' }));

    const view = await enrichAcrossSystems(primary, [mkt.partner], options);

    expect(view).toEqual(primary);
  });

  it("a partner failure keeps the page's own view and says which system failed and why", async () => {
    const sf = createSalesforceConnector({ storage: connectedStore(), now: () => NOW });
    const primary = await sf.fetchContext(sfRef, options);
    const quota = new ConnectorError({ vendor: 'marketo', kind: 'quota', code: '607', message: 'Marketo: daily quota reached; Baton waits until midnight US Central.' });
    const mkt = fakeMarketo(marketoLeads, quota);

    const view = await enrichAcrossSystems(primary, [mkt.partner], options);

    expect(view.events).toEqual(primary.events);
    expect(view.activities).toEqual(primary.activities);
    expect(view.warnings).toEqual([...primary.warnings, { code: 'partner_unavailable', detail: 'marketo: Marketo: daily quota reached; Baton waits until midnight US Central.' }]);
  });

  it('an aborted view is not turned into a warning', async () => {
    const sf = createSalesforceConnector({ storage: connectedStore(), now: () => NOW });
    const primary = await sf.fetchContext(sfRef, options);
    const controller = new AbortController();
    controller.abort();
    const mkt = fakeMarketo(marketoLeads, new DOMException('aborted', 'AbortError'));
    await expect(enrichAcrossSystems(primary, [mkt.partner], { ...options, signal: controller.signal })).rejects.toThrow('aborted');
  });
});

describe('enrichAcrossSystems: the MA page shows the SFA outcome', () => {
  const mktLead = marketoLeads[0]!;

  it("merges the Salesforce lead named by the lead's sfdcLeadId: calls, stage history and the opportunity, in 2 Salesforce API calls", async () => {
    const primary = marketoContextOf(mktLead);
    leadRows = [sfLeadRow(LEAD_ID, 'Taro.Yamada@Example.co.jp')];
    const partner = salesforcePartner(createSalesforceConnector({ storage: connectedStore(), now: () => NOW }));
    const before = state.requests.length;

    const view = await enrichAcrossSystems(primary, [partner], options);

    expect(view.ref).toEqual(mktRefOf(mktLead));
    expect(view.activities.map((a) => [a.source, a.type])).toEqual([['salesforce', 'call'], ['salesforce', 'meeting']]);
    expect(view.stageChanges.filter((s) => s.source === 'salesforce').map((s) => s.vendorValue)).toEqual(['Open - Not Contacted', 'Working - Contacted']);
    expect(view.opportunities).toEqual([expect.objectContaining({ source: 'salesforce', name: '株式会社サンプル - DX', amount: 4_800_000, isClosed: false })]);
    expect(view.person.links.map((l) => l.ref.system)).toEqual(['marketo', 'salesforce']);
    expect(view.events.filter((e) => e.source === 'marketo')).toHaveLength(4);
    // The lookup by the synced id (one composite), then the record view (one composite).
    expect(lookups).toEqual([[`SELECT Id, Name, Email, Company, Title, Status, Owner.Name FROM Lead WHERE Id = '${LEAD_ID}' LIMIT 1`]]);
    expect(state.requests.slice(before).map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'POST /services/data/v65.0/composite',
      'POST /services/data/v65.0/composite',
    ]);
  });

  it('finds the Salesforce side by e-mail (leads not converted, and contacts, in one call) when no id is synced', async () => {
    const primary = marketoContextOf({ ...mktLead, sfdcLeadId: null });
    leadRows = [sfLeadRow(LEAD_ID, 'taro.yamada@example.co.jp')];
    const partner = salesforcePartner(createSalesforceConnector({ storage: connectedStore(), now: () => NOW }));

    const view = await enrichAcrossSystems(primary, [partner], options);

    expect(lookups).toHaveLength(1);
    expect(lookups[0]).toEqual([
      "SELECT Id, Name, Email, Company, Title, Status, Owner.Name FROM Lead WHERE Email = 'taro.yamada@example.co.jp' AND IsConverted = false LIMIT 10",
      "SELECT Id, Name, Email, Title, Account.Name, Owner.Name FROM Contact WHERE Email = 'taro.yamada@example.co.jp' LIMIT 10",
    ]);
    expect(view.opportunities).toHaveLength(1);
  });

  it('a lead and a contact with the same e-mail: a warning, no merge, and no record view fetched', async () => {
    const primary = marketoContextOf({ ...mktLead, sfdcLeadId: null });
    leadRows = [sfLeadRow(LEAD_ID, 'taro.yamada@example.co.jp')];
    contactRows = [{ attributes: { type: 'Contact' }, Id: '0035e00000ContAAA', Name: 'Yamada Taro', Email: 'taro.yamada@example.co.jp', Title: null, Account: { Name: '株式会社サンプル' }, Owner: null }];
    const partner = salesforcePartner(createSalesforceConnector({ storage: connectedStore(), now: () => NOW }));
    const before = state.requests.length;

    const view = await enrichAcrossSystems(primary, [partner], options);

    expect(view.activities).toEqual(primary.activities);
    expect(view.opportunities).toEqual([]);
    expect(view.warnings).toContainEqual(
      expect.objectContaining({ code: 'possible_duplicate', refs: [expect.objectContaining({ object: 'Lead', id: LEAD_ID }), expect.objectContaining({ object: 'Contact', id: '0035e00000ContAAA' })] }),
    );
    expect(state.requests.length - before).toBe(1);
  });

  it('Salesforce refusing the lookup leaves the Marketo view whole, with a warning that names Salesforce', async () => {
    const primary = marketoContextOf(mktLead);
    state.validTokens.clear();
    state.refreshWorks = false;
    const partner = salesforcePartner(createSalesforceConnector({ storage: connectedStore(), now: () => NOW }));

    const view = await enrichAcrossSystems(primary, [partner], options);

    expect(view.events).toEqual(primary.events);
    expect(view.warnings.at(-1)).toMatchObject({ code: 'partner_unavailable', detail: expect.stringMatching(/^salesforce: Salesforce/) });
    expect(view.warnings.map((w) => w.code)).not.toContain('cross_system_conflict');
  });

  it('knows Salesforce is not connected from storage alone', async () => {
    expect(await isSalesforceConnected(memoryStore())).toBe(false);
    expect(await isSalesforceConnected(connectedStore())).toBe(true);
    expect(state.requests).toHaveLength(0);
  });
});

describe('enrichAcrossSystems: HubSpot as the MA of a Salesforce org', () => {
  const TOKEN = 'pat-na1-11111111-2222-3333-4444-555555555555';
  const hubspotStore = () => memoryStore({ [HUBSPOT_SETTINGS_KEY]: { accessToken: TOKEN, apiBase: 'https://api.hubapi.com', timeZone: 'Asia/Tokyo' } });

  it("finds the contact by the synced salesforceleadid, names it with the portal id, and merges HubSpot's e-mail events", async () => {
    const hub = hubspotFake();
    const searches: unknown[] = [];
    server.use(
      ...hub.handlers,
      // https://developers.hubspot.com/docs/api-reference/latest/account/account-information/get-account-details
      http.get(`${HUBSPOT_API}/account-info/v3/details`, ({ request }) => {
        hub.requests.push({ method: 'GET', path: new URL(request.url).pathname, auth: request.headers.get('Authorization') });
        return HttpResponse.json({ portalId: 62515, accountType: 'STANDARD', timeZone: 'Asia/Tokyo', companyCurrency: 'JPY', additionalCurrencies: [], utcOffset: '+09:00', utcOffsetMilliseconds: 32_400_000, uiDomain: 'app.hubspot.com', dataHostingLocation: 'na1' });
      }),
      http.post(`${HUBSPOT_API}/crm/v3/objects/contacts/search`, async ({ request }) => {
        hub.requests.push({ method: 'POST', path: new URL(request.url).pathname, auth: request.headers.get('Authorization') });
        const body = (await request.json()) as { filterGroups: { filters: { propertyName: string; value: string }[] }[] };
        searches.push(...body.filterGroups.map((group) => group.filters[0]));
        const first = { ...contactsSearch.results[0]!, properties: { ...contactsSearch.results[0]!.properties, salesforceleadid: LEAD_ID } };
        return HttpResponse.json({ total: 1, results: [first] });
      }),
    );
    const sf = createSalesforceConnector({ storage: connectedStore(), now: () => NOW });
    const primary = await sf.fetchContext(sfRef, options);
    const storage = hubspotStore();
    const partner = hubspotPartner(createHubSpotConnector({ storage, now: () => NOW }), hubspotPortalId({ storage, now: () => NOW }));

    const view = await enrichAcrossSystems(primary, [partner], options);

    // One search, both spellings the integration may have written (15 and 18 characters).
    expect(searches).toEqual([
      { propertyName: 'salesforceleadid', operator: 'EQ', value: LEAD_ID.slice(0, 15) },
      { propertyName: 'salesforceleadid', operator: 'EQ', value: LEAD_ID },
    ]);
    const hubLink = view.person.links.find((l) => l.ref.system === 'hubspot');
    expect(hubLink).toEqual({ ref: { system: 'hubspot', instance: '62515', object: '0-1', id: '512' }, url: 'https://app.hubspot.com/contacts/62515/record/0-1/512' });
    expect(view.events.some((e) => e.source === 'hubspot')).toBe(true);
    expect(view.sources).toContain('hubspot');
    // The same human under another address: linked by the synced id, and the difference is shown.
    expect(view.warnings).toContainEqual(expect.objectContaining({ code: 'cross_system_conflict', detail: 'email differs: taro.yamada@example.co.jp / bh@hubspot.com' }));
    // Portal id (once), the search, then the contact view's 3 calls.
    expect(hub.requests.map((r) => r.path)).toEqual([
      '/account-info/v3/details',
      '/crm/v3/objects/contacts/search',
      expect.stringMatching(/^\/crm\/v3\/objects\/contacts\/512$|^\/engagements/),
      expect.stringMatching(/^\/crm\/v3\/objects\/contacts\/512$|^\/engagements/),
      '/email/public/v1/events',
    ]);

    await enrichAcrossSystems(primary, [partner], options);
    expect(hub.requests.filter((r) => r.path === '/account-info/v3/details')).toHaveLength(1);
    expect(hub.requests).toHaveLength(9);
  });

  it('tells from storage alone whether HubSpot and Marketo are connected', async () => {
    expect(await isHubSpotConnected(memoryStore())).toBe(false);
    expect(await isHubSpotConnected(hubspotStore())).toBe(true);
    expect(await isMarketoConnected(memoryStore())).toBe(false);
    expect(
      await isMarketoConnected(memoryStore({ [MARKETO_SETTINGS_KEY]: { endpoint: 'https://123-ABC-456.mktorest.com/rest', clientId: 'client-id-123', clientSecret: 'client-secret-123' } })),
    ).toBe(true);
  });
});
