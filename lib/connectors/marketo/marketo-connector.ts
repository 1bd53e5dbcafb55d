import { z } from 'zod';
import type { Connector, DeliveryReceipt, FetchOptions } from '../connector';
import { ConnectorError } from '../connector';
import type { DataQualityWarning, Feedback, LeadContext, Person, RecordRef } from '../../domain/model';
import { marketoInstanceOf } from './api-hosts';
import { ACTIVITY_TYPE_IDS, activityDate } from './activity-map';
import { createMarketoClient, type MarketoClient, type MarketoDeps } from './client';
import { LEAD_FIELDS, mapLeadToPerson, mapMarketoContext } from './map-lead';
import { activityIdOf, activitySchema, activityTypeSchema, addedActivitySchema, leadSchema, type MarketoActivity } from './schemas';
import { MARKETO_ACTIVITY_TYPES_KEY, readActivityTypes } from './settings';

/** How far back the timeline reads: most web and e-mail activities are purged after 90 days anyway. */
const HISTORY_MS = 90 * 24 * 60 * 60 * 1000;
/** Each activities page scans up to 300 activities; a lead with more than this many pages is cut, with a warning. */
const MAX_ACTIVITY_PAGES = 5;
/** Activity type names are refreshed once a day. */
const TYPES_TTL_MS = 24 * 60 * 60 * 1000;

/** What the cross-system matcher asks Marketo: by e-mail, or by the Salesforce ids the sync keeps. */
export type MarketoLookup = { by: 'email'; value: string } | { by: 'sfdcLeadId' | 'sfdcContactId'; value: string };

export interface MarketoConnector extends Connector {
  /** Leads matching an SFA record, as people, for `matchPeople`. One call. */
  findPeople(lookup: MarketoLookup, options: FetchOptions & { instance: string }): Promise<Person[]>;
}

/**
 * Marketo Engage as MA. Call budget of an uncached view, with the token and activity type names cached:
 * 3 — the lead, a paging token for 90 days ago, one page of activities (nine types, the 10-per-call limit).
 * More pages cost one call each (at most 5). A first view after connecting adds one call for the activity
 * types, and one for the token when none is cached.
 */
export function createMarketoConnector(deps: MarketoDeps): MarketoConnector {
  const client: MarketoClient = createMarketoClient(deps);
  const now = deps.now ?? Date.now;

  function leadIdOf(ref: RecordRef): string {
    if (ref.system !== 'marketo' || !/^\d+$/.test(ref.id)) {
      throw new ConnectorError({ vendor: 'marketo', kind: 'permanent', message: `Baton reads Marketo leads by their numeric id; "${ref.id}" is not one.` });
    }
    return ref.id;
  }

  async function typeNames(signal?: AbortSignal): Promise<Map<number, string>> {
    const s = await client.settings();
    const cached = await readActivityTypes(deps.storage);
    if (cached && cached.endpoint === s.endpoint && now() - cached.fetchedAt < TYPES_TTL_MS) {
      return new Map(cached.types.map((t) => [t.id, t.name]));
    }
    const env = await client.request({ path: '/rest/v1/activities/types.json', item: activityTypeSchema, signal, doing: 'loading the activity types' });
    const types = (env.result ?? []).map((t) => ({ id: t.id, name: t.name }));
    await deps.storage.set(MARKETO_ACTIVITY_TYPES_KEY, { endpoint: s.endpoint, fetchedAt: now(), types });
    return new Map(types.map((t) => [t.id, t.name]));
  }

  async function pagingToken(since: number, signal?: AbortSignal): Promise<string> {
    const env = await client.request({
      path: '/rest/v1/activities/pagingtoken.json',
      query: { sinceDatetime: new Date(since).toISOString().replace(/\.\d{3}Z$/, 'Z') },
      item: z.unknown(),
      signal,
      doing: 'starting to read activities',
    });
    if (!env.nextPageToken) {
      throw new ConnectorError({ vendor: 'marketo', kind: 'invalid-response', message: 'Marketo returned no nextPageToken for the activity paging token.' });
    }
    return env.nextPageToken;
  }

  async function activities(leadId: string, typeIds: number[], since: number, signal?: AbortSignal) {
    let next = await pagingToken(since, signal);
    const all: MarketoActivity[] = [];
    for (let page = 0; page < MAX_ACTIVITY_PAGES; page++) {
      const env = await client.request({
        path: '/rest/v1/activities.json',
        query: { nextPageToken: next, activityTypeIds: typeIds.join(','), leadIds: leadId },
        item: activitySchema,
        signal,
        doing: "reading the lead's activities",
      });
      all.push(...(env.result ?? []));
      if (!env.moreResult || !env.nextPageToken) return { activities: all, truncated: false };
      next = env.nextPageToken;
    }
    return { activities: all, truncated: true };
  }

  /**
   * Is `ref` a lead of the connected instance? Leads found from another system's page are named by the Munchkin id
   * of the endpoint (cross-system/partners.ts); leads of a Marketo page by the page's app host, which only the
   * paired `appHost` setting ties to the instance (see settings.ts). Another host when paired: refused, nothing
   * read or written. Not paired: read, with a warning saying so.
   */
  async function instanceCheck(ref: RecordRef): Promise<DataQualityWarning | null> {
    const s = await client.settings();
    if (ref.instance === marketoInstanceOf(s.endpoint)) return null;
    if (!s.appHost) return { code: 'unpaired_instance', detail: ref.instance };
    if (ref.instance === s.appHost) return null;
    throw new ConnectorError({
      vendor: 'marketo',
      kind: 'permanent',
      code: 'INSTANCE_MISMATCH',
      message: `This Marketo page is at ${ref.instance}, but Baton’s Marketo connection is paired with ${s.appHost}. Lead ids are per instance, so Baton does not read or write lead ${ref.id} here. If this is your Marketo, change the app address in Options › Connections › Marketo.`,
    });
  }

  async function fetchContext(ref: RecordRef, options: FetchOptions): Promise<LeadContext> {
    const id = leadIdOf(ref);
    const unpaired = await instanceCheck(ref);
    const names = await typeNames(options.signal);
    const [leadEnv, acts] = await Promise.all([
      client.request({ path: `/rest/v1/lead/${id}.json`, query: { fields: LEAD_FIELDS.join(',') }, item: leadSchema, signal: options.signal, doing: 'reading the lead' }),
      activities(id, ACTIVITY_TYPE_IDS, options.now - HISTORY_MS, options.signal),
    ]);
    const lead = leadEnv.result?.[0];
    if (!lead) {
      throw new ConnectorError({ vendor: 'marketo', kind: 'not-found', code: '1004', message: `Marketo has no lead ${id} (or the API-only user cannot see its workspace).` });
    }
    const context = mapMarketoContext({ ref, lead, activities: acts.activities, typeNames: names, truncated: acts.truncated, options });
    if (unpaired) context.warnings.push(unpaired);
    return context;
  }

  async function findPeople(lookup: MarketoLookup, options: FetchOptions & { instance: string }): Promise<Person[]> {
    const env = await client.request({
      path: '/rest/v1/leads.json',
      query: { filterType: lookup.by, filterValues: lookup.value.trim(), fields: LEAD_FIELDS.join(',') },
      item: leadSchema,
      signal: options.signal,
      doing: `looking up the lead by ${lookup.by}`,
    });
    return (env.result ?? []).map((lead) =>
      mapLeadToPerson({ system: 'marketo', instance: options.instance, object: 'lead', id: String(lead.id) }, lead, options),
    );
  }

  /**
   * Marketo has no notes. Feedback from a Marketo page is written as a custom activity when an admin has
   * created one (primary field = feedback id; fields verdict, reasons, comment, givenBy) and entered its id in
   * Options; otherwise it is refused with what to configure, and the SFA record is the place to give it.
   * Calls: look-up (paging token + activities), add, reconcile read (paging token + activities) = 5.
   * https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/lead-database/activities#add-custom-activities
   */
  async function deliverFeedback(feedback: Feedback, options: FetchOptions): Promise<DeliveryReceipt> {
    const leadId = leadIdOf(feedback.ref);
    if (await instanceCheck(feedback.ref)) {
      // Reading an unpaired page's lead only shows it (with a warning); writing to what may be another
      // instance's lead is not undone so easily.
      throw new ConnectorError({
        vendor: 'marketo',
        kind: 'permanent',
        code: 'NOT_PAIRED',
        message: `Baton cannot tell that the Marketo at ${feedback.ref.instance} is the connected instance, so it has not written this feedback there. Enter your Marketo app address in Options › Connections › Marketo, then retry.`,
      });
    }
    const s = await client.settings();
    if (!s.feedbackActivityTypeId) {
      throw new ConnectorError({
        vendor: 'marketo',
        kind: 'permanent',
        code: 'NO_FEEDBACK_ACTIVITY',
        message:
          'Marketo has no notes, so Baton cannot store feedback there yet. A Marketo admin can create a custom activity ' +
          '(Admin › Marketo Custom Activities; primary field "Feedback Id"; fields verdict, reasons, comment, givenBy), approve it ' +
          'and enter its id in Options › Connections › Marketo. Until then, give feedback on the Salesforce record.',
      });
    }
    const typeId = s.feedbackActivityTypeId;
    const carrying = async () => {
      const found = await activities(leadId, [typeId], feedback.at - 24 * 60 * 60 * 1000, options.signal);
      return found.activities.filter((a) => a.primaryAttributeValue === feedback.id);
    };
    const earlier = oldestActivity(await carrying());
    if (earlier) return { vendorId: activityIdOf(earlier), alreadyExisted: true };
    const env = await client.request({
      method: 'POST',
      path: '/rest/v1/activities/external.json',
      body: {
        input: [{
          leadId: Number(leadId),
          activityDate: new Date(feedback.at).toISOString(),
          activityTypeId: s.feedbackActivityTypeId,
          primaryAttributeValue: feedback.id,
          attributes: [
            { apiName: 'verdict', value: feedback.verdict },
            { apiName: 'reasons', value: feedback.reasonCodes.join(', ') },
            { apiName: 'comment', value: feedback.comment ?? '' },
            { apiName: 'givenBy', value: feedback.by },
          ],
        }],
      },
      item: addedActivitySchema,
      signal: options.signal,
      doing: 'writing the feedback activity',
    });
    const added = env.result?.[0];
    if (!added || added.status !== 'added') {
      const reason = added?.reasons?.[0];
      throw new ConnectorError({
        vendor: 'marketo', kind: 'permanent', code: reason?.code,
        message: `Marketo did not add the feedback activity${reason ? `: error ${reason.code} "${reason.message}"` : ''}. Check the custom activity's fields in Admin.`,
      });
    }
    const addedId = added.marketoGUID ?? (added.id !== undefined ? String(added.id) : feedback.id);
    // Reconcile. Chromium resends a POST whose reused keep-alive connection is cut before the answer, so
    // Marketo may have added the activity twice while we saw one answer. Marketo custom activities cannot be
    // deleted (no API, no UI), so a copy stays in the activity log; what Baton can do is name the same
    // activity, the oldest, from every attempt. A failed re-read leaves the receipt as added.
    try {
      const oldest = oldestActivity(await carrying());
      if (oldest && activityIdOf(oldest) !== addedId) return { vendorId: activityIdOf(oldest), alreadyExisted: true };
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error;
    }
    return { vendorId: addedId, alreadyExisted: false };
  }

  return { system: 'marketo', fetchContext, deliverFeedback, findPeople };
}

/** The activity that stands for a feedback written more than once: the earliest, then the lowest id. */
export function oldestActivity(found: readonly MarketoActivity[]): MarketoActivity | undefined {
  const at = (a: MarketoActivity) => activityDate(a) ?? Number.MAX_SAFE_INTEGER;
  const byId = (a: MarketoActivity, b: MarketoActivity) => (a.id !== undefined && b.id !== undefined ? a.id - b.id : activityIdOf(a).localeCompare(activityIdOf(b)));
  return [...found].sort((a, b) => at(a) - at(b) || byId(a, b))[0];
}

/** For the options card's "Test connection": a token, then the activity types (cached for views). */
export async function testMarketoConnection(deps: MarketoDeps): Promise<{ ok: true; activityTypes: number } | { ok: false; error: ConnectorError }> {
  const client = createMarketoClient(deps);
  try {
    const s = await client.settings();
    const env = await client.request({ path: '/rest/v1/activities/types.json', item: activityTypeSchema, doing: 'testing the connection' });
    const types = (env.result ?? []).map((t) => ({ id: t.id, name: t.name }));
    await deps.storage.set(MARKETO_ACTIVITY_TYPES_KEY, { endpoint: s.endpoint, fetchedAt: (deps.now ?? Date.now)(), types });
    return { ok: true, activityTypes: types.length };
  } catch (error) {
    if (error instanceof ConnectorError) return { ok: false, error };
    throw error;
  }
}
