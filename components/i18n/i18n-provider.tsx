import { useMemo, type ReactNode } from 'react';
import type { Locale } from '../../lib/i18n/locale';
import { createTranslator } from '../../lib/i18n/translator';
import { i18nOf, I18nValueProvider, type I18n } from './i18n-context';

/** The I18n of a locale and zone with both catalogs at hand (every page but the panel's first paint). */
export function createI18n(locale: Locale, timeZone?: string): I18n {
  return i18nOf(locale, timeZone, createTranslator(locale));
}

export function I18nProvider({ locale, timeZone, children }: { locale: Locale; timeZone?: string; children: ReactNode }) {
  const value = useMemo(() => createI18n(locale, timeZone), [locale, timeZone]);
  return <I18nValueProvider value={value}>{children}</I18nValueProvider>;
}
