import type { HubSpotEngagement } from './schemas';
import type { ActivityObject } from './list-schemas';

/**
 * The five activity types the panel reads from the legacy engagements endpoint, as CRM v3 objects: the team
 * listing reads them in batches (v4 associations, then batch read), and turns each back into the legacy
 * engagement shape so that `mapHubSpotContext` maps both paths alike. Engagement ids and v3 activity ids are the
 * same ids. Property names: https://developers.hubspot.com/docs/api/crm/calls (…/email, /meetings, /notes, /tasks).
 */
export const ACTIVITY_TYPES = ['calls', 'emails', 'meetings', 'notes', 'tasks'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

const COMMON = ['hs_timestamp', 'hubspot_owner_id', 'hs_createdate'] as const;

/** What each type's batch read asks for; the legacy metadata field each property stands for is in `toEngagement`. */
export const ACTIVITY_PROPERTIES: Record<ActivityType, readonly string[]> = {
  calls: [...COMMON, 'hs_call_title', 'hs_call_body', 'hs_call_status', 'hs_call_disposition'],
  emails: [...COMMON, 'hs_email_direction', 'hs_email_subject'],
  meetings: [...COMMON, 'hs_meeting_title', 'hs_meeting_body'],
  notes: [...COMMON, 'hs_note_body'],
  tasks: [...COMMON, 'hs_task_subject', 'hs_task_body', 'hs_task_status'],
};

/** `hs_email_direction` values are the legacy engagement types: EMAIL, INCOMING_EMAIL, FORWARDED_EMAIL. */
const LEGACY_TYPE: Record<ActivityType, string> = { calls: 'CALL', emails: 'EMAIL', meetings: 'MEETING', notes: 'NOTE', tasks: 'TASK' };

function epochMs(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const t = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isFinite(t) ? t : undefined;
}

/** One v3 activity as the legacy engagement the panel maps; undefined when it has no usable id or time. */
export function toEngagement(type: ActivityType, o: ActivityObject): HubSpotEngagement | undefined {
  const p = o.properties;
  const id = Number(o.id);
  const timestamp = epochMs(p.hs_timestamp) ?? epochMs(o.createdAt);
  if (!Number.isSafeInteger(id) || timestamp === undefined) return undefined;
  const owner = p.hubspot_owner_id ? Number(p.hubspot_owner_id) : undefined;
  const legacyType = type === 'emails' && p.hs_email_direction ? p.hs_email_direction : LEGACY_TYPE[type];
  const metadata: NonNullable<HubSpotEngagement['metadata']> = {};
  const put = (key: 'subject' | 'title' | 'body' | 'status' | 'disposition', value: string | null | undefined) => {
    if (value !== undefined && value !== null && value !== '') metadata[key] = value;
  };
  if (type === 'calls') {
    put('title', p.hs_call_title);
    put('body', p.hs_call_body);
    put('status', p.hs_call_status);
    put('disposition', p.hs_call_disposition);
  } else if (type === 'emails') {
    put('subject', p.hs_email_subject);
  } else if (type === 'meetings') {
    put('title', p.hs_meeting_title);
    put('body', p.hs_meeting_body);
  } else if (type === 'notes') {
    put('body', p.hs_note_body);
  } else {
    put('subject', p.hs_task_subject);
    put('body', p.hs_task_body);
    put('status', p.hs_task_status);
  }
  return {
    engagement: {
      id,
      type: legacyType,
      timestamp,
      ownerId: owner !== undefined && Number.isFinite(owner) ? owner : undefined,
      createdAt: epochMs(p.hs_createdate) ?? epochMs(o.createdAt),
      active: o.archived !== true,
    },
    metadata,
  };
}
