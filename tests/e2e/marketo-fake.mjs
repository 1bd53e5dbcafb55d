// A fake Marketo REST API (123-abc-456.mktorest.com) for the end-to-end tests, answering with the documented
// shapes retyped in tests/fixtures/marketo. Plug `handle` into a node https.Server (self-signed cert for
// *.mktorest.com) mapped to loopback with --host-resolver-rules. No dependencies beyond node.
//
//   const mkto = createMarketoFake({ now: Date.now() });
//   https.createServer(tls, async (req, res) => { if (!(await mkto.handle(req, res))) { res.statusCode = 404; res.end(); } });
//   await serviceWorker.evaluate((seed) => chrome.storage.local.set(seed), mkto.storageSeed());
//   page: https://app-ab12.marketo.com/leadDatabase/loadLeadDetail?leadId=318581
import { FIXTURE_NOW, fixture, readBody, send, shiftDates } from './vendor-fake-util.mjs';

export const MARKETO_API_HOST = '123-abc-456.mktorest.com';
export const MARKETO_LEAD_ID = '318581';
export const MARKETO_CLIENT_ID = 'e2e-client-id-0001';
export const MARKETO_CLIENT_SECRET = 'e2e-client-secret-0001';

/**
 * @param {{ now?: number, expireFirstToken?: boolean, dropFirstActivityResponse?: boolean, onePage?: boolean }} [options]
 *   expireFirstToken: the first API call answers 602. onePage: the lead's activities come in one page (the two
 *   fixture pages joined), as for a lead with a short history; otherwise they take two calls. dropFirstActivityResponse: the first custom activity is
 *   added, then the connection is cut before the answer (Chromium may resend the POST on its own).
 */
export function createMarketoFake(options = {}) {
  const delta = (options.now ?? FIXTURE_NOW) - FIXTURE_NOW;
  const state = {
    /** Every request, in order: `{ method, path, query }`. */
    requests: [],
    tokensIssued: 0,
    validTokens: new Set(),
    expireNext: options.expireFirstToken ? 1 : 0,
    dropActivityResponses: options.dropFirstActivityResponse ? 1 : 0,
    /** Custom activities added (feedback, when configured). */
    added: [],
    lead: shiftDates(fixture('marketo', 'lead.json'), delta),
    page1: shiftDates(fixture('marketo', 'activities-page-1.json'), delta),
    page2: shiftDates(fixture('marketo', 'activities-page-2.json'), delta),
  };
  if (options.onePage) {
    state.page1 = { ...state.page2, result: [...state.page1.result, ...state.page2.result] };
  }
  const requestId = () => `${Math.random().toString(16).slice(2, 6)}#${Date.now().toString(16)}`;
  const ok = (res, extra) => send(res, 200, { requestId: requestId(), success: true, ...extra });
  const fail = (res, code, message) => send(res, 200, { requestId: requestId(), success: false, errors: [{ code, message }] });

  async function handle(req, res) {
    if ((req.headers.host ?? '').split(':')[0] !== MARKETO_API_HOST) return false;
    const url = new URL(req.url ?? '/', `https://${MARKETO_API_HOST}`);
    const query = new URLSearchParams(url.searchParams);
    query.delete('client_secret');
    state.requests.push({ method: req.method, path: url.pathname, query: query.toString() });

    if (url.pathname === '/identity/oauth/token') {
      // Baton posts the credentials as a form (the identity service takes GET or POST); a secret in the URL is refused.
      if (req.method !== 'POST' || url.searchParams.has('client_secret')) return send(res, 400, { error: 'invalid_request', error_description: 'Credentials belong in a POST body' });
      const p = new URLSearchParams(await readBody(req));
      if (p.get('client_id') !== MARKETO_CLIENT_ID || p.get('client_secret') !== MARKETO_CLIENT_SECRET) {
        return send(res, 401, fixture('marketo', 'token-invalid-client.json'));
      }
      const token = `e2e-token-${++state.tokensIssued}:int`;
      state.validTokens.add(token);
      return send(res, 200, { ...fixture('marketo', 'token.json'), access_token: token });
    }
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    if (!state.validTokens.has(token)) return fail(res, '601', 'Access token invalid');
    if (state.expireNext > 0) {
      state.expireNext--;
      state.validTokens.delete(token);
      return fail(res, '602', 'Access token expired');
    }

    if (url.pathname === `/rest/v1/lead/${MARKETO_LEAD_ID}.json`) return send(res, 200, state.lead);
    if (url.pathname.startsWith('/rest/v1/lead/')) return ok(res, { result: [] });
    if (url.pathname === '/rest/v1/leads.json') {
      const value = (url.searchParams.get('filterValues') ?? '').toLowerCase();
      const lead = state.lead.result[0];
      const match =
        (url.searchParams.get('filterType') === 'email' && value === String(lead.email).toLowerCase()) ||
        (url.searchParams.get('filterType') === 'sfdcLeadId' && value === String(lead.sfdcLeadId).toLowerCase());
      return ok(res, { result: match ? [lead] : [] });
    }
    if (url.pathname === '/rest/v1/activities/types.json') return send(res, 200, fixture('marketo', 'activity-types.json'));
    if (url.pathname === '/rest/v1/activities/pagingtoken.json') return send(res, 200, fixture('marketo', 'paging-token.json'));
    if (url.pathname === '/rest/v1/activities.json') {
      if (url.searchParams.get('leadIds') !== MARKETO_LEAD_ID) return ok(res, { result: [], nextPageToken: 'END', moreResult: false });
      const types = (url.searchParams.get('activityTypeIds') ?? '').split(',').map(Number);
      const custom = state.added.filter((a) => types.includes(a.activityTypeId));
      if (custom.length) return ok(res, { result: custom, nextPageToken: 'END', moreResult: false });
      return send(res, 200, url.searchParams.get('nextPageToken') === state.page1.nextPageToken ? state.page2 : state.page1);
    }
    if (req.method === 'POST' && url.pathname === '/rest/v1/activities/external.json') {
      const body = JSON.parse((await readBody(req)) || '{}');
      const input = body.input?.[0] ?? {};
      const id = 9001 + state.added.length;
      state.added.push({ id, leadId: input.leadId, activityDate: input.activityDate, activityTypeId: input.activityTypeId, primaryAttributeValue: input.primaryAttributeValue, attributes: [] });
      if (state.dropActivityResponses > 0) {
        state.dropActivityResponses--;
        req.socket.destroy();
        return true;
      }
      return ok(res, { result: [{ id, status: 'added' }] });
    }
    return fail(res, '610', 'Requested resource not found');
  }

  /** What to put in chrome.storage.local so the extension is connected to this fake. */
  const storageSeed = (feedbackActivityTypeId) => ({
    'baton.marketo.settings': {
      endpoint: `https://${MARKETO_API_HOST}`,
      clientId: MARKETO_CLIENT_ID,
      clientSecret: MARKETO_CLIENT_SECRET,
      // Paired with the pod host the e2e Marketo pages are served at (lib/connectors/marketo/settings.ts appHost).
      appHost: 'app-ab12.marketo.com',
      ...(feedbackActivityTypeId ? { feedbackActivityTypeId } : {}),
    },
  });

  return { handle, state, storageSeed };
}
