import { useEffect, type ReactNode } from 'react';
import { resolveLocale } from '../../lib/i18n/locale';
import { useDefinitions } from '../../lib/queries/use-definitions';
import { useSettings } from '../../lib/queries/use-settings';
import { I18nProvider } from './i18n-provider';

/**
 * The language from the options (or the browser's), and the team calendar's zone from the definitions in
 * force: every extension page wraps its app in this, so a change in options shows everywhere at once.
 */
export function AppI18nProvider({ children, languages }: { children: ReactNode; languages?: readonly string[] }) {
  const settings = useSettings();
  const { definitions } = useDefinitions();
  const locale = resolveLocale(settings.language, languages ?? globalThis.navigator?.languages);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <I18nProvider locale={locale} timeZone={definitions.calendar.timeZone}>
      {children}
    </I18nProvider>
  );
}
