import type { RecordRef } from '../domain/model';
import { familyForUrl } from './hosts';
import type { SiteDetector } from './site-detector';
import { DIGITS, pathSegments } from './url-parts';

/**
 * Account Engagement (Pardot) prospect pages: https://pi.pardot.com/prospect/read/id/{id} and the same on
 * pi.demo.pardot.com (demo/training orgs). `/prospect/read?id={id}` is accepted too: older links use it.
 * The id is the numeric prospect id the v5 API reads (/api/v5/objects/prospects/{id}):
 * https://developer.salesforce.com/docs/marketing/pardot/guide/prospect-v5.html
 *
 * Instance: the host. Which business unit a prospect belongs to is not in the URL (it is a header on
 * API calls), so the connector's settings supply it.
 */

function owns(url: URL): boolean {
  return familyForUrl(url)?.system === 'pardot';
}

function detect(url: URL): RecordRef | null {
  if (!owns(url)) return null;
  const s = pathSegments(url) ?? [];
  if (s[0] !== 'prospect' || s[1] !== 'read') return null;
  const id = s.length === 4 && s[2] === 'id' ? s[3] : s.length === 2 ? url.searchParams.get('id') : undefined;
  return id != null && DIGITS.test(id) ? { system: 'pardot', instance: url.hostname, object: 'prospect', id } : null;
}

const PERSON_OBJECTS: readonly string[] = ['prospect'];

export const pardotDetector: SiteDetector = { system: 'pardot', detect, owns, isPerson: (object) => PERSON_OBJECTS.includes(object) };
