import { http, HttpResponse } from 'msw';
import contactFixture from '../../fixtures/hubspot/contact.json';
import activitiesFixture from '../../fixtures/hubspot/activities-batch-read.json';
import tokenInfo from '../../fixtures/hubspot/access-token-info.json';
import accountDetails from '../../fixtures/hubspot/account-details.json';
import ownerFixture from '../../fixtures/hubspot/owner.json';
import tenSecondly from '../../fixtures/hubspot/error-rate-limit-ten-secondly.json';
import missingScopes from '../../fixtures/hubspot/error-missing-scopes.json';
import { API } from './hubspot-msw';

/**
 * A HubSpot portal for the team listing: contacts, their activities and e-mail events, archived contacts, and the
 * endpoints the listing calls, answering in the documented shapes and enforcing the documented limits (a search
 * cannot page past 10,000 results; 200 a page; 50 inputs a batch with property history; 100 an object batch read;
 * 1,000 an associations batch read; 100 an archived list page). Every request is logged with the fake clock's time.
 */
export type ActivityType = 'calls' | 'emails' | 'meetings' | 'notes' | 'tasks';
type Props = Record<string, string | null>;
type History = Record<string, { value: string; timestamp: string; sourceType: string; sourceId?: string; updatedByUserId?: number }[]>;

export interface PortalContact {
  id: string;
  properties: Props;
  propertiesWithHistory?: History;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  archivedAt?: string;
  /** Activity ids of each type associated with the contact. */
  activities?: Partial<Record<ActivityType, string[]>>;
}

export interface PortalActivity {
  id: string;
  properties: Props;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

interface Filter {
  propertyName: string;
  operator: string;
  value?: string;
  values?: string[];
}
interface SearchBody {
  filterGroups: { filters: Filter[] }[];
  sorts?: { propertyName: string; direction: string }[];
  properties?: string[];
  limit?: number;
  after?: string;
}

export interface LoggedRequest {
  method: string;
  path: string;
  at: number;
  body?: unknown;
  search: string;
}

const iso = (ms: number) => new Date(ms).toISOString();
const batchTimes = { startedAt: '2026-11-25T03:00:00.120Z', completedAt: '2026-11-25T03:00:00.180Z' };
const errorBody = (message: string, category = 'VALIDATION_ERROR') => ({ status: 'error', message, correlationId: 'aeb5f871-7f07-4993-9211-075dc63e7cbf', category });

/** The fixture contact 512 (the panel's contact.json), as the portal holds it. */
export function fixtureContact(): PortalContact {
  return {
    ...structuredClone(contactFixture),
    activities: { calls: ['29090716'], emails: ['29090717'], meetings: ['29090718'], notes: ['29090719'], tasks: ['29090720'] },
  };
}

/** The fixture activities of contact 512 (the panel's engagements.json as CRM v3 objects). */
export function fixtureActivities(): PortalActivity[] {
  const byType: Record<ActivityType, { results: PortalActivity[] }> = activitiesFixture;
  return (['calls', 'emails', 'meetings', 'notes', 'tasks'] as const).flatMap((t) => structuredClone(byType[t].results));
}

/**
 * A synthetic contact in the documented shape: created at `created`, handed off (MQL) at `mql` when given, with the
 * lifecycle history HubSpot keeps and the `hs_v2_date_entered_*` dates that go with it.
 */
export function syntheticContact(n: number, created: number, mql?: number, over: Partial<PortalContact> = {}): PortalContact {
  const history: History = {
    lifecyclestage: [
      ...(mql !== undefined ? [{ value: 'marketingqualifiedlead', timestamp: iso(mql), sourceType: 'AUTOMATION_PLATFORM', sourceId: 'enrollmentId:1' }] : []),
      { value: 'lead', timestamp: iso(created), sourceType: 'FORM', sourceId: 'form-1' },
    ],
  };
  return {
    id: String(100_000 + n),
    properties: {
      createdate: iso(created),
      email: `person${n}@example.com`,
      firstname: 'Person',
      lastname: String(n),
      lifecyclestage: mql !== undefined ? 'marketingqualifiedlead' : 'lead',
      hubspot_owner_id: '41629779',
      hs_v2_date_entered_lead: iso(created),
      hs_v2_date_entered_marketingqualifiedlead: mql !== undefined ? iso(mql) : null,
      lastmodifieddate: iso(Math.max(created, mql ?? 0)),
      hs_object_id: String(100_000 + n),
    },
    propertiesWithHistory: history,
    createdAt: iso(created),
    updatedAt: iso(Math.max(created, mql ?? 0)),
    archived: false,
    ...over,
  };
}

function epochMs(v: string | null | undefined): number | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  const t = /^\d+$/.test(v) ? Number(v) : Date.parse(v);
  return Number.isFinite(t) ? t : undefined;
}

/** Dates of a contact's properties, parsed once per properties object: a split run searches 12,500 contacts many times. */
const parsedDates = new WeakMap<Props, Map<string, number | undefined>>();
function dateOf(props: Props, name: string): number | undefined {
  let dates = parsedDates.get(props);
  if (!dates) parsedDates.set(props, (dates = new Map()));
  if (!dates.has(name)) dates.set(name, epochMs(props[name]));
  return dates.get(name);
}

function matches(c: PortalContact, f: Filter): boolean {
  const v = c.properties[f.propertyName] ?? null;
  switch (f.operator) {
    case 'GTE':
    case 'LT': {
      const t = dateOf(c.properties, f.propertyName);
      const bound = Number(f.value);
      if (t === undefined) return false;
      return f.operator === 'GTE' ? t >= bound : t < bound;
    }
    case 'EQ':
      return v === f.value;
    case 'NOT_IN':
      return v === null || !(f.values ?? []).includes(v);
    case 'HAS_PROPERTY':
      return v !== null && v !== '';
    default:
      throw new Error(`fake portal: unsupported operator ${f.operator}`);
  }
}

export interface PortalOptions {
  contacts: PortalContact[];
  activities?: PortalActivity[];
  emailEvents?: Record<string, unknown[]>;
  /** The fake clock, to time every request. */
  clock?: () => number;
  /** `X-HubSpot-RateLimit-Max` the portal reports (per 10 s). */
  burstMax?: number;
  /** Associations of one contact per answer before `paging.next.after`. */
  associationsPerAnswer?: number;
  /** The token's user has no owner record. */
  noOwner?: boolean;
  /** The token lacks crm.objects.owners.read. */
  noOwnerScope?: boolean;
}

export function hubspotPortalFake(opts: PortalOptions) {
  const contacts = opts.contacts;
  const contactById = new Map(contacts.map((c) => [c.id, c]));
  const contactsById = [...contacts].sort((a, b) => Number(a.id) - Number(b.id));
  const activities = new Map((opts.activities ?? []).map((a) => [a.id, a]));
  const requests: LoggedRequest[] = [];
  const clock = opts.clock ?? (() => 0);
  /** Answer the next n requests (to any endpoint) with the ten-secondly 429. */
  let throttleNext = 0;
  const rateHeaders = () => ({
    'X-HubSpot-RateLimit-Max': String(opts.burstMax ?? 100),
    'X-HubSpot-RateLimit-Remaining': '50',
    'X-HubSpot-RateLimit-Interval-Milliseconds': '10000',
    'X-HubSpot-RateLimit-Daily': '250000',
    'X-HubSpot-RateLimit-Daily-Remaining': '240000',
  });

  async function log(request: Request): Promise<{ body: unknown; throttled: Response | null }> {
    const url = new URL(request.url);
    const body = request.method === 'POST' ? await request.clone().json() : undefined;
    requests.push({ method: request.method, path: url.pathname, search: url.search, at: clock(), body });
    if (throttleNext > 0) {
      throttleNext--;
      return { body, throttled: HttpResponse.json(tenSecondly, { status: 429, headers: { 'X-HubSpot-RateLimit-Interval-Milliseconds': '10000', 'X-HubSpot-RateLimit-Max': '100', 'X-HubSpot-RateLimit-Remaining': '0' } }) };
    }
    return { body, throttled: null };
  }

  const byNumericId = (a: PortalContact, b: PortalContact) => Number(a.id) - Number(b.id);

  const handlers = [
    // https://developers.hubspot.com/docs/api-reference/latest/account/account-information/get-account-details
    http.get(`${API}/account-info/v3/details`, async ({ request }) => {
      const { throttled } = await log(request);
      return throttled ?? HttpResponse.json(accountDetails, { headers: rateHeaders() });
    }),
    http.post(`${API}/oauth/v2/private-apps/get/access-token-info`, async ({ request }) => {
      const { throttled } = await log(request);
      return throttled ?? HttpResponse.json(tokenInfo, { headers: rateHeaders() });
    }),
    http.get(`${API}/crm/v3/owners/:id`, async ({ request, params }) => {
      const { throttled } = await log(request);
      if (throttled) return throttled;
      if (opts.noOwnerScope) return HttpResponse.json(missingScopes, { status: 403 });
      const byUser = new URL(request.url).searchParams.get('idProperty') === 'userId';
      if (byUser && !opts.noOwner && params.id === String(ownerFixture.userId)) return HttpResponse.json(ownerFixture, { headers: rateHeaders() });
      return HttpResponse.json(errorBody('Owner not found', 'OBJECT_NOT_FOUND'), { status: 404 });
    }),
    http.post(`${API}/crm/v3/objects/contacts/search`, async ({ request }) => {
      const { body, throttled } = await log(request);
      if (throttled) return throttled;
      const b = body as SearchBody;
      const limit = b.limit ?? 10;
      if (limit > 200) return HttpResponse.json(errorBody('limit must be at most 200'), { status: 400 });
      const filters = b.filterGroups.flatMap((g) => g.filters);
      if (b.filterGroups.length > 5 || filters.length > 18 || b.filterGroups.some((g) => g.filters.length > 6)) {
        return HttpResponse.json(errorBody('Too many filters or filter groups'), { status: 400 });
      }
      if (JSON.stringify(b).length > 3000) return HttpResponse.json(errorBody('Query exceeds 3000 characters'), { status: 400 });
      const start = Number(b.after ?? 0);
      // https://developers.hubspot.com/docs/api/crm/search#limitations: paging beyond 10,000 results is a 400.
      if (start + limit > 10_000) return HttpResponse.json(errorBody('Cannot page beyond 10000 results'), { status: 400 });
      const hits = contactsById.filter((c) => !c.archived && (b.filterGroups.length === 0 || b.filterGroups.some((g) => g.filters.every((f) => matches(c, f)))));
      const page = hits.slice(start, start + limit);
      const props = b.properties ?? ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'];
      return HttpResponse.json({
        total: hits.length,
        results: page.map((c) => ({
          id: c.id,
          properties: Object.fromEntries(['hs_object_id', 'createdate', 'lastmodifieddate', ...props].map((p) => [p, c.properties[p] ?? null])),
          createdAt: c.createdAt,
          updatedAt: c.updatedAt,
          archived: false,
        })),
        ...(start + limit < hits.length ? { paging: { next: { after: String(start + limit), link: '' } } } : {}),
      });
    }),
    http.post(`${API}/crm/v3/objects/contacts/batch/read`, async ({ request }) => {
      const { body, throttled } = await log(request);
      if (throttled) return throttled;
      const b = body as { inputs: { id: string }[]; properties: string[]; propertiesWithHistory?: string[] };
      if (b.propertiesWithHistory?.length && b.inputs.length > 50) {
        return HttpResponse.json(errorBody('The maximum number of inputs supported in a batch request for property histories is 50. Please reduce the number of items and try again'), { status: 400 });
      }
      if (b.inputs.length > 100) return HttpResponse.json(errorBody('Batch size must be at most 100'), { status: 400 });
      const found = b.inputs.map((i) => {
        const c = contactById.get(i.id);
        return c && !c.archived ? c : undefined;
      });
      const results = found
        .filter((c): c is PortalContact => c !== undefined)
        .map((c) => ({
          id: c.id,
          properties: Object.fromEntries(['createdate', 'hs_object_id', 'lastmodifieddate', ...b.properties].map((p) => [p, c.properties[p] ?? null])),
          ...(b.propertiesWithHistory?.length
            ? { propertiesWithHistory: Object.fromEntries(b.propertiesWithHistory.map((p) => [p, c.propertiesWithHistory?.[p] ?? []])) }
            : {}),
          createdAt: c.createdAt,
          updatedAt: c.updatedAt,
          archived: false,
        }));
      const missing = b.inputs.filter((_, i) => found[i] === undefined);
      if (!missing.length) return HttpResponse.json({ status: 'COMPLETE', results, ...batchTimes }, { headers: rateHeaders() });
      return HttpResponse.json(
        {
          status: 'COMPLETE',
          results,
          numErrors: 1,
          errors: [{ status: 'error', category: 'OBJECT_NOT_FOUND', message: 'Could not get some CONTACT objects, they may be deleted or not exist.', context: { ids: missing.map((m) => m.id) } }],
          ...batchTimes,
        },
        { status: 207, headers: rateHeaders() },
      );
    }),
    http.post(`${API}/crm/v4/associations/contacts/:toType/batch/read`, async ({ request, params }) => {
      const { body, throttled } = await log(request);
      if (throttled) return throttled;
      const b = body as { inputs: { id: string; after?: string }[] };
      if (b.inputs.length > 1000) return HttpResponse.json(errorBody('Batch read may not exceed 1000 inputs'), { status: 400 });
      const per = opts.associationsPerAnswer ?? 500;
      const type = params.toType as ActivityType;
      const results = b.inputs.flatMap((i) => {
        const ids = contactById.get(i.id)?.activities?.[type] ?? [];
        if (!ids.length) return [];
        const start = Number(i.after ?? 0);
        const slice = ids.slice(start, start + per);
        return [
          {
            from: { id: i.id },
            to: slice.map((id) => ({ toObjectId: Number(id), associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 1, label: null }] })),
            ...(start + per < ids.length ? { paging: { next: { after: String(start + per), link: `${API}/crm/v4/objects/contacts/${i.id}/associations/${type}?after=${start + per}` } } } : {}),
          },
        ];
      });
      return HttpResponse.json({ status: 'COMPLETE', results, ...batchTimes }, { headers: rateHeaders() });
    }),
    http.post(`${API}/crm/v3/objects/:type/batch/read`, async ({ request }) => {
      const { body, throttled } = await log(request);
      if (throttled) return throttled;
      const b = body as { inputs: { id: string }[]; properties: string[] };
      if (b.inputs.length > 100) return HttpResponse.json(errorBody('Batch size must be at most 100'), { status: 400 });
      const results = b.inputs
        .map((i) => activities.get(i.id))
        .filter((a): a is PortalActivity => a !== undefined)
        .map((a) => ({ ...a, properties: Object.fromEntries(['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id', ...b.properties].map((p) => [p, a.properties[p] ?? null])) }));
      return HttpResponse.json({ status: 'COMPLETE', results, ...batchTimes }, { headers: rateHeaders() });
    }),
    http.get(`${API}/email/public/v1/events`, async ({ request }) => {
      const { throttled } = await log(request);
      if (throttled) return throttled;
      const recipient = new URL(request.url).searchParams.get('recipient') ?? '';
      return HttpResponse.json({ hasMore: false, offset: 'CiEKHAoMc2VudEJ5Q3JlYXRlZBD', events: opts.emailEvents?.[recipient.toLowerCase()] ?? [] }, { headers: rateHeaders() });
    }),
    http.get(`${API}/crm/v3/objects/contacts`, async ({ request }) => {
      const { throttled } = await log(request);
      if (throttled) return throttled;
      const q = new URL(request.url).searchParams;
      const limit = Number(q.get('limit') ?? 10);
      if (limit > 100) return HttpResponse.json(errorBody('limit must be at most 100'), { status: 400 });
      const archived = q.get('archived') === 'true';
      const list = contacts.filter((c) => c.archived === archived).sort(byNumericId);
      const after = q.get('after');
      const rest = after ? list.filter((c) => Number(c.id) >= Number(after)) : list;
      const page = rest.slice(0, limit);
      const next = rest[limit];
      return HttpResponse.json(
        {
          results: page.map((c) => ({
            id: c.id,
            properties: { createdate: c.properties.createdate ?? null, email: c.properties.email ?? null, hs_object_id: c.id, lastmodifieddate: c.properties.lastmodifieddate ?? null },
            createdAt: c.createdAt,
            updatedAt: c.updatedAt,
            archived: c.archived,
            ...(c.archivedAt ? { archivedAt: c.archivedAt } : {}),
          })),
          ...(next ? { paging: { next: { after: next.id, link: `${API}/crm/v3/objects/contacts?archived=true&after=${next.id}` } } } : {}),
        },
        { headers: rateHeaders() },
      );
    }),
  ];

  return {
    handlers,
    requests,
    contacts,
    throttle(n: number) {
      throttleNext = n;
    },
  };
}

/**
 * A fake clock shared by the listing and the portal: waits end at once, and the clock never runs backwards; waits
 * that overlap (parallel requests) end at the later of their ends, as on a real clock.
 */
export function fakeClock(start: number) {
  let t = start;
  return {
    now: () => t,
    sleep: async (ms: number) => {
      const end = t + ms;
      await Promise.resolve();
      t = Math.max(t, end);
    },
    advance(ms: number) {
      t += ms;
    },
  };
}
