import { http, HttpResponse } from 'msw';
import contact from '../../fixtures/hubspot/contact.json';
import engagements from '../../fixtures/hubspot/engagements.json';
import emailEvents from '../../fixtures/hubspot/email-events.json';
import noteCreated from '../../fixtures/hubspot/note-created.json';
import accountDetails from '../../fixtures/hubspot/account-details.json';

export const API = 'https://api.hubapi.com';

const RATE_HEADERS = {
  'X-HubSpot-RateLimit-Max': '190',
  'X-HubSpot-RateLimit-Remaining': '187',
  'X-HubSpot-RateLimit-Interval-Milliseconds': '10000',
  'X-HubSpot-RateLimit-Daily': '1000000',
  'X-HubSpot-RateLimit-Daily-Remaining': '999120',
};

export interface FakeNote {
  id: string;
  body: string;
  contactId: string;
  /** ISO time HubSpot created it; defaults to the fixture's. */
  createdAt?: string;
  /** Moved to the recycle bin by batch archive: search no longer finds it. */
  archived?: boolean;
}

const noteJson = (n: FakeNote) => ({
  ...noteCreated,
  id: n.id,
  properties: { ...noteCreated.properties, hs_note_body: n.body, ...(n.createdAt ? { hs_createdate: n.createdAt } : {}) },
  ...(n.createdAt ? { createdAt: n.createdAt } : {}),
});

/** A small HubSpot: the fixtures for reads, a real note list for create/search, and a log of every request. */
export function hubspotFake() {
  const requests: { method: string; path: string; auth: string | null }[] = [];
  const notes: FakeNote[] = [];
  /** Ids of notes sent to batch archive, in order. */
  const archivedIds: string[] = [];
  /** Notes the search index has not caught up with yet (CRM search is eventually consistent). */
  const hiddenFromSearch = new Set<string>();
  const log = (request: Request) => {
    const url = new URL(request.url);
    requests.push({ method: request.method, path: url.pathname, auth: request.headers.get('Authorization') });
  };
  const handlers = [
    // https://developers.hubspot.com/docs/api-reference/latest/account/account-information/get-account-details
    http.get(`${API}/account-info/v3/details`, ({ request }) => {
      log(request);
      return HttpResponse.json(accountDetails, { headers: RATE_HEADERS });
    }),
    http.get(`${API}/crm/v3/objects/contacts/:id`, ({ request, params }) => {
      log(request);
      if (params.id !== contact.id) {
        return HttpResponse.json({ status: 'error', message: 'Object not found.  objectId are usually numeric.', correlationId: 'not-found-cid', category: 'OBJECT_NOT_FOUND' }, { status: 404 });
      }
      return HttpResponse.json(contact, { headers: RATE_HEADERS });
    }),
    http.get(`${API}/engagements/v1/engagements/associated/CONTACT/:id/paged`, ({ request }) => {
      log(request);
      return HttpResponse.json(engagements, { headers: RATE_HEADERS });
    }),
    http.get(`${API}/email/public/v1/events`, ({ request }) => {
      log(request);
      const recipient = new URL(request.url).searchParams.get('recipient');
      return HttpResponse.json(recipient?.toLowerCase() === 'bh@hubspot.com' ? emailEvents : { hasMore: false, events: [] }, { headers: RATE_HEADERS });
    }),
    http.post(`${API}/crm/v3/objects/notes/search`, async ({ request }) => {
      log(request);
      const body = (await request.json()) as { filterGroups: { filters: { value: string }[] }[]; after?: string; limit: number };
      const token = body.filterGroups[0]?.filters[0]?.value ?? '';
      const hits = notes.filter((n) => !n.archived && !hiddenFromSearch.has(n.id) && n.body.includes(token));
      const start = Number(body.after ?? 0);
      const page = hits.slice(start, start + body.limit);
      const next = start + body.limit < hits.length ? { next: { after: String(start + body.limit), link: '' } } : undefined;
      return HttpResponse.json({
        total: hits.length,
        results: page.map(noteJson),
        ...(next ? { paging: next } : {}),
      });
    }),
    http.post(`${API}/crm/v3/objects/notes`, async ({ request }) => {
      log(request);
      const body = (await request.json()) as {
        properties: { hs_note_body: string };
        associations: { to: { id: string }; types: { associationCategory: string; associationTypeId: number }[] }[];
      };
      const note = { id: String(8811223344 + notes.length), body: body.properties.hs_note_body, contactId: body.associations[0]?.to.id ?? '' };
      notes.push(note);
      return HttpResponse.json(noteJson(note), { status: 201 });
    }),
    // https://developers.hubspot.com/docs/api-reference/crm-notes-v3/basic/patch-crm-v3-objects-notes-noteId: the updated note.
    http.patch(`${API}/crm/v3/objects/notes/:id`, async ({ request, params }) => {
      log(request);
      const note = notes.find((n) => n.id === params.id && !n.archived);
      if (!note) return HttpResponse.json({ status: 'error', message: 'Object not found', category: 'OBJECT_NOT_FOUND' }, { status: 404 });
      const body = (await request.json()) as { properties: { hs_note_body: string } };
      note.body = body.properties.hs_note_body;
      return HttpResponse.json(noteJson(note));
    }),
    // https://developers.hubspot.com/docs/api-reference/crm-notes-v3/batch/post-crm-v3-objects-notes-batch-archive: 204, no body.
    http.post(`${API}/crm/v3/objects/notes/batch/archive`, async ({ request }) => {
      log(request);
      const body = (await request.json()) as { inputs: { id: string }[] };
      archivedIds.push(...body.inputs.map((i) => i.id));
      for (const n of notes) if (body.inputs.some((i) => i.id === n.id)) n.archived = true;
      return new HttpResponse(null, { status: 204 });
    }),
  ];
  return { handlers, requests, notes, archivedIds, hiddenFromSearch };
}
