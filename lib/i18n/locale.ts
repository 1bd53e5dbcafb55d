/** The two languages Baton speaks. Japanese is the primary one: most users work in Japanese SFA/MA tenants. */
export const LOCALES = ['ja', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export type LanguageSetting = 'auto' | Locale;

/**
 * The options' language setting wins; on 'auto' the first browser language we speak wins
 * (navigator.languages is ordered by the user's preference), and Japanese when none matches.
 */
export function resolveLocale(setting: LanguageSetting, navigatorLanguages: readonly string[] | undefined): Locale {
  if (setting !== 'auto') return setting;
  for (const tag of navigatorLanguages ?? []) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'ja' || primary === 'en') return primary;
  }
  return 'ja';
}
