import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nProvider } from '../../components/i18n/i18n-provider';
import type { Locale } from '../../lib/i18n/locale';
import { createTranslator } from '../../lib/i18n/translator';

/** Renders inside the provider the panel uses; the team zone defaults to the default definitions' Tokyo. */
export function renderIn(locale: Locale, ui: ReactElement, timeZone = 'Asia/Tokyo'): RenderResult {
  return render(
    <I18nProvider locale={locale} timeZone={timeZone}>
      {ui}
    </I18nProvider>,
  );
}

/** Expected words come from the catalogs, so a test fails when the UI shows another message, not when wording is polished. */
export const ja = createTranslator('ja');
export const en = createTranslator('en');
