/**
 * The model's fixed lists, apart from its zod schemas (model.ts builds those from these and re-exports them): the
 * side panel's first paint judges a cached lead with the engines, which need the lists but not the schemas, and
 * building zod's schemas at import was a quarter of a second of a cold panel open (issue 16).
 */

/** Systems Baton reads. `demo` is the built-in workspace, served through the same connector interface. */
export const SYSTEMS = ['salesforce', 'hubspot', 'marketo', 'pardot', 'dynamics', 'kintone', 'demo'] as const;

export const STAGES = [
  'inquiry',
  'mql',
  'sal',
  'sql',
  'opportunity',
  'won',
  'lost',
  'recycled',
  'disqualified',
] as const;

export const ENGAGEMENT_TYPES = [
  'email_send',
  'email_open',
  'email_click',
  'page_view',
  'form_submit',
  'content_download',
  'webinar_registered',
  'webinar_attended',
  'event_registered',
  'event_attended',
  'chat',
  'ad_click',
  'social',
  'other',
] as const;

export const SALES_ACTIVITY_TYPES = ['call', 'email', 'meeting', 'task', 'note'] as const;
