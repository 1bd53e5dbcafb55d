import { ConnectorError, type ConnectorErrorKind } from '../connector';
import { aeErrorSchema, sfErrorArraySchema, type SfError } from './schemas';

/**
 * Salesforce answers failures with an array of `{ message, errorCode, fields? }` and an HTTP status.
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm
 * One function turns that (from a top-level response or a composite subresponse) into a ConnectorError
 * whose message says what happened and what to do.
 */
const ACTION: Record<string, { kind: ConnectorErrorKind; advice: string }> = {
  INVALID_SESSION_ID: { kind: 'auth', advice: 'Sign in to Salesforce again from Baton\u2019s options.' },
  REQUEST_LIMIT_EXCEEDED: {
    kind: 'quota',
    advice: 'The org\u2019s API request limit is used up. Baton keeps showing cached data and tries again later.',
  },
  INVALID_FIELD: {
    kind: 'permanent',
    advice: 'A field Baton reads is missing or hidden by field-level security. Ask your Salesforce admin to grant read access.',
  },
  INVALID_TYPE: { kind: 'permanent', advice: 'An object Baton reads is not available to your user. Ask your Salesforce admin.' },
  MALFORMED_QUERY: { kind: 'permanent', advice: 'Please report this to the Baton team with the message above.' },
  INSUFFICIENT_ACCESS_OR_READONLY: {
    kind: 'permanent',
    advice: 'Your Salesforce user may not read or change this record. Ask your admin for access.',
  },
  INSUFFICIENT_ACCESS: { kind: 'permanent', advice: 'Your Salesforce user lacks a permission. Ask your admin.' },
  INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY: {
    kind: 'permanent',
    advice: 'Your Salesforce user may not add activities to this record. Ask your admin for access.',
  },
  API_DISABLED_FOR_ORG: { kind: 'permanent', advice: 'The API is not enabled for this org or user (needs the "API Enabled" permission).' },
  API_CURRENTLY_DISABLED: { kind: 'permanent', advice: 'The API is disabled for your user. Ask your admin for "API Enabled".' },
  NOT_FOUND: { kind: 'not-found', advice: 'The record was deleted or is not shared with you.' },
  ENTITY_IS_DELETED: { kind: 'not-found', advice: 'The record was deleted.' },
  FIELD_CUSTOM_VALIDATION_EXCEPTION: {
    kind: 'permanent',
    advice: 'A validation rule in your org refused the change. Ask your admin to allow Baton\u2019s feedback Task.',
  },
  REQUIRED_FIELD_MISSING: { kind: 'permanent', advice: 'Your org requires a field Baton does not fill. Ask your admin.' },
  SERVER_UNAVAILABLE: { kind: 'transient', advice: 'Salesforce is busy. Baton tries again shortly.' },
  UNKNOWN_EXCEPTION: { kind: 'transient', advice: 'Salesforce had an internal error. Baton tries again shortly.' },
};

function kindForStatus(status: number): ConnectorErrorKind {
  if (status === 401) return 'auth';
  if (status === 404) return 'not-found';
  if (status === 429) return 'rate-limit';
  if (status >= 500 || status === 408) return 'transient';
  return 'permanent';
}

export function errorFromSalesforce(status: number, body: unknown, correlationId?: string): ConnectorError {
  const parsed = sfErrorArraySchema.safeParse(body);
  if (!parsed.success) {
    return new ConnectorError({
      vendor: 'salesforce',
      kind: kindForStatus(status),
      code: String(status),
      correlationId,
      message: `Salesforce answered HTTP ${status} without an error description.`,
    });
  }
  const first: SfError = parsed.data[0]!;
  const known = ACTION[first.errorCode];
  let kind = known?.kind ?? kindForStatus(status);
  // REQUEST_LIMIT_EXCEEDED covers both the daily total and the concurrent long-request limit; only the
  // latter clears within minutes. https://developer.salesforce.com/docs/atlas.en-us.salesforce_app_limits_cheatsheet.meta/salesforce_app_limits_cheatsheet/salesforce_app_limits_platform_api.htm
  if (first.errorCode === 'REQUEST_LIMIT_EXCEEDED' && /concurrent/i.test(first.message)) kind = 'rate-limit';
  const fields = first.fields?.length ? ` (fields: ${first.fields.join(', ')})` : '';
  const advice = known?.advice ?? (kind === 'transient' ? 'Baton tries again shortly.' : 'Ask your Salesforce admin.');
  return new ConnectorError({
    vendor: 'salesforce',
    kind,
    code: first.errorCode,
    correlationId,
    message: `Salesforce: ${first.errorCode}: ${first.message}${fields}. ${advice}`,
  });
}

/** Account Engagement v5 errors: `{ code, message }` with codes from its own table. */
export function errorFromAccountEngagement(status: number, body: unknown): ConnectorError {
  const parsed = aeErrorSchema.safeParse(body);
  const code = parsed.success ? String(parsed.data.code) : String(status);
  const detail = parsed.success ? parsed.data.message : `HTTP ${status}`;
  // 122/66 are the daily and concurrent request limits; 181 a missing business unit id header; 184 an
  // invalid, unknown or malformed access token, which is also what a Salesforce token granted without the
  // `pardot_api` scope gets (e.g. a business unit id entered after sign-in): signing in again asks for it.
  // https://developer.salesforce.com/docs/marketing/pardot/guide/error-codes.html
  let kind: ConnectorErrorKind = kindForStatus(status);
  let advice = 'Ask your Account Engagement admin.';
  if (code === '122') [kind, advice] = ['quota', 'The daily Account Engagement API limit is used up.'];
  else if (code === '66') [kind, advice] = ['rate-limit', 'Too many concurrent Account Engagement requests; Baton tries again.'];
  else if (code === '181')
    [kind, advice] = ['permanent', 'Check the business unit id in Baton\u2019s options (Setup \u203a Account Engagement \u203a Business Unit Setup).'];
  else if (code === '184' || status === 401)
    [kind, advice] = ['auth', 'Sign in to Salesforce again in Baton\u2019s options; the sign-in asks for the pardot_api scope Account Engagement needs.'];
  return new ConnectorError({
    vendor: 'pardot',
    kind,
    code,
    message: `Account Engagement: ${detail}. ${advice}`,
  });
}

export function networkError(vendor: 'salesforce' | 'pardot', cause: unknown): ConnectorError {
  if (cause instanceof ConnectorError) return cause;
  const aborted = cause instanceof DOMException && cause.name === 'AbortError';
  return new ConnectorError({
    vendor,
    kind: 'transient',
    code: aborted ? 'aborted' : 'network',
    cause,
    message: aborted
      ? `${vendor === 'salesforce' ? 'Salesforce' : 'Account Engagement'}: the request was cancelled.`
      : `${vendor === 'salesforce' ? 'Salesforce' : 'Account Engagement'} could not be reached (network). Nothing is lost; Baton tries again.`,
  });
}
