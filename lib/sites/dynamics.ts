import type { RecordRef } from '../domain/model';
import { familyForUrl } from './hosts';
import type { SiteDetector, UnsupportedPage } from './site-detector';
import { queryParam } from './url-parts';

/**
 * Dynamics 365 (model-driven app) record forms:
 *   https://{org}.crm{n}.dynamics.com/main.aspx?appid={app}&pagetype=entityrecord&etn=lead&id=%7B…%7D
 * `etn` is the table's logical name (always lower case); `id` is a GUID, with or without braces.
 * https://learn.microsoft.com/en-us/power-apps/developer/model-driven-apps/open-forms-views-dialogs-reports-url
 *
 * Instance: the org host ({org}.crm{n}.dynamics.com), which is also the Web API base.
 * Id: the GUID in lower case without braces, as the Web API prints it.
 */

const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;
const LOGICAL_NAME = /^[a-z][a-z0-9_]{0,63}$/;

function owns(url: URL): boolean {
  return familyForUrl(url)?.system === 'dynamics';
}

function isMainPage(url: URL): boolean {
  return url.pathname.toLowerCase() === '/main.aspx';
}

function detect(url: URL): RecordRef | null {
  if (!owns(url) || !isMainPage(url)) return null;
  if (queryParam(url, 'pagetype')?.toLowerCase() !== 'entityrecord') return null;
  const etn = queryParam(url, 'etn')?.toLowerCase();
  const guid = GUID.exec(queryParam(url, 'id')?.trim() ?? '')?.[1];
  if (!etn || !LOGICAL_NAME.test(etn) || !guid) return null;
  return { system: 'dynamics', instance: url.hostname, object: etn, id: guid.toLowerCase() };
}

function describe(url: URL): UnsupportedPage | undefined {
  return isMainPage(url) && queryParam(url, 'pagetype')?.toLowerCase() === 'entitylist' ? 'dynamics-list' : undefined;
}

const PERSON_OBJECTS: readonly string[] = ['lead', 'contact'];

export const dynamicsDetector: SiteDetector = { system: 'dynamics', detect, owns, describe, isPerson: (object) => PERSON_OBJECTS.includes(object) };
