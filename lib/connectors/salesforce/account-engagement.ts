import type { EngagementEvent, EngagementType } from '../../domain/model';
import type { StoredAuth } from './auth';
import { errorFromAccountEngagement, networkError } from './errors';
import { aeQueryResultSchema, type AeVisitorActivity } from './schemas';
import { ConnectorError } from '../connector';
import { parseVendorDateTime } from '../vendor-date';

/**
 * Account Engagement (Pardot) API v5 visitor activities, the engagement timeline when a business unit is
 * configured. Same Salesforce access token (scope `pardot_api`), plus the `Pardot-Business-Unit-Id` header.
 * https://developer.salesforce.com/docs/marketing/pardot/guide/visitor-activity-v5.html
 * https://developer.salesforce.com/docs/marketing/pardot/guide/authentication.html
 */
export const AE_ACTIVITY_FIELDS = ['id', 'type', 'typeName', 'details', 'createdAt', 'campaignId', 'emailId', 'formId', 'fileId', 'landingPageId'];

/** The prospect id from the package's `pi__url__c` (e.g. `https://pi.pardot.com/prospect/read?id=12345`). */
export function prospectIdFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const id = new URL(url).searchParams.get('id');
    return id && /^\d{1,19}$/.test(id) ? id : null;
  } catch {
    return null;
  }
}

/**
 * Visitor activity `type` numbers, as listed in the field reference.
 * https://developer.salesforce.com/docs/marketing/pardot/guide/visitor-activity-v5.html (type values)
 * Opportunity events (8, 9, 10, 18, 19), bounces (13) and spam complaints (14) are not engagement: skipped.
 */
export function engagementTypeOf(a: Pick<AeVisitorActivity, 'type' | 'emailId' | 'fileId' | 'typeName'>): EngagementType | null {
  switch (a.type) {
    case 1: // Click: an email link, a file, or a tracked link
      if (a.emailId != null || /email/i.test(a.typeName ?? '')) return 'email_click';
      if (a.fileId != null || /file/i.test(a.typeName ?? '')) return 'content_download';
      return 'page_view';
    case 2: // View (form, landing page)
    case 7: // Search
    case 20: // Visit
      return 'page_view';
    case 4: // Success (form or form handler submitted)
      return 'form_submit';
    case 6:
      return 'email_send';
    case 11:
      return 'email_open';
    case 17: // Click (third party)
      return 'email_click';
    case 21: // Custom URL click
      return 'ad_click';
    case 22:
      return 'chat';
    case 24:
      return 'webinar_attended';
    case 25:
      return 'webinar_registered';
    case 26:
      return 'social';
    case 28:
      return 'event_registered';
    case 29:
      return 'event_attended';
    case 27: // Video view
    case 30: // Video conversion
    case 34: // Video watched (>= 75%)
      return 'content_download';
    case 8: case 9: case 10: case 13: case 14: case 18: case 19:
      return null;
    default:
      return 'other';
  }
}

/** Visitor activities as engagement events. One whose `createdAt` cannot be read is left out (never 1970). */
export function mapVisitorActivities(values: AeVisitorActivity[]): EngagementEvent[] {
  const out: EngagementEvent[] = [];
  for (const a of values) {
    const type = engagementTypeOf(a);
    const at = parseVendorDateTime(a.createdAt);
    if (!type || at === null) continue;
    out.push({
      id: `pardot:${a.id}`,
      source: 'pardot',
      sourceId: String(a.id),
      type,
      occurredAt: at,
      vendorType: a.typeName ?? undefined,
      asset: a.details ?? undefined,
      campaign: a.campaignId != null ? String(a.campaignId) : undefined,
    });
  }
  return out;
}

/** How many visitor activities were left out for an unreadable `createdAt`, for the data-quality warning. */
export function undatedVisitorActivities(values: readonly AeVisitorActivity[]): number {
  return values.filter((a) => parseVendorDateTime(a.createdAt) === null).length;
}

export async function fetchVisitorActivities(input: {
  baseUrl: string;
  businessUnitId: string;
  prospectId: string;
  auth: StoredAuth;
  fetchImpl: typeof fetch;
  signal?: AbortSignal;
  maxPages?: number;
}): Promise<AeVisitorActivity[]> {
  const first = new URL('/api/v5/objects/visitor-activities', input.baseUrl);
  first.searchParams.set('fields', AE_ACTIVITY_FIELDS.join(','));
  first.searchParams.set('prospectId', input.prospectId);
  first.searchParams.set('orderBy', 'createdAt desc');
  first.searchParams.set('limit', '200');
  const out: AeVisitorActivity[] = [];
  let next: string | null | undefined = first.toString();
  for (let page = 0; next && page < (input.maxPages ?? 3); page++) {
    if (new URL(next).origin !== new URL(input.baseUrl).origin) break;
    let res: Response;
    try {
      res = await input.fetchImpl(next, {
        headers: {
          Authorization: `Bearer ${input.auth.accessToken}`,
          'Pardot-Business-Unit-Id': input.businessUnitId,
          Accept: 'application/json',
        },
        signal: input.signal,
      });
    } catch (e) {
      throw networkError('pardot', e);
    }
    const body: unknown = await res.json().catch(() => null);
    if (!res.ok) throw errorFromAccountEngagement(res.status, body);
    const parsed = aeQueryResultSchema.safeParse(body);
    if (!parsed.success) {
      throw new ConnectorError({ vendor: 'pardot', kind: 'invalid-response', message: 'Account Engagement: the visitor activity list has an unexpected shape.' });
    }
    out.push(...parsed.data.values);
    next = parsed.data.nextPageUrl;
  }
  return out;
}
