import { createSalesforceConnector } from '../../../lib/connectors/salesforce/connector';
import { ConnectorError, type FetchOptions } from '../../../lib/connectors/connector';
import { leadContextSchema, type RecordRef } from '../../../lib/domain/model';
import { DEFAULT_DEFINITIONS } from '../../../lib/domain/definitions/default-definitions';
import { mapVendorStage } from '../../../lib/domain/definitions/stage-mapping';
import { assessLead } from '../../../lib/domain/assess-lead';
import { detectRecord } from '../../../lib/sites/detect-record';
import invalidField from '../../fixtures/salesforce/error-invalid-field.json';
import insufficient from '../../fixtures/salesforce/error-insufficient-access.json';
import requestLimit from '../../fixtures/salesforce/error-request-limit.json';
import visitorActivities from '../../fixtures/salesforce/visitor-activities-v5.json';
import { http, HttpResponse } from 'msw';
import { connectedStore, createFakeOrg, FIRST_TOKEN, INSTANCE, LEAD_ID, REFRESHED_TOKEN } from './fake-org';

const NOW = Date.UTC(2026, 10, 25, 3, 0);
const ref: RecordRef = { system: 'salesforce', instance: 'acme', object: 'Lead', id: LEAD_ID };
// The shared definitions' own mapping: standard Lead Status values, 'Open - Not Contacted' meaning MQL.
const options: FetchOptions = { now: NOW, stageOf: (system, field, value) => mapVendorStage(DEFAULT_DEFINITIONS, system, field, value) };

const { server, state } = createFakeOrg();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  const fresh = createFakeOrg().state;
  Object.assign(state, fresh);
  server.resetHandlers();
});

describe('Salesforce connector: a lead view', () => {
  it('maps the composite answer to the lead the panel shows', async () => {
    const connector = createSalesforceConnector({ storage: connectedStore(), now: () => NOW });
    const ctx = await connector.fetchContext(ref, options);

    expect(ctx.person.name).toBe('Yamada Taro');
    expect(ctx.person.key).toBe('taro.yamada@example.co.jp');
    expect(ctx.person.owner).toBe('Sato Hanako');
    expect(ctx.person.stage).toBe('sal');
    expect(ctx.person.vendorStage).toBe('Working - Contacted');
    expect(ctx.person.attributes).toMatchObject({ industry: 'Manufacturing', employees: 850, country: 'Japan', leadSource: 'Webinar', pardotScore: 135, pardotGrade: 'A-' });
    expect(ctx.person.links[0]?.url).toBe(`${INSTANCE}/${LEAD_ID}`);

    // Stage history: the status the lead was created with (from the `created` row and the first change's
    // OldValue), then each Status change, mapped through the definitions, vendor values kept. Owner rows are not stages.
    expect(ctx.stageChanges.map((s) => [s.vendorValue, s.stage, s.by, s.at])).toEqual([
      ['Open - Not Contacted', 'mql', 'Marketing Automation', Date.UTC(2026, 10, 24, 1, 0)],
      ['Working - Contacted', 'sal', 'Sato Hanako', Date.UTC(2026, 10, 24, 2, 31)],
    ]);
    expect(ctx.stageChanges[1]?.fromVendorValue).toBe('Open - Not Contacted');

    // The call counts as a touch; Baton's own feedback Task does not, it comes back as feedback.
    expect(ctx.activities.map((a) => [a.type, a.occurredAt])).toEqual([
      ['call', Date.UTC(2026, 10, 24, 2, 30)],
      ['meeting', Date.UTC(2026, 10, 26, 5, 0)],
    ]);
    expect(ctx.feedback).toHaveLength(1);
    expect(ctx.feedback[0]).toMatchObject({ id: 'fb-earlier-0001', verdict: 'bad', reasonCodes: ['not-target'], state: 'sent', vendorId: '00T5e00000Fdbk1EAB' });

    // No business unit configured: CampaignMember history is the engagement timeline.
    expect(ctx.events.map((e) => [e.type, e.campaign])).toEqual([
      ['webinar_attended', 'DX Webinar Nov'],
      ['email_send', 'Newsletter 11'],
    ]);
    expect(ctx.sources).toEqual(['salesforce']);
    expect(ctx.fetchedAt).toBe(NOW);
    expect(leadContextSchema.safeParse(ctx).success).toBe(true);
  });

  it('a converted lead brings its opportunity and lands on its stage', async () => {
    const body = state.compositeBody as { compositeResponse: { body: { records: Record<string, unknown>[] } }[] };
    Object.assign(body.compositeResponse[0]!.body.records[0]!, {
      IsConverted: true,
      Status: 'Closed - Converted',
      ConvertedDate: '2026-11-24',
      ConvertedOpportunityId: '0065e00000OppAAAAZ',
      ConvertedOpportunity: {
        attributes: { type: 'Opportunity', url: '/services/data/v65.0/sobjects/Opportunity/0065e00000OppAAAAZ' },
        Id: '0065e00000OppAAAAZ', Name: '株式会社サンプル - DX基盤', StageName: 'Prospecting', Amount: 4800000,
        CreatedDate: '2026-11-24T06:00:00.000+0000', CloseDate: '2027-03-31', IsClosed: false, IsWon: false,
      },
    });
    const ctx = await createSalesforceConnector({ storage: connectedStore(), now: () => NOW }).fetchContext(ref, options);
    expect(ctx.opportunities).toEqual([
      { id: 'salesforce:0065e00000OppAAAAZ', source: 'salesforce', name: '株式会社サンプル - DX基盤', stageName: 'Prospecting', amount: 4800000, createdAt: Date.UTC(2026, 10, 24, 6, 0), closeDate: Date.UTC(2027, 2, 31), isClosed: false, isWon: false },
    ]);
    expect(ctx.person.stage).toBe('sql');
  });

  it('reads a contact: company and firmographics through its Account', async () => {
    state.compositeBody = {
      compositeResponse: [
        {
          body: {
            totalSize: 1, done: true,
            records: [{
              attributes: { type: 'Contact', url: '/services/data/v65.0/sobjects/Contact/0035e00000ContAAAR' },
              Id: '0035e00000ContAAAR', Name: 'Kato Yumi', Email: 'yumi.kato@example.jp', Phone: null, Title: 'CIO', MailingCountry: 'Japan', LeadSource: 'Partner',
              CreatedDate: '2026-10-01T00:00:00.000+0000', Owner: { Name: 'Sato Hanako' },
              Account: { attributes: { type: 'Account', url: '/services/data/v65.0/sobjects/Account/0015e00000AcctAAAR' }, Name: 'サンプル商事', Industry: 'Retail', NumberOfEmployees: 1200 },
              Tasks: null, Events: null, CampaignMembers: null,
            }],
          },
          httpHeaders: {}, httpStatusCode: 200, referenceId: 'record',
        },
      ],
    };
    const contactRef = { ...ref, object: 'Contact', id: '0035e00000ContAAAR' };
    const ctx = await createSalesforceConnector({ storage: connectedStore(), now: () => NOW }).fetchContext(contactRef, options);
    expect(ctx.person).toMatchObject({ name: 'Kato Yumi', company: 'サンプル商事', stage: null });
    expect(ctx.person.attributes).toMatchObject({ industry: 'Retail', employees: 1200, country: 'Japan', company: 'サンプル商事' });
    expect(ctx.events).toEqual([]);
    expect(ctx.activities).toEqual([]);
  });

  it('gives the engines what they need: handoff from the history, first touch from the Tasks', async () => {
    const ctx = await createSalesforceConnector({ storage: connectedStore(), now: () => NOW }).fetchContext(ref, options);
    const assessment = assessLead(ctx, [DEFAULT_DEFINITIONS], NOW);
    expect(assessment.handoff).toEqual({ at: Date.UTC(2026, 10, 24, 1, 0), by: 'Marketing Automation' });
    expect(assessment.firstTouch?.id).toBe('salesforce:00T5e00000Call1EAB');
    expect(assessment.sla?.status).toMatch(/^met/);
    expect(assessment.temperature.lastActivityAt).not.toBeNull();
  });

  it('warns when the org does not track Status history, instead of inventing a handoff', async () => {
    const body = state.compositeBody as { compositeResponse: { body: { totalSize: number; records: unknown[] } }[] };
    body.compositeResponse[1]!.body = { ...body.compositeResponse[1]!.body, totalSize: 0, records: [] };
    const ctx = await createSalesforceConnector({ storage: connectedStore(), now: () => NOW }).fetchContext(ref, options);
    expect(ctx.stageChanges).toEqual([]);
    expect(ctx.warnings).toContainEqual({ code: 'missing_field', detail: 'LeadHistory.Status (field history tracking)' });
  });

  it('reads the record the page detector found on the Lightning URL', async () => {
    const detected = detectRecord(`https://acme.lightning.force.com/lightning/r/Lead/${LEAD_ID}/view`);
    expect(detected).toEqual(ref);
    const ctx = await createSalesforceConnector({ storage: connectedStore(), now: () => NOW }).fetchContext(detected!, options);
    expect(ctx.person.name).toBe('Yamada Taro');
  });

  it('refuses a page of another org than the one signed in, without calling it', async () => {
    const e = await createSalesforceConnector({ storage: connectedStore() }).fetchContext({ ...ref, instance: 'globex' }, options).catch((x: unknown) => x);
    expect(e).toMatchObject({ kind: 'permanent', code: 'ORG_MISMATCH' });
    expect((e as Error).message).toContain('"globex"');
    expect(state.requests).toHaveLength(0);
  });

  it('makes exactly one API call for an uncached view when the org facts are cached', async () => {
    const connector = createSalesforceConnector({ storage: connectedStore(), now: () => NOW });
    await connector.fetchContext(ref, options);
    expect(state.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual(['POST /services/data/v65.0/composite']);
    expect(state.requests[0]?.auth).toBe(`Bearer ${FIRST_TOKEN}`);
  });

  it('learns the newest API version once, then reuses it', async () => {
    const storage = connectedStore({ orgCached: false });
    const connector = createSalesforceConnector({ storage, now: () => NOW });
    await connector.fetchContext(ref, options);
    expect(state.requests.at(-1)?.url).toContain('/services/data/v65.0/composite');
    const before = state.requests.length;
    await connector.fetchContext(ref, options);
    expect(state.requests.length - before).toBe(1);
    expect(await storage.get('baton.salesforce.org')).toMatchObject({ apiVersion: '65.0', pardotFields: true });
  });

  it('sends the record and history queries in one composite body, with the id validated', async () => {
    let sent: { compositeRequest: { url: string; referenceId: string }[] } | undefined;
    server.events.on('request:start', async ({ request }) => {
      if (request.url.endsWith('/composite')) sent = await request.clone().json();
    });
    await createSalesforceConnector({ storage: connectedStore(), now: () => NOW }).fetchContext(ref, options);
    expect(sent?.compositeRequest.map((r) => r.referenceId)).toEqual(['record', 'history']);
    const soql = decodeURIComponent(sent!.compositeRequest[0]!.url.split('q=')[1]!);
    expect(soql).toContain('FROM Tasks');
    expect(soql).toContain('FROM CampaignMembers');
    expect(soql).toContain('ConvertedOpportunity.StageName');
    expect(soql).toContain(`WHERE Id = '${LEAD_ID}'`);
    await expect(
      createSalesforceConnector({ storage: connectedStore() }).fetchContext({ ...ref, id: "00Q' OR Name != '" }, options),
    ).rejects.toMatchObject({ code: 'INVALID_ID' });
  });

  it('uses Account Engagement visitor activities when a business unit is configured', async () => {
    const connector = createSalesforceConnector({ storage: connectedStore({ businessUnitId: '0Uv5e000000AcmeCAC' }), now: () => NOW });
    const ctx = await connector.fetchContext(ref, options);
    const ae = state.requests.find((r) => r.url.startsWith('https://pi.pardot.com/'));
    expect(ae?.bu).toBe('0Uv5e000000AcmeCAC');
    expect(new URL(ae!.url).searchParams.get('prospectId')).toBe('4711');
    // Open, click, form; the bounce is not engagement. Times keep their offsets.
    expect(ctx.events.map((e) => [e.type, e.source])).toEqual([
      ['email_open', 'pardot'],
      ['email_click', 'pardot'],
      ['form_submit', 'pardot'],
    ]);
    expect(ctx.events[0]?.occurredAt).toBe(Date.UTC(2026, 10, 24, 2, 5));
    expect(ctx.sources).toEqual(['salesforce', 'pardot']);
  });

  it('falls back to CampaignMember history when Account Engagement refuses', async () => {
    state.aeStatus = 429;
    const connector = createSalesforceConnector({ storage: connectedStore({ businessUnitId: '0Uv5e000000AcmeCAC' }), now: () => NOW });
    const ctx = await connector.fetchContext(ref, options);
    expect(ctx.events.map((e) => e.source)).toEqual(['salesforce', 'salesforce']);
  });

  it('leaves out a visitor activity whose createdAt cannot be read, with a warning naming the field (never 1970)', async () => {
    const unreadable = { ...visitorActivities.values[0]!, id: 90005, createdAt: '23/11/2026 18:05' };
    server.use(
      http.get('https://pi.pardot.com/api/v5/objects/visitor-activities', () =>
        HttpResponse.json({ ...visitorActivities, values: [...visitorActivities.values, unreadable] }),
      ),
    );
    const connector = createSalesforceConnector({ storage: connectedStore({ businessUnitId: '0Uv5e000000AcmeCAC' }), now: () => NOW });
    const ctx = await connector.fetchContext(ref, options);
    expect(ctx.events.map((e) => e.sourceId)).toEqual(['90001', '90002', '90003']);
    expect(ctx.warnings).toContainEqual({ code: 'unreadable_date', detail: 'Account Engagement createdAt (1)' });
  });

  it('leaves out a Task, an Event and a history row whose dates cannot be read, each with a warning naming its fields', async () => {
    const body = structuredClone(state.compositeBody) as { compositeResponse: { referenceId: string; body: { records: Record<string, unknown>[] } }[] };
    const record = body.compositeResponse.find((r) => r.referenceId === 'record')!.body.records[0] as Record<string, { records: Record<string, unknown>[] }>;
    const history = body.compositeResponse.find((r) => r.referenceId === 'history')!.body.records;
    const call = record.Tasks!.records.find((t) => t.TaskSubtype === 'Call')!;
    record.Tasks!.records.push({ ...call, Id: '00T5e00000Undtd1EAB', CompletedDateTime: '25/11/2026 10:00', CreatedDate: '2026/11/25 10:00' });
    record.Events!.records.push({ ...record.Events!.records[0]!, Id: '00U5e00000Undtd1EAB', StartDateTime: '26/11/2026 14:00', CreatedDate: '2026/11/24 09:00' });
    const change = history.find((h) => h.Field === 'Status')!;
    history.push({ ...change, Id: '0175e00000Undtd1EAB', CreatedDate: '2026-13-40T00:00:00.000+0000' });
    state.compositeBody = body;
    const connector = createSalesforceConnector({ storage: connectedStore(), now: () => NOW });
    const ctx = await connector.fetchContext(ref, options);
    // Nothing dated 1970 slipped in: the readable touches and changes are as before.
    expect(ctx.activities.map((a) => [a.type, a.occurredAt])).toEqual([
      ['call', Date.UTC(2026, 10, 24, 2, 30)],
      ['meeting', Date.UTC(2026, 10, 26, 5, 0)],
    ]);
    expect(ctx.stageChanges.map((s) => s.at)).toEqual([Date.UTC(2026, 10, 24, 1, 0), Date.UTC(2026, 10, 24, 2, 31)]);
    expect(ctx.warnings).toEqual(
      expect.arrayContaining([
        { code: 'unreadable_date', detail: 'Salesforce Task CompletedDateTime/CreatedDate (1)' },
        { code: 'unreadable_date', detail: 'Salesforce Event StartDateTime/CreatedDate (1)' },
        { code: 'unreadable_date', detail: 'Salesforce LeadHistory CreatedDate (1)' },
      ]),
    );
  });

  it('error 184 (a token without pardot_api) asks to sign in again with the scope, never falls back silently', async () => {
    state.aeScopeMissing = true;
    const connector = createSalesforceConnector({ storage: connectedStore({ businessUnitId: '0Uv5e000000AcmeCAC' }), now: () => NOW });
    const error = await connector.fetchContext(ref, options).then(
      () => null,
      (e: unknown) => e as ConnectorError,
    );
    expect(error).toMatchObject({ vendor: 'pardot', kind: 'auth', code: '184' });
    expect(error?.message).toMatch(/pardot_api/);
    expect(error?.message).toMatch(/sign in/i);
    expect(error?.message).not.toMatch(/business unit id/i);
  });

  it('follows nextRecordsUrl when a child list has more than one batch', async () => {
    const body = state.compositeBody as { compositeResponse: { body: { records: { Tasks: { done: boolean; nextRecordsUrl?: string; totalSize: number } }[] } }[] };
    const tasks = body.compositeResponse[0]!.body.records[0]!.Tasks;
    tasks.done = false;
    tasks.totalSize = 3;
    tasks.nextRecordsUrl = '/services/data/v65.0/query/01g5e00000Loc1AAA-2000';
    state.queryPages.set('01g5e00000Loc1AAA-2000', {
      totalSize: 3,
      done: true,
      records: [
        { attributes: { type: 'Task', url: '/services/data/v65.0/sobjects/Task/00T5e00000Mail1EAB' }, Id: '00T5e00000Mail1EAB', Subject: 'Email: Thanks for attending', TaskSubtype: 'Email', Type: null, Status: 'Completed', ActivityDate: '2026-11-24', CompletedDateTime: null, CreatedDate: '2026-11-24T04:00:00.000+0000', CallDisposition: null, Description: null, Owner: { Name: 'Sato Hanako' } },
      ],
    });
    const ctx = await createSalesforceConnector({ storage: connectedStore(), now: () => NOW }).fetchContext(ref, options);
    expect(ctx.activities.map((a) => a.type)).toEqual(['call', 'email', 'meeting']);
  });
});

describe('Salesforce connector: errors as Salesforce sends them', () => {
  async function failWith(status: number, body: unknown) {
    state.compositeError = [status, body];
    return createSalesforceConnector({ storage: connectedStore(), now: () => NOW })
      .fetchContext(ref, options)
      .then(() => {
        throw new Error('expected a failure');
      }, (e: unknown) => e as ConnectorError);
  }

  it('REQUEST_LIMIT_EXCEEDED: quota, with a message that says data stays', async () => {
    const e = await failWith(403, requestLimit);
    expect(e).toBeInstanceOf(ConnectorError);
    expect(e).toMatchObject({ vendor: 'salesforce', kind: 'quota', code: 'REQUEST_LIMIT_EXCEEDED' });
    expect(e.message).toMatch(/request limit/i);
  });

  it('INVALID_FIELD: permanent, names the field problem and who can fix it', async () => {
    const e = await failWith(400, invalidField);
    expect(e).toMatchObject({ kind: 'permanent', code: 'INVALID_FIELD' });
    expect(e.message).toContain("No such column 'pi__score__c'");
    expect(e.message).toMatch(/admin/);
  });

  it('INSUFFICIENT_ACCESS_OR_READONLY: permanent, asks for access', async () => {
    const e = await failWith(403, insufficient);
    expect(e).toMatchObject({ kind: 'permanent', code: 'INSUFFICIENT_ACCESS_OR_READONLY' });
    expect(e.message).toMatch(/access/);
  });

  it('an error inside the composite answer is reported like a top-level one', async () => {
    state.compositeBody = { compositeResponse: [{ body: insufficient, httpHeaders: {}, httpStatusCode: 403, referenceId: 'record' }] };
    const e = await createSalesforceConnector({ storage: connectedStore() }).fetchContext(ref, options).catch((x: unknown) => x);
    expect(e).toMatchObject({ kind: 'permanent', code: 'INSUFFICIENT_ACCESS_OR_READONLY' });
  });

  it('a refused history query (tracking off, no access) still shows the record, with a warning', async () => {
    const body = state.compositeBody as { compositeResponse: { body: unknown; httpStatusCode: number }[] };
    body.compositeResponse[1] = { ...body.compositeResponse[1]!, httpStatusCode: 400, body: [{ message: "sObject type 'LeadHistory' is not supported.", errorCode: 'INVALID_TYPE' }] };
    const ctx = await createSalesforceConnector({ storage: connectedStore(), now: () => NOW }).fetchContext(ref, options);
    expect(ctx.person.name).toBe('Yamada Taro');
    expect(ctx.stageChanges).toEqual([]);
    expect(ctx.warnings.map((w) => w.code)).toContain('missing_field');
  });

  it('a record that is gone is not-found', async () => {
    state.compositeBody = { compositeResponse: [{ body: { totalSize: 0, done: true, records: [] }, httpHeaders: {}, httpStatusCode: 200, referenceId: 'record' }] };
    const e = await createSalesforceConnector({ storage: connectedStore() }).fetchContext(ref, options).catch((x: unknown) => x);
    expect(e).toMatchObject({ kind: 'not-found' });
  });

  it('INVALID_SESSION_ID: refreshes the token once and succeeds', async () => {
    state.validTokens = new Set(); // the stored access token has expired
    const storage = connectedStore();
    const ctx = await createSalesforceConnector({ storage, now: () => NOW }).fetchContext(ref, options);
    expect(ctx.person.name).toBe('Yamada Taro');
    const paths = state.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`);
    expect(paths).toEqual(['POST /services/data/v65.0/composite', 'POST /services/oauth2/token', 'POST /services/data/v65.0/composite']);
    expect(state.requests.at(-1)?.auth).toBe(`Bearer ${REFRESHED_TOKEN}`);
    expect(await storage.get('baton.salesforce.auth')).toMatchObject({ accessToken: REFRESHED_TOKEN });
  });

  it('parallel views with an expired token share one refresh', async () => {
    state.validTokens = new Set();
    const connector = createSalesforceConnector({ storage: connectedStore(), now: () => NOW });
    await Promise.all([connector.fetchContext(ref, options), connector.fetchContext(ref, options)]);
    expect(state.requests.filter((r) => r.url.endsWith('/services/oauth2/token'))).toHaveLength(1);
  });

  it('refresh refused: an auth error asking to sign in again, and the dead tokens are dropped', async () => {
    state.validTokens = new Set();
    state.refreshWorks = false;
    const storage = connectedStore();
    const e = await createSalesforceConnector({ storage }).fetchContext(ref, options).catch((x: unknown) => x);
    expect(e).toMatchObject({ vendor: 'salesforce', kind: 'auth', code: 'invalid_grant' });
    expect((e as Error).message).toMatch(/sign in again/i);
    expect(await storage.get('baton.salesforce.auth')).toBeUndefined();
  });

  it('network failure: transient, retryable', async () => {
    server.use((await import('msw')).http.post(`${INSTANCE}/services/data/:v/composite`, () => Response.error()));
    const e = await createSalesforceConnector({ storage: connectedStore() }).fetchContext(ref, options).catch((x: unknown) => x);
    expect(e).toMatchObject({ kind: 'transient' });
    expect((e as ConnectorError).retryable).toBe(true);
  });

  it('not signed in: not-connected, pointing to options', async () => {
    const storage = connectedStore();
    await storage.remove('baton.salesforce.auth');
    const e = await createSalesforceConnector({ storage }).fetchContext(ref, options).catch((x: unknown) => x);
    expect(e).toMatchObject({ kind: 'not-connected' });
    expect(state.requests).toHaveLength(0);
  });

  it('keeps the Sforce-Limit-Info usage for the options page', async () => {
    state.limitHeader = 'api-usage=12500/15000';
    const storage = connectedStore();
    await createSalesforceConnector({ storage, now: () => NOW }).fetchContext(ref, options);
    expect(await storage.get('baton.salesforce.usage')).toEqual({ used: 12500, max: 15000, at: NOW });
  });
});
