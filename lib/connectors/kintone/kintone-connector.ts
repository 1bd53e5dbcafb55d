import type { Connector, DeliveryReceipt, FetchOptions } from '../connector';
import { ConnectorError } from '../connector';
import type { ListingConnector, ListPage, ListRequest } from '../listing';
import { normalizeEmail, type Feedback, type LeadContext, type Person, type RecordRef } from '../../domain/model';
import { kintoneObject } from '../../sites/kintone';
import { createKintoneClient, type KintoneDeps } from './client';
import { createKintoneFeedbackDelivery } from './feedback-delivery';
import { queryValue, recordText } from './field-values';
import { activityKeyOf, kintoneTarget, readActivities } from './target';
import { listKintoneContexts } from './list-records';
import { mapKintoneContext, mapRecordToPerson, recordIdOf } from './map-record';
import { formFieldsResponseSchema, getCommentsResponseSchema, getRecordResponseSchema, getRecordsResponseSchema, type KintoneFormFields } from './schemas';
import { isKintoneConnected, readKintoneSettings } from './settings';

export interface KintoneConnector extends Connector {
  listContexts: ListingConnector['listContexts'];
  listingInstance: ListingConnector['listingInstance'];
  /** Lead-app records with this e-mail, as people, for `matchPeople`. One call. */
  findPeople(email: string, options: FetchOptions): Promise<Person[]>;
}

/** Comments read per view: the API's maximum of 10, newest first (feedback given lately). */
const COMMENT_LIMIT = 10;

/**
 * kintone as SFA. Call budget of an uncached view: 3.
 * 1. the record (GET record.json), with 2. its latest 10 comments (Baton's feedback) in parallel;
 * 3. the related activity app's records whose link field holds the record's key (one records.json query).
 * A feedback click costs 3 calls (look up, post, look again), more only when a twin is removed.
 */
export function createKintoneConnector(deps: KintoneDeps): KintoneConnector {
  const client = createKintoneClient(deps);
  const delivery = createKintoneFeedbackDelivery(client);

  async function fetchContext(ref: RecordRef, options: FetchOptions): Promise<LeadContext> {
    const target = await kintoneTarget(deps, client, ref);
    const { mapping, appId, guestSpaceId } = target;
    const keyIsId = mapping.activity?.keyField === '$id';
    const [{ record }, comments, earlyActivities] = await Promise.all([
      client.request({ api: 'record', guestSpaceId, params: { app: appId, id: ref.id }, schema: getRecordResponseSchema, signal: options.signal, doing: 'reading the record' }),
      client.request({
        api: 'record/comments',
        guestSpaceId,
        params: { app: appId, record: ref.id, order: 'desc', limit: COMMENT_LIMIT },
        schema: getCommentsResponseSchema,
        signal: options.signal,
        doing: "reading the record's comments",
      }),
      keyIsId ? readActivities(client, mapping, [ref.id], options) : Promise.resolve(null),
    ]);
    const key = keyIsId ? undefined : activityKeyOf(record, mapping);
    const activities = earlyActivities ?? (key ? await readActivities(client, mapping, [key], options) : []);
    return mapKintoneContext({ ref, record, mapping, activities, comments: comments.comments, timeZone: target.settings.timeZone, options });
  }

  async function deliverFeedback(feedback: Feedback, options: FetchOptions): Promise<DeliveryReceipt> {
    const { appId, guestSpaceId } = await kintoneTarget(deps, client, feedback.ref);
    return delivery.deliver(feedback, { appId, ...(guestSpaceId ? { guestSpaceId } : {}), recordId: feedback.ref.id }, options.signal);
  }

  async function findPeople(email: string, options: FetchOptions): Promise<Person[]> {
    const wanted = normalizeEmail(email);
    const { settings, mapping, appId, guestSpaceId } = await kintoneTarget(deps, client);
    if (!wanted || !mapping.email) return [];
    // `like` matches whatever the case the address was typed in; only exact addresses are kept.
    const res = await client.request({
      api: 'records',
      guestSpaceId,
      params: { app: appId, query: `${mapping.email} like ${queryValue(wanted)} limit 10` },
      schema: getRecordsResponseSchema,
      signal: options.signal,
      doing: 'looking up the record by e-mail',
    });
    return res.records.flatMap((r) => {
      const id = recordIdOf(r);
      if (!id || normalizeEmail(recordText(r, mapping.email)) !== wanted) return [];
      const ref: RecordRef = { system: 'kintone', instance: settings.domain, object: kintoneObject(appId, guestSpaceId), id };
      return [mapRecordToPerson(ref, r, mapping, options)];
    });
  }

  function listContexts(request: ListRequest, options: FetchOptions): AsyncGenerator<ListPage, void, void> {
    return listKintoneContexts(deps, client, request, options);
  }

  /** The kintone domain the team snapshot is kept under; null when not connected or not signed in (no call). */
  async function listingInstance(): Promise<string | null> {
    if (!(await isKintoneConnected(deps.storage))) return null;
    return (await readKintoneSettings(deps.storage))?.domain ?? null;
  }

  return { system: 'kintone', fetchContext, deliverFeedback, findPeople, listContexts, listingInstance };
}

/** The options page's mapping screen: the app's form fields. One call. */
export async function readKintoneFormFields(deps: KintoneDeps, app: { appId: string; guestSpaceId?: string }): Promise<KintoneFormFields> {
  const client = createKintoneClient(deps);
  return client.request({
    api: 'app/form/fields',
    guestSpaceId: app.guestSpaceId,
    params: { app: app.appId },
    schema: formFieldsResponseSchema,
    doing: `reading the fields of app ${app.appId}`,
  });
}

/** "Test connection": one cheap authenticated read of the app. */
export async function testKintoneConnection(deps: KintoneDeps): Promise<{ ok: true } | { ok: false; error: ConnectorError }> {
  const client = createKintoneClient(deps);
  try {
    const s = await client.settings();
    await client.request({ api: 'records', guestSpaceId: s.guestSpaceId, params: { app: s.appId, query: 'limit 1', fields: ['$id'] }, schema: getRecordsResponseSchema, doing: 'testing the connection' });
    return { ok: true };
  } catch (error) {
    if (error instanceof ConnectorError) return { ok: false, error };
    throw error;
  }
}
