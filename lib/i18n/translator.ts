import type { Locale } from './locale';
import { ja } from './messages-ja';
import { en } from './messages-en';
import { translatorOf, type Catalog, type Translate } from './interpolate';

// Both catalogs: every page but the panel's first paint (lib/i18n/load-catalog.ts), which loads one.
const CATALOGS: Record<Locale, Catalog> = { ja, en };

export function createTranslator(locale: Locale): Translate {
  return translatorOf(CATALOGS[locale]);
}
