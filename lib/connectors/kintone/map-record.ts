import type { FetchOptions } from '../connector';
import {
  normalizeEmail,
  personKeyFor,
  type DataQualityWarning,
  type EngagementEvent,
  type LeadContext,
  type Person,
  type RecordRef,
  type SalesActivity,
  type StageChange,
} from '../../domain/model';
import { parseKintoneObject } from '../../sites/kintone';
import { kintoneRecordUrl } from './api-hosts';
import { feedbackFromComments } from './feedback-comment';
import { fieldInstant, fieldOf, recordText } from './field-values';
import type { KintoneComment, KintoneRecord } from './schemas';
import type { KintoneActivityMapping, KintoneMapping } from './settings';

/**
 * A kintone record (and its activity app's records) as Baton's LeadContext, through the app's field mapping.
 *
 * kintone's REST API has no field history (the record's change history is shown in the app only), so the handoff
 * is read from the mapped date field: one stage change into the mapped handoff stage on that date. When the
 * current stage is another mapped stage, a second change records it, dated by the record's last update (the
 * latest moment it is known to hold).
 */
export interface KintoneMapInput {
  ref: RecordRef;
  record: KintoneRecord;
  mapping: KintoneMapping;
  activities: KintoneRecord[];
  comments: KintoneComment[];
  timeZone: string;
  options: Pick<FetchOptions, 'stageOf' | 'now'>;
}

/** The record's system fields, whatever the app names them: found by type. */
function systemField(record: KintoneRecord, type: string) {
  return Object.values(record).find((f) => f.type === type);
}

export function recordIdOf(record: KintoneRecord): string | undefined {
  const id = systemField(record, '__ID__')?.value;
  return typeof id === 'string' ? id : undefined;
}

export function stageOfValue(mapping: KintoneMapping, value: string, options: Pick<FetchOptions, 'stageOf'>): Person['stage'] {
  if (!mapping.stage) return null;
  // The shared definitions win when they map this field; the app's own mapping (options) otherwise.
  return options.stageOf?.('kintone', mapping.stage.field, value) ?? mapping.stage.values[value] ?? null;
}

export function mapRecordToPerson(ref: RecordRef, record: KintoneRecord, mapping: KintoneMapping, options: Pick<FetchOptions, 'stageOf'>): Person {
  const text = (code: string | undefined) => recordText(record, code);
  const emailRaw = text(mapping.email);
  const email = normalizeEmail(emailRaw);
  const vendorStage = mapping.stage ? text(mapping.stage.field) : undefined;
  const app = parseKintoneObject(ref.object);
  const company = text(mapping.company);
  const title = text(mapping.title);
  const leadSource = text(mapping.leadSource);
  return {
    key: personKeyFor(ref, email),
    name: text(mapping.name) ?? emailRaw ?? `kintone record ${ref.id}`,
    ...(email ? { email } : {}),
    ...(company ? { company } : {}),
    ...(title ? { title } : {}),
    ...(text(mapping.phone) ? { phone: text(mapping.phone) } : {}),
    ...(text(mapping.owner) ? { owner: text(mapping.owner) } : {}),
    stage: vendorStage ? stageOfValue(mapping, vendorStage, options) : null,
    ...(vendorStage ? { vendorStage } : {}),
    attributes: {
      email: email ?? null,
      company: company ?? null,
      title: title ?? null,
      leadSource: leadSource ?? null,
      campaign: text(mapping.campaign) ?? null,
    },
    links: [{ ref, url: app ? kintoneRecordUrl(ref.instance, app.appId, ref.id, app.guestSpaceId) : undefined }],
  };
}

export function mapStageChanges(input: Pick<KintoneMapInput, 'ref' | 'record' | 'mapping' | 'timeZone' | 'options'>, person: Person): StageChange[] {
  const { ref, record, mapping, timeZone } = input;
  const handoffAt = fieldInstant(fieldOf(record, mapping.handoffDate), timeZone);
  if (handoffAt === null) return [];
  const by = recordText(record, mapping.owner);
  const changes: StageChange[] = [
    {
      id: `kintone:${ref.instance}:${ref.object}:${ref.id}:handoff`,
      source: 'kintone',
      stage: mapping.handoffStage,
      // The field, not a stage value: the definitions never remap it to another stage.
      vendorValue: mapping.handoffDate ?? 'handoff',
      at: handoffAt,
      ...(by ? { by } : {}),
    },
  ];
  const updatedAt = fieldInstant(systemField(record, 'UPDATED_TIME'), timeZone);
  if (person.vendorStage && person.stage !== null && person.stage !== mapping.handoffStage && updatedAt !== null && updatedAt > handoffAt) {
    changes.push({
      id: `kintone:${ref.instance}:${ref.object}:${ref.id}:stage`,
      source: 'kintone',
      stage: person.stage,
      vendorValue: person.vendorStage,
      at: updatedAt,
    });
  }
  return changes;
}

/** Activity records (活動履歴) as sales activities; the type field's unmapped values count as notes. */
export function mapActivities(records: readonly KintoneRecord[], activity: KintoneActivityMapping, instance: string, timeZone: string): SalesActivity[] {
  return records.flatMap((r): SalesActivity[] => {
    const id = recordIdOf(r);
    const at = fieldInstant(fieldOf(r, activity.dateField), timeZone);
    if (!id || at === null) return [];
    const typeValue = recordText(r, activity.typeField);
    const by = recordText(r, activity.byField);
    const subject = recordText(r, activity.subjectField) ?? typeValue;
    return [{
      id: `kintone:${instance}:app:${activity.appId}:${id}`,
      source: 'kintone',
      type: (typeValue ? activity.types[typeValue] : undefined) ?? 'note',
      occurredAt: at,
      ...(by ? { by } : {}),
      ...(subject ? { subject } : {}),
    }];
  });
}

/** The campaign a lead came from, as one event on the day the record was made, so the campaign splits count it. */
function campaignEvents(ref: RecordRef, record: KintoneRecord, mapping: KintoneMapping, timeZone: string): EngagementEvent[] {
  const campaign = recordText(record, mapping.campaign);
  const createdAt = fieldInstant(systemField(record, 'CREATED_TIME'), timeZone);
  if (!campaign || createdAt === null) return [];
  const sourceId = `${ref.instance}:${ref.object}:${ref.id}:campaign`;
  return [{ id: `kintone:${sourceId}`, source: 'kintone', sourceId, type: 'other', occurredAt: createdAt, vendorType: mapping.campaign, campaign }];
}

export function kintoneWarnings(person: Person, mapping: KintoneMapping, record: KintoneRecord): DataQualityWarning[] {
  const warnings: DataQualityWarning[] = [];
  if (!person.email) warnings.push({ code: 'missing_field', detail: mapping.email ?? 'email' });
  if (person.vendorStage && person.stage === null) warnings.push({ code: 'unmapped_stage', detail: `${mapping.stage?.field}=${person.vendorStage}` });
  for (const code of [mapping.name, mapping.email, mapping.company, mapping.stage?.field, mapping.handoffDate]) {
    if (code && !(code in record)) warnings.push({ code: 'missing_field', detail: `kintone field code ${code} is not in the app (check the mapping)` });
  }
  return warnings;
}

export function mapKintoneContext(input: KintoneMapInput): LeadContext {
  const person = mapRecordToPerson(input.ref, input.record, input.mapping, input.options);
  const activities = input.mapping.activity ? mapActivities(input.activities, input.mapping.activity, input.ref.instance, input.timeZone) : [];
  return {
    ref: input.ref,
    person,
    events: campaignEvents(input.ref, input.record, input.mapping, input.timeZone),
    activities: activities.sort((a, b) => a.occurredAt - b.occurredAt),
    stageChanges: mapStageChanges(input, person).sort((a, b) => a.at - b.at),
    opportunities: [],
    feedback: feedbackFromComments(input.comments, input.ref, person.key),
    warnings: kintoneWarnings(person, input.mapping, input.record),
    fetchedAt: input.options.now,
    sources: ['kintone'],
  };
}
