import { useI18n } from '../i18n/i18n-provider';
import { Card } from '../ui/card';

/**
 * SLOT: the 15-check alignment diagnostic (issue 11, item 5) is built on another branch as
 * `components/diagnostic/diagnostic-section.tsx` (`DiagnosticSection`, no required props). When it is merged,
 * replace this component's use in team-app.tsx by `<DiagnosticSection />` and delete this file.
 */
export function DiagnosticSlot() {
  const { t } = useI18n();
  return (
    <Card title={t('teamPage.diagnostic.title')}>
      <p className="small muted" data-testid="diagnostic-slot">
        {t('teamPage.diagnostic.soon')}
      </p>
    </Card>
  );
}
