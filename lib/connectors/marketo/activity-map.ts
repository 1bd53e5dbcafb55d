import type { EngagementEvent, EngagementType } from '../../domain/model';
import { parseVendorDateTime } from '../vendor-date';
import { activityIdOf, type MarketoActivity } from './schemas';

/**
 * Standard activity type ids are the same in every subscription; names (and custom types) come from
 * /activities/types.json. https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/lead-database/activities
 */
export const ACTIVITY = {
  visitWebpage: 1,
  fillOutForm: 2,
  clickLink: 3,
  sendEmail: 6,
  openEmail: 10,
  clickEmail: 11,
  changeDataValue: 13,
  interestingMoment: 46,
  changeStatusInProgression: 104,
} as const;

/** At most 10 ids per activities call: these nine are what the panel shows, in one call per page. */
export const ACTIVITY_TYPE_IDS: number[] = Object.values(ACTIVITY);

const FALLBACK_NAMES: Record<number, string> = {
  1: 'Visit Webpage', 2: 'Fill Out Form', 3: 'Click Link', 6: 'Send Email', 10: 'Open Email', 11: 'Click Email',
  13: 'Change Data Value', 46: 'Interesting Moment', 104: 'Change Status in Progression',
};

export function attributeOf(activity: MarketoActivity, name: string): string | undefined {
  const value = activity.attributes?.find((a) => a.name === name)?.value;
  return value === undefined || value === null ? undefined : String(value);
}

/** Program status names are the admin's words ("Registered", "Attended", "Webinar: Attended", "参加"…). */
function programStatusType(status: string | undefined): EngagementType {
  if (!status) return 'other';
  if (/attend|参加|出席|視聴/i.test(status)) return 'webinar_attended';
  if (/regist|申込|登録/i.test(status)) return 'webinar_registered';
  return 'other';
}

function typeOf(activity: MarketoActivity): EngagementType | null {
  switch (activity.activityTypeId) {
    case ACTIVITY.visitWebpage:
      return 'page_view';
    case ACTIVITY.fillOutForm:
      return 'form_submit';
    case ACTIVITY.sendEmail:
      return 'email_send';
    case ACTIVITY.openEmail:
      return 'email_open';
    case ACTIVITY.clickEmail:
      return 'email_click';
    case ACTIVITY.clickLink:
    case ACTIVITY.interestingMoment:
      return 'other';
    case ACTIVITY.changeStatusInProgression:
      return programStatusType(attributeOf(activity, 'New Status'));
    default:
      return null;
  }
}

/** When the activity happened, or null when Marketo's `activityDate` cannot be read (never 1970). */
export function activityDate(activity: MarketoActivity): number | null {
  return parseVendorDateTime(activity.activityDate);
}

export function mapActivityToEvent(activity: MarketoActivity, typeNames: ReadonlyMap<number, string>): EngagementEvent | null {
  const type = typeOf(activity);
  const occurredAt = activityDate(activity);
  if (!type || occurredAt === null) return null;
  const sourceId = activityIdOf(activity);
  const interesting = activity.activityTypeId === ACTIVITY.interestingMoment;
  return {
    id: `marketo:${sourceId}`,
    source: 'marketo',
    sourceId,
    type,
    occurredAt,
    vendorType: typeNames.get(activity.activityTypeId) ?? FALLBACK_NAMES[activity.activityTypeId],
    // An Interesting Moment's own words are what marketers wrote it for.
    asset: interesting ? (attributeOf(activity, 'Description') ?? activity.primaryAttributeValue ?? undefined) : (activity.primaryAttributeValue ?? undefined),
    campaign: activity.campaignId != null ? String(activity.campaignId) : undefined,
    url: attributeOf(activity, 'Webpage URL') ?? attributeOf(activity, 'Link') ?? attributeOf(activity, 'Referrer URL'),
    ...(interesting ? { interesting: true } : {}),
  };
}
