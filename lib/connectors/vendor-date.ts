/**
 * One reader for the date-times vendors send, parsed field by field instead of through `Date.parse`: an offset
 * written without a colon (`2024-05-01T09:30:00.000+0000`, as Salesforce and Marketo document) is not in the
 * ECMAScript date-time format, so `Date.parse` is free to read it differently per engine.
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/intro_valid_date_formats.htm
 * https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/lead-database/activities
 * https://tc39.es/ecma262/#sec-date-time-string-format
 *
 * Accepts `YYYY-MM-DD` (midnight UTC) and `YYYY-MM-DDTHH:mm[:ss[.fff…]]` followed by `Z`, `±HH:mm`, `±HHmm` or
 * `±HH` (a time without a zone is ambiguous: refused). Returns epoch ms, or null when the value is missing or unreadable: never 1970 for a bad value.
 */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?))?$/i;

export function parseVendorDateTime(value: string | null | undefined): number | null {
  if (!value) return null;
  const m = DATE_TIME.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const ms = Number(frac.padEnd(3, '0').slice(0, 3));
  let t = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  if (new Date(t).getUTCDate() !== day) return null; // 2024-02-31
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offset = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0');
    if (offset > 18 * 60) return null;
    t -= sign * offset * 60_000;
  }
  return t >= 0 ? t : null;
}
