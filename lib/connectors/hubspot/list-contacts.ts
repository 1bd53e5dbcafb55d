import { ConnectorError, type FetchOptions } from '../connector';
import type { ListPage, ListRequest } from '../listing';
import type { LeadContext, RecordRef } from '../../domain/model';
import { createHubSpotClient, type HubSpotClient, type HubSpotDeps } from './client';
import { ASSOCIATION_BATCH, MERGED_IDS, readContactDetails, type EmailEventsPolicy } from './contact-details';
import { readIdentity, readOwnerId } from './identity';
import { archivedContactsPageSchema, contactIdsPageSchema } from './list-schemas';
import { abortableSleep, createRateGate, type RateGate } from './rate-gate';
import {
  decodeCursor,
  encodeCursor,
  periodFor,
  placingTime,
  planFor,
  requestKey,
  searchBody,
  SEARCH_PAGE_SIZE,
  SEARCH_RESULT_CAP,
  splitWindow,
  type ListCursor,
  type Window,
} from './search-window';
import { readHubSpotStatus } from './settings';

export interface HubSpotListingDeps extends HubSpotDeps {
  /** Which contacts get their marketing e-mail events read (one call each). Default 'handed-off'. */
  emailEvents?: EmailEventsPolicy;
}

/** Retries of one request HubSpot answered 429 (after the wait it asked for) before the page fails. */
const RATE_LIMIT_RETRIES = 5;
/** Archived contacts a page (the list endpoint's maximum). */
const ARCHIVED_PAGE = 100;

/**
 * Every contact of a period as the panel's `LeadContext`, one page per search page, for the team layer.
 *
 * 1. Identity: the portal id (record refs name it) and, for 'mine', the owner (see identity.ts). 1–2 calls a run.
 * 2. CRM search over windows of the period (search-window.ts), 200 ids a page, sorted by id, paging with `after`;
 *    five pages make one listing page of up to 1,000 contacts (one associations batch read per type serves them).
 *    A window holding more than the 10,000 results one search can page through is halved, recursively; each contact
 *    is listed by the one window holding its earliest date in the period, so a split never lists anyone twice.
 * 3. Details in batch (contact-details.ts), mapped exactly as the panel maps them.
 * 4. Incremental runs (`modifiedSince`): also the contacts archived since then and the ids merged into listed contacts.
 *
 * The cursor after each page names the windows left and the `after` within the current one: a run killed after a
 * page resumes at the next page and lists nobody twice. Every HTTP request goes through one gate (rate-gate.ts) and
 * is counted in the page's `calls`. A 429 waits for what HubSpot asked (client.ts maps it) and retries; the daily
 * limit ends the run with a 'quota' error, the last cursor stays valid.
 */
export async function* listHubSpotContexts(deps: HubSpotListingDeps, request: ListRequest, options: FetchOptions): AsyncGenerator<ListPage, void, void> {
  const signal = options.signal;
  const now = deps.now ?? Date.now;
  const sleep = (ms: number, s?: AbortSignal) => (deps.sleep ? deps.sleep(ms).then(() => s?.throwIfAborted()) : abortableSleep(ms, s));
  const gate = createRateGate({ now, sleep });
  let calls = 0;
  const baseFetch = deps.fetchImpl ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const gatedFetch: typeof fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    await gate.take(new URL(url).pathname.endsWith('/search') ? 'search' : 'other', init?.signal ?? undefined);
    calls++;
    return baseFetch(input, init);
  };
  const client = withRetries(createHubSpotClient({ ...deps, fetchImpl: gatedFetch }), sleep);
  await followReportedTier(deps, gate);

  const key = requestKey(request);
  const period = periodFor(request);
  let cursor: ListCursor = request.cursor
    ? decodeCursor(request.cursor, key)
    : { v: 1, key, phase: 'contacts', windows: [period], done: 0 };

  const identity = await readIdentity(client, signal);
  const ownerId = request.scope === 'mine' ? await readOwnerId(client, identity.userId, signal) : undefined;
  const plan = planFor(request, ownerId);
  const refOf = (id: string): RecordRef => ({ system: 'hubspot', instance: identity.portalId, object: '0-1', id });

  const page = (contexts: LeadContext[], deleted: RecordRef[], next: ListCursor | null): ListPage => {
    const out: ListPage = {
      contexts,
      deleted,
      cursor: next ? encodeCursor(next) : null,
      progress: { done: cursor.done, ...(cursor.total !== undefined ? { total: cursor.total } : {}) },
      calls,
    };
    calls = 0;
    return out;
  };

  while (cursor.phase === 'contacts') {
    // One round: up to five search pages (1,000 ids), so one associations batch read per activity type serves them.
    const ids: string[] = [];
    while (cursor.windows.length && ids.length + SEARCH_PAGE_SIZE <= ASSOCIATION_BATCH) {
      const [w, ...rest] = cursor.windows as [Window, ...Window[]];
      const found = await client.request({
        method: 'POST',
        path: '/crm/v3/objects/contacts/search',
        body: searchBody(plan, w, cursor.after),
        schema: contactIdsPageSchema,
        signal,
        doing: 'searching the contacts of the period',
      });
      if (cursor.total === undefined && w.from === period.from && w.to === period.to) cursor = { ...cursor, total: found.total };
      if (cursor.after === undefined && found.total > SEARCH_RESULT_CAP) {
        const halves = splitWindow(w);
        if (!halves) {
          throw new ConnectorError({
            vendor: 'hubspot',
            kind: 'permanent',
            message: `HubSpot holds more than ${SEARCH_RESULT_CAP.toLocaleString('en')} contacts with the same date (${new Date(w.from).toISOString()}); its search cannot page through them.`,
          });
        }
        cursor = { ...cursor, windows: [...halves, ...rest] };
        continue;
      }
      for (const r of found.results) {
        const t = placingTime(plan, r.properties, period);
        if (t === undefined || (t >= w.from && t < w.to)) ids.push(r.id);
      }
      const after = found.paging?.next?.after;
      cursor = after ? { ...cursor, after } : { ...cursor, windows: rest, after: undefined };
    }
    const details = await readContactDetails({ client, portalId: identity.portalId, ids, emailEvents: deps.emailEvents ?? 'handed-off', options });
    const contexts = request.scope === 'mine' ? details.contexts.filter(isOpenHandedOff) : details.contexts;
    const merged = request.modifiedSince === undefined ? [] : details.contacts.flatMap((c) => mergedIds(c.properties[MERGED_IDS]).map(refOf));
    cursor = { ...cursor, done: cursor.done + contexts.length };
    const finished = !cursor.windows.length && request.modifiedSince === undefined;
    if (!cursor.windows.length) cursor = { ...cursor, phase: 'archived' };
    await followReportedTier(deps, gate);
    yield page(contexts, merged, finished ? null : cursor);
    if (finished) return;
  }

  if (request.modifiedSince === undefined) return;
  const since = request.modifiedSince;
  for (;;) {
    const archived = await client.request({
      path: '/crm/v3/objects/contacts',
      query: { archived: 'true', limit: String(ARCHIVED_PAGE), properties: 'email', ...(cursor.archivedAfter ? { after: cursor.archivedAfter } : {}) },
      schema: archivedContactsPageSchema,
      signal,
      doing: 'reading the contacts deleted since the last sync',
    });
    const deleted = archived.results.filter((r) => r.archivedAt !== undefined && Date.parse(r.archivedAt) >= since).map((r) => refOf(r.id));
    const after = archived.paging?.next?.after;
    cursor = { ...cursor, archivedAfter: after };
    await followReportedTier(deps, gate);
    yield page([], deleted, after ? cursor : null);
    if (!after) return;
  }
}

/** `hs_merged_object_ids`: the ids of the contacts merged into this one, separated by semicolons. */
function mergedIds(value: string | null | undefined): string[] {
  return (value ?? '').split(';').map((s) => s.trim()).filter((s) => /^\d+$/.test(s));
}

const CLOSED = new Set(['won', 'lost', 'disqualified', 'recycled']);
/** Without a stage mapping: HubSpot's default lifecycle stages of a lead handed to sales. */
const HANDED_OFF_LIFECYCLE = new Set(['marketingqualifiedlead', 'salesqualifiedlead', 'opportunity']);

/** 'mine': handed off (reached a stage past inquiry) and not closed, by the shared definitions' stage mapping. */
function isOpenHandedOff(ctx: LeadContext): boolean {
  const handedOff = ctx.stageChanges.some((c) =>
    c.stage !== null ? c.stage !== 'inquiry' && !CLOSED.has(c.stage) : HANDED_OFF_LIFECYCLE.has(c.vendorValue),
  );
  return handedOff && !(ctx.person.stage && CLOSED.has(ctx.person.stage));
}

/** Reads the tier HubSpot reported in its headers (remembered by the client) into the gate. */
async function followReportedTier(deps: HubSpotDeps, gate: RateGate): Promise<void> {
  const status = await readHubSpotStatus(deps.storage);
  gate.setBurst(status.rateLimit);
}

/** A 429 is answered by waiting what HubSpot asked (the client's mapping) and asking again, a few times. */
function withRetries(client: HubSpotClient, sleep: (ms: number, signal?: AbortSignal) => Promise<void>): HubSpotClient {
  return {
    ...client,
    async request(req) {
      for (let attempt = 0; ; attempt++) {
        try {
          return await client.request(req);
        } catch (error) {
          if (!(error instanceof ConnectorError) || error.kind !== 'rate-limit' || attempt >= RATE_LIMIT_RETRIES) throw error;
          await sleep(error.retryAfterMs ?? 10_000, req.signal);
        }
      }
    },
  };
}
