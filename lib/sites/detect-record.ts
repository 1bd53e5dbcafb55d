import type { RecordRef, SystemId } from '../domain/model';
import { demoDetector } from './demo';
import { dynamicsDetector } from './dynamics';
import { hubspotDetector } from './hubspot';
import { kintoneDetector } from './kintone';
import { marketoDetector } from './marketo';
import { pardotDetector } from './pardot';
import { salesforceDetector } from './salesforce';
import type { SiteDetector } from './site-detector';
import { toUrl } from './url-parts';

/**
 * Every detector. Each checks its own host family first, so at most one can answer for a URL; the tests
 * run every corpus URL through every detector to keep it so.
 * The content script bundles this file and everything it imports: keep them dependency-free
 * (types only from lib/domain, no zod), tests/sites/bundle-size.test.ts holds the line.
 */
export const DETECTORS: Readonly<Record<SystemId, SiteDetector>> = {
  salesforce: salesforceDetector,
  hubspot: hubspotDetector,
  marketo: marketoDetector,
  pardot: pardotDetector,
  dynamics: dynamicsDetector,
  kintone: kintoneDetector,
  demo: demoDetector,
};

export const SITE_DETECTORS: readonly SiteDetector[] = Object.values(DETECTORS);

/** The record a page URL shows, or null for anything else (other pages, other sites, unparsable input). */
export function detectRecord(url: string | URL): RecordRef | null {
  const parsed = toUrl(url);
  if (!parsed) return null;
  for (const detector of SITE_DETECTORS) {
    const ref = detector.detect(parsed);
    if (ref) return ref;
  }
  return null;
}
