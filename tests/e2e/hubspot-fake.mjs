// A fake HubSpot API (api.hubapi.com) for the end-to-end tests, answering with the documented shapes retyped in
// tests/fixtures/hubspot. Plug `handle` into a node https.Server (self-signed cert for api.hubapi.com) mapped to
// loopback with --host-resolver-rules. No dependencies beyond node.
//
//   const hub = createHubSpotFake({ now: Date.now(), dropFirstNoteResponse: true });
//   https.createServer(tls, async (req, res) => { if (!(await hub.handle(req, res))) { res.statusCode = 404; res.end(); } });
//   await serviceWorker.evaluate((seed) => chrome.storage.local.set(seed), hub.storageSeed());
//   page: https://app.hubspot.com/contacts/62515/record/0-1/512
//   ... click feedback ... expect(hub.state.notes.filter((n) => !n.archived)).toHaveLength(1)
import { FIXTURE_NOW, fixture, readBody, send, shiftDates } from './vendor-fake-util.mjs';

export const HUBSPOT_API_HOST = 'api.hubapi.com';
export const HUBSPOT_PORTAL_ID = '62515';
export const HUBSPOT_CONTACT_ID = '512';
export const HUBSPOT_TOKEN = 'pat-na1-00000000-1111-2222-3333-444444444444';

const RATE_HEADERS = {
  'X-HubSpot-RateLimit-Max': '190',
  'X-HubSpot-RateLimit-Remaining': '180',
  'X-HubSpot-RateLimit-Interval-Milliseconds': '10000',
  'X-HubSpot-RateLimit-Daily': '1000000',
  'X-HubSpot-RateLimit-Daily-Remaining': '999000',
};

/**
 * @param {{ now?: number, dropFirstNoteResponse?: boolean }} [options]
 *   dropFirstNoteResponse: the first note is stored, then the connection is cut before the answer (the retry
 *   must find it by the feedback id and not create a second one).
 */
export function createHubSpotFake(options = {}) {
  const delta = (options.now ?? FIXTURE_NOW) - FIXTURE_NOW;
  const state = {
    /** Every API request, in order: `{ method, path, auth }`. */
    requests: [],
    /** Notes created: `{ id, body, contactId, associationTypeId, createdAt, archived }`; archived ones are in the recycle bin. */
    notes: [],
    dropNoteResponses: options.dropFirstNoteResponse ? 1 : 0,
    contact: shiftDates(fixture('hubspot', 'contact.json'), delta),
    engagements: shiftDates(fixture('hubspot', 'engagements.json'), delta),
    emailEvents: shiftDates(fixture('hubspot', 'email-events.json'), delta),
  };
  const noteCreated = fixture('hubspot', 'note-created.json');
  const noteJson = (n) => ({
    ...noteCreated,
    id: n.id,
    properties: { ...noteCreated.properties, hs_note_body: n.body, hs_createdate: n.createdAt, hs_lastmodifieddate: n.createdAt },
    createdAt: n.createdAt,
    updatedAt: n.createdAt,
    archived: false,
  });
  const unauthorized = fixture('hubspot', 'error-unauthorized.json');

  async function handle(req, res) {
    if ((req.headers.host ?? '').split(':')[0] !== HUBSPOT_API_HOST) return false;
    const url = new URL(req.url ?? '/', `https://${HUBSPOT_API_HOST}`);
    const auth = req.headers.authorization ?? null;
    state.requests.push({ method: req.method, path: url.pathname, auth });
    if (auth !== `Bearer ${HUBSPOT_TOKEN}`) return send(res, 401, unauthorized);
    const body = req.method === 'POST' ? JSON.parse((await readBody(req)) || '{}') : undefined;

    // https://developers.hubspot.com/docs/api-reference/latest/account/account-information/get-account-details
    if (req.method === 'GET' && url.pathname === '/account-info/v3/details') {
      return send(res, 200, { portalId: Number(HUBSPOT_PORTAL_ID), accountType: 'STANDARD', timeZone: 'Asia/Tokyo', companyCurrency: 'JPY', additionalCurrencies: [], utcOffset: '+09:00', utcOffsetMilliseconds: 32400000, uiDomain: 'app.hubspot.com', dataHostingLocation: 'na1' }, RATE_HEADERS);
    }
    if (req.method === 'GET' && url.pathname === `/crm/v3/objects/contacts/${HUBSPOT_CONTACT_ID}`) return send(res, 200, state.contact, RATE_HEADERS);
    if (req.method === 'GET' && url.pathname.startsWith('/crm/v3/objects/contacts/')) {
      return send(res, 404, { status: 'error', message: 'Object not found.', correlationId: 'fake-404', category: 'OBJECT_NOT_FOUND' });
    }
    if (req.method === 'GET' && url.pathname === '/crm/v3/objects/contacts') return send(res, 200, { results: [] }, RATE_HEADERS);
    if (req.method === 'GET' && url.pathname === `/engagements/v1/engagements/associated/CONTACT/${HUBSPOT_CONTACT_ID}/paged`) {
      return send(res, 200, { ...state.engagements, results: [...state.engagements.results] }, RATE_HEADERS);
    }
    if (req.method === 'GET' && url.pathname === '/email/public/v1/events') {
      const match = url.searchParams.get('recipient')?.toLowerCase() === String(state.contact.properties.email).toLowerCase();
      return send(res, 200, match ? state.emailEvents : { hasMore: false, events: [] }, RATE_HEADERS);
    }
    if (req.method === 'POST' && url.pathname === '/crm/v3/objects/notes/search') {
      const token = body?.filterGroups?.[0]?.filters?.[0]?.value ?? '';
      const hits = state.notes.filter((n) => !n.archived && n.body.includes(token));
      const start = Number(body?.after ?? 0);
      const limit = Number(body?.limit ?? 10);
      const page = hits.slice(start, start + limit);
      const paging = start + limit < hits.length ? { paging: { next: { after: String(start + limit) } } } : {};
      return send(res, 200, { total: hits.length, results: page.map(noteJson), ...paging }, RATE_HEADERS);
    }
    if (req.method === 'POST' && url.pathname === '/crm/v3/objects/notes') {
      const association = body?.associations?.[0];
      const note = {
        id: String(8811223344 + state.notes.length),
        body: String(body?.properties?.hs_note_body ?? ''),
        contactId: String(association?.to?.id ?? ''),
        associationTypeId: association?.types?.[0]?.associationTypeId,
        // Distinct creation times, in order, as HubSpot's own would be.
        createdAt: new Date(Date.now() + state.notes.length).toISOString(),
        archived: false,
      };
      state.notes.push(note);
      if (state.dropNoteResponses > 0) {
        state.dropNoteResponses--;
        req.socket.destroy();
        return true;
      }
      return send(res, 201, noteJson(note), RATE_HEADERS);
    }
    // https://developers.hubspot.com/docs/api-reference/crm-notes-v3/batch/post-crm-v3-objects-notes-batch-archive: 204, no body.
    if (req.method === 'POST' && url.pathname === '/crm/v3/objects/notes/batch/archive') {
      const ids = new Set((body?.inputs ?? []).map((i) => String(i.id)));
      for (const n of state.notes) if (ids.has(n.id)) n.archived = true;
      res.writeHead(204, RATE_HEADERS);
      res.end();
      return true;
    }
    return send(res, 404, { status: 'error', message: `No fake for ${req.method} ${url.pathname}`, correlationId: 'fake-404', category: 'OBJECT_NOT_FOUND' });
  }

  /** What to put in chrome.storage.local so the extension is connected to this fake. */
  // As after connecting and a first read: the token's portal is known (one account-info call, made once).
  const storageSeed = () => ({
    'baton.hubspot.settings': { accessToken: HUBSPOT_TOKEN, apiBase: 'https://api.hubapi.com', timeZone: 'Asia/Tokyo' },
    'baton.hubspot.account': { portalId: HUBSPOT_PORTAL_ID },
  });

  return { handle, state, storageSeed };
}
