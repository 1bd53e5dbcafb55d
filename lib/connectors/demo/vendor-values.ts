import type { EngagementType, Stage } from '../../domain/model';

/**
 * The vendor words the demo speaks, so its records read like the real systems'.
 *
 * Lead Status (field `Status`) as a Salesforce org that runs a demand waterfall configures it: the standard
 * picklist values ("Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted")
 * plus the stage names such orgs add. Every value is mapped for system `demo` in DEFAULT_DEFINITIONS.
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_lead.htm
 */
export const DEMO_STATUS_FIELD = 'Status';

export const DEMO_LEAD_STATUS: Record<Stage, string> = {
  inquiry: 'Inquiry',
  mql: 'Open - Not Contacted',
  sal: 'Working - Contacted',
  sql: 'Closed - Converted',
  opportunity: 'Opportunity',
  won: 'Won',
  lost: 'Lost',
  recycled: 'Recycled',
  disqualified: 'Closed - Not Converted',
};

/**
 * Salesforce's standard Opportunity StageName picklist.
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_opportunity.htm
 */
export const OPEN_OPPORTUNITY_STAGES = [
  'Qualification',
  'Needs Analysis',
  'Value Proposition',
  'Proposal/Price Quote',
  'Negotiation/Review',
] as const;
export const WON_STAGE = 'Closed Won';
export const LOST_STAGE = 'Closed Lost';

/**
 * Marketo Engage activity type names (GET /rest/v1/activities/types.json of a default instance):
 * 1 Visit Webpage, 2 Fill Out Form, 3 Click Link, 6 Send Email, 10 Open Email, 11 Click Email, 12 New Lead,
 * 104 Change Status in Progression (program statuses such as Webinar "Registered" / "Attended"),
 * Dynamic Chat "Engaged with a Dialogue", social "Click Shared Link".
 * https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/lead-database/activities
 * Marketo has no separate ad-click or download activity: an ad click lands as a Visit Webpage with the ad's
 * UTM query, a download as a Click Link on the asset.
 */
export const MARKETO_ACTIVITY: Record<EngagementType, string> = {
  email_send: 'Send Email',
  email_open: 'Open Email',
  email_click: 'Click Email',
  page_view: 'Visit Webpage',
  form_submit: 'Fill Out Form',
  content_download: 'Click Link',
  webinar_registered: 'Change Status in Progression',
  webinar_attended: 'Change Status in Progression',
  event_registered: 'Change Status in Progression',
  event_attended: 'Change Status in Progression',
  chat: 'Engaged with a Dialogue',
  ad_click: 'Visit Webpage',
  social: 'Click Shared Link',
  other: 'New Lead',
};

/** Marketo activity type ids behind the names above, for the Marketo-like page's activity log. */
export const MARKETO_ACTIVITY_TYPE_ID: Record<string, number> = {
  'Visit Webpage': 1,
  'Fill Out Form': 2,
  'Click Link': 3,
  'Send Email': 6,
  'Open Email': 10,
  'Click Email': 11,
  'New Lead': 12,
  'Change Status in Progression': 104,
};
