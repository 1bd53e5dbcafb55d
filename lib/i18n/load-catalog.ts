import type { Catalog } from './interpolate';
import type { Locale } from './locale';

/**
 * One language's catalog, loaded on its own (issue 16): the panel's first paint speaks one language, and the two
 * catalogs together were a fifth of the JavaScript it loaded before showing anything.
 */
export function loadCatalog(locale: Locale): Promise<Catalog> {
  return locale === 'ja' ? import('./messages-ja').then((m) => m.ja) : import('./messages-en').then((m) => m.en);
}
