import { normalizeEmail, type DataQualityWarning, type Person, type RecordRef } from '../../domain/model';

/**
 * Finding the same human in another system. Two kinds of evidence:
 * - the record ids the vendors' own Salesforce syncs write on the MA record (strong: an admin's sync put them there):
 *   Marketo `sfdcLeadId` / `sfdcContactId`, HubSpot `salesforceleadid` / `salesforcecontactid`,
 *   Account Engagement `crm_lead_fid` / `crm_contact_fid`;
 * - the normalized e-mail address (weak: shared inboxes and duplicates exist).
 * One strong match wins; several candidates are shown as a warning and never merged.
 */

/** Attribute names under which connectors keep the Salesforce ids synced onto an MA record. */
const SALESFORCE_ID_ATTRIBUTES: Record<string, 'Lead' | 'Contact'> = {
  sfdcLeadId: 'Lead', sfdcContactId: 'Contact',
  salesforceLeadId: 'Lead', salesforceContactId: 'Contact',
  salesforceleadid: 'Lead', salesforcecontactid: 'Contact',
  crm_lead_fid: 'Lead', crm_contact_fid: 'Contact',
};

/** Salesforce ids come in 15 (case-sensitive) and 18 (with a checksum suffix) characters: the first 15 decide. */
function idKey(ref: RecordRef): string {
  const id = ref.system === 'salesforce' && /^[a-zA-Z0-9]{18}$/.test(ref.id) ? ref.id.slice(0, 15) : ref.id;
  return `${ref.system}|${ref.object.toLowerCase()}|${id}`;
}

/** Every record this person is known by: its links, plus cross-reference ids kept as attributes. */
export function knownRecordKeys(person: Person): Set<string> {
  const keys = new Set(person.links.map((l) => idKey(l.ref)));
  for (const [attr, object] of Object.entries(SALESFORCE_ID_ATTRIBUTES)) {
    const value = person.attributes[attr];
    if (typeof value === 'string' && value.trim()) keys.add(idKey({ system: 'salesforce', instance: '*', object, id: value.trim() }));
  }
  return keys;
}

/**
 * The Salesforce records this person is known by, contacts first (a converted lead keeps its lead id beside the
 * contact id, and the contact is the live record): its own ref on a Salesforce page, the ids an MA's sync wrote.
 */
export function salesforceIdsOf(ref: RecordRef, person: Person): { object: 'Lead' | 'Contact'; id: string }[] {
  const found: { object: 'Lead' | 'Contact'; id: string }[] = [];
  const add = (object: string, id: string) => {
    const o = object.toLowerCase() === 'contact' ? 'Contact' : object.toLowerCase() === 'lead' ? 'Lead' : null;
    const clean = id.trim();
    if (!o || !/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(clean)) return;
    if (!found.some((f) => f.object === o && f.id.slice(0, 15) === clean.slice(0, 15))) found.push({ object: o, id: clean });
  };
  if (ref.system === 'salesforce') add(ref.object, ref.id);
  for (const link of person.links) if (link.ref.system === 'salesforce') add(link.ref.object, link.ref.id);
  for (const [attr, object] of Object.entries(SALESFORCE_ID_ATTRIBUTES)) {
    const value = person.attributes[attr];
    if (typeof value === 'string') add(object, value);
  }
  return [...found.filter((f) => f.object === 'Contact'), ...found.filter((f) => f.object === 'Lead')];
}

function ownRefs(people: Person[]): RecordRef[] {
  return people.flatMap((p) => (p.links[0] ? [p.links[0].ref] : []));
}

export function matchPeople(anchor: Person, candidates: Person[]): { match: Person | null; warnings: DataQualityWarning[] } {
  const anchorKeys = knownRecordKeys(anchor);
  const anchorEmail = normalizeEmail(anchor.email);
  const byId = candidates.filter((c) => [...knownRecordKeys(c)].some((k) => anchorKeys.has(k)));
  const byEmail = anchorEmail ? candidates.filter((c) => !byId.includes(c) && normalizeEmail(c.email) === anchorEmail) : [];
  const warnings: DataQualityWarning[] = [];

  if (byId.length > 1) {
    warnings.push({ code: 'cross_system_conflict', detail: `${byId.length} records carry the same synced record id`, refs: ownRefs(byId) });
    return { match: null, warnings };
  }
  if (byId.length === 1) {
    const match = byId[0] ?? null;
    const matchEmail = normalizeEmail(match?.email);
    if (anchorEmail && matchEmail && matchEmail !== anchorEmail) {
      warnings.push({ code: 'cross_system_conflict', detail: `email differs: ${anchorEmail} / ${matchEmail}`, refs: ownRefs(byId) });
    }
    if (byEmail.length) {
      warnings.push({ code: 'possible_duplicate', detail: `${byEmail.length} more record(s) with ${anchorEmail}`, refs: ownRefs(byEmail) });
    }
    return { match, warnings };
  }
  if (byEmail.length > 1) {
    warnings.push({ code: 'possible_duplicate', detail: `${byEmail.length} records with ${anchorEmail}`, refs: ownRefs(byEmail) });
    return { match: null, warnings };
  }
  return { match: byEmail[0] ?? null, warnings };
}
