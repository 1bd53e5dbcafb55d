import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import composite from '../../fixtures/salesforce/lead-composite.json';
import identity from '../../fixtures/salesforce/identity.json';
import refreshResponse from '../../fixtures/salesforce/refresh-response.json';
import tokenResponse from '../../fixtures/salesforce/token-response.json';
import versions from '../../fixtures/salesforce/versions.json';
import visitorActivities from '../../fixtures/salesforce/visitor-activities-v5.json';
import { memoryStore } from '../../../lib/connectors/local-store';
import { toSalesforceId18 } from '../../../lib/sites/salesforce-id';

/** A new Task's id as Salesforce writes it: 15 characters and the case-safe checksum. */
export const taskId = (n: number) => toSalesforceId18(`00T5e00000New${String(n).padStart(2, '0')}`)!;

export const INSTANCE = 'https://acme.my.salesforce.com';
export const LEAD_ID = '00Q5e00000LeadAEAR';
export const FIRST_TOKEN = tokenResponse.access_token;
export const REFRESHED_TOKEN = refreshResponse.access_token;

/** A fake org answering with the documented shapes (fixtures retyped from the Salesforce docs). */
export function createFakeOrg() {
  const state = {
    validTokens: new Set([FIRST_TOKEN]),
    refreshWorks: true,
    limitHeader: 'api-usage=25/15000',
    compositeBody: structuredClone(composite) as unknown,
    /** An error for the next composite: [status, body]. */
    compositeError: null as null | [number, unknown],
    tasks: [] as { Id: string; WhoId: string; Subject: string; Description: string; Status: string }[],
    dropTaskResponses: 0,
    /** Task updates applied whose answer the client never hears (the Task is updated all the same). */
    dropPatchResponses: 0,
    /** The browser resent a POST whose connection closed: Salesforce received (and created) it twice. */
    resendNextTask: false,
    queryPages: new Map<string, unknown>(),
    requests: [] as { method: string; url: string; auth: string | null; bu: string | null }[],
    aeStatus: 200,
    /** The token was granted without the `pardot_api` scope (e.g. the business unit id was entered after sign-in). */
    aeScopeMissing: false,
  };
  const json = (body: unknown, status = 200) => HttpResponse.json(body as never, { status, headers: { 'Sforce-Limit-Info': state.limitHeader } });
  const authorized = (request: Request) => state.validTokens.has((request.headers.get('Authorization') ?? '').replace(/^Bearer /, ''));
  const invalidSession = () => json([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }], 401);

  const handlers = [
    http.get(`${INSTANCE}/services/data/`, ({ request }) => (authorized(request) ? json(versions) : invalidSession())),
    http.post(`${INSTANCE}/services/data/:v/composite`, ({ request }) => {
      if (!authorized(request)) return invalidSession();
      if (state.compositeError) {
        const [status, body] = state.compositeError;
        return json(body, status);
      }
      return json(state.compositeBody);
    }),
    http.get(`${INSTANCE}/services/data/:v/query/`, ({ request }) => {
      if (!authorized(request)) return invalidSession();
      const q = new URL(request.url).searchParams.get('q') ?? '';
      const lookup = /FROM Task WHERE WhoId = '(\w+)' AND Subject LIKE '%\[baton:([\w\\-]+)\]%'/.exec(q);
      if (lookup) {
        const id = lookup[2]!.replace(/\\_/g, '_');
        const limit = Number(/LIMIT (\d+)/.exec(q)?.[1] ?? 2000);
        const found = state.tasks.filter((t) => t.WhoId === lookup[1] && t.Subject.includes(`[baton:${id}]`)).slice(0, limit);
        return json({ totalSize: found.length, done: true, records: found.map((t) => ({ attributes: { type: 'Task', url: `/services/data/v65.0/sobjects/Task/${t.Id}` }, Id: t.Id })) });
      }
      if (/FROM Lead LIMIT 1/.test(q)) return json({ totalSize: 0, done: true, records: [] });
      return json([{ message: `unexpected query ${q}`, errorCode: 'MALFORMED_QUERY' }], 400);
    }),
    http.get(`${INSTANCE}/services/data/:v/query/:locator`, ({ request, params }) => {
      if (!authorized(request)) return invalidSession();
      const page = state.queryPages.get(String(params.locator));
      return page ? json(page) : json([{ message: 'invalid query locator', errorCode: 'INVALID_QUERY_LOCATOR' }], 400);
    }),
    http.post(`${INSTANCE}/services/data/:v/sobjects/Task`, async ({ request }) => {
      if (!authorized(request)) return invalidSession();
      const body = (await request.json()) as { WhoId: string; Subject: string; Description: string; Status: string };
      const Id = taskId(state.tasks.length);
      state.tasks.push({ Id, ...body });
      if (state.resendNextTask) {
        state.resendNextTask = false;
        const twin = taskId(state.tasks.length);
        state.tasks.push({ Id: twin, ...body });
        return json({ id: twin, success: true, errors: [] }, 201);
      }
      if (state.dropTaskResponses > 0) {
        state.dropTaskResponses--;
        // The Task exists now, but the client never hears about it.
        return HttpResponse.error();
      }
      return json({ id: Id, success: true, errors: [] }, 201);
    }),
    // https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_sobjects_collections_delete.htm
    http.delete(`${INSTANCE}/services/data/:v/composite/sobjects`, ({ request }) => {
      if (!authorized(request)) return invalidSession();
      const ids = (new URL(request.url).searchParams.get('ids') ?? '').split(',').filter(Boolean);
      const results = ids.map((id) => {
        const at = state.tasks.findIndex((t) => t.Id === id);
        if (at < 0) return { id, success: false, errors: [{ statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] }] };
        state.tasks.splice(at, 1);
        return { id, success: true, errors: [] };
      });
      return json(results);
    }),
    // Update a Record: 204 No Content. https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_update_fields.htm
    http.patch(`${INSTANCE}/services/data/:v/sobjects/:object/:id`, async ({ request, params }) => {
      if (!authorized(request)) return invalidSession();
      if (params.object === 'Task') {
        const task = state.tasks.find((t) => t.Id === params.id);
        if (!task) return json([{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }], 404);
        Object.assign(task, (await request.json()) as object);
        if (state.dropPatchResponses > 0) {
          state.dropPatchResponses--;
          return HttpResponse.error();
        }
      }
      return new HttpResponse(null, { status: 204 });
    }),
    http.get('https://login.salesforce.com/id/:org/:user', ({ request }) => (authorized(request) ? json(identity) : invalidSession())),
    http.post('https://login.salesforce.com/services/oauth2/token', async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      if (form.get('grant_type') === 'authorization_code') return HttpResponse.json(tokenResponse);
      if (form.get('grant_type') === 'refresh_token' && state.refreshWorks && form.get('refresh_token') === tokenResponse.refresh_token) {
        state.validTokens.add(REFRESHED_TOKEN);
        return HttpResponse.json(refreshResponse);
      }
      return HttpResponse.json({ error: 'invalid_grant', error_description: 'expired access/refresh token' }, { status: 400 });
    }),
    http.post('https://login.salesforce.com/services/oauth2/revoke', () => new HttpResponse(null, { status: 200 })),
    http.get('https://pi.pardot.com/api/v5/objects/visitor-activities', ({ request }) => {
      if (!authorized(request)) return HttpResponse.json({ code: 184, message: 'access_token is invalid, unknown, or malformed' }, { status: 401 });
      // What Account Engagement answers a valid Salesforce token granted without pardot_api (same code 184).
      if (state.aeScopeMissing) return HttpResponse.json({ code: 184, message: 'access_token is invalid, unknown, or malformed: Invalid scope' }, { status: 401 });
      if (!request.headers.get('Pardot-Business-Unit-Id')) return HttpResponse.json({ code: 181, message: 'Business Unit ID is required' }, { status: 400 });
      if (state.aeStatus !== 200) return HttpResponse.json({ code: 122, message: 'Daily API rate limit met.' }, { status: state.aeStatus });
      return HttpResponse.json(visitorActivities);
    }),
  ];
  const server = setupServer(...handlers);
  server.events.on('request:start', ({ request }) => {
    state.requests.push({ method: request.method, url: request.url, auth: request.headers.get('Authorization'), bu: request.headers.get('Pardot-Business-Unit-Id') });
  });
  return { server, state };
}

export const CONSUMER_KEY = '3MVG9pRzvMkjMb6lZlt3YjDQwe_FAKE_CONSUMER_KEY_FOR_TESTS';

/** A store as it is after a successful sign-in and connect (org facts cached). */
export function connectedStore(opts: { businessUnitId?: string; feedbackField?: string; orgCached?: boolean } = {}) {
  return memoryStore({
    'baton.salesforce.settings': {
      version: 1,
      consumerKey: CONSUMER_KEY,
      loginHostKind: 'production',
      sessionFallback: false,
      ...(opts.businessUnitId ? { businessUnitId: opts.businessUnitId } : {}),
      ...(opts.feedbackField ? { feedbackField: opts.feedbackField } : {}),
    },
    'baton.salesforce.auth': {
      version: 1,
      kind: 'oauth',
      accessToken: FIRST_TOKEN,
      refreshToken: tokenResponse.refresh_token,
      instanceUrl: INSTANCE,
      loginBase: 'https://login.salesforce.com',
      clientId: CONSUMER_KEY,
      issuedAt: Number(tokenResponse.issued_at),
    },
    ...(opts.orgCached === false
      ? {}
      : { 'baton.salesforce.org': { instanceUrl: INSTANCE, apiVersion: '65.0', pardotFields: true, checkedAt: Date.UTC(2026, 10, 25) } }),
  });
}

/**
 * The fake org for one test file: listening for the file, with its state and handlers fresh before each test
 * (a test that changes a handler or the state cannot leak into the next).
 */
export function withFakeOrg(): ReturnType<typeof createFakeOrg> {
  const org = createFakeOrg();
  beforeAll(() => org.server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => org.server.close());
  beforeEach(() => {
    Object.assign(org.state, createFakeOrg().state);
    org.server.resetHandlers();
  });
  return org;
}
