import { ConnectorError } from '../connector';
import type { RecordRef } from '../../domain/model';
import { parseKintoneObject } from '../../sites/kintone';
import type { KintoneClient, KintoneDeps } from './client';
import { queryValue, recordText } from './field-values';
import { recordIdOf } from './map-record';
import { getRecordsResponseSchema, type KintoneRecord } from './schemas';
import { readKintoneMapping, type KintoneMapping, type KintoneSettings } from './settings';

/** Activity records read per view: the latest 100 (the panel's SLA needs the first touch after handoff). */
const ACTIVITY_LIMIT = 100;
export interface KintoneTarget {
  settings: KintoneSettings;
  mapping: KintoneMapping;
  appId: string;
  guestSpaceId?: string;
}

/** The settings and mapping of the connected app; refuses a page of another kintone or another app before any call. */
export async function kintoneTarget(deps: KintoneDeps, client: KintoneClient, ref?: RecordRef): Promise<KintoneTarget> {
  const settings = await client.settings();
  if (ref) {
    const app = parseKintoneObject(ref.object);
    if (ref.system !== 'kintone' || !app || !/^[0-9]+$/.test(ref.id)) {
      throw new ConnectorError({ vendor: 'kintone', kind: 'permanent', message: `Baton reads kintone app records only; this page names "${ref.object}" / "${ref.id}".` });
    }
    if (ref.instance !== settings.domain) {
      throw new ConnectorError({
        vendor: 'kintone',
        kind: 'permanent',
        code: 'INSTANCE_MISMATCH',
        message: `This page belongs to ${ref.instance}, but Baton is connected to ${settings.domain}. Change the address in Options › Connections › kintone to see it here.`,
      });
    }
    if (app.appId !== settings.appId || (app.guestSpaceId ?? null) !== (settings.guestSpaceId ?? null)) {
      throw new ConnectorError({
        vendor: 'kintone',
        kind: 'permanent',
        code: 'APP_NOT_CONNECTED',
        message: `Baton is set up for kintone app ${settings.appId}, not app ${app.appId}. Enter this app and its API token in Options › Connections › kintone.`,
      });
    }
  }
  const mapping = await readKintoneMapping(deps.storage, settings.appId, settings.guestSpaceId);
  if (!mapping) {
    throw new ConnectorError({
      vendor: 'kintone',
      kind: 'not-connected',
      code: 'NOT_MAPPED',
      message: `kintone app ${settings.appId} has no field mapping yet: map its fields in Options › Connections › kintone.`,
    });
  }
  return { settings, mapping, appId: settings.appId, ...(settings.guestSpaceId ? { guestSpaceId: settings.guestSpaceId } : {}) };
}

/** The value the activity app's link field holds for this record (`$id`: the record id). */
export function activityKeyOf(record: KintoneRecord, mapping: KintoneMapping): string | undefined {
  const key = mapping.activity?.keyField;
  if (!key) return undefined;
  return key === '$id' ? recordIdOf(record) : recordText(record, key);
}

/** Activity records of the given keys, newest first. One call. */
export async function readActivities(client: KintoneClient, mapping: KintoneMapping, keys: string[], options: { signal?: AbortSignal; limit?: number }): Promise<KintoneRecord[]> {
  const activity = mapping.activity;
  if (!activity || keys.length === 0) return [];
  const condition = keys.length === 1 ? `${activity.linkField} = ${queryValue(keys[0]!)}` : `${activity.linkField} in (${keys.map(queryValue).join(', ')})`;
  const fields = [...new Set(['$id', activity.linkField, activity.dateField, activity.typeField, activity.subjectField, activity.byField].filter((f): f is string => !!f))];
  const res = await client.request({
    api: 'records',
    guestSpaceId: activity.guestSpaceId,
    params: { app: activity.appId, query: `${condition} order by ${activity.dateField} desc limit ${options.limit ?? ACTIVITY_LIMIT}`, fields },
    schema: getRecordsResponseSchema,
    signal: options.signal,
    doing: 'reading the activity records',
  });
  return res.records;
}

