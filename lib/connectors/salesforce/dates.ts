/**
 * Salesforce date-times look like `2024-05-01T09:30:00.000+0000` (offset without a colon), dates `2024-05-01`.
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/intro_valid_date_formats.htm
 * Returns epoch ms, or null when the value is missing or unreadable.
 */
export function parseSfDateTime(value: string | null | undefined): number | null {
  if (!value) return null;
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const t = Date.parse(iso);
  return Number.isFinite(t) && t >= 0 ? t : null;
}
