import { z } from 'zod';
import type { FetchOptions } from '../connector';
import type { ListPage, ListRequest } from '../listing';
import type { RecordRef } from '../../domain/model';
import { kintoneObject } from '../../sites/kintone';
import type { KintoneClient, KintoneDeps } from './client';
import { queryDateTime, queryValue } from './field-values';
import { activityKeyOf, kintoneTarget, readActivities } from './target';
import { mapKintoneContext, recordIdOf } from './map-record';
import { getRecordsResponseSchema, type KintoneRecord } from './schemas';

/**
 * The team sync's listing of a kintone lead app: every record whose life touches [from, to) — made before `to`
 * and updated at or after `from` (kintone keeps no field history, so the update time is the latest sign of life)
 * — or, incrementally, updated at or after `modifiedSince`. Paged by `$id` (`$id > last order by $id asc`),
 * because records.json stops at offset 10,000 (https://cybozu.dev/ja/kintone/docs/rest-api/records/get-records/);
 * each page's activity records come in one `in (…)` query per 500. Comments (feedback) are left to the panel.
 * 'mine' needs the person, whom an API token does not name: they say who they are in options (`loginName`); the
 * owner field must be mapped. Without either it lists nobody.
 */
export const PAGE_SIZE = 100;
const ACTIVITY_PAGE = 500;

const cursorSchema = z.object({ lastId: z.number().int().nonnegative(), done: z.number().int().nonnegative(), total: z.number().int().nonnegative().optional() });

export function periodQuery(request: ListRequest, createdTime: string, updatedTime: string): string {
  const parts = [`${createdTime} < ${queryDateTime(request.to)}`, `${updatedTime} >= ${queryDateTime(request.from)}`];
  if (request.modifiedSince !== undefined) parts.push(`${updatedTime} >= ${queryDateTime(request.modifiedSince)}`);
  return parts.join(' and ');
}

export async function* listKintoneContexts(deps: KintoneDeps, client: KintoneClient, request: ListRequest, options: FetchOptions): AsyncGenerator<ListPage, void, void> {
  const target = await kintoneTarget(deps, client);
  const { settings, mapping, appId, guestSpaceId } = target;
  if (request.scope === 'mine' && (!settings.loginName || !mapping.owner)) {
    yield { contexts: [], deleted: [], cursor: null, progress: { done: 0, total: 0 }, calls: 0 };
    return;
  }
  const parsedCursor = request.cursor ? cursorSchema.safeParse(JSON.parse(request.cursor)) : null;
  let cursor = parsedCursor?.success ? parsedCursor.data : { lastId: 0, done: 0 };
  // 'mine': the records whose owner field names the person (`in` works for a user-selection field with a login
  // name and for a text field with the name it holds). https://cybozu.dev/ja/kintone/docs/overview/query/
  const mine = request.scope === 'mine' && settings.loginName && mapping.owner ? ` and ${mapping.owner} in (${queryValue(settings.loginName)})` : '';
  const period = `${periodQuery(request, mapping.createdTime, mapping.updatedTime)}${mine}`;
  for (;;) {
    let calls = 0;
    const res = await client.request({
      api: 'records',
      guestSpaceId,
      params: { app: appId, query: `${period} and $id > ${cursor.lastId} order by $id asc limit ${PAGE_SIZE}`, totalCount: cursor.total === undefined ? 'true' : 'false' },
      schema: getRecordsResponseSchema,
      signal: options.signal,
      doing: 'listing the records of the period',
    });
    calls += 1;
    const total = cursor.total ?? (res.totalCount ? Number(res.totalCount) : undefined);
    const byKey = new Map<string, KintoneRecord[]>();
    const keys = [...new Set(res.records.map((r) => activityKeyOf(r, mapping)).filter((k): k is string => !!k))];
    for (let i = 0; i < keys.length; ) {
      // One query per up to 100 leads, their latest 500 activities (the panel reads a person's latest 100).
      const chunk = keys.slice(i, i + PAGE_SIZE);
      const got = await readActivities(client, mapping, chunk, { signal: options.signal, limit: ACTIVITY_PAGE });
      calls += 1;
      for (const a of got) {
        const link = mapping.activity ? (a[mapping.activity.linkField]?.value as unknown) : undefined;
        const k = typeof link === 'string' ? link : undefined;
        if (k) byKey.set(k, [...(byKey.get(k) ?? []), a]);
      }
      i += PAGE_SIZE;
    }
    const contexts = res.records.flatMap((record) => {
      const id = recordIdOf(record);
      if (!id) return [];
      const ref: RecordRef = { system: 'kintone', instance: settings.domain, object: kintoneObject(appId, guestSpaceId), id };
      const key = activityKeyOf(record, mapping);
      return [mapKintoneContext({ ref, record, mapping, activities: key ? (byKey.get(key) ?? []) : [], comments: [], timeZone: settings.timeZone, options })];
    });
    const lastId = Math.max(cursor.lastId, ...res.records.map((r) => Number(recordIdOf(r) ?? 0)));
    cursor = { lastId, done: cursor.done + contexts.length, ...(total !== undefined ? { total } : {}) };
    const finished = res.records.length < PAGE_SIZE;
    yield {
      contexts,
      deleted: [],
      cursor: finished ? null : JSON.stringify(cursor),
      progress: { done: cursor.done, ...(total !== undefined ? { total } : {}) },
      calls,
    };
    if (finished) return;
  }
}
