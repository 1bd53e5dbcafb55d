import { SITE_DETECTORS, detectRecord } from './detect-record';
import { isPersonRecord } from './person-record';
import type { UnsupportedPage } from './site-detector';
import { toUrl } from './url-parts';

export type { UnsupportedPage } from './site-detector';

/**
 * Why a page gets no panel, or null when it shows a lead or contact the panel can open.
 * Works on full URLs and on the origin+path labels the content script sends (`pageLabel`): the codes that
 * need a query string (`dynamics-list`) simply fall back to `vendor-other` there.
 */
export function describeUnsupportedPage(url: string | URL): UnsupportedPage | null {
  const parsed = toUrl(url);
  if (!parsed) return 'not-vendor';
  const ref = detectRecord(parsed);
  if (ref) return isPersonRecord(ref) ? null : 'not-person-record';
  const owner = SITE_DETECTORS.find((d) => d.owns(parsed));
  if (!owner) return 'not-vendor';
  return owner.describe?.(parsed) ?? 'vendor-other';
}
