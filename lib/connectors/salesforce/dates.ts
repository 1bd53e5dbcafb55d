import { parseVendorDateTime } from '../vendor-date';

/**
 * Salesforce date-times look like `2024-05-01T09:30:00.000+0000` (offset without a colon), dates `2024-05-01`.
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/intro_valid_date_formats.htm
 * Returns epoch ms, or null when the value is missing or unreadable (the shared reader, never `Date.parse`).
 */
export function parseSfDateTime(value: string | null | undefined): number | null {
  return parseVendorDateTime(value);
}
