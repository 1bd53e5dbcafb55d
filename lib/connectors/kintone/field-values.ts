import { parseVendorDateTime } from '../vendor-date';
import { wallToInstant } from '../../domain/time-zone';
import type { KintoneEntity, KintoneField, KintoneRecord } from './schemas';

/**
 * Reading a record's fields as Baton needs them, by documented value format.
 * https://cybozu.dev/ja/kintone/docs/overview/field-types/
 */

function isEntity(v: unknown): v is KintoneEntity {
  return typeof v === 'object' && v !== null && typeof (v as KintoneEntity).name === 'string';
}

/** The field as one line of text: strings as they are, lists joined, users by name. Empty → undefined. */
export function fieldText(field: KintoneField | undefined): string | undefined {
  if (!field) return undefined;
  const v = field.value;
  let text: string | undefined;
  if (typeof v === 'string') text = v;
  else if (isEntity(v)) text = v.name || v.code;
  else if (Array.isArray(v)) {
    text = v
      .map((item) => (typeof item === 'string' ? item : isEntity(item) ? item.name || item.code : ''))
      .filter(Boolean)
      .join(', ');
  }
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

/** `$id` is the record id whatever the app calls its record-number field. */
export function fieldOf(record: KintoneRecord, code: string | undefined): KintoneField | undefined {
  return code ? record[code] : undefined;
}

export function recordText(record: KintoneRecord, code: string | undefined): string | undefined {
  return fieldText(fieldOf(record, code));
}

/**
 * A DATE (`2024-05-01`, a calendar day with no zone: read as its start in the account's zone) or a DATETIME /
 * CREATED_TIME / UPDATED_TIME (`2024-05-01T00:30:00Z`, UTC). Null when empty or unreadable.
 */
export function fieldInstant(field: KintoneField | undefined, timeZone: string): number | null {
  const v = field?.value;
  if (typeof v !== 'string' || !v.trim()) return null;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v.trim());
  if (day) {
    const wall = parseVendorDateTime(v.trim());
    return wall === null ? null : wallToInstant(timeZone, wall);
  }
  return parseVendorDateTime(v);
}

/** Values of a kintone query string are written in double quotes with `"` and `\` escaped by a backslash.
 * https://cybozu.dev/ja/kintone/docs/overview/query/ */
export function queryValue(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** A query date-time literal: UTC, to the second (`2024-05-01T00:00:00Z`). */
export function queryDateTime(ms: number): string {
  return `"${new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')}"`;
}
