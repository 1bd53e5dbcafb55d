import type { RecordRef } from '../domain/model';
import { familyForUrl } from './hosts';
import type { SiteDetector } from './site-detector';
import { DIGITS } from './url-parts';

/**
 * Marketo Engage lead detail: https://app-{pod}.marketo.com/leadDatabase/loadLeadDetail?leadId={id}
 * (the page Lead Database opens for one person; the id is the numeric lead id the REST API takes:
 * https://developers.marketo.com/rest-api/lead-database/leads/).
 * The rest of the Marketo app is a single page addressed by `#ML…`, `#LA…` fragments that name lists and
 * programs, never one lead, so they are not records.
 *
 * Instance: the app host. Its pod (app-ab12) is not the Munchkin id (123-ABC-456) that the REST API
 * needs; the connector settings map the host to the Munchkin id, the URL cannot.
 */

function owns(url: URL): boolean {
  return familyForUrl(url)?.system === 'marketo';
}

function detect(url: URL): RecordRef | null {
  if (!owns(url)) return null;
  if (url.pathname.replace(/\/$/, '') !== '/leadDatabase/loadLeadDetail') return null;
  const id = url.searchParams.get('leadId');
  return id !== null && DIGITS.test(id) ? { system: 'marketo', instance: url.hostname, object: 'lead', id } : null;
}

const PERSON_OBJECTS: readonly string[] = ['lead'];

export const marketoDetector: SiteDetector = { system: 'marketo', detect, owns, isPerson: (object) => PERSON_OBJECTS.includes(object) };
