import { createContext, useContext, type ReactNode } from 'react';
import type { Localized } from '../../lib/domain/definitions/schema';
import type { Translate } from '../../lib/i18n/interpolate';
import type { Locale } from '../../lib/i18n/locale';
import {
  differsFromBrowserZone,
  formatCountdown,
  formatDate,
  formatDateTime,
  formatDay,
  formatDuration,
  formatMoney,
  formatMonthDay,
  formatNumber,
  formatSigned,
  formatTime,
  formatWeekdayTime,
} from '../../lib/i18n/format';

/** Everything a component needs to speak the user's language, bound to the locale and the team's time zone. */
export interface I18n {
  locale: Locale;
  /** The team calendar's IANA zone; undefined means the browser's own zone. */
  timeZone: string | undefined;
  t: Translate;
  /** Picks the user's language from a bilingual label of the definitions. */
  l: (label: Localized) => string;
  dateTime: (ms: number) => string;
  weekdayTime: (ms: number) => string;
  time: (ms: number) => string;
  day: (ms: number) => string;
  date: (ms: number) => string;
  /** A day on a chart's time axis (11月25日 · Nov 25). */
  monthDay: (ms: number) => string;
  duration: (minutes: number) => string;
  countdown: (seconds: number) => string;
  number: (n: number, fractionDigits?: number) => string;
  signed: (n: number) => string;
  money: (amount: number, currency: string | undefined) => string;
}

/** The I18n of a locale and zone over a given translator (i18n-provider.tsx binds it to both catalogs). */
export function i18nOf(locale: Locale, timeZone: string | undefined, t: Translate): I18n {
  const withZone = differsFromBrowserZone(timeZone);
  return {
    locale,
    timeZone,
    t,
    l: (label) => label[locale],
    dateTime: (ms) => formatDateTime(locale, ms, timeZone, withZone),
    weekdayTime: (ms) => formatWeekdayTime(locale, ms, timeZone, withZone),
    time: (ms) => formatTime(locale, ms, timeZone),
    day: (ms) => formatDay(locale, ms, timeZone),
    date: (ms) => formatDate(locale, ms, timeZone),
    monthDay: (ms) => formatMonthDay(locale, ms, timeZone),
    duration: (minutes) => formatDuration(locale, minutes),
    countdown: (seconds) => formatCountdown(locale, seconds),
    number: (n, fractionDigits) => formatNumber(locale, n, fractionDigits),
    signed: (n) => formatSigned(locale, n),
    money: (amount, currency) => formatMoney(locale, amount, currency),
  };
}

/**
 * No catalog here: components read the language from this module, so the panel's first paint, which loads one
 * catalog (lib/i18n/load-catalog.ts), does not load both through them. Outside any provider, a message shows its key.
 */
const I18nContext = createContext<I18n>(i18nOf('ja', undefined, (key) => key));

export function I18nValueProvider({ value, children }: { value: I18n; children: ReactNode }) {
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
