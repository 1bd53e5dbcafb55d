/**
 * Salesforce record ids: 15 characters, case-sensitive, or 18 characters with a case-safe suffix.
 *
 * The suffix encodes the case of the first 15 characters: for each block of five, a 5-bit number whose
 * bit i is set when character i is an upper-case letter, written as one character of A–Z0–5.
 * https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/field_types.htm (ID field type)
 * https://salesforce.stackexchange.com/questions/1653/what-are-salesforce-ids-composed-of
 *
 * We always store the 18-character form: it compares equal however a URL or an export spelt the case.
 */

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const ID_CHARS = /^[A-Za-z0-9]+$/;

/**
 * Standard object key prefixes (the first three characters of an id). Custom objects get org-specific
 * prefixes (a00…) that no URL alone can name, so they are absent on purpose.
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_list.htm
 */
export const SALESFORCE_KEY_PREFIXES: Readonly<Record<string, string>> = {
  '001': 'Account',
  '003': 'Contact',
  '005': 'User',
  '006': 'Opportunity',
  '00Q': 'Lead',
  '00T': 'Task',
  '00U': 'Event',
  '00v': 'CampaignMember',
  '500': 'Case',
  '701': 'Campaign',
  '800': 'Contract',
  '801': 'Order',
};

function isLetter(c: string): boolean {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

function suffixFor(id15: string): string {
  let suffix = '';
  for (let block = 0; block < 3; block++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charAt(block * 5 + i);
      if (c >= 'A' && c <= 'Z') bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET.charAt(bits);
  }
  return suffix;
}

/**
 * The 18-character form of a 15- or 18-character id, or null when it is not an id.
 * An 18-character id keeps its own case when it has one: its suffix must then agree, or it is a typo.
 * An 18-character id whose case was lost wholesale (all lower- or all upper-case, as some tools and
 * spreadsheets write it) is restored from its suffix, the very purpose of the suffix.
 */
export function toSalesforceId18(raw: string): string | null {
  if (!ID_CHARS.test(raw)) return null;
  if (raw.length === 15) return raw.startsWith('000') ? null : raw + suffixFor(raw);
  if (raw.length !== 18) return null;
  const head = raw.slice(0, 15);
  const tail = raw.slice(15).toUpperCase();
  if (head.startsWith('000')) return null;
  const caseLost = head === head.toLowerCase() || head === head.toUpperCase();
  if (!caseLost) return suffixFor(head) === tail ? head + tail : null;
  let restored = '';
  for (let block = 0; block < 3; block++) {
    const bits = SUFFIX_ALPHABET.indexOf(tail.charAt(block));
    if (bits < 0) return null;
    for (let i = 0; i < 5; i++) {
      const c = head.charAt(block * 5 + i);
      const upper = (bits >> i) & 1;
      if (isLetter(c)) restored += upper ? c.toUpperCase() : c.toLowerCase();
      else if (upper) return null;
      else restored += c;
    }
  }
  return restored + tail;
}

const STANDARD_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.values(SALESFORCE_KEY_PREFIXES).map((name) => [name.toLowerCase(), name]),
);

/** API names are case-insensitive (/lightning/r/lead/… opens the Lead), so known ones get their own spelling. */
export function canonicalSalesforceObject(name: string): string {
  return STANDARD_NAMES[name.toLowerCase()] ?? name;
}

/** The API name of the standard object an id belongs to, from its key prefix. */
export function salesforceObjectForId(id: string): string | undefined {
  return SALESFORCE_KEY_PREFIXES[id.slice(0, 3)];
}
