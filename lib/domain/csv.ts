/**
 * RFC 4180 CSV (https://www.rfc-editor.org/rfc/rfc4180): CRLF line ends, fields quoted when they hold a comma, quote
 * or line break, quotes doubled. A field starting with = + - @ (or tab / CR) gets a leading apostrophe so a
 * spreadsheet shows vendor text instead of running it as a formula (OWASP "CSV injection"); plain numbers are
 * written as numbers, so a negative figure stays a number.
 */
export type CsvCell = string | number | null;

function field(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const safe = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
