import type { RecordRef } from '../domain/model';
import { familyForUrl } from './hosts';
import type { SiteDetector, UnsupportedPage } from './site-detector';
import { DIGITS, pathSegments } from './url-parts';

/**
 * HubSpot record pages on app.hubspot.com and the regional app hosts:
 *   /contacts/{portalId}/record/{objectTypeId}/{recordId}[/…]   (0-1 contact, 0-2 company, 0-3 deal, 0-5 ticket,
 *                                                               0-136 lead, 2-… custom objects)
 *   /contacts/{portalId}/contact/{recordId}                      (legacy; also company, deal, ticket)
 * Object type ids: https://developers.hubspot.com/docs/guides/crm/using-object-apis
 *
 * Instance: the portal (Hub) id. Portal ids are unique across data centres, so the EU and US hosts need
 * no separate instance. Object: the objectTypeId, which the CRM v3 APIs take as they are.
 */

const OBJECT_TYPE_ID = /^[0-9]{1,3}-[0-9]{1,12}$/;
const LEGACY_OBJECTS: Readonly<Record<string, string>> = { contact: '0-1', company: '0-2', deal: '0-3', ticket: '0-5' };

function owns(url: URL): boolean {
  return familyForUrl(url)?.system === 'hubspot';
}

function detect(url: URL): RecordRef | null {
  if (!owns(url)) return null;
  const [app, portal, kind, a, b] = pathSegments(url) ?? [];
  if (app !== 'contacts' || portal === undefined || !DIGITS.test(portal)) return null;
  if (kind === 'record' && a !== undefined && b !== undefined && OBJECT_TYPE_ID.test(a) && DIGITS.test(b)) {
    return { system: 'hubspot', instance: portal, object: a, id: b };
  }
  const legacy = kind === undefined ? undefined : LEGACY_OBJECTS[kind];
  if (legacy && a !== undefined && DIGITS.test(a)) {
    return { system: 'hubspot', instance: portal, object: legacy, id: a };
  }
  return null;
}

/** Index pages: /contacts/{portalId}/objects/0-1/views/all/list, /contacts/{portalId}/contacts/list/view/all/. */
function describe(url: URL): UnsupportedPage | undefined {
  const [app, portal, kind] = pathSegments(url) ?? [];
  if (app !== 'contacts' || portal === undefined || !DIGITS.test(portal)) return undefined;
  if (kind === undefined || kind === 'objects' || /^(contacts|companies|deals|tickets|leads)$/.test(kind)) {
    return 'hubspot-index';
  }
  return undefined;
}

// Contacts (0-1) and HubSpot's lead object (0-136), which points at a contact.
const PERSON_OBJECTS: readonly string[] = ['0-1', '0-136'];

export const hubspotDetector: SiteDetector = { system: 'hubspot', detect, owns, describe, isPerson: (object) => PERSON_OBJECTS.includes(object) };
