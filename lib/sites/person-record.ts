import type { RecordRef } from '../domain/model';
import { parseKintoneObject } from './kintone';

/**
 * Objects that stand for a person the panel can judge: leads and contacts (and HubSpot's lead object,
 * 0-136, which points at a contact). Other refs (Account, Opportunity, company 0-2, …) are still detected:
 * the panel says "open a lead or contact" instead of going blank.
 * kintone apps carry no type in the URL: any app record counts, and the kintone connector answers only
 * for the app configured as the lead list.
 */
const PERSON_OBJECTS: Readonly<Record<string, readonly string[]>> = {
  salesforce: ['Lead', 'Contact'],
  hubspot: ['0-1', '0-136'],
  marketo: ['lead'],
  pardot: ['prospect'],
  dynamics: ['lead', 'contact'],
  demo: ['lead'],
};

export function isPersonRecord(ref: RecordRef): boolean {
  if (ref.system === 'kintone') return parseKintoneObject(ref.object) !== null;
  return PERSON_OBJECTS[ref.system]?.includes(ref.object) ?? false;
}
