import type { RecordRef } from '../domain/model';
import type { SiteDetector } from './site-detector';

/**
 * The built-in demo workspace: two extension pages that look like an SFA and an MA lead page.
 *   chrome-extension://{id}/demo-sfa.html#/lead/{leadId}   → instance `sfa`
 *   moz-extension://{uuid}/demo-ma.html#/lead/{leadId}     → instance `ma`
 * Only these two paths: any other extension page (the options page, the panel) is not a record.
 */

const DEMO_PAGES: Readonly<Record<string, 'sfa' | 'ma'>> = { '/demo-sfa.html': 'sfa', '/demo-ma.html': 'ma' };
const LEAD_HASH = /^#\/lead\/([A-Za-z0-9_-]{1,64})\/?(?:\?.*)?$/;

function owns(url: URL): boolean {
  return (url.protocol === 'chrome-extension:' || url.protocol === 'moz-extension:') &&
    url.hostname !== '' &&
    Object.prototype.hasOwnProperty.call(DEMO_PAGES, url.pathname);
}

function detect(url: URL): RecordRef | null {
  if (!owns(url)) return null;
  const instance = DEMO_PAGES[url.pathname];
  const id = LEAD_HASH.exec(url.hash)?.[1];
  return instance && id ? { system: 'demo', instance, object: 'lead', id } : null;
}

const PERSON_OBJECTS: readonly string[] = ['lead'];

export const demoDetector: SiteDetector = { system: 'demo', detect, owns, isPerson: (object) => PERSON_OBJECTS.includes(object) };
