// A fake Salesforce org (acme.my.salesforce.com) and Account Engagement for the end-to-end tests, answering
// with the documented shapes retyped in tests/fixtures/salesforce. Plug `handle` into a node https.Server
// (self-signed cert for *.my.salesforce.com, login.salesforce.com) mapped to loopback with
// --host-resolver-rules. No dependencies beyond node.
//
//   const org = createSalesforceFakeOrg({ now: Date.now(), dropFirstTaskResponse: true });
//   https.createServer(tlsOptions, (req, res) => { if (!org.handle(req, res)) { res.statusCode = 404; res.end(); } });
//   await serviceWorker.evaluate((seed) => chrome.storage.local.set(seed), org.storageSeed());
//   ... click feedback ... expect(org.state.tasks).toHaveLength(1)
import { toSalesforceId18 } from '../../lib/sites/salesforce-id';
import { fixture as vendorFixture, FIXTURE_NOW, readBody, send as sendJson } from './vendor-fake-util.mjs';

const fixture = (name) => vendorFixture('salesforce', name);

export const FAKE_INSTANCE_URL = 'https://acme.my.salesforce.com';
export const FAKE_LEAD_ID = '00Q5e00000LeadAEAR';
export const FAKE_CONSUMER_KEY = '3MVG9pRzvMkjMb6lZlt3YjDQwe_FAKE_CONSUMER_KEY_FOR_TESTS';

function pad(n, w = 2) {
  return String(n).padStart(w, '0');
}
function sfDateTime(ms) {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.000+0000`;
}

/** Moves every Salesforce date-time (and date) in a fixture by `deltaMs`, keeping the story's relative times. */
function shiftDates(value, deltaMs) {
  if (Array.isArray(value)) return value.map((v) => shiftDates(v, deltaMs));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftDates(v, deltaMs)]));
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/.test(value)) return sfDateTime(Date.parse(value.replace('+0000', 'Z')) + deltaMs);
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(Date.parse(`${value}T00:00:00Z`) + deltaMs).toISOString().slice(0, 10);
  }
  return value;
}

/** The lead before anyone from sales touched it: no call, status still the MQL one, so the SLA clock runs. */
function untouched(composite) {
  const record = composite.compositeResponse[0].body.records[0];
  record.Status = 'Open - Not Contacted';
  record.Tasks.records = record.Tasks.records.filter((t) => t.TaskSubtype !== 'Call');
  record.Tasks.totalSize = record.Tasks.records.length;
  const history = composite.compositeResponse[1].body;
  history.records = history.records.filter((h) => h.Field !== 'Status');
  history.totalSize = history.records.length;
  return composite;
}

/**
 * @param {{ now?: number, dropFirstTaskResponse?: boolean, limitHeader?: string, untouched?: boolean }} [options]
 *   now: shift the fixture story so it happened relative to this instant (handoff = now - 2 h; with
 *   `untouched`, the SLA countdown is running).
 */
export function createSalesforceFakeOrg(options = {}) {
  const delta = (options.now ?? FIXTURE_NOW) - FIXTURE_NOW;
  const tokens = fixture('token-response.json');
  const state = {
    /** Every request, in order: `{ method, host, path }`. */
    requests: [],
    /** Tasks created through the API: `{ Id, WhoId, Subject, Description, Status }`. */
    tasks: [],
    /** Records updated through the API, in order: `{ object, id, fields }`. */
    updates: [],
    dropTaskResponses: options.dropFirstTaskResponse ? 1 : 0,
    limitHeader: options.limitHeader ?? 'api-usage=25/15000',
    composite: (options.untouched ? untouched : (c) => c)(shiftDates(fixture('lead-composite.json'), delta)),
  };

  // Every answer carries the org's API usage, as Salesforce's do.
  const send = (res, status, body, headers = {}) => sendJson(res, status, body, { 'Sforce-Limit-Info': state.limitHeader, ...headers });
  const authorized = (req) => /^Bearer \S+/.test(req.headers.authorization ?? '');

  /** Returns true when the request was for the fake org (answered or being answered). */
  function handle(req, res) {
    const host = (req.headers.host ?? '').split(':')[0];
    const url = new URL(req.url ?? '/', `https://${host}`);
    const path = url.pathname;
    if (!['acme.my.salesforce.com', 'login.salesforce.com', 'pi.pardot.com'].includes(host)) return false;
    state.requests.push({ method: req.method, host, path: `${path}${url.search}` });
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Pardot-Business-Unit-Id');
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PATCH, DELETE, OPTIONS');
    if (req.method === 'OPTIONS') return void send(res, 204), true;

    void (async () => {
      const body = req.method === 'GET' ? '' : await readBody(req);
      // OAuth: the authorize page answers at once, as if the user had signed in and allowed access.
      if (path === '/services/oauth2/authorize') {
        const to = new URL(url.searchParams.get('redirect_uri'));
        to.searchParams.set('code', 'aPrxFAKECODE');
        to.searchParams.set('state', url.searchParams.get('state') ?? '');
        res.writeHead(302, { Location: to.toString() });
        return res.end();
      }
      if (path === '/services/oauth2/token') {
        const form = new URLSearchParams(body);
        if (form.get('grant_type') === 'authorization_code') return send(res, 200, { ...tokens, instance_url: FAKE_INSTANCE_URL });
        if (form.get('grant_type') === 'refresh_token') return send(res, 200, fixture('refresh-response.json'));
        return send(res, 400, fixture('oauth-error-invalid-grant.json'));
      }
      if (path === '/services/oauth2/revoke') return send(res, 200);
      if (path.startsWith('/id/')) return send(res, 200, fixture('identity.json'));
      if (!authorized(req)) return send(res, 401, fixture('error-invalid-session.json'));
      if (path === '/services/data/' || path === '/services/data') return send(res, 200, fixture('versions.json'));
      if (/^\/services\/data\/v[\d.]+\/composite$/.test(path) && req.method === 'POST') return send(res, 200, state.composite);
      if (/^\/services\/data\/v[\d.]+\/query\/?$/.test(path)) {
        const q = url.searchParams.get('q') ?? '';
        const lookup = /FROM Task WHERE WhoId = '(\w+)' AND Subject LIKE '%\[baton:([\w\\-]+)\]%'/.exec(q);
        if (lookup) {
          const id = lookup[2].replace(/\\_/g, '_');
          const limit = Number(/LIMIT (\d+)/.exec(q)?.[1] ?? 2000);
          const found = state.tasks.filter((t) => t.WhoId === lookup[1] && t.Subject.includes(`[baton:${id}]`)).slice(0, limit);
          return send(res, 200, { totalSize: found.length, done: true, records: found.map((t) => ({ attributes: { type: 'Task', url: `/services/data/v65.0/sobjects/Task/${t.Id}` }, Id: t.Id })) });
        }
        return send(res, 200, { totalSize: 0, done: true, records: [] });
      }
      if (/^\/services\/data\/v[\d.]+\/sobjects\/Task$/.test(path) && req.method === 'POST') {
        const task = JSON.parse(body);
        // A real id: 15 characters and the case-safe checksum (the connector refuses a wrong one).
        const Id = toSalesforceId18(`00T5e00000New${pad(state.tasks.length)}`);
        state.tasks.push({ Id, ...task });
        if (state.dropTaskResponses > 0) {
          state.dropTaskResponses--;
          // Created, but the answer is lost on the way back.
          return req.socket.destroy();
        }
        return send(res, 201, { id: Id, success: true, errors: [] });
      }
      if (/^\/services\/data\/v[\d.]+\/composite\/sobjects$/.test(path) && req.method === 'DELETE') {
        // https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_sobjects_collections_delete.htm
        const ids = (url.searchParams.get('ids') ?? '').split(',').filter(Boolean);
        return send(res, 200, ids.map((id) => {
          const at = state.tasks.findIndex((t) => t.Id === id);
          if (at >= 0) state.tasks.splice(at, 1);
          return at >= 0 ? { id, success: true, errors: [] } : { id, success: false, errors: [{ statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] }] };
        }));
      }
      const update = /^\/services\/data\/v[\d.]+\/sobjects\/(\w+)\/(\w+)$/.exec(path);
      if (update && req.method === 'PATCH') {
        // Update a Record: 204 No Content; an id the org does not have is 404 NOT_FOUND.
        // https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_update_fields.htm
        const [, object, id] = update;
        const fields = JSON.parse(body || '{}');
        state.updates.push({ object, id, fields });
        if (object === 'Task') {
          const task = state.tasks.find((t) => t.Id === id);
          if (!task) return send(res, 404, [{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }]);
          Object.assign(task, fields);
        }
        return send(res, 204);
      }
      if (path === '/api/v5/objects/visitor-activities') return send(res, 200, shiftDates(fixture('visitor-activities-v5.json'), 0));
      return send(res, 404, [{ message: `The requested resource does not exist: ${path}`, errorCode: 'NOT_FOUND' }]);
    })();
    return true;
  }

  /** chrome.storage.local contents of an extension already connected to this org (skip the sign-in window). */
  function storageSeed() {
    return {
      'baton.salesforce.settings': { version: 1, consumerKey: FAKE_CONSUMER_KEY, loginHostKind: 'production', sessionFallback: false },
      'baton.salesforce.auth': {
        version: 1,
        kind: 'oauth',
        accessToken: tokens.access_token,
        refreshToken: tokens.refresh_token,
        instanceUrl: FAKE_INSTANCE_URL,
        loginBase: 'https://login.salesforce.com',
        clientId: FAKE_CONSUMER_KEY,
        issuedAt: Number(tokens.issued_at),
        username: 'sato@acme.example',
      },
      'baton.salesforce.org': { instanceUrl: FAKE_INSTANCE_URL, apiVersion: '65.0', pardotFields: true, checkedAt: options.now ?? FIXTURE_NOW },
    };
  }

  return { handle, state, storageSeed, leadUrl: `https://acme.lightning.force.com/lightning/r/Lead/${FAKE_LEAD_ID}/view` };
}
