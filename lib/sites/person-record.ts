import type { RecordRef } from '../domain/model';
import { DETECTORS } from './detect-record';

/**
 * Objects that stand for a person the panel can judge: leads and contacts, as each vendor's detector names them
 * (`SiteDetector.isPerson`). Other refs (Account, Opportunity, company 0-2, …) are still detected: the panel
 * says "open a lead or contact" instead of going blank.
 */
export function isPersonRecord(ref: RecordRef): boolean {
  return DETECTORS[ref.system].isPerson(ref.object);
}
